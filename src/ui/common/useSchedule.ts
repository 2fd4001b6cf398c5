// The schedule as the UI sees it, read from the storage session (src/db/session.ts). Components read it only through
// useSchedule / useSession (or a narrower useHallway selector), never from Dexie.
import type { Session } from '../../domain/model'
import type { EventLibrary, InstalledEvent } from '../../db/eventLibrary'
import type { HallwayDB } from '../../db/HallwayDB'
import type { ScheduleState } from '../../db/session'
import { shallow } from 'zustand/shallow'
import { useHallway } from './useHallway'

export type { ScheduleState, StorageState } from '../../db/session'

/** The schedule with its id index, the database user data follows, and the events on this device. */
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

export function useScheduleContext(): ScheduleContextValue {
  return useHallway(
    (s): ScheduleContextValue => ({ state: s.schedule, byId: s.byId, db: s.db, events: s.events, library: s.library }),
    shallow,
  )
}

export function useSchedule(): ScheduleState {
  return useHallway((s) => s.schedule)
}
