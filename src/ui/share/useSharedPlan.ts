// A shared plan as the /share screen sees it: the link in the URL fragment, decoded and found in the schedule on
// this device, and the actions that take its sessions into the user's plan (each with an undo toast).
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type { PlannedSession } from '../../domain/conflicts'
import type { EventId, SessionId } from '../../domain/model'
import {
  decodePlan,
  matchSharedPlan,
  type DecodeFailure,
  type SharedPlanLink,
  type SharedPlanMatch,
} from '../../domain/shareCodec'
import type { InstalledEvent } from '../../db/eventLibrary'
import type { Merged, Outcome } from '../../db/commands'
import { useCommands, useCommandToasts } from '../common/useCommands'
import { useScheduleContext } from '../common/useSchedule'

export type SharedPlanView =
  /** The schedule on this device is still loading. */
  | { kind: 'loading' }
  /** No plan could be read from the link; `message` says why in words for the user. */
  | { kind: 'bad'; reason: DecodeFailure; message: string }
  /**
   * A readable plan for an event other than the one shown: `installed` when this device has it (the screen then
   * switches to it), absent when it does not.
   */
  | { kind: 'other-event'; eventId: EventId; name?: string; installed?: InstalledEvent }
  /** `match.found` is their plan as the schedule on this device has it (moved sessions at their new times). */
  | { kind: 'ready'; link: SharedPlanLink; match: SharedPlanMatch }

// The fragment changes without a navigation when a link is pasted into the address bar of an open tab
// (hashchange), and with Back/Forward (popstate).
function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  window.addEventListener('popstate', onChange)
  return () => {
    window.removeEventListener('hashchange', onChange)
    window.removeEventListener('popstate', onChange)
  }
}

const readHash = () => window.location.hash

/** The plan in the current URL's fragment, matched against the schedule shown. Never throws, whatever the link. */
export function useSharedPlan(): SharedPlanView {
  const hash = useSyncExternalStore(subscribeToHash, readHash, () => '')
  const decoded = useMemo(() => decodePlan(hash), [hash])
  const { state, events } = useScheduleContext()
  const { event, sessions } = state

  return useMemo((): SharedPlanView => {
    if (!decoded.ok) return { kind: 'bad', reason: decoded.reason, message: decoded.message }
    if (!event) return { kind: 'loading' }
    const link = decoded.plan
    if (link.eventId !== event.id) {
      const view: SharedPlanView = { kind: 'other-event', eventId: link.eventId }
      if (link.name !== undefined) view.name = link.name
      const installed = events.find((e) => e.id === link.eventId)
      if (installed) view.installed = installed
      return view
    }
    return { kind: 'ready', link, match: matchSharedPlan(link, sessions) }
  }, [decoded, event, sessions, events])
}

export interface MergeActions {
  /** Adds sessions the plan lacks (one, or all of theirs), never touching the user's stars. */
  add: (entries: readonly PlannedSession[], notice: MergeNotice) => Promise<void>
  /** Makes the user's plan exactly `entries`; undoable from the toast. */
  replace: (entries: readonly PlannedSession[], notice: MergeNotice) => Promise<void>
}

export interface MergeNotice {
  /** The toast's words, from what the write did. */
  message: (result: Merged) => string
  /** Where focus goes after Undo (a CSS selector); the page heading when it matches nothing. */
  returnFocus: string
}

/** Writes from the shared-plan screen: the session's merge commands, into whatever store the plan lives in, with Undo. */
export function useMergeActions(): MergeActions {
  const commands = useCommands()
  const { report, offerUndo } = useCommandToasts()

  const merge = useCallback(
    async (write: Promise<Outcome<Merged>>, notice: MergeNotice) => {
      const result = report(await write)
      // The button the user pressed is gone (the session is now in both plans): put them on Undo.
      if (result) offerUndo(notice.message(result), result.undo, notice.returnFocus)
    },
    [report, offerUndo],
  )
  const add = useCallback<MergeActions['add']>(
    (entries, notice) => merge(commands.addStars(toEntries(entries)), notice),
    [merge, commands],
  )
  const replace = useCallback<MergeActions['replace']>(
    (entries, notice) => merge(commands.replaceStars(toEntries(entries)), notice),
    [merge, commands],
  )

  return useMemo(() => ({ add, replace }), [add, replace])
}

function toEntries(entries: readonly PlannedSession[]): Array<[SessionId, PlannedSession['level']]> {
  return entries.map((p) => [p.session.id, p.level])
}
