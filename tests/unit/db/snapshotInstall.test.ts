// installSnapshot against real Dexie on fake-indexeddb: first install, no-op reinstall, replacement, atomicity.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventId, Instant, SessionId } from '../../../src/domain/model'
import type { HallwayDB, StarRow } from '../../../src/db/HallwayDB'
import { installSnapshot } from '../../../src/db/snapshotInstall'
import { toStorageProblem } from '../../../src/db/storageErrors'
import { instrumentWrites, makeEvent, makeSession, makeSnapshot, makeTestDB, TEST_EVENT_ID } from './factories'

let db: HallwayDB
let probe: ReturnType<typeof instrumentWrites>

beforeEach(() => {
  db = makeTestDB()
  probe = instrumentWrites(db)
})

afterEach(async () => {
  await db.delete()
})

async function storedSessionIds(eventId: EventId = TEST_EVENT_ID): Promise<string[]> {
  return (await db.sessions.where('eventId').equals(eventId).toArray()).map((s) => s.id).sort()
}

describe('installSnapshot', () => {
  it('installs a first snapshot: every session tagged with its event, and the event row with hash and source', async () => {
    const sessions = [makeSession(), makeSession({ title: 'Second' }), makeSession({ venue: { room: 'B', raw: 'B' } })]
    const snapshot = makeSnapshot(sessions)

    expect(await installSnapshot(db, snapshot)).toBe('installed')

    const rows = await db.sessions.toArray()
    expect(rows).toHaveLength(3)
    for (const s of sessions) {
      expect(await db.sessions.get([TEST_EVENT_ID, s.id])).toEqual({ ...s, eventId: TEST_EVENT_ID })
    }
    const event = await db.events.get(TEST_EVENT_ID)
    expect(event).toMatchObject({
      ...snapshot.event,
      contentHash: snapshot.contentHash,
      schemaVersion: snapshot.schemaVersion,
      source: snapshot.source,
    })
    expect(Date.parse(event!.installedAt)).not.toBeNaN()
  })

  it("returns 'unchanged' and writes nothing when the same hash is already installed", async () => {
    const snapshot = makeSnapshot([makeSession(), makeSession()])
    await installSnapshot(db, snapshot)
    const before = await db.events.get(TEST_EVENT_ID)
    probe.writes.length = 0

    expect(await installSnapshot(db, structuredClone(snapshot))).toBe('unchanged')

    expect(probe.writes).toEqual([])
    expect(await db.events.get(TEST_EVENT_ID)).toEqual(before)
  })

  it('replaces the sessions of a newer snapshot; with no renames, stars and settings stay byte-identical', async () => {
    const kept = makeSession({ title: 'Kept' })
    const retimed = makeSession({ title: 'Retimed' })
    const removed = makeSession({ title: 'Removed' })
    await installSnapshot(db, makeSnapshot([kept, retimed, removed]))
    const stars: StarRow[] = [
      { eventId: TEST_EVENT_ID, sessionId: retimed.id, level: 'must', updatedAt: '2025-11-01T10:00:00.000Z' },
      // A star on a session the new snapshot drops must survive too: it is the user's, not the schedule's.
      { eventId: TEST_EVENT_ID, sessionId: removed.id, level: 'maybe', updatedAt: '2025-11-01T10:01:00.000Z' },
    ]
    await db.stars.bulkAdd(stars)
    await db.settings.bulkAdd([
      { key: 'currentEventId', value: TEST_EVENT_ID },
      { key: 'nested', value: { a: [1, 2, { b: 'c' }], when: '2025-11-13T15:00:00Z' } },
    ])
    const starsBefore = JSON.stringify(await db.stars.toArray())
    const settingsBefore = JSON.stringify(await db.settings.toArray())
    probe.writes.length = 0

    const retimedNow = { ...retimed, start: '2025-11-13T16:00:00Z' as Instant, end: '2025-11-13T16:30:00Z' as Instant }
    // In another room: one in the removed session's slot and room would be taken for its rename (see scheduleDiff.ts).
    const added = makeSession({ title: 'Added', venue: { room: 'Room 2', raw: 'Room 2' } })
    const newer = makeSnapshot([kept, retimedNow, added])

    expect(await installSnapshot(db, newer)).toBe('replaced')

    expect(await storedSessionIds()).toEqual([kept.id, retimed.id, added.id].sort())
    expect((await db.sessions.get([TEST_EVENT_ID, retimed.id]))?.start).toBe('2025-11-13T16:00:00Z')
    expect(await db.sessions.get([TEST_EVENT_ID, removed.id])).toBeUndefined()
    expect((await db.events.get(TEST_EVENT_ID))?.contentHash).toBe(newer.contentHash)
    expect(JSON.stringify(await db.stars.toArray())).toBe(starsBefore)
    expect(JSON.stringify(await db.settings.toArray())).toBe(settingsBefore)
    // The retimed and the removed starred session are recorded for the user (see the schedule-update tests below).
    expect(new Set(probe.writes.map((w) => w.table))).toEqual(new Set(['events', 'sessions', 'scheduleChanges']))
    // The old sessions go in one native range delete, not row by row (which costs seconds at 10,000 rows).
    expect(probe.writes.filter((w) => w.table === 'sessions').map((w) => w.type)).toEqual(['deleteRange', 'add'])
  })

  it('reinstalls when only the schema version differs (same hash)', async () => {
    const snapshot = makeSnapshot([makeSession()])
    await installSnapshot(db, snapshot)
    await db.events.update(TEST_EVENT_ID, { schemaVersion: 0 })

    expect(await installSnapshot(db, snapshot)).toBe('replaced')
    expect((await db.events.get(TEST_EVENT_ID))?.schemaVersion).toBe(snapshot.schemaVersion)
  })

  it("never touches another event's sessions", async () => {
    const otherEvent = makeEvent({ id: 'other-con' as EventId, title: 'Other Con' })
    const other = makeSession({ title: 'Elsewhere' })
    await installSnapshot(db, makeSnapshot([other], { event: otherEvent }))
    await installSnapshot(db, makeSnapshot([makeSession()]))

    await installSnapshot(db, makeSnapshot([makeSession({ title: 'Replacement' })]))

    expect(await storedSessionIds(otherEvent.id)).toEqual([other.id])
  })

  it('is one transaction: a failing bulkAdd (duplicate id) leaves the previous schedule intact', async () => {
    const v1 = makeSnapshot([makeSession(), makeSession(), makeSession()])
    await installSnapshot(db, v1)
    const sessionsBefore = await db.sessions.toArray()
    const eventBefore = await db.events.get(TEST_EVENT_ID)

    const dup = makeSession({ id: 'deadbeef' as SessionId })
    // Built by hand, past parseSnapshot (which would reject it), to make the write itself fail half-way.
    const broken = makeSnapshot([makeSession(), dup, { ...dup, title: 'Same id again' }])
    await expect(installSnapshot(db, broken)).rejects.toMatchObject({ name: 'BulkError' })

    expect(await db.sessions.toArray()).toEqual(sessionsBefore)
    expect(await db.events.get(TEST_EVENT_ID)).toEqual(eventBefore)
  })

  it('a full disk during install maps to the quota problem and keeps the previous schedule', async () => {
    const v1 = makeSnapshot([makeSession(), makeSession()])
    await installSnapshot(db, v1)
    const sessionsBefore = await db.sessions.toArray()
    probe.failWith = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

    const error = await installSnapshot(db, makeSnapshot([makeSession({ title: 'Newer' })])).then(
      () => undefined,
      (e: unknown) => e,
    )

    expect(error).toBeDefined()
    expect(toStorageProblem(error).kind).toBe('quota')
    probe.failWith = undefined
    expect(await db.sessions.toArray()).toEqual(sessionsBefore)
    expect((await db.events.get(TEST_EVENT_ID))?.contentHash).toBe(v1.contentHash)
  })

  it('installs 10,000 sessions with bulk writes', async () => {
    // 10,000: the size budget for a large multi-track conference. Real Chromium is the speed check (e2e);
    // here the point is that the bulk path holds up at that size and issues a handful of writes, not 10,000.
    const sessions = Array.from({ length: 10_000 }, (_, i) =>
      makeSession({ title: `Talk ${i}`, venue: { room: `Room ${i % 40}`, raw: `Room ${i % 40}` } }),
    )
    probe.writes.length = 0

    expect(await installSnapshot(db, makeSnapshot(sessions))).toBe('installed')

    expect(await db.sessions.count()).toBe(10_000)
    expect(probe.writes.filter((w) => w.table === 'sessions').length).toBeLessThanOrEqual(2)
  })
})
