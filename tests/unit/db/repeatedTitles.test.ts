// Issue 13, item 1: sessions that share a title ("Lightning Talks", "Coffee Break") keep their IDs, stars and levels
// through a schedule update in the app (a warm start's update, or Replace of an event the user opened), and share
// links made before the update still open the right sessions. Real Dexie on fake-indexeddb, real Sched listings.
import type { EventId, Session, SessionId, Snapshot } from '../../../src/domain/model'
import { decodePlan, encodePlan, matchSharedPlan } from '../../../src/domain/shareCodec'
import { memoryEventOf, MemoryEventLibrary } from '../../../src/db/eventLibrary'
import { addEvent, listInstalledEvents } from '../../../src/db/events'
import type { HallwayDB } from '../../../src/db/HallwayDB'
import { installSnapshot } from '../../../src/db/snapshotInstall'
import { setStarLevel } from '../../../src/db/stars'
import { indexedDbUserData } from '../../../src/db/userDataStore'
import {
  COFFEE_TUE_AM,
  COFFEE_TUE_PM,
  COFFEE_WED_AM,
  COFFEE_WED_PM,
  importListing,
  KEYNOTE,
  LIGHTNING_TUE,
  LIGHTNING_WED,
  REPEATED_EVENT_ID,
  sessionAt,
} from '../../fixtures/repeatedTitles'
import { makeTestDB } from './factories'

const EVENT = REPEATED_EVENT_ID as EventId
const T0 = new Date('2025-11-10T12:00:00Z')
const T1 = new Date('2025-11-11T06:00:00Z')

let db: HallwayDB

beforeEach(() => {
  db = makeTestDB()
})

afterEach(async () => {
  await db.delete()
})

/** The two ways a newer version of an installed event arrives: the warm start's update, and Replace in the app. */
const UPDATES: Array<[string, (snapshot: Snapshot) => Promise<unknown>]> = [
  ['a schedule update', (snapshot) => installSnapshot(db, snapshot, T1)],
  ['Replace', (snapshot) => addEvent(db, snapshot, { replace: true }, T1)],
]

async function storedSessions(): Promise<Session[]> {
  return db.sessions.where('eventId').equals(EVENT).toArray()
}

async function starLevels(): Promise<Record<string, string>> {
  const rows = await db.stars.where('eventId').equals(EVENT).toArray()
  return Object.fromEntries(rows.map((r) => [r.sessionId, r.level]))
}

/** [title, venue day, what happened] of every recorded change. */
async function changes(): Promise<Array<[string, string, string[]]>> {
  const rows = await db.scheduleChanges.where('eventId').equals(EVENT).toArray()
  return rows.map((r) => [r.change.before.title, r.change.before.day, r.change.what])
}

describe.each(UPDATES)('repeated titles through %s', (_name, update) => {
  it('keeps the Wednesday "Lightning Talks" (ID, star, level) when Tuesday’s is dropped; only Tuesday’s is cancelled', async () => {
    const before = await importListing([KEYNOTE, LIGHTNING_TUE, LIGHTNING_WED])
    await addEvent(db, before, { replace: false }, T0)
    const tue = sessionAt(before, LIGHTNING_TUE).id
    const wed = sessionAt(before, LIGHTNING_WED).id
    const store = indexedDbUserData(db)
    await setStarLevel(store, EVENT, tue, 'must', T0)
    await setStarLevel(store, EVENT, wed, 'maybe', T0)
    const link = encodePlan(
      { eventId: EVENT, stars: new Map<SessionId, 'must' | 'maybe'>([[tue, 'must'], [wed, 'maybe']]) },
      before.sessions.map((s) => s.id),
    )

    await update(await importListing([KEYNOTE, LIGHTNING_WED]))

    const after = await storedSessions()
    const wedNow = after.find((s) => s.title === 'Lightning Talks')!
    expect(wedNow.id).toBe(wed)
    expect(wedNow.day).toBe('2025-11-12')
    expect(after.map((s) => s.id)).not.toContain(tue)
    // Tuesday's star stays (a cancelled session's star is kept, and shown as cancelled); Wednesday's is still Maybe.
    expect(await starLevels()).toEqual({ [tue]: 'must', [wed]: 'maybe' })
    expect(await changes()).toEqual([['Lightning Talks', '2025-11-11', ['cancelled']]])

    const decoded = decodePlan(link)
    if (!decoded.ok) throw new Error(decoded.message)
    const match = matchSharedPlan(decoded.plan, after)
    expect(match.found.map((f) => [f.session.id, f.level])).toEqual([[wed, 'maybe']])
    expect(match.missing).toHaveLength(1)
    expect(match.ambiguous).toEqual([])
  })

  it('three "Coffee Break"s over two days: the middle one removed and one added; the others keep theirs', async () => {
    const before = await importListing([COFFEE_TUE_AM, COFFEE_TUE_PM, COFFEE_WED_AM])
    await addEvent(db, before, { replace: false }, T0)
    const [tueAm, tuePm, wedAm] = [COFFEE_TUE_AM, COFFEE_TUE_PM, COFFEE_WED_AM].map((c) => sessionAt(before, c).id)
    const store = indexedDbUserData(db)
    await setStarLevel(store, EVENT, tueAm!, 'maybe', T0)
    await setStarLevel(store, EVENT, tuePm!, 'must', T0)
    await setStarLevel(store, EVENT, wedAm!, 'maybe', T0)

    const next = await importListing([COFFEE_TUE_AM, COFFEE_WED_AM, COFFEE_WED_PM])
    await update(next)

    const after = await storedSessions()
    const asListed = (c: typeof COFFEE_TUE_AM) => sessionAt({ ...next, sessions: after }, c).id
    expect(asListed(COFFEE_TUE_AM)).toBe(tueAm)
    expect(asListed(COFFEE_WED_AM)).toBe(wedAm)
    // The added break is new: no earlier ID, so no earlier star comes back to life on it.
    const added = asListed(COFFEE_WED_PM)
    expect([tueAm, tuePm, wedAm]).not.toContain(added)
    expect(await starLevels()).toEqual({ [tueAm!]: 'maybe', [tuePm!]: 'must', [wedAm!]: 'maybe' })
    expect(await changes()).toEqual([['Coffee Break', '2025-11-11', ['cancelled']]])
  })
})

describe('an install that carried IDs', () => {
  it('stores a hash of its own, yet knows the file: opening the same file again is unchanged and writes nothing', async () => {
    await addEvent(db, await importListing([KEYNOTE, LIGHTNING_TUE, LIGHTNING_WED]), { replace: false }, T0)
    const file = await importListing([KEYNOTE, LIGHTNING_WED])
    await addEvent(db, file, { replace: true }, T1)

    const row = await db.events.get(EVENT)
    // What is stored is not the file (one ID differs), so nothing may take one for the other by hash.
    expect(row?.contentHash).not.toBe(file.contentHash)
    expect(row?.sourceHash).toBe(file.contentHash)
    expect((await listInstalledEvents(db)).find((e) => e.id === EVENT)?.contentHash).toBe(file.contentHash)

    const before = await storedSessions()
    expect(await addEvent(db, structuredClone(file), { replace: true }, T1)).toEqual({ kind: 'unchanged' })
    expect(await installSnapshot(db, structuredClone(file), T1)).toBe('unchanged')
    expect(await storedSessions()).toEqual(before)
  })
})

describe('Replace in memory (storage off)', () => {
  it('keeps the IDs the sessions had in the tab, as the stored install does', async () => {
    const before = await importListing([KEYNOTE, LIGHTNING_TUE, LIGHTNING_WED])
    const library = new MemoryEventLibrary([memoryEventOf(before)])

    expect(await library.add(await importListing([KEYNOTE, LIGHTNING_WED]), { replace: true })).toEqual({ kind: 'replaced' })

    const wed = library.snapshot().current.sessions.find((s) => s.title === 'Lightning Talks')
    expect(wed?.id).toBe(sessionAt(before, LIGHTNING_WED).id)
  })
})
