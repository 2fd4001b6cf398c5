// The user's plan as the UI sees it: stars, settings, the conflicts they make and the schedule changes that touched
// them, computed once by PlanProvider for every screen. Components read it through usePlan, never from Dexie.
import { createContext, useContext } from 'react'
import type { Conflict, ConflictOptions, PlannedSession, StarMap } from '../../domain/conflicts'
import type { EventId, SessionId, VenueDay } from '../../domain/model'
import type { StarredChange } from '../../domain/scheduleDiff'
import type { DisplaySettings, WalkingSettings } from '../../db/settings'
import type { UserDataStore } from '../../db/userDataStore'

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
  /** The zone every clock time is shown in: the venue's, or the device's when the user chose so. Days stay venue days. */
  displayZone: string
  /** The options every plan computation takes, so all screens agree on what is a conflict. */
  options: ConflictOptions
  /** Starred sessions of the schedule, in schedule order (stars on sessions the schedule lacks are left out). */
  plan: readonly PlannedSession[]
  conflicts: readonly Conflict[]
  conflictsBySession: ReadonlyMap<SessionId, Conflict[]>
  countsByDay: ReadonlyMap<VenueDay, number>
  /** Unacknowledged changes to sessions still starred, in the old schedule's time order. */
  changes: readonly PendingChange[]
  /** The pending change of each session still in the schedule, by its ID now (for badges on cards and rows). */
  changeBySession: ReadonlyMap<SessionId, PendingChange>
}

export const PlanContext = createContext<PlanState | null>(null)

/**
 * false while the saved stars have not been read yet (the list shows the bundled snapshot while storage opens). Apart
 * from PlanContext so a star button re-renders once when they arrive, not on every change to the plan.
 */
export const StarsKnownContext = createContext(true)

export function useStarsKnown(): boolean {
  return useContext(StarsKnownContext)
}

export function usePlan(): PlanState {
  const value = useContext(PlanContext)
  if (value === null) throw new Error('usePlan must be used inside <PlanProvider>.')
  return value
}
