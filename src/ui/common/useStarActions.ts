// What the UI does to the plan: cycle a star, resolve a clash. The writes are the session's commands
// (src/db/commands.ts); their failures and undos reach the screen through useCommandToasts.
import { useCallback, useMemo } from 'react'
import { isolateText } from '../../domain/bidiText'
import type { Session } from '../../domain/model'
import type { Resolution } from '../../db/stars'
import { useCommands, useCommandToasts } from './useCommands'

export { focusAfterRender } from './focusAfterRender'

/** What the UI says about a resolution, and where focus goes when it is undone. */
export interface ResolutionNotice {
  message: string
  returnFocus?: string
}

export interface StarActions {
  /** One step along none → must → maybe → none. `announceRemoval` shows an undo toast when the star goes. */
  cycle: (session: Session, options?: { announceRemoval?: boolean }) => Promise<void>
  resolve: (resolution: Resolution, notice: ResolutionNotice) => Promise<void>
}

/** The selector of a session's star button, for moving focus back to it. */
export function starButtonSelector(sessionId: string): string {
  return `[data-star-for="${sessionId}"]`
}

export function useStarActions(): StarActions {
  const commands = useCommands()
  const { report, offerUndo } = useCommandToasts()

  const cycle = useCallback<StarActions['cycle']>(
    async (session, options = {}) => {
      const done = report(await commands.cycleStar(session.id))
      if (done?.level === null && done.undo && options.announceRemoval) {
        offerUndo(`Removed ${isolateText(session.title)} from your plan.`, done.undo, starButtonSelector(session.id))
      }
    },
    [commands, report, offerUndo],
  )

  const resolve = useCallback<StarActions['resolve']>(
    async (resolution, notice) => {
      const done = report(await commands.resolve(resolution))
      if (done) offerUndo(notice.message, done.undo, notice.returnFocus)
    },
    [commands, report, offerUndo],
  )

  return useMemo(() => ({ cycle, resolve }), [cycle, resolve])
}
