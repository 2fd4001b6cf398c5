// Taking sessions from someone else's plan into the user's own: add some or all of them, or replace the plan with
// theirs. Each is one unit of work that returns a StarUndo, so the toast's Undo puts back the exact rows.
import type { EventId, SessionId } from '../domain/model'
import type { StarLevel } from '../domain/stars'
import { writeLevels, type StarUndo } from './stars'
import type { UserDataStore } from './userDataStore'

export interface MergeResult {
  /** Sessions newly starred. */
  added: number
  /** Stars taken away (only "replace" does that). */
  removed: number
  /** Stars whose level changed to the other plan's (only "replace" does that). */
  changed: number
  undo: StarUndo
}

/**
 * Stars each session the user has not starred yet, at the other plan's level. A session already in the plan keeps
 * its level: adding never removes or demotes anything. Checked inside the unit of work, so a star set meanwhile in
 * another tab is left as it is.
 */
export function addStars(
  store: UserDataStore,
  eventId: EventId,
  entries: ReadonlyArray<readonly [SessionId, StarLevel]>,
  now: Date = new Date(),
): Promise<MergeResult> {
  return store.transact(async (tx) => {
    const changes: Array<[SessionId, StarLevel]> = []
    for (const [sessionId, level] of entries) {
      if (!(await tx.getStar(eventId, sessionId))) changes.push([sessionId, level])
    }
    const undo = await writeLevels(tx, eventId, changes, now)
    return { added: changes.length, removed: 0, changed: 0, undo }
  })
}

/**
 * Makes the user's plan exactly `entries`: their sessions at their levels, every other star the user has on a
 * session `inPlan` accepts removed. `inPlan` is "in the schedule shown": a star on a session the schedule no longer
 * has is not part of the plan the user sees, so replacing what they see leaves it (and whatever it records) alone.
 */
export function replaceStars(
  store: UserDataStore,
  eventId: EventId,
  entries: ReadonlyArray<readonly [SessionId, StarLevel]>,
  inPlan: (sessionId: SessionId) => boolean,
  now: Date = new Date(),
): Promise<MergeResult> {
  return store.transact(async (tx) => {
    const wanted = new Map(entries)
    const mine = await tx.listStars(eventId)
    const changes: Array<[SessionId, StarLevel | null]> = []
    let removed = 0
    let changed = 0
    for (const row of mine) {
      const level = wanted.get(row.sessionId)
      if (level === undefined) {
        if (!inPlan(row.sessionId)) continue
        changes.push([row.sessionId, null])
        removed += 1
      } else if (level !== row.level) {
        changes.push([row.sessionId, level])
        changed += 1
      }
    }
    const had = new Set(mine.map((r) => r.sessionId))
    let added = 0
    for (const [sessionId, level] of wanted) {
      if (had.has(sessionId)) continue
      changes.push([sessionId, level])
      added += 1
    }
    const undo = await writeLevels(tx, eventId, changes, now)
    return { added, removed, changed, undo }
  })
}
