// The list's view state, read from and written to the URL query.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useSearch } from 'wouter'
import { parseViewState, viewStateToSearch, type ViewState } from '../viewState'

export interface ViewUpdateOptions {
  /**
   * Replace the current history entry instead of adding one. Typing and toggling filters replace (Back should
   * leave the list, not undo one keystroke); switching day or clearing all filters push, so Back undoes them.
   */
  replace?: boolean
}

export type SetViewState = (patch: Partial<ViewState>, options?: ViewUpdateOptions) => void

export function useViewState(): [ViewState, SetViewState] {
  const search = useSearch()
  const [location, navigate] = useLocation()
  const view = useMemo(() => parseViewState(search), [search])

  const setView = useCallback<SetViewState>(
    (patch, options = {}) => {
      // Read the URL now rather than the rendered `view`: two updates before the next render must both land.
      const current = parseViewState(window.location.search)
      // An `undefined` in the patch removes that param (viewStateToSearch skips empty values).
      const next: ViewState = { ...current, ...patch }
      const nextSearch = viewStateToSearch(next)
      if (nextSearch === viewStateToSearch(current)) return
      navigate(location + nextSearch, { replace: options.replace ?? false })
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
  /** What the search box shows and the list filters by: ahead of the URL while the user types. */
  text: string
  /** A keystroke: shown at once, written to the URL once typing pauses. */
  setText: (text: string) => void
  /** Writes a pending text to the URL now (before leaving the list, on Enter, when the box loses focus). */
  flush: () => void
}

/**
 * The search box's text, kept ahead of the URL's `q` while typing. The URL stays the source of truth: when its `q`
 * changes by any other means (Back or Forward, "Clear all", a link), the text follows it and a pending write is
 * dropped.
 */
export function useSearchText(urlQuery: string, setView: SetViewState): SearchText {
  // `from`: the URL's q this text was last reconciled with.
  const [draft, setDraft] = useState(() => ({ text: urlQuery, from: urlQuery }))
  let text = draft.text
  if (draft.from !== urlQuery) {
    // The URL moved. Our own write (it now says what the box says) keeps the text; anything else replaces it.
    text = urlQuery === draft.text ? draft.text : urlQuery
    setDraft({ text, from: urlQuery })
  }

  // The latest text and setView for flush, which keeps its identity (it is handed to memoised children).
  const latest = useRef({ text, urlQuery, setView })
  useLayoutEffect(() => {
    latest.current = { text, urlQuery, setView }
  })

  const write = useCallback(() => {
    const { text: current, urlQuery: inUrl, setView: set } = latest.current
    if (current !== inUrl) set({ q: current }, { replace: true })
  }, [])

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

  const setText = useCallback((next: string) => setDraft((d) => ({ text: next, from: d.from })), [])

  return { text, setText, flush: write }
}
