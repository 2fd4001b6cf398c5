// Reads the user's stars and settings live (useLiveRead, so another tab's changes show at once) from the database
// the schedule came from, or from memory when storage failed, and derives the plan and its conflicts once.
import { useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react'
import { compareByTime, conflictsBySession, findConflicts, planOf, type ConflictOptions } from '../domain/conflicts'
import type { EventId, SessionId, VenueDay } from '../domain/model'
import { raisedLevel, type StarLevel } from '../domain/stars'
import { displaySettingsOf, walkingSettingsOf } from '../db/settings'
import { pendingStars } from '../db/pendingStars'
import { requestPersistence } from '../db/persistence'
import { indexedDbUserData, MemoryUserData, readUserData, type UserDataSnapshot } from '../db/userDataStore'
import { useLiveRead } from './common/useLiveRead'
import { PlanContext, StarsKnownContext, type PendingChange, type PlanState } from './common/usePlan'
import { useScheduleContext } from './common/useSchedule'
import { deviceTimeZone } from './common/timeLabels'

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
  // Storage opened after all, after the tab had carried on in memory (it was held: see ScheduleProvider). What the
  // user did meanwhile goes to IndexedDB: their settings as set, their stars as pending ones (raising, never
  // lowering, the saved ones they could not see), and the memory store is let go.
  useEffect(() => {
    const held = memoryRef.current
    if (memoryMode || !db || !held) return
    memoryRef.current = null
    const { stars, settings } = held.contents()
    for (const row of stars) pendingStars.keep(row.eventId, row.sessionId, row.level)
    if (settings.length > 0) {
      indexedDbUserData(db)
        .transact(async (tx) => {
          for (const { key, value } of settings) await tx.putSetting(key, value)
        })
        .catch((error: unknown) => console.warn('Hallway: saving the settings made before storage opened failed.', error))
    }
  }, [memoryMode, db])
  const memorySnapshot = useSyncExternalStore(memory?.subscribe ?? noSubscribe, () =>
    memory && eventId ? memory.snapshot(eventId) : undefined,
  )

  const idbStore = useMemo(() => (db ? indexedDbUserData(db) : null), [db])
  const store = idbStore ?? memory
  const read = db ? (live?.ok ? live.data : lastGood.current) : memorySnapshot
  const data = read && read.eventId === eventId ? read : undefined

  // Taps not yet written show as made, over the saved stars as they will be written (see pendingStars).
  const waiting = useSyncExternalStore(pendingStars.subscribe, () => pendingStars.forEvent(eventId))
  const stars = useMemo(() => {
    const map = new Map<SessionId, StarLevel>((data?.stars ?? []).map((r) => [r.sessionId, r.level]))
    for (const [sessionId, level] of waiting) map.set(sessionId, raisedLevel(map.get(sessionId), level)!)
    return map
  }, [data?.stars, waiting])
  // Before paint, so a star just written never shows without it for a frame.
  useLayoutEffect(() => {
    if (data) pendingStars.settle(data.eventId)
  }, [data])
  // Written as soon as the saved stars are read (IndexedDB, or memory when storage failed or is held).
  const known = data !== undefined
  useEffect(() => {
    if (!known || !store || !eventId || waiting.size === 0) return
    pendingStars.flush(store, eventId).catch((error: unknown) => {
      // They stay waiting, and on screen; the storage failure itself is ScheduleProvider's to report.
      console.warn('Hallway: saving the stars tapped before storage opened failed.', error)
    })
  }, [known, store, eventId, waiting])

  // The first star saved (from a tap, or a tap kept from before the plan was read) is the moment the user has
  // something to lose: ask the browser not to evict it. Only when this tab saw the plan empty first.
  const savedCount = data?.stars.length
  const savedBefore = useRef<{ eventId: EventId | undefined; count: number | undefined }>({ eventId, count: undefined })
  useEffect(() => {
    const before = savedBefore.current
    savedBefore.current = { eventId, count: savedCount }
    if (before.eventId === eventId && before.count === 0 && savedCount !== undefined && savedCount > 0 && store?.persistent) {
      void requestPersistence()
    }
  }, [eventId, savedCount, store])
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

  return (
    <PlanContext.Provider value={value}>
      <StarsKnownContext.Provider value={known}>{children}</StarsKnownContext.Provider>
    </PlanContext.Provider>
  )
}
