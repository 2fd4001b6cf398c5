// Reads the user's stars and settings live (useLiveRead, so another tab's changes show at once) from the database
// the schedule came from, or from memory when storage failed, and derives the plan and its conflicts once.
import { useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react'
import { compareByTime, conflictsBySession, findConflicts, planOf, type ConflictOptions } from '../domain/conflicts'
import type { SessionId, VenueDay } from '../domain/model'
import type { StarLevel } from '../db/HallwayDB'
import { displaySettingsOf, walkingSettingsOf } from '../db/settings'
import { indexedDbUserData, MemoryUserData, readUserData, type UserDataSnapshot } from '../db/userDataStore'
import { useLiveRead } from './hooks/useLiveRead'
import { PlanContext, type PendingChange, type PlanState } from './hooks/usePlan'
import { useScheduleContext } from './hooks/useSchedule'
import { deviceTimeZone } from './timeLabels'

type LiveRead = { ok: true; data: UserDataSnapshot } | { ok: false; error: unknown }

const noSubscribe = () => () => {}
const NO_CHANGES: readonly PendingChange[] = Object.freeze([])

export function PlanProvider({ children }: { children?: ReactNode }) {
  const { state, db } = useScheduleContext()
  const eventId = state.event?.id
  const memoryMode = state.status === 'ready' && state.storage.kind === 'memory'

  // Never throws: a failed read keeps the last good one on screen while ScheduleProvider notices the same failure and
  // switches to memory mode.
  const live = useLiveRead(
    eventId ? db : null,
    async (db): Promise<LiveRead> => {
      try {
        return { ok: true, data: await readUserData(db, eventId!) }
      } catch (error) {
        console.warn('Hallway: reading stars and settings failed.', error)
        return { ok: false, error }
      }
    },
    [eventId],
  )
  const lastGood = useRef<UserDataSnapshot | undefined>(undefined)
  useEffect(() => {
    if (live?.ok) lastGood.current = live.data
  }, [live])

  // Created once, when memory mode starts, from what IndexedDB last held: a plan made before storage failed stays.
  const memoryRef = useRef<MemoryUserData | null>(null)
  if (memoryMode && memoryRef.current === null) {
    const seed = lastGood.current
    memoryRef.current = new MemoryUserData({
      stars: seed?.stars,
      settings: seed ? [...seed.settings].map(([key, value]) => ({ key, value })) : [],
      changes: seed?.changes,
    })
  }
  const memory = memoryMode ? memoryRef.current : null
  const memorySnapshot = useSyncExternalStore(memory?.subscribe ?? noSubscribe, () =>
    memory && eventId ? memory.snapshot(eventId) : undefined,
  )

  const idbStore = useMemo(() => (db ? indexedDbUserData(db) : null), [db])
  const store = idbStore ?? memory
  const read = db ? (live?.ok ? live.data : lastGood.current) : memorySnapshot
  const data = read && read.eventId === eventId ? read : undefined

  const stars = useMemo(
    () => new Map<SessionId, StarLevel>((data?.stars ?? []).map((r) => [r.sessionId, r.level])),
    [data?.stars],
  )
  const walkingRead = useMemo(() => walkingSettingsOf(data?.settings ?? new Map()), [data?.settings])
  const { pace, bufferMin } = walkingRead
  // Keyed on the two values, not the read: a star change re-reads settings too, and must not recompute walks.
  const walking = useMemo(() => ({ pace, bufferMin }), [pace, bufferMin])
  const options = useMemo((): ConflictOptions => ({ walking: { pace, bufferMin } }), [pace, bufferMin])
  const displayRead = useMemo(() => displaySettingsOf(data?.settings ?? new Map()), [data?.settings])
  const { reminderMin, timeDisplay } = displayRead
  const display = useMemo(() => ({ reminderMin, timeDisplay }), [reminderMin, timeDisplay])
  // The device's zone is read when the choice changes (or the app starts): a traveller's new zone shows from the next
  // start, which is when a phone's apps usually pick it up too.
  const venueZone = state.event?.timeZone ?? 'UTC'
  const displayZone = useMemo(() => (timeDisplay === 'device' ? deviceTimeZone() : venueZone), [timeDisplay, venueZone])

  const sessions = state.sessions
  const plan = useMemo(() => planOf(sessions, stars), [sessions, stars])
  const conflicts = useMemo(() => findConflicts(plan, options), [plan, options])
  const bySession = useMemo(() => conflictsBySession(conflicts), [conflicts])
  const countsByDay = useMemo(() => {
    const counts = new Map<VenueDay, number>()
    for (const { session } of plan) counts.set(session.day, (counts.get(session.day) ?? 0) + 1)
    return counts
  }, [plan])

  // A change stays on the list while its session is still starred (where the star is now: the new ID, or the old
  // one for a cancelled session); un-starring a changed session takes it off without acknowledging it.
  const changeRows = data?.changes
  const changes = useMemo((): readonly PendingChange[] => {
    if (!changeRows || changeRows.length === 0) return NO_CHANGES
    return changeRows
      .filter((r) => stars.has(r.change.newId ?? r.change.id))
      .map((r) => ({ key: r.key, change: r.change }))
      .sort((a, b) => compareByTime(a.change.before, b.change.before))
  }, [changeRows, stars])
  const changeBySession = useMemo(() => {
    const map = new Map<SessionId, PendingChange>()
    for (const c of changes) if (c.change.newId !== null) map.set(c.change.newId, c)
    return map
  }, [changes])

  const value = useMemo(
    (): PlanState => ({
      status: data ? 'ready' : 'loading',
      eventId,
      store,
      persistent: store?.persistent ?? false,
      stars,
      walking,
      display,
      displayZone,
      options,
      plan,
      conflicts,
      conflictsBySession: bySession,
      countsByDay,
      changes,
      changeBySession,
    }),
    [data, eventId, store, stars, walking, display, displayZone, options, plan, conflicts, bySession, countsByDay, changes, changeBySession],
  )

  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>
}
