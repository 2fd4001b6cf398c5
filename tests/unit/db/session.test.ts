// The storage session's start-up race, without rendering: preview before IndexedDB opens, the hand-over, an app
// update, a held open and another tab's upgrade, asserted as the sequence of states the store went through.
// Dexie's liveQuery needs a global indexedDB (it observes through it), as in the app; the databases themselves are
// fake-indexeddb either way.
import 'fake-indexeddb/auto'
import { BUNDLED_EVENT_ID } from '../../../src/db/bundledSnapshot'
import { pendingStars } from '../../../src/db/pendingStars'
import { createHallwaySession, type HallwaySession, type HallwayState } from '../../../src/db/session'
import { installSnapshot } from '../../../src/db/snapshotInstall'
import { indexedDbUserData, readUserData } from '../../../src/db/userDataStore'
import { hallwayCommands } from '../../../src/db/commands'
import { setStarLevel } from '../../../src/db/stars'
import { Dexie } from 'dexie'
import { DB_VERSION, type HallwayDB } from '../../../src/db/HallwayDB'
import type { SessionId, Snapshot } from '../../../src/domain/model'
import { fakeIdb, holdOpen, makeEvent, makeSession, makeSnapshot as makeAnySnapshot, makeTestDB } from './factories'

const makeSnapshot = (titles: string[]) =>
  makeAnySnapshot(
    titles.map((title) => makeSession({ title })),
    { event: makeEvent({ id: BUNDLED_EVENT_ID, title: 'Bundled Con' }) },
  )

const dbs: HallwayDB[] = []
const stops: Array<() => void> = []
afterEach(async () => {
  for (const stop of stops.splice(0)) stop()
  pendingStars.clear()
  for (const db of dbs.splice(0)) await db.delete()
})

function testDB(): HallwayDB {
  const db = makeTestDB()
  dbs.push(db)
  return db
}

/** Starts a session and records every state it publishes. */
function started(db: HallwayDB | null, snapshot: Snapshot | (() => Promise<Snapshot>), openTimeoutMs?: number) {
  const loadBundled = typeof snapshot === 'function' ? snapshot : async () => snapshot
  const session: HallwaySession = createHallwaySession({ db, loadBundled, openTimeoutMs })
  const states: HallwayState[] = []
  session.subscribe((s) => states.push(s))
  stops.push(session.start())
  return { session, states }
}

/** ms: how long vi.waitFor waits for a write to land (its 1 s default is short for fake IndexedDB on a loaded machine). */
const WRITE_LANDS = { timeout: 10_000 }

/** Resolves once the session's state satisfies `ok` (checked on every change). */
function until(session: HallwaySession, ok: (s: HallwayState) => boolean): Promise<HallwayState> {
  return new Promise((resolve) => {
    if (ok(session.getState())) return resolve(session.getState())
    const stop = session.subscribe((s) => {
      if (!ok(s)) return
      stop()
      resolve(s)
    })
  })
}

/** The open database's stores in Dexie's stores() syntax, to open it one version up. */
function storesOf(db: HallwayDB): Record<string, string> {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]))
}

/** The storage phases a session went through, each once per stretch. */
const phases = (states: HallwayState[]) =>
  states.map((s) => s.phase.kind).filter((kind, i, all) => i === 0 || all[i - 1] !== kind)

const titles = (s: HallwayState) => s.schedule.sessions.map((x) => x.title)

describe('createHallwaySession', () => {
  it('without storage shows the bundled snapshot from memory, and says why', async () => {
    const { session } = started(null, makeSnapshot(['Only talk']))
    const s = await until(session, (x) => x.schedule.storage.kind === 'memory')
    expect(titles(s)).toEqual(['Only talk'])
    expect(s.schedule.storage).toMatchObject({ kind: 'memory', problem: { kind: 'unavailable' } })
    expect(s.db).toBeNull()
  })

  it('first visit: previews the bundled snapshot while IndexedDB opens, then hands over without a new array', async () => {
    const db = testDB()
    const release = holdOpen(db)
    const { session, states } = started(db, makeSnapshot(['Right away']))
    const previewed = await until(session, (x) => x.schedule.status === 'ready')
    expect(titles(previewed)).toEqual(['Right away'])
    expect(previewed.db).toBeNull()
    expect(previewed.starsKnown).toBe(false)
    release()
    const handed = await until(session, (x) => x.db !== null && x.starsKnown)
    expect(phases(states)).toEqual(['opening', 'indexeddb'])
    expect(handed.schedule.sessions).toBe(previewed.schedule.sessions)
    expect(handed.schedule.storage).toEqual({ kind: 'indexeddb' })
    // Never 'loading' again once something was on screen.
    const firstReady = states.findIndex((x) => x.schedule.status === 'ready')
    expect(states.slice(firstReady).every((x) => x.schedule.status === 'ready')).toBe(true)
  })

  it('after an app update goes from the new bundled snapshot straight on, never back to the stored copy', async () => {
    const db = testDB()
    await installSnapshot(db, makeSnapshot(['Kept', 'Cancelled']))
    const { session, states } = started(db, makeSnapshot(['Kept', 'Added late']))
    await until(session, (x) => x.db !== null && titles(x).includes('Added late') && x.starsKnown)
    expect(states.filter((x) => titles(x).includes('Cancelled'))).toEqual([])
  })

  it('a held open carries on in memory, and a tap made meanwhile is saved (raise only) once the open goes through', async () => {
    const db = testDB()
    const snapshot = makeSnapshot(['Tapped'])
    const release = holdOpen(db)
    const { session, states } = started(db, snapshot, 50) // ms: a short wait, so the test does not sit out the real 4 s
    const held = await until(session, (x) => x.schedule.storage.kind === 'memory' && x.starsKnown)
    expect(held.schedule.storage).toMatchObject({ problem: { kind: 'held' } })
    const id = snapshot.sessions[0]!.id
    // A star made in memory, the way a tap in this tab makes it.
    await held.plan.store!.transact((tx) => tx.putStar({ eventId: BUNDLED_EVENT_ID, sessionId: id, level: 'must', updatedAt: '2025-11-13T15:00:00Z' }))
    await until(session, (x) => x.plan.stars.get(id) === 'must')
    release()
    const opened = await until(session, (x) => x.db !== null && x.starsKnown)
    expect(opened.schedule.storage).toEqual({ kind: 'indexeddb' })
    expect(phases(states)).toEqual(['opening', 'held', 'indexeddb'])
    await vi.waitFor(async () => expect((await readUserData(db, BUNDLED_EVENT_ID)).stars.map((r) => r.level)).toEqual(['must']), WRITE_LANDS)
  })

  it('when another tab upgrades the database, carries on from memory with the reload notice, keeping the plan', async () => {
    const db = testDB()
    const snapshot = makeSnapshot(['Starred'])
    const { session } = started(db, snapshot)
    const open = await until(session, (x) => x.db !== null && x.starsKnown)
    const id = snapshot.sessions[0]!.id
    await open.plan.store!.transact((tx) => tx.putStar({ eventId: BUNDLED_EVENT_ID, sessionId: id, level: 'maybe', updatedAt: '2025-11-13T15:00:00Z' }))
    await until(session, (x) => x.plan.stars.get(id) === 'maybe')
    // What a newer Hallway in another tab does: open at a higher version, which our connection must let go for.
    const newer = new Dexie(db.name, fakeIdb)
    newer.version(DB_VERSION + 1).stores({ ...storesOf(db), lists: '++id' })
    await newer.open()
    newer.close()
    const memory = await until(session, (x) => x.phase.kind === 'memory')
    expect(memory.schedule.storage).toMatchObject({ problem: { kind: 'superseded' } })
    expect((await until(session, (x) => x.starsKnown)).plan.stars.get(id)).toBe('maybe')
  })
})

describe('the journal of stars IndexedDB does not have yet', () => {
  /** A localStorage for node, like a browser's: it outlives a session (a reload), not the test. */
  function useLocalStorage(): Map<string, string> {
    const items = new Map<string, string>()
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, String(v)),
      removeItem: (k: string) => void items.delete(k),
    }
    vi.stubGlobal('localStorage', storage)
    return items
  }
  afterEach(() => vi.unstubAllGlobals())

  it('a star tapped while another tab holds storage survives a reload and is saved (raise only) once storage opens', async () => {
    const items = useLocalStorage()
    const db = testDB()
    const snapshot = makeSnapshot(['Tapped', 'Saved before'])
    const [tapped, savedBefore] = snapshot.sessions.map((s) => s.id) as [SessionId, SessionId]
    await installSnapshot(db, snapshot)
    await setStarLevel(indexedDbUserData(db), BUNDLED_EVENT_ID, savedBefore, 'must')

    holdOpen(db)
    const first = started(db, snapshot, 50) // ms: a short wait, so the test does not sit out the real 4 s
    await until(first.session, (x) => x.schedule.storage.kind === 'memory' && x.starsKnown)
    // Tapped twice, round to maybe, for a session whose saved Must this tab can't see; and once, for a new one.
    await hallwayCommands(first.session).cycleStar(tapped)
    await hallwayCommands(first.session).cycleStar(savedBefore)
    await hallwayCommands(first.session).cycleStar(savedBefore)
    expect(JSON.parse(items.get('hallway:pending-stars')!)).toEqual({ [BUNDLED_EVENT_ID]: { [tapped]: 'must', [savedBefore]: 'maybe' } })

    // The reload: this tab's session and its memory go; only the journal is left. The other tab has let go.
    stops.splice(0).forEach((stop) => stop())
    pendingStars.clear()
    vi.restoreAllMocks()
    const second = started(db, snapshot)
    await until(second.session, (x) => x.db !== null && x.starsKnown)
    await vi.waitFor(async () => {
      const levels = Object.fromEntries((await readUserData(db, BUNDLED_EVENT_ID)).stars.map((r) => [r.sessionId, r.level]))
      // The Must this tab could not see stays a Must.
      expect(levels).toEqual({ [tapped]: 'must', [savedBefore]: 'must' })
    }, WRITE_LANDS)
    await vi.waitFor(() => expect(items.has('hallway:pending-stars')).toBe(false), WRITE_LANDS)
  })

  it('ignores a journal that is not one (Web Storage is anyone’s to write)', async () => {
    const items = useLocalStorage()
    items.set('hallway:pending-stars', '{"kubecon-na-2025": {"x": "superstar"}, "y": 3}')
    const { session } = started(null, makeSnapshot(['Talk']))
    const s = await until(session, (x) => x.starsKnown)
    expect(s.plan.stars.size).toBe(0)
  })
})
