// Star writes against real Dexie on fake-indexeddb (and the same logic on the memory store): cycling, levels,
// one-step clash resolution, undo, atomicity, and that a schedule update never touches stars.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SessionId } from '../../../src/domain/model'
import type { HallwayDB, StarRow } from '../../../src/db/HallwayDB'
import { installSnapshot } from '../../../src/db/snapshotInstall'
import { cycleStar, resolveConflict, setStarLevel, undoStars } from '../../../src/db/stars'
import { nextStarLevel } from '../../../src/domain/stars'
import { indexedDbUserData, MemoryUserData, readUserData, type UserDataStore } from '../../../src/db/userDataStore'
import { instrumentWrites, makeSession, makeSnapshot, makeTestDB, TEST_EVENT_ID } from './factories'

const A = '0000aaaa' as SessionId
const B = '0000bbbb' as SessionId
const C = '0000cccc' as SessionId
const T1 = new Date('2025-11-12T08:00:00.000Z')
const T2 = new Date('2025-11-12T08:05:00.000Z')

let db: HallwayDB
let probe: ReturnType<typeof instrumentWrites>

beforeEach(() => {
  db = makeTestDB()
  probe = instrumentWrites(db)
})

afterEach(async () => {
  await db.delete()
})

async function levels(store: UserDataStore = indexedDbUserData(db)): Promise<Record<string, string>> {
  const rows =
    store instanceof MemoryUserData ? store.snapshot(TEST_EVENT_ID).stars : (await readUserData(db, TEST_EVENT_ID)).stars
  return Object.fromEntries(rows.map((r) => [r.sessionId, r.level]))
}

describe('nextStarLevel', () => {
  it('cycles none → must → maybe → none', () => {
    expect(nextStarLevel(undefined)).toBe('must')
    expect(nextStarLevel('must')).toBe('maybe')
    expect(nextStarLevel('maybe')).toBeNull()
  })
})

describe.each([
  ['IndexedDB', () => indexedDbUserData(db)],
  ['memory', () => new MemoryUserData()],
])('star writes (%s)', (_name, makeStore) => {
  it('cycles a star through must and maybe back to none, stamping each change', async () => {
    const store = makeStore()
    expect((await cycleStar(store, TEST_EVENT_ID, A, T1)).level).toBe('must')
    expect(await levels(store)).toEqual({ [A]: 'must' })
    expect((await cycleStar(store, TEST_EVENT_ID, A, T2)).level).toBe('maybe')
    const snapshot =
      store instanceof MemoryUserData ? store.snapshot(TEST_EVENT_ID) : await readUserData(db, TEST_EVENT_ID)
    expect(snapshot.stars).toEqual([{ eventId: TEST_EVENT_ID, sessionId: A, level: 'maybe', updatedAt: T2.toISOString() }])
    expect((await cycleStar(store, TEST_EVENT_ID, A)).level).toBeNull()
    expect(await levels(store)).toEqual({})
  })

  it('never lets two quick taps start from the same level', async () => {
    const store = makeStore()
    const results = await Promise.all([cycleStar(store, TEST_EVENT_ID, A), cycleStar(store, TEST_EVENT_ID, A)])
    expect(results.map((r) => r.level)).toEqual(['must', 'maybe'])
    expect(await levels(store)).toEqual({ [A]: 'maybe' })
  })

  it('sets and clears a level, and undo puts the exact previous row back', async () => {
    const store = makeStore()
    await setStarLevel(store, TEST_EVENT_ID, A, 'maybe', T1)
    const undo = await setStarLevel(store, TEST_EVENT_ID, A, null, T2)
    expect(await levels(store)).toEqual({})
    await undoStars(store, undo)
    const snapshot =
      store instanceof MemoryUserData ? store.snapshot(TEST_EVENT_ID) : await readUserData(db, TEST_EVENT_ID)
    expect(snapshot.stars).toEqual([{ eventId: TEST_EVENT_ID, sessionId: A, level: 'maybe', updatedAt: T1.toISOString() }])
  })

  it('resolves a clash in one step (keep one, demote the other) and undoes it in one step', async () => {
    const store = makeStore()
    await setStarLevel(store, TEST_EVENT_ID, A, 'must', T1)
    await setStarLevel(store, TEST_EVENT_ID, B, 'must', T1)
    const undo = await resolveConflict(store, TEST_EVENT_ID, { keep: A, keepLevel: 'must', drop: B, dropTo: 'maybe' }, T2)
    expect(await levels(store)).toEqual({ [A]: 'must', [B]: 'maybe' })
    await undoStars(store, undo)
    expect(await levels(store)).toEqual({ [A]: 'must', [B]: 'must' })
  })

  it('picks an alternative: stars it at the replaced level and removes the replaced one; undo removes it again', async () => {
    const store = makeStore()
    await setStarLevel(store, TEST_EVENT_ID, A, 'must', T1)
    await setStarLevel(store, TEST_EVENT_ID, B, 'must', T1)
    const undo = await resolveConflict(store, TEST_EVENT_ID, { keep: C, keepLevel: 'must', drop: B, dropTo: 'remove' }, T2)
    expect(await levels(store)).toEqual({ [A]: 'must', [C]: 'must' })
    await undoStars(store, undo)
    expect(await levels(store)).toEqual({ [A]: 'must', [B]: 'must' })
  })

  it('refuses a resolution that keeps and drops the same session, writing nothing', async () => {
    const store = makeStore()
    await setStarLevel(store, TEST_EVENT_ID, A, 'must', T1)
    await expect(
      resolveConflict(store, TEST_EVENT_ID, { keep: A, keepLevel: 'must', drop: A, dropTo: 'remove' }),
    ).rejects.toThrow('two different sessions')
    expect(await levels(store)).toEqual({ [A]: 'must' })
  })
})

describe('atomicity in IndexedDB', () => {
  it('keeps neither half of a resolution when its second write fails', async () => {
    const store = indexedDbUserData(db)
    await setStarLevel(store, TEST_EVENT_ID, A, 'maybe', T1)
    await setStarLevel(store, TEST_EVENT_ID, B, 'must', T1)
    probe.failTable = 'stars'
    probe.failType = 'delete'
    probe.failWith = () => new DOMException('disk full', 'QuotaExceededError')

    // Keeping A means a put (promote A), removing B a delete: the delete fails after the put went through.
    await expect(
      resolveConflict(store, TEST_EVENT_ID, { keep: A, keepLevel: 'must', drop: B, dropTo: 'remove' }),
    ).rejects.toThrow()
    expect(probe.writes.filter((w) => w.table === 'stars').map((w) => w.type)).toEqual(['put', 'put', 'put', 'delete'])
    expect(await levels()).toEqual({ [A]: 'maybe', [B]: 'must' })
  })

  it('keeps the resolution when the undo fails half-way', async () => {
    const store = indexedDbUserData(db)
    await setStarLevel(store, TEST_EVENT_ID, A, 'must', T1)
    await setStarLevel(store, TEST_EVENT_ID, B, 'must', T1)
    const undo = await resolveConflict(store, TEST_EVENT_ID, { keep: C, keepLevel: 'must', drop: B, dropTo: 'remove' })
    probe.failTable = 'stars'
    probe.failType = 'delete' // undo puts B back first (put), then removes C (delete), which fails
    probe.failWith = () => new DOMException('disk full', 'QuotaExceededError')
    await expect(undoStars(store, undo)).rejects.toThrow()
    expect(await levels()).toEqual({ [A]: 'must', [C]: 'must' })
  })
})

describe('atomicity in memory', () => {
  it('keeps nothing of a unit of work that throws', async () => {
    const store = new MemoryUserData()
    await setStarLevel(store, TEST_EVENT_ID, A, 'must')
    await expect(
      store.transact(async (tx) => {
        await tx.deleteStar(TEST_EVENT_ID, A)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await levels(store)).toEqual({ [A]: 'must' })
    // …and the queue goes on after a failure.
    await setStarLevel(store, TEST_EVENT_ID, B, 'maybe')
    expect(await levels(store)).toEqual({ [A]: 'must', [B]: 'maybe' })
  })

  it('starts from the rows it is given (what IndexedDB held before it failed) and tells subscribers of commits', async () => {
    const row: StarRow = { eventId: TEST_EVENT_ID, sessionId: A, level: 'maybe', updatedAt: T1.toISOString() }
    const store = new MemoryUserData({ stars: [row], settings: [{ key: 'walkingPace', value: 'brisk' }] })
    const first = store.snapshot(TEST_EVENT_ID)
    expect(first.stars).toEqual([row])
    expect(first.settings.get('walkingPace')).toBe('brisk')
    expect(store.snapshot(TEST_EVENT_ID)).toBe(first)
    let heard = 0
    const unsubscribe = store.subscribe(() => (heard += 1))
    await cycleStar(store, TEST_EVENT_ID, A)
    unsubscribe()
    await cycleStar(store, TEST_EVENT_ID, B)
    expect(heard).toBe(1)
    expect(store.snapshot(TEST_EVENT_ID)).not.toBe(first)
  })
})

describe('stars and schedule updates', () => {
  it('leaves stars intact when a new snapshot replaces the sessions, including stars on removed sessions', async () => {
    const kept = makeSession({ title: 'Kept' })
    const removed = makeSession({ title: 'Removed' })
    await installSnapshot(db, makeSnapshot([kept, removed]))
    const store = indexedDbUserData(db)
    await setStarLevel(store, TEST_EVENT_ID, kept.id, 'must', T1)
    await setStarLevel(store, TEST_EVENT_ID, removed.id, 'maybe', T1)
    const before = JSON.stringify((await readUserData(db, TEST_EVENT_ID)).stars)
    probe.writes.length = 0

    // In another room: one in the removed session's slot and room would be taken for its rename (see scheduleDiff.ts).
    const added = makeSession({ title: 'Added', venue: { room: 'Room 2', raw: 'Room 2' } })
    expect(await installSnapshot(db, makeSnapshot([kept, added]))).toBe('replaced')

    expect(probe.writes.some((w) => w.table === 'stars')).toBe(false)
    expect(JSON.stringify((await readUserData(db, TEST_EVENT_ID)).stars)).toBe(before)
  })

  it("reads only the given event's stars", async () => {
    const store = indexedDbUserData(db)
    await setStarLevel(store, TEST_EVENT_ID, A, 'must')
    await setStarLevel(store, 'other-con' as typeof TEST_EVENT_ID, B, 'must')
    expect((await readUserData(db, TEST_EVENT_ID)).stars.map((r) => r.sessionId)).toEqual([A])
  })
})
