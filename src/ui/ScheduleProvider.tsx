// Loads the schedule (IndexedDB first, the bundled snapshot to fill or refresh it, memory when storage fails) and
// shares it with useSchedule / useSession. The only place the UI layer reads the schedule from Dexie.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import type { EventId, EventInfo, Session, Snapshot } from '../domain/model'
import { compareSessions } from '../domain/snapshotBuild'
import { BUNDLED_EVENT_ID, loadBundledSnapshot } from '../db/bundledSnapshot'
import { getHallwayDB, type HallwayDB } from '../db/HallwayDB'
import { installSnapshot } from '../db/snapshotInstall'
import { storageProblemOf, toStorageProblem, type StorageProblem } from '../db/storageErrors'
import { ScheduleContext, type ScheduleContextValue, type ScheduleState } from './hooks/useSchedule'

export type { ScheduleState, StorageState } from './hooks/useSchedule'

export interface ScheduleProviderProps {
  /** The database; defaults to the app singleton. `null` runs without IndexedDB (tests, or storage known to be off). */
  db?: HallwayDB | null
  /** Loads the bundled snapshot. Must keep its identity across renders (a module function, not an inline arrow). */
  loadBundled?: () => Promise<Snapshot>
  children?: ReactNode
}

type Phase =
  | { kind: 'opening' }
  /** Showing what IndexedDB holds for eventId, live. */
  | { kind: 'db'; db: HallwayDB; eventId: EventId }
  /** Storage failed: showing a schedule held in memory. */
  | { kind: 'memory'; event: EventInfo; sessions: readonly Session[]; problem: StorageProblem }
  | { kind: 'error'; message: string; problem?: StorageProblem }

type Bundled = { ok: true; snapshot: Snapshot } | { ok: false; message: string }

interface ScheduleData {
  eventId: EventId
  contentHash: string
  schemaVersion: number
  event: EventInfo
  sessions: readonly Session[]
}

type LiveOk = { ok: true; data: ScheduleData }
/** One run of the live query. `data` on failure is the last good read, so the screen need not go blank. */
type LiveRead = LiveOk | { ok: false; eventId: EventId; error: unknown; data?: ScheduleData }

const NO_SESSIONS: readonly Session[] = Object.freeze([])
const INDEXEDDB = { kind: 'indexeddb' } as const

export function ScheduleProvider({ db = getHallwayDB(), loadBundled = loadBundledSnapshot, children }: ScheduleProviderProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' })
  // Shared by the start-up effect and the live-query failure effect, so the snapshot is fetched once.
  const bundledRef = useRef<Promise<Bundled> | null>(null)
  // The last good read; lets a re-run with the same contentHash hand back the very same objects.
  const lastRead = useRef<LiveOk | undefined>(undefined)

  useEffect(() => {
    let cancelled = false
    const bundled = settle(loadBundled)
    bundledRef.current = bundled
    void start(db, bundled, (next) => {
      if (!cancelled) setPhase(next)
    })
    return () => {
      cancelled = true
      setPhase({ kind: 'opening' })
    }
  }, [db, loadBundled])

  const liveDb = phase.kind === 'db' ? phase.db : null
  const liveEventId = phase.kind === 'db' ? phase.eventId : null
  const live = useLiveQuery(
    () => (liveDb && liveEventId ? readSchedule(liveDb, liveEventId, lastRead) : undefined),
    [liveDb, liveEventId],
  )

  // Another tab upgraded (or deleted) the database, and this tab let go of it for good (HallwayDB.superseded).
  // Carry on from memory at once, not at the next failing read, so the reload notice is up before anyone stars
  // something, and user data (which follows the context's db) stops going to IndexedDB.
  useEffect(() => {
    if (phase.kind !== 'db') return
    const { db: phaseDb, eventId } = phase
    let cancelled = false
    const carryOn = () => {
      const problem = storageProblemOf('superseded')
      // What the user was looking at, which may be an event other than the bundled one.
      const lastGood = lastRead.current?.data
      if (lastGood?.eventId === eventId) {
        setPhase({ kind: 'memory', event: lastGood.event, sessions: lastGood.sessions, problem })
        return
      }
      void (bundledRef.current ?? Promise.resolve<Bundled>({ ok: false, message: 'not loaded' })).then((b) => {
        if (!cancelled) setPhase(b.ok ? memoryPhase(b.snapshot, problem) : { kind: 'error', message: b.message, problem })
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

  // A failing live read (read error, storage gone…): same fallback as at start-up.
  useEffect(() => {
    if (phase.kind !== 'db' || live?.ok !== false || live.eventId !== phase.eventId) return
    // The superseded effect above handles that case, with its own notice.
    if (phase.db.superseded) return
    let cancelled = false
    const problem = toStorageProblem(live.error)
    console.warn('Hallway: reading the schedule from IndexedDB failed; falling back to memory.', live.error)
    const lastGood = live.data
    void (bundledRef.current ?? Promise.resolve<Bundled>({ ok: false, message: 'not loaded' })).then((b) => {
      if (cancelled) return
      if (b.ok) setPhase(memoryPhase(b.snapshot, problem))
      else if (lastGood) setPhase({ kind: 'memory', event: lastGood.event, sessions: lastGood.sessions, problem })
      else setPhase({ kind: 'error', message: b.message, problem })
    })
    return () => {
      cancelled = true
    }
  }, [phase, live])

  const state = useMemo((): ScheduleState => {
    switch (phase.kind) {
      case 'opening':
        return { status: 'loading', sessions: NO_SESSIONS, storage: INDEXEDDB }
      case 'error':
        return {
          status: 'error',
          sessions: NO_SESSIONS,
          storage: phase.problem ? { kind: 'memory', problem: phase.problem } : INDEXEDDB,
          error: phase.message,
        }
      case 'memory':
        return {
          status: 'ready',
          event: phase.event,
          sessions: phase.sessions,
          storage: { kind: 'memory', problem: phase.problem },
        }
      case 'db': {
        // Until the first read for this event lands (or while a failed read is being handled), show the last
        // good data if it is for this event.
        const data = live && live.data?.eventId === phase.eventId ? live.data : undefined
        if (!data) return { status: 'loading', sessions: NO_SESSIONS, storage: INDEXEDDB }
        return { status: 'ready', event: data.event, sessions: data.sessions, storage: INDEXEDDB }
      }
    }
  }, [phase, live])

  const stateDb = phase.kind === 'db' && state.status === 'ready' ? phase.db : null
  const value = useMemo(
    (): ScheduleContextValue => ({ state, byId: new Map(state.sessions.map((s) => [s.id, s])), db: stateDb }),
    [state, stateDb],
  )

  return <ScheduleContext.Provider value={value}>{children}</ScheduleContext.Provider>
}

/** Start-up: IndexedDB if it has the schedule (warm start), else install the bundled one; memory if storage fails. */
async function start(db: HallwayDB | null, bundled: Promise<Bundled>, set: (phase: Phase) => void): Promise<void> {
  const fallBack = async (found: StorageProblem, cause?: unknown) => {
    // A DatabaseClosedError because another tab upgraded mid-start reads better as "reload" than as "blocked".
    const problem = db?.superseded ? storageProblemOf('superseded') : found
    if (cause !== undefined) console.warn(`Hallway: storage problem (${problem.kind}); running from memory.`, cause)
    const b = await bundled
    set(b.ok ? memoryPhase(b.snapshot, problem) : { kind: 'error', message: b.message, problem })
  }
  if (db === null) return fallBack(storageProblemOf('unavailable'))

  let warmEventId: EventId | undefined
  try {
    await db.open()
    warmEventId = await db.storedCurrentEventId(BUNDLED_EVENT_ID)
  } catch (err) {
    return fallBack(toStorageProblem(err), err)
  }

  if (warmEventId) {
    // Warm start: show what is stored now; a newer bundled snapshot then replaces it and the live query follows.
    set({ kind: 'db', db, eventId: warmEventId })
    const b = await bundled
    if (!b.ok) {
      console.warn(`Hallway: keeping the stored schedule. ${b.message}`)
      return
    }
    try {
      await installSnapshot(db, b.snapshot)
    } catch (err) {
      // The stored schedule is intact (one transaction), but storage is failing: say so, and show the newer one.
      await fallBack(toStorageProblem(err), err)
    }
    return
  }

  // Cold start: nothing stored, so the bundled snapshot is all there is.
  const b = await bundled
  if (!b.ok) {
    set({ kind: 'error', message: b.message })
    return
  }
  try {
    await installSnapshot(db, b.snapshot)
    set({ kind: 'db', db, eventId: b.snapshot.event.id })
  } catch (err) {
    await fallBack(toStorageProblem(err), err)
  }
}

/** The live query body. Never throws (useLiveQuery would rethrow during render): failures come back as values. */
async function readSchedule(db: HallwayDB, eventId: EventId, lastRead: { current: LiveOk | undefined }): Promise<LiveRead> {
  try {
    const stored = await db.readEventSchedule(eventId)
    if (!stored) throw new Error(`No schedule is stored for ${eventId}.`)
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
            schemaVersion: row.schemaVersion,
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

function memoryPhase(snapshot: Snapshot, problem: StorageProblem): Phase {
  return {
    kind: 'memory',
    event: snapshot.event,
    sessions: Object.freeze([...snapshot.sessions].sort(compareSessions)),
    problem,
  }
}

function settle(load: () => Promise<Snapshot>): Promise<Bundled> {
  return Promise.resolve()
    .then(load)
    .then(
      (snapshot): Bundled => ({ ok: true, snapshot }),
      (err: unknown): Bundled => ({ ok: false, message: err instanceof Error ? err.message : String(err) }),
    )
}
