// The schedule as the UI sees it. Components read it only through useSchedule / useSession, never from Dexie.
import { createContext, useContext } from 'react'
import type { EventInfo, Session } from '../../domain/model'
import type { EventLibrary, InstalledEvent } from '../../db/eventLibrary'
import type { HallwayDB } from '../../db/HallwayDB'
import type { StorageProblem } from '../../db/storageErrors'

/** Where the schedule (and, later, stars and settings) live: IndexedDB, or only memory because storage failed. */
export type StorageState = { kind: 'indexeddb' } | { kind: 'memory'; problem: StorageProblem }

export interface ScheduleState {
  status: 'loading' | 'ready' | 'error'
  event?: EventInfo
  /** Sorted by start, then venue.room, then title; the same array object for as long as the data is unchanged. */
  sessions: readonly Session[]
  storage: StorageState
  /** Set when status is 'error' (there is nothing to show at all); user-facing. */
  error?: string
}

/** @internal What ScheduleProvider shares: the state, plus an id index so useSession is O(1) on 10,000 sessions. */
export interface ScheduleContextValue {
  state: ScheduleState
  byId: ReadonlyMap<string, Session>
  /** The database the schedule is read from; null while loading and in memory mode. User data follows it. */
  db: HallwayDB | null
  /** The events on this device (or in this tab, in memory mode), bundled first. Empty while loading. */
  events: readonly InstalledEvent[]
  /** Adds, switches and removes events; null until the schedule is ready. */
  library: EventLibrary | null
}

export const ScheduleContext = createContext<ScheduleContextValue | null>(null)

export function useScheduleContext(): ScheduleContextValue {
  const value = useContext(ScheduleContext)
  if (value === null) throw new Error('useSchedule/useSession must be used inside <ScheduleProvider>.')
  return value
}

export function useSchedule(): ScheduleState {
  return useScheduleContext().state
}
