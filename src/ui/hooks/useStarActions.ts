// What the UI does to the plan: cycle a star, resolve a clash, undo. Writes go through src/db; failures become a
// toast that says what could not be saved, never an exception in a click handler.
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { isolateText } from '../../domain/bidiText'
import type { EventId, Session } from '../../domain/model'
import { requestPersistence } from '../../db/persistence'
import { cycleStar, resolveConflict, undoStars, type Resolution, type StarUndo } from '../../db/stars'
import { toStorageProblem } from '../../db/storageErrors'
import type { UserDataStore } from '../../db/userDataStore'
import { useUiStore, type Toast } from '../../store/uiStore'
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

type Writable = { store: UserDataStore; eventId: EventId }

export function useStarActions(): StarActions {
  const { store, eventId, stars } = usePlan()
  const showToast = useUiStore((s) => s.showToast)
  // Read through a ref, so the actions keep their identity (memoised cards) while the plan changes.
  const starCount = useRef(stars.size)
  useEffect(() => {
    starCount.current = stars.size
  }, [stars])

  // The list can show (the bundled snapshot) a moment before storage has opened and the plan has been read. A tap in
  // that moment is kept, and done once the plan is there, instead of being lost.
  const waiting = useRef<Array<(target: Writable) => void>>([])
  useEffect(() => {
    if (store && eventId) for (const go of waiting.current.splice(0)) go({ store, eventId })
  }, [store, eventId])
  const writable = useCallback(
    (): Promise<Writable> =>
      store && eventId ? Promise.resolve({ store, eventId }) : new Promise((resolve) => waiting.current.push(resolve)),
    [store, eventId],
  )

  const fail = useCallback(
    (what: string, error: unknown) => {
      console.warn(`Hallway: ${what} failed.`, error)
      showToast({ tone: 'error', message: `${what} didn't work. ${toStorageProblem(error).message}` })
    },
    [showToast],
  )

  const cycle = useCallback<StarActions['cycle']>(
    async (session, options = {}) => {
      const { store, eventId } = await writable()
      const firstStar = starCount.current === 0
      try {
        const { level, undo } = await cycleStar(store, eventId, session.id)
        // The first star is the moment the user has something to lose: ask the browser not to evict it.
        if (firstStar && level !== null && store.persistent) void requestPersistence()
        if (level === null && options.announceRemoval) {
          showToast({
            tone: 'info',
            message: `Removed ${isolateText(session.title)} from your plan.`,
            undo,
            focusUndo: true,
            returnFocus: starButtonSelector(session.id),
          })
        }
      } catch (error) {
        fail('Saving your star', error)
      }
    },
    [writable, showToast, fail],
  )

  const resolve = useCallback<StarActions['resolve']>(
    async (resolution, notice) => {
      if (!store || !eventId) return
      try {
        const undo = await resolveConflict(store, eventId, resolution)
        const toast: Omit<Toast, 'id'> = { tone: 'info', message: notice.message, undo, focusUndo: true }
        if (notice.returnFocus) toast.returnFocus = notice.returnFocus
        showToast(toast)
      } catch (error) {
        fail('Resolving the clash', error)
      }
    },
    [store, eventId, showToast, fail],
  )

  const undo = useCallback<StarActions['undo']>(
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

  return useMemo(() => ({ cycle, resolve, undo }), [cycle, resolve, undo])
}
