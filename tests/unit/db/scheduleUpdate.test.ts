// A schedule update on real Dexie (fake-indexeddb), with the real KubeCon Thursday and a modified copy of it: stars
// survive (a renamed session's star follows it), starred sessions that moved, were retimed, renamed or cancelled are
// recorded until acknowledged, and all of it commits with the new schedule or not at all.
import type { Snapshot } from '../../../src/domain/model'
import type { HallwayDB, ScheduleChangeRow } from '../../../src/db/HallwayDB'
import { acknowledgeChanges } from '../../../src/db/scheduleChanges'
import { setStarLevel } from '../../../src/db/stars'
import { installSnapshot } from '../../../src/db/snapshotInstall'
import { indexedDbUserData, MemoryUserData, readUserData } from '../../../src/db/userDataStore'
import { buildSnapshot } from '../../../src/domain/snapshotBuild'
import { byTitle, idFor, loadSeed, TITLES, updatedSeed } from '../../fixtures/seedUpdate'
import { instrumentWrites, makeTestDB } from './factories'

const seed = loadSeed()
const EVENT = seed.event.id
const id = (title: string) => byTitle(seed.sessions, title).id
const T0 = new Date('2025-11-12T22:00:00Z')
const T1 = new Date('2025-11-13T06:00:00Z')

let db: HallwayDB
let probe: ReturnType<typeof instrumentWrites>
let updated: Snapshot

beforeAll(async () => {
  updated = await updatedSeed(seed)
})

beforeEach(async () => {
  db = makeTestDB()
  probe = instrumentWrites(db)
  await installSnapshot(db, seed, T0)
  const store = indexedDbUserData(db)
  const stars: Array<[string, 'must' | 'maybe']> = [
    [TITLES.moved, 'must'],
    [TITLES.retimed, 'maybe'],
    [TITLES.renamed, 'must'],
    [TITLES.cancelled, 'maybe'],
    [TITLES.unchanged, 'must'],
  ]
  for (const [title, level] of stars) await setStarLevel(store, EVENT, id(title), level, T0)
})

afterEach(async () => {
  await db.delete()
})

async function starLevels(): Promise<Record<string, string>> {
  const rows = await db.stars.where('eventId').equals(EVENT).toArray()
  return Object.fromEntries(rows.map((r) => [r.sessionId, r.level]))
}

async function changeRows(): Promise<ScheduleChangeRow[]> {
  return db.scheduleChanges.where('eventId').equals(EVENT).toArray()
}

/** [title the user knew, what happened, acknowledged], in the old schedule's time order. */
async function changeSummary(): Promise<Array<[string, string[], boolean]>> {
  const rows = await changeRows()
  return rows
    .sort((a, b) => (a.change.before.start < b.change.before.start ? -1 : a.change.before.start > b.change.before.start ? 1 : 0))
    .map((r) => [r.change.before.title, r.change.what, r.acknowledged])
}

describe('installing an updated schedule over one with stars', () => {
  it('keeps every star, moving the renamed session’s to its new ID, and records the four starred changes', async () => {
    expect(await installSnapshot(db, updated, T1)).toBe('replaced')

    const renamedId = idFor(seed, TITLES.renamedTo)
    expect(renamedId).not.toBe(id(TITLES.renamed))
    expect(await starLevels()).toEqual({
      [id(TITLES.moved)]: 'must',
      [id(TITLES.retimed)]: 'maybe',
      [renamedId]: 'must',
      [id(TITLES.cancelled)]: 'maybe', // a cancelled session's star stays, so it can still be shown (and come back)
      [id(TITLES.unchanged)]: 'must',
    })
    expect((await db.stars.get([EVENT, renamedId]))?.updatedAt).toBe(T1.toISOString())

    expect(await changeSummary()).toEqual([
      [TITLES.moved, ['moved'], false],
      [TITLES.retimed, ['retimed'], false],
      [TITLES.cancelled, ['cancelled'], false],
      [TITLES.renamed, ['renamed'], false],
    ])
    const rows = await changeRows()
    const renamed = rows.find((r) => r.change.what[0] === 'renamed')!
    expect(renamed.change).toMatchObject({ id: id(TITLES.renamed), newId: renamedId })
    expect(renamed.change.after?.title).toBe(TITLES.renamedTo)
    const cancelled = rows.find((r) => r.change.what[0] === 'cancelled')!
    // What the user needs to still see it: the old title, time and room.
    expect(cancelled.change.after).toBeNull()
    expect(cancelled.change.before).toEqual(byTitle(seed.sessions, TITLES.cancelled))
    expect(rows.every((r) => r.recordedAt === T1.toISOString())).toBe(true)
  })

  it('shows the changes with the stars in one read, and acknowledging takes them off the list for good', async () => {
    await installSnapshot(db, updated, T1)
    const store = indexedDbUserData(db)
    const read = await readUserData(db, EVENT)
    expect(read.changes).toHaveLength(4)
    expect(read.stars).toHaveLength(5)

    const moved = read.changes.find((c) => c.change.what[0] === 'moved')!
    expect(await acknowledgeChanges(store, EVENT, [moved.key])).toBe(1)
    expect((await readUserData(db, EVENT)).changes.map((c) => c.change.before.title).sort()).toEqual(
      [TITLES.cancelled, TITLES.renamed, TITLES.retimed].sort(),
    )
    // Acknowledging again (another tab got there first) changes nothing; the row itself stays, acknowledged.
    expect(await acknowledgeChanges(store, EVENT, [moved.key])).toBe(1)
    expect(await db.scheduleChanges.get([EVENT, moved.key])).toMatchObject({ acknowledged: true })
    expect(await acknowledgeChanges(store, EVENT, ['no-such-change'])).toBe(0)

    expect(await acknowledgeChanges(store, EVENT, (await readUserData(db, EVENT)).changes.map((c) => c.key))).toBe(3)
    expect((await readUserData(db, EVENT)).changes).toEqual([])
    expect(await db.scheduleChanges.count()).toBe(4)
  })

  it('records nothing when the update touches no starred session, and nothing at all for the same snapshot', async () => {
    await db.stars.clear()
    await installSnapshot(db, updated, T1)
    expect(await db.scheduleChanges.count()).toBe(0)

    probe.writes.length = 0
    expect(await installSnapshot(db, updated, T1)).toBe('unchanged')
    expect(probe.writes).toEqual([])
  })

  it('follows unseen changes even when no star is left, so re-starring later shows no stale change', async () => {
    await installSnapshot(db, updated, T1)
    await db.stars.clear() // the user un-starred everything, without looking at the changes
    const original = byTitle(seed.sessions, TITLES.moved)
    // The next version puts "Feature Flags Suck!" back where the user knew it.
    const back = await rebuild(updated, (s) => (s.id === original.id ? { ...s, venue: original.venue } : s))
    await installSnapshot(db, back, new Date('2025-11-13T07:00:00Z'))
    expect((await changeSummary()).map(([title]) => title)).not.toContain(TITLES.moved)
  })

  it('is one transaction: when recording the changes fails, the old schedule, stars and changes stay', async () => {
    const sessionsBefore = await db.sessions.count()
    const starsBefore = await starLevels()
    probe.failTable = 'scheduleChanges'
    probe.failType = 'put'
    probe.failWith = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

    await expect(installSnapshot(db, updated, T1)).rejects.toMatchObject({ name: 'QuotaExceededError' })

    probe.failWith = undefined
    expect(await db.sessions.count()).toBe(sessionsBefore)
    expect(await db.sessions.get([EVENT, id(TITLES.cancelled)])).toBeDefined()
    expect((await db.events.get(EVENT))?.contentHash).toBe(seed.contentHash)
    expect(await starLevels()).toEqual(starsBefore) // the renamed session's star did not move either
    expect(await db.scheduleChanges.count()).toBe(0)
  })

  it('folds a second update into the unacknowledged changes, and does not raise an acknowledged one again', async () => {
    await installSnapshot(db, updated, T1)
    const store = indexedDbUserData(db)
    const retimedKey = (await changeRows()).find((r) => r.change.what[0] === 'retimed')!.key
    await acknowledgeChanges(store, EVENT, [retimedKey])

    // The next version moves "Feature Flags Suck!" back where it was, and the renamed session to another room.
    const renamedId = idFor(seed, TITLES.renamedTo)
    const original = byTitle(seed.sessions, TITLES.moved)
    const third = await rebuild(updated, (s) => {
      if (s.id === original.id) return { ...s, venue: original.venue }
      if (s.id === renamedId) return { ...s, venue: { ...s.venue, room: 'C112', raw: 'Building C | Level 1 | C112, Atlanta, GA, USA' } }
      return s
    })
    await installSnapshot(db, third, new Date('2025-11-13T07:00:00Z'))

    expect(await changeSummary()).toEqual([
      [TITLES.retimed, ['retimed'], true], // seen, and not changed again
      [TITLES.cancelled, ['cancelled'], false],
      [TITLES.renamed, ['renamed', 'moved'], false], // one entry: renamed (first update), then moved (second)
    ])

    // Back to the first update's schedule (an older tab re-installing it): the retime the user saw is not raised again.
    await installSnapshot(db, updated, new Date('2025-11-13T08:00:00Z'))
    const again = (await changeRows()).filter((r) => r.change.what.includes('retimed'))
    expect(again.map((r) => [r.key === retimedKey, r.acknowledged])).toEqual([[true, true]])
  })
})

async function rebuild(from: Snapshot, edit: (s: Snapshot['sessions'][number]) => Snapshot['sessions'][number]): Promise<Snapshot> {
  const { days: _days, ...event } = from.event
  return buildSnapshot(event, from.sessions.map(edit), from.source)
}

describe('acknowledging without IndexedDB (memory mode)', () => {
  it('starts from the changes IndexedDB last held, and acknowledges them all or none', async () => {
    await installSnapshot(db, updated, T1)
    const held = await readUserData(db, EVENT)
    const memory = new MemoryUserData({ stars: held.stars, changes: held.changes })
    expect(memory.snapshot(EVENT).changes).toHaveLength(4)

    const [first, second] = held.changes
    expect(await acknowledgeChanges(memory, EVENT, [first!.key, second!.key])).toBe(2)
    expect(memory.snapshot(EVENT).changes.map((c) => c.key).sort()).toEqual(held.changes.slice(2).map((c) => c.key).sort())
    // A unit of work that fails half-way keeps nothing of it.
    const before = memory.snapshot(EVENT)
    await expect(
      memory.transact(async (tx) => {
        await tx.acknowledgeChange(EVENT, held.changes[2]!.key)
        throw new Error('the second write failed')
      }),
    ).rejects.toThrow('the second write failed')
    expect(memory.snapshot(EVENT)).toBe(before)
    // IndexedDB was never touched.
    expect((await readUserData(db, EVENT)).changes).toHaveLength(4)
  })
})
