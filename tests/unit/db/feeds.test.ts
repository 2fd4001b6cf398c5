// Checking a schedule feed on real Dexie (fake-indexeddb) with a fake fetch: a changed file goes through the
// schedule-update path (stars kept, changes recorded) with the feed's status in one transaction; an HTTP error, a
// timeout, a refusal, a broken file, another event's file and a file that lost most of its sessions change nothing
// but the status, and the last waits for the user.
import type { EventId, Snapshot } from '../../../src/domain/model'
import type { HallwayDB } from '../../../src/db/HallwayDB'
import { addEvent, listInstalledEvents, removeEvent } from '../../../src/db/events'
import { applyHeldFeedFile, checkFeed, type FeedCheckEnv } from '../../../src/db/feeds'
import { setStarLevel } from '../../../src/db/stars'
import { indexedDbUserData } from '../../../src/db/userDataStore'
import { byTitle, idFor, loadSeed, TITLES, updatedSeed } from '../../fixtures/seedUpdate'
import { makeTestDB } from './factories'

const seed = loadSeed()
// An added event (the bundled one can't be added): the seed under another id, as a feed subscription would store it.
const EVENT = 'feedcon' as EventId
const URL = 'https://feeds.example.org/feedcon/schedule.json'
const T0 = new Date('2025-11-12T22:00:00Z')
const T1 = new Date('2025-11-13T06:00:00Z')

let db: HallwayDB
let updated: Snapshot
const as = (s: Snapshot): Snapshot => ({ ...s, event: { ...s.event, id: EVENT } })

beforeAll(async () => {
  updated = await updatedSeed(seed)
})

beforeEach(async () => {
  db = makeTestDB()
  await addEvent(db, as(seed), { replace: false, feedUrl: URL }, T0)
  const store = indexedDbUserData(db)
  for (const title of [TITLES.moved, TITLES.renamed, TITLES.cancelled, TITLES.unchanged]) {
    await setStarLevel(store, EVENT, byTitle(seed.sessions, title).id, 'must', T0)
  }
})
afterEach(() => db.close())

/** A fetch that answers `body` (JSON) or `status`, or fails as the network does. */
function env(answer: { body?: unknown; status?: number; fail?: 'network' | 'hang' }, online = true): FeedCheckEnv {
  return {
    now: () => T1,
    online: () => online,
    origin: 'https://hallway.example',
    timeoutMs: 5,
    read: () => Promise.reject(new Error('not a Hallway snapshot in these tests')),
    fetch: (_url, init) => {
      if (answer.fail === 'network') return Promise.reject(new TypeError('Failed to fetch'))
      if (answer.fail === 'hang') {
        return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
      }
      return Promise.resolve(new Response(JSON.stringify(answer.body ?? {}), { status: answer.status ?? 200 }))
    },
  }
}

const starIds = async () => (await db.stars.where('eventId').equals(EVENT).toArray()).map((r) => r.sessionId).sort()
const feedRow = () => db.feeds.get(EVENT)

describe('checking a feed', () => {
  it('keeps the URL given when the event was added, with the add as its first success', async () => {
    expect(await feedRow()).toEqual({ eventId: EVENT, url: URL, lastSuccessAt: T0.toISOString(), lastCheckedAt: T0.toISOString() })
    const [listed] = (await listInstalledEvents(db)).filter((e) => e.id === EVENT)
    expect(listed?.feed).toEqual({ url: URL, lastSuccessAt: T0.toISOString(), lastCheckedAt: T0.toISOString() })
  })

  it('applies a changed file like any schedule update: stars kept, the changes recorded, the success stored', async () => {
    const before = await starIds()
    expect(await checkFeed(db, EVENT, URL, env({ body: as(updated) }))).toEqual({ kind: 'applied' })
    const renamedStar = idFor(updated, TITLES.renamedTo) // the file's IDs, made for the seed's event id
    expect(await starIds()).toEqual(before.map((id) => (id === byTitle(seed.sessions, TITLES.renamed).id ? renamedStar : id)).sort())
    const changes = await db.scheduleChanges.where('eventId').equals(EVENT).toArray()
    expect(changes.map((c) => c.change.what.join()).sort()).toEqual(['cancelled', 'moved', 'renamed'])
    expect(await feedRow()).toMatchObject({ url: URL, lastSuccessAt: T1.toISOString() })
    expect((await feedRow())?.problem).toBeUndefined()
    // The same file again (a 304 hands back the cached copy): current, nothing written to the schedule.
    const installedAt = (await db.events.get(EVENT))?.installedAt
    expect(await checkFeed(db, EVENT, URL, env({ body: as(updated) }))).toEqual({ kind: 'unchanged' })
    expect((await db.events.get(EVENT))?.installedAt).toBe(installedAt)
  })

  it.each([
    ['an HTTP error', { status: 500 }, true, { kind: 'http', status: 500 }],
    ['a timeout', { fail: 'hang' as const }, true, { kind: 'timeout', seconds: 1 }],
    ['a refusal while online (CORS)', { fail: 'network' as const }, true, { kind: 'refused', crossOrigin: true }],
    ['going offline', { fail: 'network' as const }, false, { kind: 'offline' }],
    ['a file that is no schedule', { body: { schemaVersion: 2, nonsense: true } }, true, { kind: 'unreadable' }],
  ])('keeps the schedule and every star on %s, and says why', async (_what, answer, online, problem) => {
    const before = await starIds()
    const hash = (await db.events.get(EVENT))?.contentHash
    const result = await checkFeed(db, EVENT, URL, env(answer, online))
    expect(result).toMatchObject({ kind: 'problem', problem })
    expect((await db.events.get(EVENT))?.contentHash).toBe(hash)
    expect(await starIds()).toEqual(before)
    expect(await feedRow()).toMatchObject({ lastSuccessAt: T0.toISOString(), lastCheckedAt: T1.toISOString(), problem })
  })

  it('applies a file whose first day moved (another edition id) to the event it is, with the stars kept', async () => {
    await db.delete()
    db = makeTestDB()
    const stored = { ...seed, event: { ...seed.event, id: 'feedcon-2025-11-13' as EventId } }
    await addEvent(db, stored, { replace: false, feedUrl: URL }, T0)
    const star = byTitle(seed.sessions, TITLES.unchanged).id
    await setStarLevel(indexedDbUserData(db), stored.event.id, star, 'must', T0)
    // The organiser moved the opening by two days: the file's edition id says so.
    const moved = { ...updated, event: { ...updated.event, id: 'feedcon-2025-11-15' as EventId } }

    const result = await checkFeed(db, stored.event.id, URL, env({ body: moved }))
    expect(result).toMatchObject({ kind: 'applied' })
    expect(await db.events.get('feedcon-2025-11-15' as EventId)).toBeUndefined()
    expect((await db.events.get(stored.event.id))?.sourceHash ?? (await db.events.get(stored.event.id))?.contentHash).not.toBe(seed.contentHash)
    expect((await db.stars.where('eventId').equals(stored.event.id).toArray()).map((r) => r.sessionId)).toEqual([star])
  })

  it('refuses a file for another event', async () => {
    const result = await checkFeed(db, EVENT, URL, env({ body: updated }))
    expect(result).toEqual({ kind: 'problem', problem: { kind: 'other-event', fileEventId: seed.event.id } })
    expect((await db.events.get(EVENT))?.contentHash).toBe(seed.contentHash)
  })

  it('holds a file that lost most of its sessions until the user applies it, then applies it with the stars kept', async () => {
    const cut: Snapshot = { ...as(seed), contentHash: 'cut', sessions: seed.sessions.slice(0, 10) }
    const before = await starIds()
    const result = await checkFeed(db, EVENT, URL, env({ body: cut }))
    expect(result).toEqual({ kind: 'problem', problem: { kind: 'shrunk', before: seed.sessions.length, after: 10 } })
    expect(await db.sessions.where('eventId').equals(EVENT).count()).toBe(seed.sessions.length)
    const [listed] = (await listInstalledEvents(db)).filter((e) => e.id === EVENT)
    expect(listed?.feed?.heldSessions).toBe(10)
    // A failed download later says nothing about the held file: it still waits.
    await checkFeed(db, EVENT, URL, env({ status: 503 }))
    expect((await feedRow())?.held?.contentHash).toBe('cut')

    expect(await applyHeldFeedFile(db, EVENT, T1)).toBe('applied')
    expect(await db.sessions.where('eventId').equals(EVENT).count()).toBe(10)
    expect(await starIds()).toEqual(before)
    expect(await feedRow()).toMatchObject({ lastSuccessAt: T1.toISOString() })
    expect((await feedRow())?.held).toBeUndefined()
    expect(await applyHeldFeedFile(db, EVENT, T1)).toBe('gone')
  })

  it('goes with its event when the event is removed', async () => {
    await removeEvent(db, EVENT)
    expect(await feedRow()).toBeUndefined()
    expect(await checkFeed(db, EVENT, URL, env({ body: as(updated) }))).toEqual({ kind: 'gone' })
    expect(await feedRow()).toBeUndefined()
  })
})
