// Hiding a room or a type (Sched's track) and showing them again, with the outcome on screen: a toast with Undo, or
// the command's failure. Shared by the filters, the schedule's "N hidden · Show" and the session page.
import { useCallback, useMemo } from 'react'
import type { HiddenKind } from '../../db/hidden'
import { isolateText } from '../../domain/bidiText'
import { useCommands, useCommandToasts } from './useCommands'
import { useHallway } from './useHallway'

export interface Hiding {
  hide: (kind: HiddenKind, name: string) => Promise<void>
  showAll: () => Promise<void>
}

export const HIDDEN_KIND_WORD: Record<HiddenKind, string> = { room: 'room', type: 'track' }

/**
 * false while the saved choices are unread (a page can show from the bundled snapshot while storage opens): the
 * controls wait, since a tap then would be refused, and "Hide this room" would be offered for a room already hidden.
 */
export function useHiddenKnown(): boolean {
  return useHallway((s) => s.plan.status === 'ready' && s.plan.store !== null)
}

export function useHiding(): Hiding {
  const commands = useCommands()
  const { report, offerUndo } = useCommandToasts()
  const hide = useCallback(
    async (kind: HiddenKind, name: string) => {
      const done = report(await commands.hide(kind, name))
      if (done) offerUndo(`Hid the ${HIDDEN_KIND_WORD[kind]} “${isolateText(name)}”.`, done.undo)
    },
    [commands, report, offerUndo],
  )
  const showAll = useCallback(async () => {
    const done = report(await commands.showHidden())
    if (done) offerUndo('Showing every room and track again.', done.undo)
  }, [commands, report, offerUndo])
  return useMemo(() => ({ hide, showAll }), [hide, showAll])
}
