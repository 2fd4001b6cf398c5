// The user's plan as the UI sees it: stars, settings, the conflicts they make and the schedule changes that touched
// them, derived once per change by the storage session (src/db/session.ts) for every screen. A screen that needs the
// whole plan reads usePlan; a row reads only its own star, clashes and change (useStarLevel and friends), so a star
// re-renders the rows it changes and not the whole list.
import { useMemo } from 'react'
import type { Conflict } from '../../domain/conflicts'
import type { Session, SessionId } from '../../domain/model'
import { hiddenReasonOf } from '../../domain/search'
import type { StarLevel } from '../../domain/stars'
import type { PendingChange, PlanState as SessionPlanState } from '../../db/session'
import { deviceTimeZone } from './timeLabels'
import { useHallway } from './useHallway'

export type { PendingChange } from '../../db/session'

export interface PlanState extends SessionPlanState {
  /** The zone every clock time is shown in: the venue's, or the device's when the user chose so. Days stay venue days. */
  displayZone: string
}

/** false while the saved stars have not been read yet (the list shows the bundled snapshot while storage opens). */
export function useStarsKnown(): boolean {
  return useHallway((s) => s.starsKnown)
}

/**
 * The zone clock times show in. The device's zone is read when the choice changes (or the app starts): a traveller's
 * new zone shows from the next start, which is when a phone's apps usually pick it up too.
 */
export function useDisplayZone(): string {
  const timeDisplay = useHallway((s) => s.plan.display.timeDisplay)
  const venueZone = useHallway((s) => s.schedule.event?.timeZone ?? 'UTC')
  return useMemo(() => (timeDisplay === 'device' ? deviceTimeZone() : venueZone), [timeDisplay, venueZone])
}

export function usePlan(): PlanState {
  const plan = useHallway((s) => s.plan)
  const displayZone = useDisplayZone()
  return useMemo(() => ({ ...plan, displayZone }), [plan, displayZone])
}

/** One session's star. */
export function useStarLevel(id: SessionId): StarLevel | undefined {
  return useHallway((s) => s.plan.stars.get(id))
}

/** One session's clashes in the plan (the same array while they read the same). */
export function useSessionConflicts(id: SessionId): readonly Conflict[] | undefined {
  return useHallway((s) => s.plan.conflictsBySession.get(id))
}

/** The user's private note on one session, or undefined. */
export function useSessionNote(id: SessionId): string | undefined {
  return useHallway((s) => s.plan.notes.get(id))
}

/** What a schedule update did to one starred session, until acknowledged. */
export function useSessionChange(id: SessionId): PendingChange | undefined {
  return useHallway((s) => s.plan.changeBySession.get(id))
}

/** What a list card shows of the plan for its session. */
export interface SessionPlanMarks {
  level: StarLevel | undefined
  conflicts: readonly Conflict[] | undefined
  change: PendingChange | undefined
  /** Whether the user hid its room or type (a starred one stays on screen, marked with this). */
  hiddenReason: 'room' | 'type' | null
}

function sameMarks(a: SessionPlanMarks, b: SessionPlanMarks): boolean {
  return a.level === b.level && a.conflicts === b.conflicts && a.change === b.change && a.hiddenReason === b.hiddenReason
}

/**
 * One session's star, clashes, change and hidden reason in one subscription: the four hooks above together, for a
 * list card. A card mounts on every scrolled frame, and each subscription is a hook, an effect and a listener more.
 */
export function useSessionPlanMarks(session: Session): SessionPlanMarks {
  return useHallway(
    (s) => ({
      level: s.plan.stars.get(session.id),
      conflicts: s.plan.conflictsBySession.get(session.id),
      change: s.plan.changeBySession.get(session.id),
      hiddenReason: hiddenReasonOf(session, s.plan.hidden),
    }),
    sameMarks,
  )
}
