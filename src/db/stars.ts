// The user's stars: one-tap cycling, setting a level, resolving a clash in one step, and undoing any of them.
// Every write is one unit of work on the user-data store (an IndexedDB transaction, or its memory stand-in).
import type { EventId, SessionId } from '../domain/model'
import { nextStarLevel, type StarLevel } from '../domain/stars'
import type { StarRow } from './HallwayDB'
import type { UserDataStore, UserDataTx } from './userDataStore'

export type { StarLevel } from '../domain/stars'

/** What a write replaced, row by row: enough for {@link undoStars} to put everything back. */
export interface StarUndo {
  eventId: EventId
  previous: ReadonlyArray<{ sessionId: SessionId; row: StarRow | undefined }>
}

/**
 * Sets each session's level (null removes the star) inside `tx`, and returns what was there before. The building
 * block of every star write here and in merge.ts, so each one is undone by {@link undoStars} the same way.
 */
export async function writeLevels(
  tx: UserDataTx,
  eventId: EventId,
  changes: ReadonlyArray<readonly [SessionId, StarLevel | null]>,
  now: Date,
): Promise<StarUndo> {
  const previous: Array<{ sessionId: SessionId; row: StarRow | undefined }> = []
  const updatedAt = now.toISOString()
  for (const [sessionId, level] of changes) {
    const row = await tx.getStar(eventId, sessionId)
    previous.push({ sessionId, row })
    if (level === null) {
      if (row) await tx.deleteStar(eventId, sessionId)
    } else if (row?.level !== level) {
      await tx.putStar({ eventId, sessionId, level, updatedAt })
    }
  }
  return { eventId, previous }
}

/** Stars `sessionId` at `level`, or removes its star when `level` is null. */
export function setStarLevel(
  store: UserDataStore,
  eventId: EventId,
  sessionId: SessionId,
  level: StarLevel | null,
  now: Date = new Date(),
): Promise<StarUndo> {
  return store.transact((tx) => writeLevels(tx, eventId, [[sessionId, level]], now))
}

/**
 * Moves a session's star one step along {@link nextStarLevel}, reading the current level inside the same unit of
 * work, so two quick taps (or two tabs) never both start from the same level.
 */
export function cycleStar(
  store: UserDataStore,
  eventId: EventId,
  sessionId: SessionId,
  now: Date = new Date(),
): Promise<{ level: StarLevel | null; undo: StarUndo }> {
  return store.transact(async (tx) => {
    const current = await tx.getStar(eventId, sessionId)
    const level = nextStarLevel(current?.level)
    const undo = await writeLevels(tx, eventId, [[sessionId, level]], now)
    return { level, undo }
  })
}

/** What happens to the session the user did not pick. */
export type DropTo = 'maybe' | 'remove'

export interface Resolution {
  /** The session the user picks: a side of the clash, or an alternative not yet starred. */
  keep: SessionId
  /** Its level afterwards. */
  keepLevel: StarLevel
  /** The session it wins over. */
  drop: SessionId
  dropTo: DropTo
}

/** Resolves a clash in one step: `keep` at `keepLevel`, `drop` demoted to maybe or removed. All or nothing. */
export function resolveConflict(
  store: UserDataStore,
  eventId: EventId,
  resolution: Resolution,
  now: Date = new Date(),
): Promise<StarUndo> {
  const { keep, keepLevel, drop, dropTo } = resolution
  if (keep === drop) return Promise.reject(new Error('A clash has two different sessions.'))
  return store.transact((tx) =>
    writeLevels(
      tx,
      eventId,
      [
        [keep, keepLevel],
        [drop, dropTo === 'maybe' ? 'maybe' : null],
      ],
      now,
    ),
  )
}

/** Puts back every row a write replaced (including its `updatedAt`), in one unit of work. */
export function undoStars(store: UserDataStore, undo: StarUndo): Promise<void> {
  return store.transact(async (tx) => {
    // Last first, so a session written twice in one change ends up as it was before the first write.
    for (const { sessionId, row } of [...undo.previous].reverse()) {
      if (row) await tx.putStar(row)
      else await tx.deleteStar(undo.eventId, sessionId)
    }
  })
}
