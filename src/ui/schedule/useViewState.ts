// The list's view state, read from and written to the URL query.
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { useLocation, useSearch } from 'wouter'
import { parseViewState, viewStateToSearch, type ViewState } from './viewState'

export interface ViewUpdateOptions {
  /**
   * Replace the current history entry instead of adding one. Typing and toggling filters replace (Back should
   * leave the list, not undo one keystroke); switching day or clearing all filters push, so Back undoes them.
   */
  replace?: boolean
  /**
   * Show the new view at once and write it to the URL after the next frame has painted (a replace only). A history
   * write costs several ms of main thread on a slow phone, in the very task that should show the ticked filter.
   * The write still lands before anything else reads or moves the URL: a click anywhere, an in-app navigation
   * ({@link flushViewWrite}), leaving the page.
   */
  afterPaint?: boolean
}

/** How a filter control writes: a replace, shown at once and written to the URL after the frame. */
export const FILTER_WRITE: ViewUpdateOptions = Object.freeze({ replace: true, afterPaint: true })

export type SetViewState = (patch: Partial<ViewState>, options?: ViewUpdateOptions) => void

/** A view shown ahead of the URL, until its deferred write lands. */
interface Ahead {
  view: ViewState
  /** Its URL query (viewStateToSearch). */
  search: string
  /** The URL's query (in the same form) the view was set over; null once written. */
  over: string | null
}

interface PendingWrite {
  search: string
  over: string
  /** The page it is for: a Back to another page (same query or none) must not get it. */
  path: string
  write: () => void
}

// The one history write waiting for the frame (the latest view: a second tick before it lands merges into it).
let pending: PendingWrite | null = null
// Should no frame or idle time come (a hidden tab has no frames), the write still lands this soon (ms).
const WRITE_FALLBACK_MS = 100

/** Writes a view shown ahead of the URL to the URL now. The app's router calls it before every navigation. */
export function flushViewWrite(): void {
  const write = pending?.write
  pending = null
  write?.()
}

function afterNextPaint(run: () => void): void {
  const fallback = setTimeout(run, WRITE_FALLBACK_MS)
  const afterFrame = () => {
    clearTimeout(fallback)
    // Once the frame is painted and the rest of the interaction's work has run (the main thread is idle), or at the
    // latest after the fallback delay. Safari has no requestIdleCallback: a task queued from the frame's callback,
    // which runs once the frame is painted.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: WRITE_FALLBACK_MS })
    else setTimeout(run, 0)
  }
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(afterFrame)
  else afterFrame()
}

function canonical(search: string): string {
  return viewStateToSearch(parseViewState(search))
}

export function useViewState(): [ViewState, SetViewState] {
  const search = useSearch()
  const [location, navigate] = useLocation()
  const [ahead, setAhead] = useState<Ahead | null>(null)
  const fromUrl = useMemo(() => parseViewState(search), [search])
  const urlSearch = useMemo(() => viewStateToSearch(fromUrl), [fromUrl])
  // Ahead of the URL while its write is pending; once written, still the same object (the URL says the same), so
  // nothing downstream computes the list again. The URL moved elsewhere (Back): the URL's view.
  const view = ahead !== null && (ahead.over === urlSearch || ahead.search === urlSearch) ? ahead.view : fromUrl
  if (ahead !== null && ahead.over !== null && ahead.search === urlSearch) {
    // Written: no longer ahead of any URL (a later Back to that URL must show that URL's view). Set while rendering,
    // so the render the write causes is the only one.
    setAhead({ ...ahead, over: null })
  }

  const setView = useCallback<SetViewState>(
    (patch, options = {}) => {
      const deferred = options.afterPaint === true && options.replace === true
      if (!deferred) flushViewWrite()
      // Read the URL now (or the view waiting to be written) rather than the rendered `view`: two updates before
      // the next render must both land.
      const current = parseViewState(pending?.search ?? window.location.search)
      // An `undefined` in the patch removes that param (viewStateToSearch skips empty values).
      const next: ViewState = { ...current, ...patch }
      const nextSearch = viewStateToSearch(next)
      if (nextSearch === viewStateToSearch(current)) return
      if (!deferred) {
        navigate(location + nextSearch, { replace: options.replace ?? false })
        return
      }
      const over = pending?.over ?? canonical(window.location.search)
      const path = pending?.path ?? window.location.pathname
      const mine: PendingWrite = {
        search: nextSearch,
        over,
        path,
        write: () => {
          window.removeEventListener('click', flushViewWrite, true)
          window.removeEventListener('pagehide', flushViewWrite)
          // The URL moved meanwhile (Back, Forward): that entry's view wins, and this one is dropped.
          if (window.location.pathname !== path || canonical(window.location.search) !== over) {
            setAhead(null)
            return
          }
          navigate(location + nextSearch, { replace: true })
        },
      }
      if (pending === null) {
        // A click (opening a session, another control) may read or move the URL: the write lands first.
        window.addEventListener('click', flushViewWrite, true)
        window.addEventListener('pagehide', flushViewWrite)
        afterNextPaint(() => {
          if (pending?.over === over) flushViewWrite()
        })
      }
      pending = mine
      setAhead({ view: next, search: nextSearch, over })
    },
    [location, navigate],
  )

  return [view, setView]
}

/**
 * How long typing must pause before the search text is written to the URL. A history write costs a few ms of main
 * thread (more on a slow phone) and re-renders every reader of the URL, so it is not done per keystroke.
 */
export const SEARCH_URL_DELAY_MS = 400

export interface SearchText {
  /**
   * The text the list filters by: what was typed, ahead of the URL while the user types, and a moment behind the
   * box itself (it is updated in a transition, which a newer keystroke interrupts).
   */
  text: string
  /** A keystroke (the box's new value): the list follows in a transition, the URL once typing pauses. */
  setText: (text: string) => void
  /** Sets the box and the list to `text` at once (e.g. "Clear all"); a pending write of older text is dropped. */
  replaceText: (text: string) => void
  /** Writes what the box holds to the URL now (before leaving the list, on Enter, when the box loses focus). */
  flush: () => void
}

interface Draft {
  text: string
  /** The URL's q this text was last reconciled with. */
  from: string
  /** Counts texts set from outside the box (the URL moved, "Clear all"): each is put into the box. */
  resets: number
}

/**
 * The search box's text, kept ahead of the URL's `q` while typing. The box is uncontrolled: a keystroke shows
 * without any render, and only the list (in a transition) and, after a pause, the URL follow it. The URL stays
 * the source of truth: when its `q` changes by any other means (Back or Forward, "Clear all", a link), the box
 * and the list take it, and a pending write or a keystroke still in flight is dropped.
 */
export function useSearchText(urlQuery: string, setView: SetViewState, box: RefObject<HTMLInputElement | null>): SearchText {
  const [draft, setDraft] = useState<Draft>(() => ({ text: urlQuery, from: urlQuery, resets: 0 }))
  let current = draft
  if (draft.from !== urlQuery) {
    // The URL moved. Our own write (it now says what was typed) keeps the text; anything else replaces it.
    current = urlQuery === draft.text ? { ...draft, from: urlQuery } : { text: urlQuery, from: urlQuery, resets: draft.resets + 1 }
    setDraft(current)
  }
  const { text, resets } = current

  // A text set from outside goes into the box. Only then: while typing, `text` trails the box and must not
  // overwrite what was typed since.
  useLayoutEffect(() => {
    const input = box.current
    if (input && input.value !== text) input.value = text
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resets])

  // The latest values for the callbacks below, which keep their identity (they are handed to memoised children).
  const latest = useRef({ text, urlQuery, resets, setView })
  useLayoutEffect(() => {
    latest.current = { text, urlQuery, resets, setView }
  })

  const write = useCallback(() => {
    const { text: typed, urlQuery: inUrl, setView: set } = latest.current
    // The box itself: a keystroke's transition may not have rendered yet.
    const value = box.current?.value ?? typed
    if (value !== inUrl) set({ q: value }, { replace: true })
  }, [box])

  useEffect(() => {
    if (text === urlQuery) return
    const timer = setTimeout(write, SEARCH_URL_DELAY_MS)
    // A reload or a closed tab should not lose the last words typed.
    window.addEventListener('pagehide', write)
    return () => {
      clearTimeout(timer)
      window.removeEventListener('pagehide', write)
    }
  }, [text, urlQuery, write])

  const setText = useCallback((next: string) => {
    const seen = latest.current.resets
    // Dropped if the text was reset from outside in the meantime (Back pressed while this keystroke was pending).
    startTransition(() => setDraft((d) => (d.resets === seen ? { ...d, text: next } : d)))
  }, [])

  const replaceText = useCallback((next: string) => setDraft((d) => ({ text: next, from: d.from, resets: d.resets + 1 })), [])

  return { text, setText, replaceText, flush: write }
}
