// Taking sessions from a shared plan, against real Dexie on fake-indexeddb and on the memory store: adding never
// removes or demotes, replacing makes the plan exactly theirs (and leaves stars outside the schedule alone), both
// are undone to the exact rows, and a replace that fails half-way keeps nothing.
import { describe, expect, it } from 'vitest'
import type { EventId, SessionId } from '../../../src/domain/model'
import type { StarRow } from '../../../src/db/HallwayDB'
import { addStars, replaceStars } from '../../../src/db/merge'
import { setStarLevel, undoStars } from '../../../src/db/stars'
import { indexedDbUserData, MemoryUserData, readUserData, type UserDataStore } from '../../../src/db/userDataStore'
import { TEST_EVENT_ID, useInstrumentedDB } from './factories'

const A = '0000aaaa' as SessionId
const B = '0000bbbb' as SessionId
const C = '0000cccc' as SessionId
const D = '0000dddd' as SessionId
/** A star on a session the current schedule no longer has (a schedule update removed it). */
const GONE = '0000eeee' as SessionId
const OTHER_EVENT = 'other-con' as EventId
const T1 = new Date('2025-11-12T08:00:00.000Z')
const T2 = new Date('2025-11-12T09:00:00.000Z')
const inSchedule = (id: SessionId) => id !== GONE

const { db: getDb, probe: getProbe } = useInstrumentedDB()

async function rows(store: UserDataStore, eventId: EventId = TEST_EVENT_ID): Promise<StarRow[]> {
  const all = store instanceof MemoryUserData ? store.snapshot(eventId).stars : (await readUserData(getDb(), eventId)).stars
  return [...all].sort((x, y) => (x.sessionId < y.sessionId ? -1 : 1))
}

async function levels(store: UserDataStore): Promise<Record<string, string>> {
  return Object.fromEntries((await rows(store)).map((r) => [r.sessionId, r.level]))
}

describe.each([
  ['IndexedDB', () => indexedDbUserData(getDb())],
  ['memory', () => new MemoryUserData()],
])('merging a shared plan (%s)', (_name, makeStore) => {
  it('adds only what the plan lacks, at their level, and never changes a star the user has', async () => {
    const store = makeStore()
    await setStarLevel(store, TEST_EVENT_ID, A, 'maybe', T1)
    const result = await addStars(store, TEST_EVENT_ID, [[A, 'must'], [B, 'maybe'], [C, 'must']], T2)
    expect(result).toMatchObject({ added: 2, removed: 0, changed: 0 })
    expect(await levels(store)).toEqual({ [A]: 'maybe', [B]: 'maybe', [C]: 'must' })
    // A's row is untouched, timestamp and all.
    expect((await rows(store))[0]).toEqual({ eventId: TEST_EVENT_ID, sessionId: A, level: 'maybe', updatedAt: T1.toISOString() })
  })

  it('undoes an add by removing exactly what it added', async () => {
    const store = makeStore()
    await setStarLevel(store, TEST_EVENT_ID, A, 'must', T1)
    const { undo } = await addStars(store, TEST_EVENT_ID, [[A, 'maybe'], [B, 'must']], T2)
    await undoStars(store, undo)
    expect(await rows(store)).toEqual([{ eventId: TEST_EVENT_ID, sessionId: A, level: 'must', updatedAt: T1.toISOString() }])
  })

  it('adding nothing new writes nothing and says so', async () => {
    const store = makeStore()
    await setStarLevel(store, TEST_EVENT_ID, A, 'must', T1)
    const before = await rows(store)
    const result = await addStars(store, TEST_EVENT_ID, [[A, 'maybe']], T2)
    expect(result.added).toBe(0)
    expect(await rows(store)).toEqual(before)
  })

  it('replaces the plan with theirs: removes, changes levels, adds; leaves stars outside the schedule and other events', async () => {
    const store = makeStore()
    await setStarLevel(store, TEST_EVENT_ID, A, 'must', T1) // only mine: removed
    await setStarLevel(store, TEST_EVENT_ID, B, 'must', T1) // theirs as maybe: changed
    await setStarLevel(store, TEST_EVENT_ID, C, 'maybe', T1) // theirs at the same level: untouched
    await setStarLevel(store, TEST_EVENT_ID, GONE, 'must', T1) // not in the schedule: kept
    await setStarLevel(store, OTHER_EVENT, A, 'must', T1) // another event: kept
    const result = await replaceStars(store, TEST_EVENT_ID, [[B, 'maybe'], [C, 'maybe'], [D, 'must']], inSchedule, T2)
    expect(result).toMatchObject({ added: 1, removed: 1, changed: 1 })
    expect(await levels(store)).toEqual({ [B]: 'maybe', [C]: 'maybe', [D]: 'must', [GONE]: 'must' })
    expect((await rows(store, OTHER_EVENT)).map((r) => r.sessionId)).toEqual([A])
  })

  it('undoes a replace to the exact rows it found, timestamps included', async () => {
    const store = makeStore()
    await setStarLevel(store, TEST_EVENT_ID, A, 'must', T1)
    await setStarLevel(store, TEST_EVENT_ID, B, 'maybe', T1)
    const before = await rows(store)
    const { undo } = await replaceStars(store, TEST_EVENT_ID, [[B, 'must'], [C, 'must']], inSchedule, T2)
    expect(await levels(store)).toEqual({ [B]: 'must', [C]: 'must' })
    await undoStars(store, undo)
    expect(await rows(store)).toEqual(before)
  })
})

describe('atomicity in IndexedDB', () => {
  it('keeps nothing of a replace whose last write fails', async () => {
    const store = indexedDbUserData(getDb())
    const probe = getProbe()
    await setStarLevel(store, TEST_EVENT_ID, A, 'must', T1)
    await setStarLevel(store, TEST_EVENT_ID, B, 'must', T1)
    const before = await rows(store)
    probe.writes.length = 0
    // The removals of A and B (deletes) go first, then C's put fails, as a full disk would.
    probe.failTable = 'stars'
    probe.failType = 'put'
    probe.failWith = () => new DOMException('disk full', 'QuotaExceededError')
    await expect(replaceStars(store, TEST_EVENT_ID, [[C, 'must']], inSchedule, T2)).rejects.toThrow()
    expect(probe.writes.filter((w) => w.table === 'stars').map((w) => w.type)).toEqual(['delete', 'delete', 'put'])
    probe.failWith = undefined
    expect(await rows(store)).toEqual(before)
  })
})
