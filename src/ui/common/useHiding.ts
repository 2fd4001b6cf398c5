// Hiding a room or a type (Sched's track) and showing them again, with the outcome on screen: a toast with Undo, or
// the command's failure. Shared by the filters, the schedule's "N hidden · Show" and the session page.
import { useCallback, useMemo } from 'react'
import type { HiddenKind } from '../../db/hidden'
import { useCommands, useCommandToasts } from './useCommands'

export interface Hiding {
  hide: (kind: HiddenKind, name: string) => Promise<void>
  showAll: () => Promise<void>
}

export const HIDDEN_KIND_WORD: Record<HiddenKind, string> = { room: 'room', type: 'track' }

export function useHiding(): Hiding {
  const commands = useCommands()
  const { report, offerUndo } = useCommandToasts()
  const hide = useCallback(
    async (kind: HiddenKind, name: string) => {
      const done = report(await commands.hide(kind, name))
      if (done) offerUndo(`Hid the ${HIDDEN_KIND_WORD[kind]} “${name}”.`, done.undo)
    },
    [commands, report, offerUndo],
  )
  const showAll = useCallback(async () => {
    const done = report(await commands.showHidden())
    if (done) offerUndo('Showing every room and track again.', done.undo)
  }, [commands, report, offerUndo])
  return useMemo(() => ({ hide, showAll }), [hide, showAll])
}
