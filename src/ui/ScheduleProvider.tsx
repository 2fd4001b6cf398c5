// Loads the schedule (IndexedDB first, the bundled snapshot to fill or refresh it, memory when storage fails) and
// shares it with useSchedule / useSession, with the events on this device and the library that adds, switches and
// removes them. The only place the UI layer reads the schedule from Dexie.
//
// The first view does not wait for Dexie: the IndexedDB layer is its own chunk (src/db/loadIndexedDb.ts), and while it
// downloads and opens, the list shows the bundled snapshot (fetched anyway, precached) when that is what IndexedDB
// will show: on a first visit, and whenever the event last shown here was the bundled one (remembered in
// Web Storage, src/db/webStorage.ts; IndexedDB always brings the bundled event up to the bundled snapshot). Stars and settings arrive with
// IndexedDB a moment later; until then the plan is 'loading', and a star tapped meanwhile waits for it
// (useStarActions).
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { SNAPSHOT_SCHEMA_VERSION, type EventId, type EventInfo, type Session, type Snapshot } from '../domain/model'
import { compareSessions } from '../domain/snapshotBuild'
import { BUNDLED_EVENT_ID, loadBundledSnapshot } from '../db/bundledSnapshot'
import { memoryEventOf, MemoryEventLibrary, type EventLibrary, type InstalledEvent, type MemoryEvent } from '../db/eventLibrary'
import type { HallwayDB } from '../db/HallwayDB'
import { loadIndexedDb, type IndexedDbModule } from '../db/loadIndexedDb'
import { storageProblemOf, toStorageProblem, type StorageProblem } from '../db/storageErrors'
import { readWebStorage, writeWebStorage } from '../db/webStorage'
import { useLiveRead } from './common/useLiveRead'
import { ScheduleContext, type ScheduleContextValue, type ScheduleState } from './common/useSchedule'

export type { ScheduleState, StorageState } from './common/useSchedule'

export interface ScheduleProviderProps {
  /**
   * The database; by default the app's, once the IndexedDB layer has loaded. `null` runs without IndexedDB (tests,
   * or storage known to be off).
   */
  db?: HallwayDB | null
  /** Loads the bundled snapshot. Must keep its identity across renders (a module function, not an inline arrow). */
  loadBundled?: () => Promise<Snapshot>
  /** ms: how long opening IndexedDB may take before the tab carries on in memory; {@link OPEN_TIMEOUT_MS} by default. */
  openTimeoutMs?: number
  children?: ReactNode
}

/**
 * ms: how long opening IndexedDB (and reading which event to show) may take before the tab stops waiting and keeps
 * stars in memory, saying so. A healthy open takes well under a second even on a slow phone; an open that another tab
 * holds, or that never settles and fires nothing, would otherwise leave the tab silent for good. Too short only costs
 * a notice: an open that succeeds later is still taken up (start()).
 */
export const OPEN_TIMEOUT_MS = 4000

type Phase =
  | { kind: 'opening' }
  /** Showing what IndexedDB holds for eventId, live. Per tab: switching here writes the setting for the next start,
   * and never moves another tab to another event under its user. */
  | { kind: 'db'; db: HallwayDB; eventId: EventId; idb: IndexedDbModule }
  /** Storage failed: showing schedules held in memory (the current one, the bundled one, any opened since). */
  | { kind: 'memory'; library: MemoryEventLibrary; problem: StorageProblem }
  | { kind: 'error'; message: string; problem?: StorageProblem }

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

const NO_SESSIONS: readonly Session[] = Object.freeze([])
const NO_EVENTS: readonly InstalledEvent[] = Object.freeze([])
const INDEXEDDB = { kind: 'indexeddb' } as const
const noSubscribe = () => () => {}

export function ScheduleProvider({ db, loadBundled = loadBundledSnapshot, openTimeoutMs = OPEN_TIMEOUT_MS, children }: ScheduleProviderProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' })
  // The bundled snapshot, shown until IndexedDB's first read of the same event lands (see the file comment).
  const [preview, setPreview] = useState<MemoryEvent | null>(null)
  // Shared by the start-up effect and the live-query failure effect, so the snapshot is fetched once.
  const bundledRef = useRef<Promise<Bundled> | null>(null)
  // The last good read; lets a re-run with the same contentHash hand back the very same objects.
  const lastRead = useRef<LiveOk | undefined>(undefined)

  useEffect(() => {
    let cancelled = false
    const bundled = settle(loadBundled)
    bundledRef.current = bundled
    const shownBefore = readShownEvent()
    void bundled.then((b) => {
      if (cancelled || !b.ok || (shownBefore !== null && shownBefore !== b.snapshot.event.id)) return
      const shown = memoryEventOf(b.snapshot)
      setPreview(shown)
      // When IndexedDB's first read finds this very install, it hands back these objects (readSchedule), so the
      // hand-over from the preview re-renders nothing.
      lastRead.current ??= {
        ok: true,
        data: { ...shown, eventId: shown.event.id, idsCarried: false, schemaVersion: b.snapshot.schemaVersion },
      }
    })
    void start(db, bundled, openTimeoutMs, (next) => {
      if (!cancelled) setPhase(next)
    })
    return () => {
      cancelled = true
      setPhase({ kind: 'opening' })
      setPreview(null)
    }
  }, [db, loadBundled, openTimeoutMs])

  const liveDb = phase.kind === 'db' ? phase.db : null
  const liveEventId = phase.kind === 'db' ? phase.eventId : null
  const live = useLiveRead(liveEventId ? liveDb : null, (db) => readSchedule(db, liveEventId!, lastRead), [liveEventId])

  // What IndexedDB shows is what the next start may preview (see the file comment), unless its session IDs are not
  // the bundled file's: a preview would show, and star, the file's.
  const shown = phase.kind === 'db' && live?.ok ? live.data : undefined
  const shownEventId = shown && (shown.idsCarried ? `${shown.eventId}${NOT_PREVIEWABLE}` : shown.eventId)
  useEffect(() => {
    if (shownEventId) rememberShownEvent(shownEventId)
  }, [shownEventId])

  // Another tab upgraded (or deleted) the database, and this tab let go of it for good (HallwayDB.superseded).
  // Carry on from memory at once, not at the next failing read, so the reload notice is up before anyone stars
  // something, and user data (which follows the context's db) stops going to IndexedDB.
  useEffect(() => {
    if (phase.kind !== 'db') return
    const { db: phaseDb, eventId } = phase
    let cancelled = false
    const carryOn = () => {
      const problem = storageProblemOf('superseded')
      // What the user was looking at, which may be an event other than the bundled one: it stays on screen.
      const lastGood = lastRead.current?.data
      const shown = lastGood?.eventId === eventId ? lastGood : undefined
      void (bundledRef.current ?? Promise.resolve<Bundled>({ ok: false, message: 'not loaded' })).then((b) => {
        if (cancelled) return
        const next = memoryPhase(problem, shown, b.ok ? memoryEventOf(b.snapshot) : undefined)
        setPhase(next ?? { kind: 'error', message: b.ok ? '' : b.message, problem })
      })
    }
    // It may have happened between start() handing over and this effect subscribing.
    if (phaseDb.superseded) carryOn()
    const unsubscribe = phaseDb.onSuperseded(carryOn)
    return () => {
      cancelled = true
      unsubscribe()
    }
  }, [phase])

  // A failing live read (read error, storage gone…): same fallback as at start-up. The shown event being gone (the
  // user removed it, here or in another tab) is no failure: show the event the device now has as current.
  useEffect(() => {
    if (phase.kind !== 'db' || live?.ok !== false || live.eventId !== phase.eventId) return
    // The superseded effect above handles that case, with its own notice.
    if (phase.db.superseded) return
    let cancelled = false
    const { db: phaseDb, eventId } = phase
    const fallBack = () => {
      const problem = toStorageProblem(live.error)
      console.warn('Hallway: reading the schedule from IndexedDB failed; falling back to memory.', live.error)
      const lastGood = live.data
      void (bundledRef.current ?? Promise.resolve<Bundled>({ ok: false, message: 'not loaded' })).then((b) => {
        if (cancelled) return
        // The bundled snapshot first: for the bundled event it is the newest copy there is.
        const bundled = b.ok ? memoryEventOf(b.snapshot) : undefined
        const shown = lastGood && lastGood.eventId !== bundled?.event.id ? lastGood : undefined
        setPhase(memoryPhase(problem, shown, bundled) ?? { kind: 'error', message: b.ok ? '' : b.message, problem })
      })
    }
    if (!live.gone) {
      fallBack()
    } else {
      phaseDb.storedCurrentEventId(BUNDLED_EVENT_ID).then((next) => {
        if (cancelled) return
        if (next !== undefined && next !== eventId) setPhase({ ...phase, eventId: next })
        else fallBack()
      }, fallBack)
    }
    return () => {
      cancelled = true
    }
  }, [phase, live])

  // The events on this device, for the switcher and Settings. Reads no stars, so a star never re-runs it.
  const idb = phase.kind === 'db' ? phase.idb : null
  const installed = useLiveRead(liveDb, (db) => idb!.listInstalledEvents(db).catch(() => undefined), [idb])
  const memoryLibrary = phase.kind === 'memory' ? phase.library : null
  const memory = useSyncExternalStore(memoryLibrary?.subscribe ?? noSubscribe, () => memoryLibrary?.snapshot())
  const library = useMemo((): EventLibrary | null => {
    if (memoryLibrary) return memoryLibrary
    if (!liveDb || !idb) return null
    // After an add or a switch has committed: show that event (this tab only; the setting is for the next start).
    return idb.indexedDbEventLibrary(liveDb, (eventId) =>
      setPhase((p) => (p.kind === 'db' && p.db === liveDb && p.eventId !== eventId ? { ...p, eventId } : p)),
    )
  }, [liveDb, idb, memoryLibrary])

  const state = useMemo((): ScheduleState => {
    switch (phase.kind) {
      case 'opening':
        if (preview) return { status: 'ready', event: preview.event, sessions: preview.sessions, storage: INDEXEDDB }
        return { status: 'loading', sessions: NO_SESSIONS, storage: INDEXEDDB }
      case 'error':
        return {
          status: 'error',
          sessions: NO_SESSIONS,
          storage: phase.problem ? { kind: 'memory', problem: phase.problem } : INDEXEDDB,
          error: phase.message,
        }
      case 'memory':
        if (!memory) return { status: 'loading', sessions: NO_SESSIONS, storage: INDEXEDDB }
        return {
          status: 'ready',
          event: memory.current.event,
          sessions: memory.current.sessions,
          storage: { kind: 'memory', problem: phase.problem },
        }
      case 'db': {
        // Until the first read lands (or while a failed read is being handled), show the last good data. Right after a
        // switch that is the previous event's, for the few milliseconds the new one takes: better than a blank
        // "Loading" that would unmount the screen (and the focus) the user switched from.
        // Before the first read: the preview, when it is of this event.
        const data = live?.data ?? (preview?.event.id === phase.eventId ? preview : undefined)
        if (!data) return { status: 'loading', sessions: NO_SESSIONS, storage: INDEXEDDB }
        return { status: 'ready', event: data.event, sessions: data.sessions, storage: INDEXEDDB }
      }
    }
  }, [phase, live, memory, preview])

  // Not while the preview is on screen: user data follows the db, and the plan waits for IndexedDB's own first read.
  const stateDb = phase.kind === 'db' && state.status === 'ready' && live?.data !== undefined ? phase.db : null
  const events = phase.kind === 'db' ? (installed ?? NO_EVENTS) : (memory?.events ?? NO_EVENTS)
  const value = useMemo(
    (): ScheduleContextValue => ({
      state,
      byId: new Map(state.sessions.map((s) => [s.id, s])),
      db: stateDb,
      events,
      library: state.status === 'ready' ? library : null,
    }),
    [state, stateDb, events, library],
  )

  return <ScheduleContext.Provider value={value}>{children}</ScheduleContext.Provider>
}

/**
 * Start-up: IndexedDB if it has the schedule (warm start), else install the bundled one; memory if storage fails.
 * When the open is blocked by another tab or takes longer than `openTimeoutMs`, the tab carries on in memory at once
 * and keeps waiting: an open that goes through later brings the tab back to IndexedDB, with what was done in memory
 * (the events added here now, the stars and settings by PlanProvider).
 */
async function start(
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
    try {
      await idb.installSnapshot(db, b.snapshot)
    } catch (err) {
      // The stored schedule is intact (one transaction), but storage is failing: say so, and show the newer one.
      await fallBack(toStorageProblem(err), err)
      return
    }
    if (previewed) await show(warmEventId)
    return
  }

  // Cold start: nothing stored, so the bundled snapshot is all there is.
  const b = await bundled
  if (!b.ok) {
    set({ kind: 'error', message: b.message })
    return
  }
  try {
    await idb.installSnapshot(db, b.snapshot)
  } catch (err) {
    await fallBack(toStorageProblem(err), err)
    return
  }
  await show(b.snapshot.event.id)
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

type MemoryPhase = Extract<Phase, { kind: 'memory' }>

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

/** The event last shown from IndexedDB, or null when unknown (first visit, storage blocked: then any preview goes). */
function readShownEvent(): string | null {
  return readWebStorage('shownEvent')
}

function rememberShownEvent(eventId: string): void {
  // Blocked or full: the next start shows no preview, or a wrong one for a moment. Nothing is lost.
  writeWebStorage('shownEvent', eventId)
}
