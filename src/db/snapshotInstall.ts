// Putting a validated schedule snapshot into IndexedDB: all of it or none of it, and never the user's own tables.
import { Dexie } from 'dexie'
import type { Snapshot } from '../domain/model'
import type { HallwayDB, StoredEvent, StoredSession } from './HallwayDB'

export type InstallResult = 'installed' | 'unchanged' | 'replaced'

/**
 * Installs `snapshot` for its event in one read-write transaction over events + sessions:
 * - same contentHash and schemaVersion as the installed one → 'unchanged', nothing written;
 * - otherwise the event's sessions are replaced wholesale and the event row rewritten.
 * Any failure (quota, constraint, …) aborts the transaction, so the previous schedule stays as it was.
 * Stars and settings are outside the transaction's scope, so it cannot touch them even by mistake.
 */
export async function installSnapshot(db: HallwayDB, snapshot: Snapshot): Promise<InstallResult> {
  const eventId = snapshot.event.id
  return db.transaction('rw', db.events, db.sessions, async (): Promise<InstallResult> => {
    const existing = await db.events.get(eventId)
    if (existing && existing.contentHash === snapshot.contentHash && existing.schemaVersion === snapshot.schemaVersion) {
      return 'unchanged'
    }
    // Replace, not diff: a snapshot is the whole truth for its event, and a range delete + one bulkAdd is
    // far cheaper than comparing 10,000 rows one by one. The range is on the primary key ([eventId+id]) on
    // purpose: Dexie turns that into one native IDBObjectStore.delete(range), whereas a range on the eventId
    // index makes Dexie read and delete row by row (replacing 10,000 sessions in Chromium on the dev machine:
    // ≈2.5 s that way, ≈0.9 s this way).
    await db.sessions.where('[eventId+id]').between([eventId, Dexie.minKey], [eventId, Dexie.maxKey], true, true).delete()
    // bulkAdd (not bulkPut): a duplicate id inside one snapshot is a broken snapshot, and should abort the
    // install rather than silently keep the last of the duplicates.
    await db.sessions.bulkAdd(snapshot.sessions.map((s): StoredSession => ({ ...s, eventId })))
    const row: StoredEvent = {
      ...snapshot.event,
      contentHash: snapshot.contentHash,
      schemaVersion: snapshot.schemaVersion,
      source: snapshot.source,
      installedAt: new Date().toISOString(),
    }
    await db.events.put(row)
    return existing ? 'replaced' : 'installed'
  })
}
