// The events on this device as the UI sees them (the switcher, Settings, the open-schedule dialog, a shared plan's
// screen), and the actions on them: add a schedule, switch, remove. Writes are the session's commands (src/db/commands.ts).
import { useCallback, useMemo } from 'react'
import { useLocation } from 'wouter'
import { isolateText } from '../../domain/bidiText'
import type { EventId, Snapshot } from '../../domain/model'
import type { AddEventOutcome, InstalledEvent, RemovedEvent } from '../../db/eventLibrary'
import type { Outcome } from '../../db/commands'
import { useUiStore } from '../../store/uiStore'
import { useCommands } from '../common/useCommands'
import { useScheduleContext } from '../common/useSchedule'

export interface EventsView {
  events: readonly InstalledEvent[]
  /** The event on screen; undefined while loading. */
  current: InstalledEvent | undefined
  /** false in memory mode: added schedules and switches last until the tab closes. */
  persistent: boolean
  /** null until the schedule is ready. */
  actions: EventActions | null
}

export interface EventActions {
  /** Shows `eventId`: every screen follows; a view that belongs to the old event (a session, filters) resets. */
  switchTo(eventId: EventId): Promise<void>
  /** Adds (or, with `replace`, replaces) and shows it when written. Failures come back as a user-facing Error. */
  add(snapshot: Snapshot, replace: boolean, feedUrl?: string): Promise<AddEventOutcome>
  /** Removes an event the user added, with its stars. */
  remove(eventId: EventId): Promise<RemovedEvent>
  /** The IDs of an event's sessions, to compare a file for the same id with it. */
  sessionIdsOf(eventId: EventId): Promise<string[]>
}

/**
 * Where to be after the event changed under `path`: the same screen, without what only made sense for the old event
 * (a session of it; its day, search and filters in the query; a preview moment). A shared plan keeps its link (the
 * fragment), which is what it shows; Settings has no query.
 */
export function pathAfterSwitch(path: string): string | undefined {
  if (path === '/share' || path === '/settings') return undefined
  if (path.startsWith('/session/')) return '/'
  return path
}

export function useEvents(): EventsView {
  const { events, library, state } = useScheduleContext()
  const commands = useCommands()
  const [location, navigate] = useLocation()
  const forgetListPosition = useUiStore((s) => s.forgetListPosition)
  const showToast = useUiStore((s) => s.showToast)
  const currentId = state.event?.id
  const current = useMemo(() => events.find((e) => e.id === currentId), [events, currentId])

  const followSwitch = useCallback(() => {
    // A list position is the old event's list: coming "back" to it in the new one would land on nothing.
    forgetListPosition()
    const next = pathAfterSwitch(location)
    // replace: the query was the old event's, and Back should not bring it back over the new one.
    if (next !== undefined) navigate(next, { replace: true })
  }, [forgetListPosition, location, navigate])

  const actions = useMemo((): EventActions | null => {
    if (!library) return null
    return {
      switchTo: async (eventId) => {
        valueOf(await commands.switchEvent(eventId))
        followSwitch()
        const title = events.find((e) => e.id === eventId)?.title ?? eventId
        showToast({ tone: 'info', message: `Now showing ${isolateText(title)}.` })
      },
      add: async (snapshot, replace, feedUrl) => {
        const outcome = valueOf(await commands.addEvent(snapshot, replace, feedUrl))
        if (outcome.kind !== 'exists' && outcome.kind !== 'bundled') followSwitch()
        return outcome
      },
      remove: async (eventId) => valueOf(await commands.removeEvent(eventId)),
      sessionIdsOf: (eventId) => library.sessionIds(eventId),
    }
  }, [library, events, commands, followSwitch, showToast])

  return { events, current, persistent: library?.persistent ?? true, actions }
}

/** The value of an outcome; a failure as an Error carrying its message, for the dialogs that show it in place. */
function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.value
}
