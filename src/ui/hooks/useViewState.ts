// The list's view state, read from and written to the URL query.
import { useCallback, useMemo } from 'react'
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
