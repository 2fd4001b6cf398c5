// Schedule updates: what changed between two versions of one event's schedule, so stars survive the update and the
// user sees which of their starred sessions moved, were retimed, renamed or cancelled.
import { compareByTime, type StarLevel, type StarMap } from './conflicts'
import { normalizeTitle } from './ids'
import type { Session, SessionId, Venue } from './model'
import { minutesBetween } from './time'

/** What changed about a session that kept its place in the schedule. Other fields (abstract, speakers) are ignored. */
export type ChangedField = 'time' | 'room' | 'title'

export interface SessionAdded {
  kind: 'added'
  session: Session
}

export interface SessionRemoved {
  kind: 'removed'
  session: Session
}

/** Same ID in both versions, with at least one {@link ChangedField} different. */
export interface SessionChanged {
  kind: 'changed'
  id: SessionId
  before: Session
  after: Session
  /** Non-empty, in the order time, room, title. */
  fields: ChangedField[]
}

/**
 * A session whose ID disappeared while a new ID appeared in the same slot: same start, same room, similar length.
 * IDs hash the title, so a retitled session gets a new ID; this is how its stars find it again.
 *
 * The diff cannot tell a retitled talk from a different talk put into the slot of a cancelled one, so the UI
 * should always show renames of starred sessions; `titleSimilarity` near 0 suggests a replacement.
 */
export interface SessionRenamed {
  kind: 'renamed'
  oldId: SessionId
  newId: SessionId
  before: Session
  after: Session
  /** What else differs: usually 'title'; 'time' when the end moved too. Never 'room' (the match requires it). */
  fields: ChangedField[]
  /** Share of title words in common (Jaccard, 0…1) after normalising case and punctuation. */
  titleSimilarity: number
}

/** Everything that differs between two versions of a schedule. Each list is in time order (the new time, if any). */
export interface ScheduleDiff {
  added: SessionAdded[]
  removed: SessionRemoved[]
  changed: SessionChanged[]
  renamed: SessionRenamed[]
}

/** Whether the update changed anything at all. */
export function hasScheduleChanges(diff: ScheduleDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length + diff.renamed.length > 0
}

// How much a renamed session's length may differ from the old one's: a rename keeps its slot but may be trimmed or
// extended a little (30 → 35 min). The larger of the two allowances applies, so 5-minute keynotes and 75-minute
// Contribfests both get a sensible slack (5 and ~19 min), and a 30-minute talk never matches a 75-minute workshop.
const RENAME_SLACK_MIN = 5 // minutes
const RENAME_SLACK_SHARE = 0.25 // of the longer of the two durations

/**
 * Compares two versions of one event's schedule by session ID (IDs are unique within each list, as
 * `parseSnapshot` guarantees). Sessions present in only one version are paired as renames when they share a
 * start and a room and have similar lengths; when several pairings in one slot are equally good, none is made,
 * since a star carried to the wrong talk is worse than one the user re-adds. O(n log n) for real schedules.
 */
export function diffSchedules(oldSessions: readonly Session[], newSessions: readonly Session[]): ScheduleDiff {
  const oldById = new Map(oldSessions.map((s) => [s.id, s]))
  const newById = new Map(newSessions.map((s) => [s.id, s]))

  const changed: SessionChanged[] = []
  for (const after of newById.values()) {
    const before = oldById.get(after.id)
    if (!before) continue
    const fields = changedFields(before, after)
    if (fields.length > 0) changed.push({ kind: 'changed', id: after.id, before, after, fields })
  }

  const gone = [...oldById.values()].filter((s) => !newById.has(s.id))
  const fresh = [...newById.values()].filter((s) => !oldById.has(s.id))
  const renamed = matchRenames(gone, fresh)
  const renamedOld = new Set(renamed.map((r) => r.oldId))
  const renamedNew = new Set(renamed.map((r) => r.newId))

  return {
    added: fresh
      .filter((s) => !renamedNew.has(s.id))
      .sort(compareByTime)
      .map((session) => ({ kind: 'added', session })),
    removed: gone
      .filter((s) => !renamedOld.has(s.id))
      .sort(compareByTime)
      .map((session) => ({ kind: 'removed', session })),
    changed: changed.sort((a, b) => compareByTime(a.after, b.after)),
    renamed: renamed.sort((a, b) => compareByTime(a.after, b.after)),
  }
}

function changedFields(before: Session, after: Session): ChangedField[] {
  const fields: ChangedField[] = []
  if (before.start !== after.start || before.end !== after.end) fields.push('time')
  if (roomKey(before.venue) !== roomKey(after.venue)) fields.push('room')
  if (cleanTitle(before.title) !== cleanTitle(after.title)) fields.push('title')
  return fields
}

/** Spacing edits are not changes; case edits are (the user sees them). */
function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim()
}

/** The place a session happens, ignoring case, spacing and the raw source text (which carries the city). */
export function roomKey(v: Venue): string {
  return [v.building, v.level, v.room, v.area].map((p) => (p ?? '').replace(/\s+/g, ' ').trim().toLowerCase()).join('\u0000')
}

function durationMin(s: Session): number {
  return minutesBetween(s.start, s.end)
}

function similarLength(da: number, db: number): boolean {
  return Math.abs(da - db) <= Math.max(RENAME_SLACK_MIN, RENAME_SLACK_SHARE * Math.max(da, db))
}

function titleWords(title: string): Set<string> {
  return new Set(normalizeTitle(title).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''))
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let common = 0
  for (const w of a) if (b.has(w)) common++
  return common / (a.size + b.size - common)
}

interface Candidate {
  before: Session
  after: Session
  lengthDiff: number
  similarity: number
}

/** A session with what matching compares, computed once: date parsing and word splitting dominate otherwise. */
interface Prepared {
  session: Session
  minutes: number
  words: Set<string>
}

/**
 * Pairs sessions that left with sessions that arrived in the same slot. Best pairs first (closest length, then
 * most similar title); a pair is taken only when neither side has another equally good option, and a side that
 * was ambiguous is not offered a worse pair later. Slots are matched independently, so the cost is the sum of
 * (leavers × arrivals) per slot: tiny for real updates, ~0.5 s for the pathological 10,000-session rename-all.
 */
function matchRenames(gone: readonly Session[], fresh: readonly Session[]): SessionRenamed[] {
  const prepare = (session: Session): Prepared => ({ session, minutes: durationMin(session), words: titleWords(session.title) })
  const slotKey = (s: Session) => `${s.start}\u0000${roomKey(s.venue)}`
  const slots = new Map<string, { gone: Prepared[]; fresh: Prepared[] }>()
  for (const s of fresh) {
    const key = slotKey(s)
    const slot = slots.get(key)
    if (slot) slot.fresh.push(prepare(s))
    else slots.set(key, { gone: [], fresh: [prepare(s)] })
  }
  for (const s of gone) slots.get(slotKey(s))?.gone.push(prepare(s))

  const renames: SessionRenamed[] = []
  for (const slot of slots.values()) {
    if (slot.gone.length === 0) continue
    const candidates: Candidate[] = []
    for (const b of slot.gone) {
      for (const a of slot.fresh) {
        if (!similarLength(b.minutes, a.minutes)) continue
        candidates.push({
          before: b.session,
          after: a.session,
          lengthDiff: Math.abs(b.minutes - a.minutes),
          similarity: jaccard(b.words, a.words),
        })
      }
    }
    pairUnambiguous(candidates, renames)
  }
  return renames
}

/** Takes candidates best first, tier by tier of equal score, into `out`. */
function pairUnambiguous(candidates: Candidate[], out: SessionRenamed[]): void {
  candidates.sort((x, y) => x.lengthDiff - y.lengthDiff || y.similarity - x.similarity)
  const used = new Set<SessionId>() // old and new IDs share one set: an ID cannot be both gone and fresh
  for (let i = 0; i < candidates.length; ) {
    // One tier: every candidate as good as candidates[i].
    let j = i
    const c0 = candidates[i]!
    while (j < candidates.length && candidates[j]!.lengthDiff === c0.lengthDiff && candidates[j]!.similarity === c0.similarity) j++
    const tier = candidates.slice(i, j).filter((c) => !used.has(c.before.id) && !used.has(c.after.id))
    const uses = new Map<SessionId, number>()
    for (const c of tier) {
      uses.set(c.before.id, (uses.get(c.before.id) ?? 0) + 1)
      uses.set(c.after.id, (uses.get(c.after.id) ?? 0) + 1)
    }
    for (const c of tier) {
      if (uses.get(c.before.id) === 1 && uses.get(c.after.id) === 1) {
        out.push({
          kind: 'renamed',
          oldId: c.before.id,
          newId: c.after.id,
          before: c.before,
          after: c.after,
          fields: changedFields(c.before, c.after),
          titleSimilarity: c.similarity,
        })
      }
    }
    // Matched sides are taken; ambiguous ones are withdrawn rather than offered a worse match in a later tier.
    for (const c of tier) {
      used.add(c.before.id)
      used.add(c.after.id)
    }
    i = j
  }
}

// ---- What the user must see -----------------------------------------------------------------------------------

/** How an update touched a starred session, in user terms. 'cancelled' is always alone. */
export type StarredChangeKind = 'renamed' | 'retimed' | 'moved' | 'cancelled'

export interface StarredChange {
  /** The session's ID in the old schedule: the key of the user's star. */
  id: SessionId
  /** Where the star belongs now: `id`, the new ID of a renamed session, or null when it was cancelled. */
  newId: SessionId | null
  before: Session
  /** null when cancelled. */
  after: Session | null
  /** Non-empty, in the order renamed, retimed, moved. */
  what: StarredChangeKind[]
}

/** The user-facing kinds for the fields a change touched, in the order renamed, retimed, moved. */
function whatOf(fields: readonly ChangedField[]): StarredChangeKind[] {
  const what: StarredChangeKind[] = []
  if (fields.includes('title')) what.push('renamed')
  if (fields.includes('time')) what.push('retimed')
  if (fields.includes('room')) what.push('moved')
  return what
}

/**
 * The changes a user with these stars must be told about, in the old schedule's time order. `starred` is the star
 * map or a set of IDs (anything with `has`), keyed by the old schedule's IDs. A session that only got a new ID
 * (same title, time and room) is not listed; {@link carryOverStars} still moves its star.
 */
export function starredChanges(diff: ScheduleDiff, starred: { has(id: SessionId): boolean }): StarredChange[] {
  const out: StarredChange[] = []
  for (const c of diff.changed) {
    if (starred.has(c.id)) out.push({ id: c.id, newId: c.id, before: c.before, after: c.after, what: whatOf(c.fields) })
  }
  for (const r of diff.renamed) {
    const what = whatOf(r.fields)
    if (starred.has(r.oldId) && what.length > 0) {
      out.push({ id: r.oldId, newId: r.newId, before: r.before, after: r.after, what })
    }
  }
  for (const { session } of diff.removed) {
    if (starred.has(session.id)) out.push({ id: session.id, newId: null, before: session, after: null, what: ['cancelled'] })
  }
  return out.sort((a, b) => compareByTime(a.before, b.before))
}

/**
 * The stars after the update: a renamed session's star moves to its new ID (keeping the stronger level if the
 * user had starred both). Stars of cancelled sessions are kept: they match nothing in the new schedule, cost
 * nothing, and come back to life if the session returns.
 */
export function carryOverStars(stars: StarMap, diff: ScheduleDiff): Map<SessionId, StarLevel> {
  const next = new Map(stars)
  for (const r of diff.renamed) {
    const level = next.get(r.oldId)
    if (!level) continue
    next.delete(r.oldId)
    const existing = next.get(r.newId)
    next.set(r.newId, existing === 'must' || level === 'must' ? 'must' : 'maybe')
  }
  return next
}

/**
 * The changes to show after this update, given those the user has not acknowledged from earlier ones
 * (`pending`). The user has not seen what an earlier update did, so a session that changes again keeps one entry,
 * measured from what the user last saw (its `before`) to the session now:
 * - moved, then moved again: one "moved" entry to the newest room;
 * - moved, then moved back: no entry at all (nothing differs from what the user knows);
 * - cancelled, then back in the schedule under the same ID: compared like any other change.
 * Sessions the earlier entries do not cover get {@link starredChanges}' entries, so pass the same `starred` (the
 * stars before this update, by the old schedule's IDs).
 *
 * In a result entry that follows a pending one, `id` is the session's ID before this update (where the star is
 * now, as {@link StarredChange.id} says) while `before` keeps the session the user last saw, whose ID may be older.
 */
export function followStarredChanges(
  pending: readonly StarredChange[],
  diff: ScheduleDiff,
  starred: { has(id: SessionId): boolean },
): StarredChange[] {
  const changedById = new Map(diff.changed.map((c) => [c.id, c.after]))
  const renamedByOld = new Map(diff.renamed.map((r) => [r.oldId, r]))
  const removed = new Set(diff.removed.map((r) => r.session.id))
  const addedById = new Map(diff.added.map((a) => [a.session.id, a.session]))

  const out: StarredChange[] = []
  const followed = new Set<SessionId>()
  for (const p of pending) {
    const current = p.newId ?? p.id
    followed.add(current)
    let now: { id: SessionId; after: Session | null } | undefined
    const renamed = renamedByOld.get(current)
    if (changedById.has(current)) now = { id: current, after: changedById.get(current)! }
    else if (renamed) now = { id: renamed.newId, after: renamed.after }
    else if (removed.has(current)) now = { id: current, after: null }
    else if (p.after === null && addedById.has(current)) now = { id: current, after: addedById.get(current)! }
    if (!now) {
      out.push(p) // untouched by this update
      continue
    }
    if (now.after === null) {
      out.push({ id: current, newId: null, before: p.before, after: null, what: ['cancelled'] })
      continue
    }
    const what = whatOf(changedFields(p.before, now.after))
    // Back to what the user last saw (same title, time and room): nothing left to tell.
    if (what.length > 0) out.push({ id: current, newId: now.id, before: p.before, after: now.after, what })
  }
  for (const change of starredChanges(diff, starred)) if (!followed.has(change.id)) out.push(change)
  return out.sort((a, b) => compareByTime(a.before, b.before))
}

/**
 * A key that identifies one change to one session, for remembering that the user acknowledged it: the same
 * change gives the same key, and a further change to the session (another room, another time) gives a new one.
 */
export function starredChangeKey(change: StarredChange): string {
  const a = change.after
  const state = a ? [a.id, a.start, a.end, roomKey(a.venue), cleanTitle(a.title)] : ['cancelled']
  return [change.id, ...state].join('|')
}

