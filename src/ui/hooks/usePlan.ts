// The user's plan as the UI sees it: stars, walking settings, and the conflicts they make, computed once by
// PlanProvider for every screen. Components read it through usePlan, never from Dexie.
import { createContext, useContext } from 'react'
import type { Conflict, ConflictOptions, PlannedSession, StarMap } from '../../domain/conflicts'
import type { EventId, SessionId, VenueDay } from '../../domain/model'
import type { WalkingSettings } from '../../db/settings'
import type { UserDataStore } from '../../db/userDataStore'

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
  /** The options every plan computation takes, so all screens agree on what is a conflict. */
  options: ConflictOptions
  /** Starred sessions of the schedule, in schedule order (stars on sessions the schedule lacks are left out). */
  plan: readonly PlannedSession[]
  conflicts: readonly Conflict[]
  conflictsBySession: ReadonlyMap<SessionId, Conflict[]>
  countsByDay: ReadonlyMap<VenueDay, number>
}

export const PlanContext = createContext<PlanState | null>(null)

export function usePlan(): PlanState {
  const value = useContext(PlanContext)
  if (value === null) throw new Error('usePlan must be used inside <PlanProvider>.')
  return value
}
