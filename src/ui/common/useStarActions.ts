// What the UI does to the plan: cycle a star, resolve a clash, undo. Writes go through src/db; failures become a
// toast that says what could not be saved, never an exception in a click handler.
import { useCallback, useMemo } from 'react'
import { isolateText } from '../../domain/bidiText'
import type { Session } from '../../domain/model'
import { pendingStars } from '../../db/pendingStars'
import { cycleStar, resolveConflict, undoStars, type Resolution, type StarUndo } from '../../db/stars'
import { toStorageProblem } from '../../db/storageErrors'
import { useUiStore } from '../../store/uiStore'
import { usePlan } from './usePlan'

/** What the UI says about a resolution, and where focus goes when it is undone. */
export interface ResolutionNotice {
  message: string
  returnFocus?: string
}

export interface StarActions {
  /** One step along none → must → maybe → none. `announceRemoval` shows an undo toast when the star goes. */
  cycle: (session: Session, options?: { announceRemoval?: boolean }) => Promise<void>
  resolve: (resolution: Resolution, notice: ResolutionNotice) => Promise<void>
  undo: (undo: StarUndo, returnFocus?: string) => Promise<void>
}

/** The selector of a session's star button, for moving focus back to it. */
export function starButtonSelector(sessionId: string): string {
  return `[data-star-for="${sessionId}"]`
}

// frames (~1 s at 60 Hz): how long to wait for the live query to render the restored row before giving up on it (a
// slow phone, or a busy test machine, can take more than half a second).
const FOCUS_WAIT_FRAMES = 60

/**
 * Focuses what `selector` matches once the change has reached the screen (the live query re-renders a frame or
 * more after the write), else, after {@link FOCUS_WAIT_FRAMES}, the page's heading.
 */
export function focusAfterRender(selector: string | undefined): void {
  let frames = 0
  const attempt = () => {
    const target = selector ? document.querySelector<HTMLElement>(selector) : null
    if (target) {
      target.focus()
      return
    }
    frames += 1
    if (selector && frames < FOCUS_WAIT_FRAMES) requestAnimationFrame(attempt)
    else document.querySelector<HTMLElement>('main h1')?.focus()
  }
  requestAnimationFrame(attempt)
}

export function useStarActions(): StarActions {
  const { store, eventId, status } = usePlan()
  const showToast = useUiStore((s) => s.showToast)
  // The saved stars are read: a tap is a step from what the user sees. Until then it waits in pendingStars (see there).
  const known = status === 'ready' && store !== null

  const fail = useCallback(
    (what: string, error: unknown) => {
      console.warn(`Hallway: ${what} failed.`, error)
      showToast({ tone: 'error', message: `${what} didn't work. ${toStorageProblem(error).message}` })
    },
    [showToast],
  )

  const undoChange = useCallback<StarActions['undo']>(
    async (change, returnFocus) => {
      if (!store) return
      try {
        await undoStars(store, change)
        showToast({ tone: 'info', message: 'Undone.' })
        focusAfterRender(returnFocus)
      } catch (error) {
        fail('Undo', error)
      }
    },
    [store, showToast, fail],
  )

  const cycle = useCallback<StarActions['cycle']>(
    async (session, options = {}) => {
      if (!eventId) return
      if (!known || !store) {
        pendingStars.tap(eventId, session.id)
        return
      }
      try {
        // A tap kept from before the plan was read is on screen: this one steps on from it, not from under it.
        await pendingStars.flush(store, eventId)
        const { level, undo } = await cycleStar(store, eventId, session.id)
        if (level === null && options.announceRemoval) {
          showToast({
            tone: 'info',
            message: `Removed ${isolateText(session.title)} from your plan.`,
            undo: () => undoChange(undo, starButtonSelector(session.id)),
            focusUndo: true,
          })
        }
      } catch (error) {
        fail('Saving your star', error)
      }
    },
    [known, store, eventId, showToast, fail, undoChange],
  )

  const resolve = useCallback<StarActions['resolve']>(
    async (resolution, notice) => {
      if (!eventId) return
      if (!known || !store) {
        // Only stars tapped before the plan was read can clash now, and the saved ones may change what is best.
        showToast({ tone: 'info', message: 'Your saved plan is still loading. Try again in a moment.' })
        return
      }
      try {
        await pendingStars.flush(store, eventId)
        const undo = await resolveConflict(store, eventId, resolution)
        showToast({ tone: 'info', message: notice.message, undo: () => undoChange(undo, notice.returnFocus), focusUndo: true })
      } catch (error) {
        fail('Resolving the clash', error)
      }
    },
    [known, store, eventId, showToast, fail, undoChange],
  )

  return useMemo(() => ({ cycle, resolve, undo: undoChange }), [cycle, resolve, undoChange])
}
