// The storage session: one framework-free store (a zustand vanilla store) that owns start-up, the schedule on screen,
// the user's data and the events on this device. React reads it through selectors (src/ui/common/useHallway.ts); tests
// drive it without rendering (tests/unit/db/session.test.ts).
//
// The first view does not wait for Dexie: the IndexedDB layer is its own chunk (./loadIndexedDb), and while it
// downloads and opens, the schedule is the bundled snapshot (fetched anyway, precached) when that is what IndexedDB
// will show: on a first visit, and whenever the event last shown here was the bundled one (the preview hint in Web
// Storage, ./webStorage; IndexedDB always brings the bundled event up to the bundled snapshot). Stars and settings
// arrive with IndexedDB a moment later; until then the plan is 'loading', and a star tapped meanwhile waits in
// ./pendingStars.
//
// The current event has one owner, this store: it decides which event is shown, and it alone writes where that is
// remembered (the IndexedDB setting, through the event library, and the preview hint).
import { createStore, type StoreApi } from 'zustand/vanilla'
import {
  compareByTime,
  conflictsBySession,
  findConflicts,
  planOf,
  sameConflicts,
  type Conflict,
  type ConflictOptions,
  type PlannedSession,
  type StarMap,
} from '../domain/conflicts'
import { SNAPSHOT_SCHEMA_VERSION, type EventId, type EventInfo, type Session, type SessionId, type Snapshot, type VenueDay } from '../domain/model'
import type { StarredChange } from '../domain/scheduleDiff'
import { NOTHING_HIDDEN, type HiddenChoices } from '../domain/search'
import { compareSessions } from '../domain/snapshotBuild'
import { raisedLevel, type StarLevel } from '../domain/stars'
import { BUNDLED_EVENT_ID, loadBundledSnapshot } from './bundledSnapshot'
import { memoryEventOf, MemoryEventLibrary, type EventLibrary, type InstalledEvent, type MemoryEvent } from './eventLibrary'
import type { HallwayDB } from './HallwayDB'
import { loadIndexedDb, type IndexedDbModule } from './loadIndexedDb'
import { pendingStars } from './pendingStars'
import { readStarJournal, starJournalText, writeStarJournal } from './starJournal'
import { requestPersistence } from './persistence'
import { hiddenSettingKey, parseHidden } from './hidden'
import { displaySettingsOf, walkingSettingsOf, type DisplaySettings, type WalkingSettings } from './settings'
import { storageProblemOf, toStorageProblem, type StorageProblem } from './storageErrors'
import { indexedDbUserData, MemoryUserData, readUserData, type UserDataSnapshot, type UserDataStore } from './userDataStore'
import { readWebStorage, writeWebStorage } from './webStorage'

/**
 * ms: how long opening IndexedDB (and reading which event to show) may take before the tab stops waiting and keeps
 * stars in memory, saying so. A healthy open takes well under a second even on a slow phone; an open that another tab
 * holds, or that never settles and fires nothing, would otherwise leave the tab silent for good. Too short only costs
 * a notice: an open that succeeds later is still taken up.
 */
export const OPEN_TIMEOUT_MS = 4000

/** Where the schedule (and stars and settings) live: IndexedDB, or only memory because storage failed. */
export type StorageState = { kind: 'indexeddb' } | { kind: 'memory'; problem: StorageProblem }

export interface ScheduleState {
  status: 'loading' | 'ready' | 'error'
  event?: EventInfo
  /** Sorted by start, then venue.room, then title; the same array object for as long as the data is unchanged. */
  sessions: readonly Session[]
  /** The schedule file's content hash (Snapshot.contentHash) while ready. */
  contentHash?: string
  storage: StorageState
  /** Set when status is 'error' (there is nothing to show at all); user-facing. */
  error?: string
}

/** A recorded schedule change the user has not acknowledged yet. */
export interface PendingChange {
  /** What acknowledging it names (ScheduleChangeRow.key). */
  key: string
  change: StarredChange
}

export interface PlanState {
  /** 'loading' until the stars of the shown event have been read once. */
  status: 'loading' | 'ready'
  eventId?: EventId
  /** Where writes go; null while nothing can be written yet (schedule loading). */
  store: UserDataStore | null
  /** false in memory mode: the plan lasts until the tab closes. */
  persistent: boolean
  stars: StarMap
  walking: WalkingSettings
  /** The calendar reminder and whose clock times show in. */
  display: DisplaySettings
  /** The options every plan computation takes, so all screens agree on what is a conflict. */
  options: ConflictOptions
  /** Starred sessions of the schedule, in schedule order (stars on sessions the schedule lacks are left out). */
  plan: readonly PlannedSession[]
  conflicts: readonly Conflict[]
  /** Each session's conflicts; a session's array is the same object while its conflicts are unchanged. */
  conflictsBySession: ReadonlyMap<SessionId, readonly Conflict[]>
  countsByDay: ReadonlyMap<VenueDay, number>
  /** Unacknowledged changes to sessions still starred, in the old schedule's time order. */
  changes: readonly PendingChange[]
  /** The pending change of each session still in the schedule, by its ID now (for badges on cards and rows). */
  changeBySession: ReadonlyMap<SessionId, PendingChange>
  /** The rooms and types hidden in this event; the same object while the saved choices are unchanged. */
  hidden: HiddenChoices
  /** The user's private notes, by session (never in a share link). */
  notes: ReadonlyMap<SessionId, string>
}

/**
 * Where storage stands: still opening; IndexedDB; memory because storage failed (`problem` says why) or because another
 * tab holds it ('held': an open that goes through later is taken up); or nothing to show at all ('error').
 */
export type StoragePhase =
  | { kind: 'opening' }
  | { kind: 'indexeddb' }
  | { kind: 'memory' | 'held'; problem: StorageProblem }
  | { kind: 'error'; problem?: StorageProblem }

export interface HallwayState {
  phase: StoragePhase
  schedule: ScheduleState
  /** The sessions by id, so a lookup is O(1) on 10,000 sessions. */
  byId: ReadonlyMap<string, Session>
  /** The database the schedule is read from; null while loading, previewing and in memory mode. User data follows it. */
  db: HallwayDB | null
  /** The events on this device (or in this tab, in memory mode), bundled first. Empty while loading. */
  events: readonly InstalledEvent[]
  /** Adds, switches and removes events; null until the schedule is ready. */
  library: EventLibrary | null
  plan: PlanState
  /** false while the saved stars have not been read yet (the list shows the bundled snapshot while storage opens). */
  starsKnown: boolean
}

export interface HallwaySessionOptions {
  /**
   * The database; by default the app's, once the IndexedDB layer has loaded. `null` runs without IndexedDB (tests, or
   * storage known to be off).
   */
  db?: HallwayDB | null
  /** Loads the bundled snapshot. */
  loadBundled?: () => Promise<Snapshot>
  /** ms: how long opening IndexedDB may take before the tab carries on in memory; {@link OPEN_TIMEOUT_MS} by default. */
  openTimeoutMs?: number
  /**
   * false: never open storage nor read the tab's waiting stars; the state stays the bundled preview with the plan
   * unknown. The build's prerender (src/prerender) renders from exactly that.
   */
  openStorage?: boolean
}

export interface HallwaySession extends StoreApi<HallwayState> {
  /**
   * Starts (or, after a stop, starts again): loads the bundled snapshot, opens storage, reads. Returns the stop, which
   * lets go of every live read and forgets what was shown (a stopped session starts over from 'loading').
   */
  start(): () => void
}

type Phase =
  | { kind: 'opening' }
  /** Showing what IndexedDB holds for eventId, live. Per tab: switching here writes the setting for the next start,
   * and never moves another tab to another event under its user. */
  | { kind: 'db'; db: HallwayDB; eventId: EventId; idb: IndexedDbModule }
  /** Storage failed: showing schedules held in memory (the current one, the bundled one, any opened since). */
  | { kind: 'memory'; library: MemoryEventLibrary; problem: StorageProblem }
  | { kind: 'error'; message: string; problem?: StorageProblem }

type MemoryPhase = Extract<Phase, { kind: 'memory' }>

type Bundled = { ok: true; snapshot: Snapshot } | { ok: false; message: string }

/** What one read of IndexedDB shows; also a MemoryEvent, so memory mode can carry on with it. */
interface ScheduleData extends MemoryEvent {
  eventId: EventId
  contentHash: string
  /** Some sessions kept IDs their snapshot file numbers differently (snapshotInstall.ts), so the file is no preview. */
  idsCarried: boolean
  schemaVersion: number
  source: string
  event: EventInfo
  sessions: readonly Session[]
}

type LiveOk = { ok: true; data: ScheduleData }
/**
 * One run of the live query. `data` on failure is the last good read, so the screen need not go blank. `gone`: the
 * event is no longer installed (removed here or in another tab), which is no storage failure.
 */
type LiveRead = LiveOk | { ok: false; eventId: EventId; error: unknown; gone?: boolean; data?: ScheduleData }

type UserRead = { ok: true; data: UserDataSnapshot } | { ok: false; error: unknown }

const NO_SESSIONS: readonly Session[] = Object.freeze([])
const NO_EVENTS: readonly InstalledEvent[] = Object.freeze([])
const NO_CHANGES: readonly PendingChange[] = Object.freeze([])
const NO_SETTINGS: ReadonlyMap<string, unknown> = new Map()
const INDEXEDDB = { kind: 'indexeddb' } as const
const OPENING = { kind: 'opening' } as const
const LOADING: ScheduleState = { status: 'loading', sessions: NO_SESSIONS, storage: INDEXEDDB }

/** A live query of `db` and its unsubscribe; `next` hears every result. */
function subscribeLive<T>(db: HallwayDB, query: () => Promise<T>, next: (value: T) => void): () => void {
  const subscription = db.live(query).subscribe({
    next,
    error: (error: unknown) => console.warn('Hallway: a live read of IndexedDB failed.', error),
  })
  return () => subscription.unsubscribe()
}

/** Remembers the last inputs and result: the same result (object) while the inputs are the same objects. */
function memo<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.result
    const result = compute(...args)
    last = { args, result }
    return result
  }
}

/** Creates a session; nothing happens until {@link HallwaySession.start}. */
export function createHallwaySession(options: HallwaySessionOptions = {}): HallwaySession {
  const given = options.db
  const loadBundled = options.loadBundled ?? loadBundledSnapshot
  const openTimeoutMs = options.openTimeoutMs ?? OPEN_TIMEOUT_MS
  const openStorage = options.openStorage ?? true

  const store = createStore<HallwayState>()(() => initialState())

  // Everything below belongs to one run (start → stop); `run` tells a stale callback from a current one.
  let run = 0
  let running = false
  let phase: Phase = { kind: 'opening' }
  // The bundled snapshot, shown until IndexedDB's first read of the same event lands (see the file comment).
  let preview: MemoryEvent | null = null
  let bundled: Promise<Bundled> | null = null
  // The last good read; lets a re-run with the same contentHash hand back the very same objects.
  const lastRead: { current: LiveOk | undefined } = { current: undefined }
  let live: LiveRead | undefined
  let installed: readonly InstalledEvent[] | undefined
  let userRead: UserRead | undefined
  let lastGoodUser: UserDataSnapshot | undefined
  // Created once, when memory mode starts, from what IndexedDB last held: a plan made before storage failed stays.
  let memoryUser: MemoryUserData | null = null
  let lastFlushed: ReadonlyMap<SessionId, StarLevel> | undefined
  let lastSettled: UserDataSnapshot | undefined
  let savedBefore: { eventId: EventId | undefined; count: number | undefined } = { eventId: undefined, count: undefined }
  let shownRemembered: string | undefined
  let journaled: string | undefined

  // Subscriptions, each with the key it was made for.
  const subs = new Map<string, { key: unknown; stop: () => void }>()
  const keep = (name: string, key: unknown, subscribe: () => () => void) => {
    const now = subs.get(name)
    if (now && now.key === key) return
    now?.stop()
    if (key === null || key === undefined) {
      subs.delete(name)
      return
    }
    subs.set(name, { key, stop: subscribe() })
  }
  const stopAll = () => {
    for (const { stop } of subs.values()) stop()
    subs.clear()
  }

  const setPhase = (next: Phase) => {
    phase = next
    update()
  }

  const memoryFallBack = (problem: StorageProblem, lastGood: ScheduleData | undefined, keepLastGood: (b?: MemoryEvent) => boolean) => {
    const at = run
    const done = bundled ?? Promise.resolve<Bundled>({ ok: false, message: 'not loaded' })
    void done.then((b) => {
      if (at !== run) return
      // The bundled snapshot first: for the bundled event it is the newest copy there is.
      const fromFile = b.ok ? memoryEventOf(b.snapshot) : undefined
      const shown = lastGood && keepLastGood(fromFile) ? lastGood : undefined
      setPhase(memoryPhase(problem, shown, fromFile) ?? { kind: 'error', message: b.ok ? '' : b.message, problem })
    })
  }

  // Another tab upgraded (or deleted) the database, and this tab let go of it for good (HallwayDB.superseded).
  // Carry on from memory at once, not at the next failing read, so the reload notice is up before anyone stars
  // something, and user data (which follows the db) stops going to IndexedDB.
  const superseded = (from: Extract<Phase, { kind: 'db' }>) => {
    if (phase !== from) return
    // What the user was looking at, which may be an event other than the bundled one: it stays on screen.
    const lastGood = lastRead.current?.data
    const shown = lastGood?.eventId === from.eventId ? lastGood : undefined
    memoryFallBack(storageProblemOf('superseded'), shown, () => true)
    // Nothing else from this phase: the memory phase replaces it once the bundled snapshot is in hand.
  }

  // A failing live read (read error, storage gone…): same fallback as at start-up. The shown event being gone (the
  // user removed it, here or in another tab) is no failure: show the event the device now has as current.
  const liveFailed = (from: Extract<Phase, { kind: 'db' }>, read: Extract<LiveRead, { ok: false }>) => {
    if (from.db.superseded) return
    const fallBack = () => {
      if (phase !== from) return
      console.warn('Hallway: reading the schedule from IndexedDB failed; falling back to memory.', read.error)
      memoryFallBack(toStorageProblem(read.error), read.data, (b) => read.data?.eventId !== b?.event.id)
    }
    if (!read.gone) return fallBack()
    from.db.storedCurrentEventId(BUNDLED_EVENT_ID).then((next) => {
      if (phase !== from) return
      if (next !== undefined && next !== from.eventId) setPhase({ ...from, eventId: next })
      else fallBack()
    }, fallBack)
  }

  /** Makes the subscriptions match the phase (the effects of a component, run by hand). */
  const reconcile = () => {
    const dbPhase = phase.kind === 'db' ? phase : null

    keep('schedule', dbPhase ? `${dbPhase.eventId}` : null, () => {
      const from = dbPhase!
      return subscribeLive(from.db, () => readSchedule(from.db, from.eventId, lastRead), (read) => {
        if (phase.kind !== 'db' || phase.db !== from.db) return
        live = read
        if (!read.ok && read.eventId === phase.eventId) liveFailed(phase, read)
        update()
      })
    })
    if (!dbPhase) live = undefined
    // Keyed by the phase object: a switch of event makes a new phase, and the check below covers a supersession
    // that happened between start-up handing over and this subscription.
    keep('superseded', dbPhase, () => {
      const from = dbPhase!
      if (from.db.superseded) queueMicrotask(() => superseded(from))
      return from.db.onSuperseded(() => superseded(from))
    })
    // The events on this device, for the switcher and Settings. Reads no stars, so a star never re-runs it.
    keep('installed', dbPhase?.db, () => {
      const { db, idb } = dbPhase!
      return subscribeLive(db, () => idb.listInstalledEvents(db).catch(() => undefined), (events) => {
        installed = events
        update()
      })
    })
    if (!dbPhase) installed = undefined
    keep('memoryLibrary', phase.kind === 'memory' ? phase.library : null, () => (phase as MemoryPhase).library.subscribe(update))
  }

  // A change heard while deriving (pendingStars.settle, keep) runs the derivation again after, not inside, it.
  let updating = false
  let again = false
  /** After any change: subscriptions follow, then the state is derived and published. */
  const update = () => {
    if (!running) return
    if (updating) {
      again = true
      return
    }
    updating = true
    try {
      do {
        again = false
        derive()
      } while (again && running)
    } finally {
      updating = false
    }
  }

  const derive = () => {
    reconcile()
    const schedule = scheduleOfStable()
    const eventId = schedule.event?.id
    const memoryMode = schedule.status === 'ready' && schedule.storage.kind === 'memory'
    const stateDb = readyDb(schedule)

    // User data follows the schedule's database; never while the preview is on screen.
    keep('user', stateDb && eventId ? `${eventId}` : null, () => {
      const db = stateDb!
      const forEvent = eventId!
      return subscribeLive(db, () => readUser(db, forEvent), (read) => {
        userRead = read
        if (read.ok) lastGoodUser = read.data
        update()
      })
    })
    if (!stateDb) userRead = undefined

    if (memoryMode && memoryUser === null) {
      const seed = lastGoodUser
      memoryUser = new MemoryUserData({
        stars: seed?.stars,
        notes: seed?.notes,
        settings: seed ? [...seed.settings].map(([key, value]) => ({ key, value })) : [],
        changes: seed?.changes,
      })
    }
    // Storage opened after all, after the tab had carried on in memory (it was held). What the user did meanwhile
    // goes to IndexedDB: their settings as set, their stars as pending ones (raising, never lowering, the saved ones
    // they could not see), and the memory store is let go.
    if (!memoryMode && stateDb && memoryUser) {
      const held = memoryUser
      memoryUser = null
      const { stars, notes, settings } = held.contents()
      for (const row of stars) pendingStars.keep(row.eventId, row.sessionId, row.level)
      if (settings.length > 0 || notes.length > 0) {
        indexedDbUserData(stateDb)
          .transact(async (tx) => {
            for (const { key, value } of settings) await tx.putSetting(key, value)
            // A note written here is newer than whatever IndexedDB had for that session.
            for (const row of notes) await tx.putNote(row)
          })
          .catch((error: unknown) => console.warn('Hallway: saving the settings and notes made before storage opened failed.', error))
      }
    }
    const memory = memoryMode ? memoryUser : null
    keep('memoryUser', memory, () => memory!.subscribe(update))

    const userStore = stateDb ? idbUserStore(stateDb) : memory
    const read = stateDb ? (userRead?.ok ? userRead.data : lastGoodUser) : memory && eventId ? memory.snapshot(eventId) : undefined
    const data = read && read.eventId === eventId ? read : undefined
    // A read of the store has arrived after the last flush: the stars written are on screen from it.
    if (data && data !== lastSettled) {
      lastSettled = data
      pendingStars.settle(data.eventId)
    }
    const waiting = pendingStars.forEvent(eventId)
    const known = data !== undefined
    // Taps waiting are written as soon as the saved stars are read (IndexedDB, or memory when storage failed).
    if (known && userStore && eventId && waiting.size > 0 && waiting !== lastFlushed) {
      lastFlushed = waiting
      pendingStars.flush(userStore, eventId).catch((error: unknown) => {
        // They stay waiting, and on screen; the storage failure itself is the schedule read's to report.
        console.warn('Hallway: saving the stars tapped before storage opened failed.', error)
      })
    }
    // The first star saved is the moment the user has something to lose: ask the browser not to evict it. Only when
    // this tab saw the plan empty first.
    const savedCount = data?.stars.length
    if (savedBefore.eventId !== eventId || savedBefore.count !== savedCount) {
      const before = savedBefore
      savedBefore = { eventId, count: savedCount }
      if (before.eventId === eventId && before.count === 0 && savedCount !== undefined && savedCount > 0 && userStore?.persistent) {
        void requestPersistence()
      }
    }

    // Stars IndexedDB does not have yet survive a reload (src/db/starJournal.ts): taps waiting for it, and stars made
    // in memory while another tab holds it.
    const held = phase.kind === 'memory' && phase.problem.kind === 'held' && memory ? memory.contents().stars : []
    const journal = starJournalText([...pendingStars.waiting(), ...held.map((r) => [r.eventId, r.sessionId, r.level] as const)])
    if (journal !== journaled) {
      journaled = journal
      writeStarJournal(journal)
    }

    // What IndexedDB shows is what the next start may preview, unless its session IDs are not the bundled file's: a
    // preview would show, and star, the file's.
    const shown = phase.kind === 'db' && live?.ok ? live.data : undefined
    const shownEventId = shown && (shown.idsCarried ? `${shown.eventId}${NOT_PREVIEWABLE}` : shown.eventId)
    const shownKey = shown && `${shownEventId} ${shown.contentHash}`
    if (shown && shownEventId && shownKey !== shownRemembered) {
      shownRemembered = shownKey
      // Blocked or full: the next start shows no preview, or a wrong one for a moment. Nothing is lost.
      writeWebStorage('shownEvent', shownEventId)
      // Which version of it: the prerendered first screen is only shown while it is this one (src/prerender).
      writeWebStorage('shownSchedule', shown.contentHash)
    }

    const plan = planStateOf(schedule.sessions, eventId, data, waiting, userStore)
    const events = phase.kind === 'db' ? (installed ?? NO_EVENTS) : phase.kind === 'memory' ? phase.library.snapshot().events : NO_EVENTS
    const prev = store.getState()
    const next: HallwayState = {
      phase: storagePhaseOf(phase),
      schedule,
      byId: byIdOf(schedule.sessions),
      db: stateDb,
      events,
      library: schedule.status === 'ready' ? libraryOf(phase) : null,
      plan,
      starsKnown: known,
    }
    if ((Object.keys(next) as Array<keyof HallwayState>).some((k) => !Object.is(next[k], prev[k]))) store.setState(next, true)
  }

  const scheduleOf = (): ScheduleState => scheduleStateOf(phase, live, preview, phase.kind === 'memory' ? phase.library.snapshot() : undefined)
  const readyDb = (schedule: ScheduleState): HallwayDB | null =>
    phase.kind === 'db' && schedule.status === 'ready' && live?.data !== undefined ? phase.db : null

  const scheduleStateOf = memo(
    (p: Phase, l: LiveRead | undefined, pre: MemoryEvent | null, mem: ReturnType<MemoryEventLibrary['snapshot']> | undefined): ScheduleState => {
      switch (p.kind) {
        case 'opening':
          if (pre) return { status: 'ready', event: pre.event, sessions: pre.sessions, contentHash: pre.contentHash, storage: INDEXEDDB }
          return LOADING
        case 'error':
          return {
            status: 'error',
            sessions: NO_SESSIONS,
            storage: p.problem ? { kind: 'memory', problem: p.problem } : INDEXEDDB,
            error: p.message,
          }
        case 'memory':
          if (!mem) return LOADING
          return {
            status: 'ready',
            event: mem.current.event,
            sessions: mem.current.sessions,
            contentHash: mem.current.contentHash,
            storage: { kind: 'memory', problem: p.problem },
          }
        case 'db': {
          // Until the first read lands (or while a failed read is being handled), show the last good data. Right after
          // a switch that is the previous event's, for the few milliseconds the new one takes: better than a blank
          // "Loading" that would unmount the screen (and the focus) the user switched from. Before the first read:
          // the preview, when it is of this event.
          const data = l?.data ?? (pre?.event.id === p.eventId ? pre : undefined)
          if (!data) return LOADING
          return { status: 'ready', event: data.event, sessions: data.sessions, contentHash: data.contentHash, storage: INDEXEDDB }
        }
      }
    },
  )
  // Same event, same sessions, same storage: the same state object, so a selector of it re-renders nothing.
  const stableSchedule = (() => {
    let last: ScheduleState = LOADING
    return (s: ScheduleState): ScheduleState => {
      const same =
        last.status === s.status &&
        last.event === s.event &&
        last.sessions === s.sessions &&
        last.contentHash === s.contentHash &&
        last.error === s.error &&
        (last.storage === s.storage ||
          (last.storage.kind === s.storage.kind &&
            (s.storage.kind === 'indexeddb' || (last.storage.kind === 'memory' && last.storage.problem === s.storage.problem))))
      if (!same) last = s
      return last
    }
  })()
  const scheduleOfStable = () => stableSchedule(scheduleOf())

  const storagePhaseOf = memo((p: Phase): StoragePhase => {
    switch (p.kind) {
      case 'opening':
        return OPENING
      case 'db':
        return INDEXEDDB
      case 'memory':
        return { kind: p.problem.kind === 'held' ? 'held' : 'memory', problem: p.problem }
      case 'error':
        return p.problem ? { kind: 'error', problem: p.problem } : { kind: 'error' }
    }
  })
  const byIdOf = memo((sessions: readonly Session[]) => new Map(sessions.map((s) => [s.id, s])))
  const idbUserStore = memo((db: HallwayDB) => indexedDbUserData(db))
  const libraryOf = (() => {
    const forDb = memo((db: HallwayDB, idb: IndexedDbModule) =>
      // After an add or a switch has committed: show that event (this tab only; the setting is for the next start).
      idb.indexedDbEventLibrary(db, (eventId) => {
        if (phase.kind === 'db' && phase.db === db && phase.eventId !== eventId) setPhase({ ...phase, eventId })
      }),
    )
    return (p: Phase): EventLibrary | null => (p.kind === 'memory' ? p.library : p.kind === 'db' ? forDb(p.db, p.idb) : null)
  })()
  const planStateOf = planDeriver()

  const start = () => {
    if (running) return stop
    running = true
    run += 1
    const at = run
    // Taps from before the last reload that IndexedDB never got: waiting again, written (raising only) once it opens.
    if (openStorage) for (const [eventId, sessionId, level] of readStarJournal()) pendingStars.keep(eventId, sessionId, level)
    const b = settle(loadBundled)
    bundled = b
    const shownBefore = readWebStorage('shownEvent')
    void b.then((got) => {
      if (at !== run || !got.ok || (shownBefore !== null && shownBefore !== got.snapshot.event.id)) return
      const shown = memoryEventOf(got.snapshot)
      // When IndexedDB's first read finds this very install, it hands back these objects (readSchedule), so the
      // hand-over from the preview changes nothing on screen.
      lastRead.current ??= {
        ok: true,
        data: { ...shown, eventId: shown.event.id, idsCarried: false, schemaVersion: got.snapshot.schemaVersion },
      }
      preview = shown
      update()
    })
    if (openStorage) {
      void startUp(given, b, openTimeoutMs, (next) => {
        if (at === run) setPhase(next)
      })
    }
    update()
    return stop
  }

  function stop() {
    if (!running) return
    running = false
    run += 1
    stopAll()
    phase = { kind: 'opening' }
    preview = null
    bundled = null
    lastRead.current = undefined
    live = undefined
    installed = undefined
    userRead = undefined
    lastGoodUser = undefined
    memoryUser = null
    lastFlushed = undefined
    lastSettled = undefined
    savedBefore = { eventId: undefined, count: undefined }
    shownRemembered = undefined
    journaled = undefined
    store.setState(initialState(), true)
  }

  // The tab's taps waiting for storage change the plan as much as a read does.
  let unsubscribePending: (() => void) | undefined
  const session: HallwaySession = {
    ...store,
    start: () => {
      unsubscribePending ??= pendingStars.subscribe(update)
      const stopRun = start()
      return () => {
        stopRun()
        unsubscribePending?.()
        unsubscribePending = undefined
      }
    },
  }
  return session

  async function readUser(db: HallwayDB, eventId: EventId): Promise<UserRead> {
    // Never throws: a failed read keeps the last good one on screen while the schedule read notices the same failure
    // and switches to memory mode.
    try {
      return { ok: true, data: await readUserData(db, eventId) }
    } catch (error) {
      console.warn('Hallway: reading stars and settings failed.', error)
      return { ok: false, error }
    }
  }
}

/**
 * What the build's prerender shows (src/prerender): `state`'s schedule, with everything only this device knows (the
 * plan, stars, notes, hidden rooms, settings, the events stored, storage) as before storage has been read. The server
 * renders the bundled preview through it, and hydration renders the tab's own state through it, so the two match
 * whatever this device has saved; the real state follows in the render after hydration.
 */
export function prerenderedViewOf(state: HallwayState): HallwayState {
  const initial = initialState()
  return { ...initial, schedule: state.schedule, byId: state.byId }
}

function initialState(): HallwayState {
  return {
    phase: OPENING,
    schedule: LOADING,
    byId: new Map(),
    db: null,
    events: NO_EVENTS,
    library: null,
    plan: {
      status: 'loading',
      store: null,
      persistent: false,
      stars: new Map(),
      walking: walkingSettingsOf(NO_SETTINGS),
      display: displaySettingsOf(NO_SETTINGS),
      options: { walking: walkingSettingsOf(NO_SETTINGS) },
      plan: [],
      conflicts: [],
      conflictsBySession: new Map(),
      countsByDay: new Map(),
      changes: NO_CHANGES,
      changeBySession: new Map(),
      hidden: NOTHING_HIDDEN,
      notes: new Map(),
    },
    starsKnown: false,
  }
}

/**
 * The plan's derived state, computed once per change of what it is made of (never per screen or row): each step is
 * memoised on its inputs, so a star recomputes the plan and its clashes, and a settings read that changed nothing
 * recomputes nothing.
 */
function planDeriver() {
  const starsOf = memo((rows: UserDataSnapshot['stars'] | undefined, waiting: ReadonlyMap<SessionId, StarLevel>): StarMap => {
    const map = new Map<SessionId, StarLevel>((rows ?? []).map((r) => [r.sessionId, r.level]))
    // Taps not yet written show as made, over the saved stars as they will be written (see pendingStars).
    for (const [sessionId, level] of waiting) map.set(sessionId, raisedLevel(map.get(sessionId), level)!)
    return map
  })
  const walkingOf = memo((pace: WalkingSettings['pace'], bufferMin: number) => ({ pace, bufferMin }))
  const optionsOf = memo((walking: WalkingSettings): ConflictOptions => ({ walking }))
  const displayOf = memo(
    (reminderMin: DisplaySettings['reminderMin'], timeDisplay: DisplaySettings['timeDisplay'], reminders: DisplaySettings['reminders']) => ({
      reminderMin,
      timeDisplay,
      reminders,
    }),
  )
  const planFor = memo((sessions: readonly Session[], stars: StarMap) => planOf(sessions, stars))
  const conflictsFor = memo((plan: readonly PlannedSession[], options: ConflictOptions) => findConflicts(plan, options))
  let lastBySession = new Map<SessionId, readonly Conflict[]>()
  const bySessionFor = memo((conflicts: readonly Conflict[]) => {
    const next = new Map<SessionId, readonly Conflict[]>()
    // A session whose clashes read the same keeps its array, so its row (which selects it) does not re-render.
    for (const [id, list] of conflictsBySession(conflicts)) {
      const before = lastBySession.get(id)
      next.set(id, before && sameConflicts(before, list) ? before : list)
    }
    lastBySession = next
    return next
  })
  const countsFor = memo((plan: readonly PlannedSession[]) => {
    const counts = new Map<VenueDay, number>()
    for (const { session } of plan) counts.set(session.day, (counts.get(session.day) ?? 0) + 1)
    return counts
  })
  // A change stays on the list while its session is still starred (where the star is now: the new ID, or the old
  // one for a cancelled session); un-starring a changed session takes it off without acknowledging it.
  const changesFor = memo((rows: UserDataSnapshot['changes'] | undefined, stars: StarMap): readonly PendingChange[] => {
    if (!rows || rows.length === 0) return NO_CHANGES
    return rows
      .filter((r) => stars.has(r.change.newId ?? r.change.id))
      .map((r) => ({ key: r.key, change: r.change }))
      .sort((a, b) => compareByTime(a.change.before, b.change.before))
  })
  let lastChangeBySession = new Map<SessionId, PendingChange>()
  const changeBySessionFor = memo((changes: readonly PendingChange[]) => {
    const map = new Map<SessionId, PendingChange>()
    for (const c of changes) {
      if (c.change.newId === null) continue
      const before = lastChangeBySession.get(c.change.newId)
      map.set(c.change.newId, before && before.key === c.key && JSON.stringify(before.change) === JSON.stringify(c.change) ? before : c)
    }
    lastChangeBySession = map
    return map
  })
  // The same map while the notes read the same: every star tap re-reads them, and the search index (which holds
  // them) must not be rebuilt for that.
  let lastNotes: ReadonlyMap<SessionId, string> = new Map()
  const notesOf = memo((rows: UserDataSnapshot['notes'] | undefined): ReadonlyMap<SessionId, string> => {
    const next = new Map((rows ?? []).map((r) => [r.sessionId, r.text]))
    const same = next.size === lastNotes.size && [...next].every(([id, text]) => lastNotes.get(id) === text)
    if (!same) lastNotes = next
    return lastNotes
  })
  const stateOf = memo(
    (
      data: UserDataSnapshot | undefined,
      eventId: EventId | undefined,
      store: UserDataStore | null,
      stars: StarMap,
      walking: WalkingSettings,
      display: DisplaySettings,
      options: ConflictOptions,
      plan: readonly PlannedSession[],
      conflicts: readonly Conflict[],
      bySession: ReadonlyMap<SessionId, readonly Conflict[]>,
      countsByDay: ReadonlyMap<VenueDay, number>,
      changes: readonly PendingChange[],
      changeBySession: ReadonlyMap<SessionId, PendingChange>,
      hidden: HiddenChoices,
      notes: ReadonlyMap<SessionId, string>,
    ): PlanState => ({
      status: data ? 'ready' : 'loading',
      eventId,
      store,
      persistent: store?.persistent ?? false,
      stars,
      walking,
      display,
      options,
      plan,
      conflicts,
      conflictsBySession: bySession,
      countsByDay,
      changes,
      changeBySession,
      hidden,
      notes,
    }),
  )
  // Keyed on the stored value's text: a star re-reads the settings as new objects, and must not change the choices.
  const hiddenFor = memo((stored: string) => parseHidden(JSON.parse(stored)))
  return (
    sessions: readonly Session[],
    eventId: EventId | undefined,
    data: UserDataSnapshot | undefined,
    waiting: ReadonlyMap<SessionId, StarLevel>,
    store: UserDataStore | null,
  ): PlanState => {
    const stars = starsOf(data?.stars, waiting)
    const settings = data?.settings ?? NO_SETTINGS
    const w = walkingSettingsOf(settings)
    // Keyed on the values, not the read: a star change re-reads settings too, and must not recompute walks.
    const walking = walkingOf(w.pace, w.bufferMin)
    const options = optionsOf(walking)
    const d = displaySettingsOf(settings)
    const display = displayOf(d.reminderMin, d.timeDisplay, d.reminders)
    const plan = planFor(sessions, stars)
    const conflicts = conflictsFor(plan, options)
    const changes = changesFor(data?.changes, stars)
    const bySession = bySessionFor(conflicts)
    const changeBySession = changeBySessionFor(changes)
    const counts = countsFor(plan)
    const hidden = hiddenFor(JSON.stringify((eventId !== undefined && settings.get(hiddenSettingKey(eventId))) || null))
    const notes = notesOf(data?.notes)
    return stateOf(data, eventId, store, stars, walking, display, options, plan, conflicts, bySession, counts, changes, changeBySession, hidden, notes)
  }
}

/**
 * Start-up: IndexedDB if it has the schedule (warm start), else install the bundled one; memory if storage fails.
 * When the open is blocked by another tab or takes longer than `openTimeoutMs`, the tab carries on in memory at once
 * and keeps waiting: an open that goes through later brings the tab back to IndexedDB, with what was done in memory
 * (the events added here now, the stars and settings by the user-data half of the session).
 */
async function startUp(
  given: HallwayDB | null | undefined,
  bundled: Promise<Bundled>,
  openTimeoutMs: number,
  set: (phase: Phase) => void,
): Promise<void> {
  // The bundled snapshot, once it has arrived; checked without waiting for it.
  let arrived: Bundled | undefined
  void bundled.then((b) => (arrived = b))
  let idb: IndexedDbModule | undefined
  let notDownloaded: unknown
  if (given !== null) {
    try {
      idb = await loadIndexedDb()
    } catch (err) {
      // The chunk did not download (offline before the service worker had it): the bundled schedule, in memory.
      notDownloaded = err
    }
  }
  const db = idb ? (given ?? idb.getHallwayDB()) : null
  // The memory phase the tab carries on in while the open is held, if it was.
  let held: MemoryPhase | undefined
  const fallBack = async (found: StorageProblem, cause?: unknown) => {
    // A DatabaseClosedError because another tab upgraded mid-start reads better as "reload" than as "blocked".
    const problem = db?.superseded ? storageProblemOf('superseded') : found
    if (cause !== undefined) console.warn(`Hallway: storage problem (${problem.kind}); running from memory.`, cause)
    if (held) {
      // Already in memory, perhaps with schedules added since: only the reason changes.
      set({ ...held, problem })
      return
    }
    const b = await bundled
    set(b.ok ? memoryPhase(problem, memoryEventOf(b.snapshot))! : { kind: 'error', message: b.message, problem })
  }
  if (notDownloaded !== undefined) return fallBack(storageProblemOf('not-downloaded'), notDownloaded)
  if (db === null || idb === undefined) return fallBack(storageProblemOf('unavailable'))

  let warmEventId: EventId | undefined
  try {
    const opening = db.open().then(() => db.storedCurrentEventId(BUNDLED_EVENT_ID))
    if ((await openedOrHeld(db, opening, openTimeoutMs)) === 'held') {
      console.warn('Hallway: opening IndexedDB is blocked or has not finished; keeping stars in memory meanwhile.')
      const b = await bundled
      if (!b.ok) {
        set({ kind: 'error', message: b.message, problem: storageProblemOf('held') })
      } else {
        held = memoryPhase(storageProblemOf('held'), memoryEventOf(b.snapshot))!
        set(held)
      }
    }
    warmEventId = await opening
  } catch (err) {
    return fallBack(toStorageProblem(err), err)
  }

  // Shows `eventId` from IndexedDB; after a held open, once the schedules added in memory meanwhile are stored too.
  const show = async (eventId: EventId): Promise<void> => {
    if (!held) return set({ kind: 'db', db, eventId, idb })
    const { current, events } = held.library.contents()
    try {
      for (const event of events) {
        if ((await db.events.get(event.event.id)) === undefined) await idb.installSnapshot(db, snapshotOf(event))
      }
    } catch (err) {
      return fallBack(toStorageProblem(err), err)
    }
    set({ kind: 'db', db, eventId: current.event.id, idb })
  }

  /** Installs `snapshot`; false when storage failed, which has then been taken to memory. */
  const install = async (snapshot: Snapshot): Promise<boolean> => {
    try {
      await idb.installSnapshot(db, snapshot)
      return true
    } catch (err) {
      await fallBack(toStorageProblem(err), err)
      return false
    }
  }

  if (warmEventId) {
    // Warm start: show what is stored now; a newer bundled snapshot then replaces it and the live query follows.
    // Unless the bundled snapshot of this very event is already here (and so on screen as the preview): then it is
    // installed first, so the first read is of it. Otherwise, after an app update, the list would go new (preview)
    // → old (the stored copy) → new (installed). Installing an unchanged snapshot is one small read. After a held
    // open, memory is on screen: it stays until the bundled snapshot is installed.
    const previewed = held !== undefined || (arrived?.ok === true && arrived.snapshot.event.id === warmEventId)
    if (!previewed) await show(warmEventId)
    const b = await bundled
    if (!b.ok) {
      console.warn(`Hallway: keeping the stored schedule. ${b.message}`)
      if (held) await show(warmEventId)
      return
    }
    // On failure the stored schedule is intact (one transaction), but storage is failing: say so, and show the newer
    // one.
    if ((await install(b.snapshot)) && previewed) await show(warmEventId)
    return
  }

  // Cold start: nothing stored, so the bundled snapshot is all there is.
  const b = await bundled
  if (!b.ok) {
    set({ kind: 'error', message: b.message })
    return
  }
  if (await install(b.snapshot)) await show(b.snapshot.event.id)
}

/**
 * 'opened' when `opening` settles first ('held' when Dexie reports the open blocked by another tab's connection, or
 * `timeoutMs` passes). Rejects as `opening` does.
 */
function openedOrHeld(db: HallwayDB, opening: Promise<unknown>, timeoutMs: number): Promise<'opened' | 'held'> {
  return new Promise((resolve, reject) => {
    const done = (outcome: 'opened' | 'held') => {
      clearTimeout(timer)
      db.on('blocked').unsubscribe(onBlocked)
      resolve(outcome)
    }
    const onBlocked = () => done('held')
    const timer = setTimeout(() => done('held'), timeoutMs)
    db.on('blocked', onBlocked)
    opening.then(
      () => done('opened'),
      (err: unknown) => {
        clearTimeout(timer)
        db.on('blocked').unsubscribe(onBlocked)
        reject(err)
      },
    )
  })
}

/** A schedule held in memory as a snapshot to install (its sessions are already sorted and checked). */
function snapshotOf(event: MemoryEvent): Snapshot {
  const { event: info, contentHash, source, sessions } = event
  return { schemaVersion: SNAPSHOT_SCHEMA_VERSION, event: info, contentHash, source, sessions: [...sessions] }
}

/** The live query body. Never throws: failures come back as values. */
async function readSchedule(db: HallwayDB, eventId: EventId, lastRead: { current: LiveOk | undefined }): Promise<LiveRead> {
  try {
    const stored = await db.readEventSchedule(eventId)
    if (!stored) {
      const prev = lastRead.current?.data
      return { ok: false, eventId, gone: true, error: new Error(`No schedule is stored for ${eventId}.`), data: prev }
    }
    const { event: row, sessions: rows } = stored
    const prev = lastRead.current
    // Same install as last time: hand back the very same result, so nothing re-renders and memoised UI keeps
    // its work. (Every change to sessions goes through installSnapshot, which always writes a new hash.)
    const same =
      prev?.data.eventId === eventId &&
      prev.data.contentHash === row.contentHash &&
      prev.data.schemaVersion === row.schemaVersion
    const { id, title, timeZone, days } = row
    const read: LiveOk = same
      ? prev
      : {
          ok: true,
          data: {
            eventId,
            contentHash: row.contentHash,
            idsCarried: row.sourceHash !== undefined,
            schemaVersion: row.schemaVersion,
            source: row.source,
            event: { id, title, timeZone, days },
            // Rows arrive in start order ([eventId+start]); the sort only settles ties (room, then title).
            sessions: Object.freeze(rows.sort(compareSessions)),
          },
        }
    lastRead.current = read
    return read
  } catch (error) {
    const prev = lastRead.current?.data
    return { ok: false, eventId, error, data: prev?.eventId === eventId ? prev : undefined }
  }
}

/** Memory mode over `events` (the first one shown; later ones of the same id dropped); undefined when there is none. */
function memoryPhase(problem: StorageProblem, ...events: Array<MemoryEvent | undefined>): MemoryPhase | undefined {
  const present = events.filter((e): e is MemoryEvent => e !== undefined)
  const unique = present.filter((e, i) => present.findIndex((f) => f.event.id === e.event.id) === i)
  return unique.length > 0 ? { kind: 'memory', library: new MemoryEventLibrary(unique), problem } : undefined
}

function settle(load: () => Promise<Snapshot>): Promise<Bundled> {
  return Promise.resolve()
    .then(load)
    .then(
      (snapshot): Bundled => ({ ok: true, snapshot }),
      (err: unknown): Bundled => ({ ok: false, message: err instanceof Error ? err.message : String(err) }),
    )
}

// Appended to the event last shown when its stored session IDs are not its snapshot file's: it matches no event, so
// no preview.
const NOT_PREVIEWABLE = ' (IDs carried)'

/** The session's state once the schedule is no longer loading (ready, or an error to show). */
export function whenScheduleSettled(session: Pick<HallwaySession, 'getState' | 'subscribe'>): Promise<HallwayState> {
  return new Promise((resolve) => {
    const check = () => {
      const state = session.getState()
      if (state.schedule.status === 'loading') return
      unsubscribe()
      resolve(state)
    }
    const unsubscribe = session.subscribe(check)
    check()
  })
}

let appSession: HallwaySession | undefined

/** The app's one session (main.tsx starts it). Created on first use, so importing this module starts nothing. */
export function hallwaySession(): HallwaySession {
  appSession ??= createHallwaySession()
  return appSession
}
