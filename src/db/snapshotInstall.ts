// Putting a validated schedule snapshot into IndexedDB: all of it or none of it. A replacement keeps the IDs the
// stored schedule gave its sessions, carries the user's stars over to renamed sessions and records what happened to
// their starred sessions, in the same transaction.
import { Dexie } from 'dexie'
import type { StarMap } from '../domain/conflicts'
import { fnv1a32Hex } from '../domain/ids'
import { carryIds } from '../domain/idCarry'
import type { EventId, Session, SessionId, Snapshot } from '../domain/model'
import { carryOverStars, diffSchedules, followStarredChanges, hasScheduleChanges, starredChangeKey } from '../domain/scheduleDiff'
import type { HallwayDB, NoteRow, ScheduleChangeRow, StarRow, StoredEvent, StoredSession } from './HallwayDB'

export type InstallResult = 'installed' | 'unchanged' | 'replaced'

/**
 * Installs `snapshot` for its event in one read-write transaction over events, sessions, stars and scheduleChanges:
 * - the same file (contentHash) and schemaVersion as the installed one → 'unchanged', nothing written;
 * - otherwise the event's sessions are replaced wholesale and the event row rewritten. When an older schedule was
 *   there, its sessions keep their IDs ({@link carryIds}: a session that shares its title with others would otherwise
 *   take over another's ID, star and share links), and when the user has stars in it, it is compared with the new one
 *   (see {@link recordScheduleUpdate}).
 * Any failure (quota, constraint, …) aborts the transaction, so the previous schedule, stars and change records stay
 * as they were. Settings are outside the transaction's scope, so it cannot touch them even by mistake.
 */
export async function installSnapshot(db: HallwayDB, snapshot: Snapshot, now: Date = new Date()): Promise<InstallResult> {
  const eventId = snapshot.event.id
  return db.transaction('rw', [db.events, db.sessions, db.stars, db.notes, db.scheduleChanges], async (): Promise<InstallResult> => {
    const existing = await db.events.get(eventId)
    if (existing && installedFileHash(existing) === snapshot.contentHash && existing.schemaVersion === snapshot.schemaVersion) {
      return 'unchanged'
    }
    const eventSessions = db.sessions.where('[eventId+id]').between([eventId, Dexie.minKey], [eventId, Dexie.maxKey], true, true)
    // The old schedule, read before it goes: its IDs are what stars, share links and calendar UIDs name, with or
    // without stars on this device (a link received, a calendar export, a star tapped later). This read is most of
    // an update's cost beyond a fresh install.
    const previous: Session[] = existing ? (await eventSessions.toArray()).map(withoutEventId) : []
    const carried = existing ? carryIds(eventId, previous, snapshot.sessions) : { sessions: snapshot.sessions, changed: [] }
    // The diff has something to look after only with stars, notes, or changes not yet seen (which must follow the
    // sessions).
    const compare =
      existing !== undefined &&
      ((await db.stars.where('eventId').equals(eventId).count()) > 0 ||
        (await db.notes.where('eventId').equals(eventId).count()) > 0 ||
        (await db.scheduleChanges.where('eventId').equals(eventId).filter((r) => !r.acknowledged).count()) > 0)
    // Replace, not patch: a snapshot is the whole truth for its event, and a range delete + one bulkAdd is
    // far cheaper than writing 10,000 rows one by one. The range is on the primary key ([eventId+id]) on
    // purpose: Dexie turns that into one native IDBObjectStore.delete(range), whereas a range on the eventId
    // index makes Dexie read and delete row by row (replacing 10,000 sessions in Chromium on the dev machine:
    // ≈2.5 s that way, ≈0.9 s this way).
    await eventSessions.delete()
    // bulkAdd (not bulkPut): a duplicate id inside one snapshot is a broken snapshot, and should abort the
    // install rather than silently keep the last of the duplicates.
    await db.sessions.bulkAdd(carried.sessions.map((s): StoredSession => ({ ...s, eventId })))
    const row: StoredEvent = {
      ...snapshot.event,
      ...storedHashes(snapshot.contentHash, carried.changed),
      schemaVersion: snapshot.schemaVersion,
      source: snapshot.source,
      installedAt: now.toISOString(),
    }
    await db.events.put(row)
    if (compare) await recordScheduleUpdate(db, eventId, previous, carried.sessions, now)
    return existing ? 'replaced' : 'installed'
  })
}

/** The contentHash of the file an event was installed from (which the stored one differs from when IDs were carried). */
export function installedFileHash(row: Pick<StoredEvent, 'contentHash' | 'sourceHash'>): string {
  return row.sourceHash ?? row.contentHash
}

/**
 * The event row's hashes. With IDs as in the file, its contentHash. With some carried from the stored schedule, what
 * is stored is no longer the file: contentHash names the file and the carried IDs together (readers that compare it
 * with the file's, such as the list that shows the bundled snapshot until IndexedDB has opened, must not take one
 * for the other), and sourceHash keeps the file's, so installing the same file again is still 'unchanged'.
 */
function storedHashes(fileHash: string, changed: ReadonlyArray<readonly [SessionId, SessionId]>): Pick<StoredEvent, 'contentHash' | 'sourceHash'> {
  if (changed.length === 0) return { contentHash: fileHash }
  return { contentHash: `${fileHash}+${fnv1a32Hex(changed.map(([from, to]) => `${from}>${to}`).join(','))}`, sourceHash: fileHash }
}

function withoutEventId({ eventId: _eventId, ...session }: StoredSession): Session {
  return session
}

/**
 * Inside the install's transaction: what the update did to the user's starred (and noted) sessions.
 * - Stars of renamed sessions move to the new ID ({@link carryOverStars}); every other star stays, those of cancelled
 *   sessions included.
 * - Changes the user has not acknowledged yet are followed to the new schedule and new ones added
 *   ({@link followStarredChanges}): one unacknowledged row per affected session.
 * - A change the user already acknowledged (same key) is not raised again: a reinstall of an older schedule and then
 *   the newer one (two tabs on two builds) must not repeat what they have seen.
 */
async function recordScheduleUpdate(
  db: HallwayDB,
  eventId: EventId,
  previous: readonly Session[],
  next: readonly Session[],
  now: Date,
): Promise<void> {
  const diff = diffSchedules(previous, next)
  if (!hasScheduleChanges(diff)) return

  const starRows = await db.stars.where('eventId').equals(eventId).toArray()
  const stars: StarMap = new Map(starRows.map((r) => [r.sessionId, r.level]))
  const carried = carryOverStars(stars, diff)
  const updatedAt = now.toISOString()
  const gone = starRows.filter((r) => !carried.has(r.sessionId)).map((r): [EventId, StarRow['sessionId']] => [eventId, r.sessionId])
  const arrived = [...carried]
    .filter(([id, level]) => stars.get(id) !== level)
    .map(([sessionId, level]): StarRow => ({ eventId, sessionId, level, updatedAt }))
  if (gone.length > 0) await db.stars.bulkDelete(gone)
  if (arrived.length > 0) await db.stars.bulkPut(arrived)
  await carryOverNotes(db, eventId, diff.renamed)

  const rows = await db.scheduleChanges.where('eventId').equals(eventId).toArray()
  const pending = rows.filter((r) => !r.acknowledged)
  const acknowledged = new Set(rows.filter((r) => r.acknowledged).map((r) => r.key))
  const recordedAt = new Map(pending.map((r) => [r.key, r.recordedAt]))
  const followed = followStarredChanges(
    pending.map((r) => r.change),
    diff,
    stars,
  ).map((change): ScheduleChangeRow => {
    const key = starredChangeKey(change)
    return { eventId, key, change, acknowledged: acknowledged.has(key), recordedAt: recordedAt.get(key) ?? updatedAt }
  })
  // Pending rows are rewritten from scratch: a followed change has a new key (the session is somewhere else now).
  if (pending.length > 0) await db.scheduleChanges.bulkDelete(pending.map((r): [EventId, string] => [eventId, r.key]))
  if (followed.length > 0) await db.scheduleChanges.bulkPut(followed)
}

/**
 * Notes follow a renamed session to its new ID, like stars. Two old sessions renamed into one (rare) keep both
 * notes, one after the other; a note on a cancelled session stays, as its star does.
 */
async function carryOverNotes(db: HallwayDB, eventId: EventId, renamed: readonly { oldId: SessionId; newId: SessionId }[]): Promise<void> {
  if (renamed.length === 0) return
  const rows = await db.notes.where('eventId').equals(eventId).toArray()
  if (rows.length === 0) return
  const byId = new Map(rows.map((r) => [r.sessionId, r]))
  for (const { oldId, newId } of renamed) {
    const note = byId.get(oldId)
    if (!note) continue
    const there = byId.get(newId)
    const moved: NoteRow = { ...note, sessionId: newId, text: there ? `${there.text}\n${note.text}` : note.text }
    await db.notes.delete([eventId, oldId])
    await db.notes.put(moved)
    byId.delete(oldId)
    byId.set(newId, moved)
  }
}
