// The session's commands (src/db/commands.ts) as the UI uses them, and the one place their outcomes reach the screen:
// a failure becomes an error toast, a change that can be taken back a toast with Undo.
import { useCallback, useMemo } from 'react'
import { hallwayCommands, type HallwayCommands, type Outcome, type Undo } from '../../db/commands'
import { useUiStore } from '../../store/uiStore'
import { useHallwaySession } from './useHallway'
import { focusAfterRender } from './focusAfterRender'

export function useCommands(): HallwayCommands {
  return hallwayCommands(useHallwaySession())
}

export interface CommandToasts {
  /** The value of a command that worked; a failed one's message goes up as an error toast, and this is undefined. */
  report: <T>(outcome: Outcome<T>) => T | undefined
  /**
   * Says what was done, with Undo, and puts focus on Undo (the control the user acted on is usually gone). Undo
   * reports like any command, then focus goes to `returnFocus` (a CSS selector), else the page heading.
   */
  offerUndo: (message: string, undo: Undo, returnFocus?: string) => void
}

export function useCommandToasts(): CommandToasts {
  const showToast = useUiStore((s) => s.showToast)
  const report = useCallback(
    <T,>(outcome: Outcome<T>): T | undefined => {
      if (outcome.ok) return outcome.value
      showToast({ tone: 'error', message: outcome.message })
      return undefined
    },
    [showToast],
  )
  const offerUndo = useCallback(
    (message: string, undo: Undo, returnFocus?: string) =>
      showToast({
        tone: 'info',
        message,
        focusUndo: true,
        undo: async () => {
          const undone = await undo()
          report(undone)
          if (!undone.ok) return
          showToast({ tone: 'info', message: 'Undone.' })
          focusAfterRender(returnFocus)
        },
      }),
    [showToast, report],
  )
  return useMemo(() => ({ report, offerUndo }), [report, offerUndo])
}
