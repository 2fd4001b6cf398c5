// Short-lived UI state: which panels are open, where the list was scrolled. Nothing here outlives the tab;
// the schedule and the user's own data live in IndexedDB (src/db), and view filters live in the URL.
import { create } from 'zustand'
import type { VirtualItem } from '@tanstack/react-virtual'
import type { SessionId } from '../domain/model'

/** Where the list was when a session was opened, so coming back puts the reader on the same card. */
export interface ListReturn {
  /** The list's URL query (`?day=…&q=…`) at the time, so Back links return to the same view. */
  search: string
  scrollY: number
  /** The list's top on the page, so the first render after returning already lays rows out right. */
  scrollMargin: number
  sessionId: SessionId
  /** Measured row heights: with them the saved scrollY lands on the same rows, not on estimate-shifted ones. */
  measurements?: readonly VirtualItem[]
}

export interface UiState {
  filtersOpen: boolean
  /** The "not saving on this device" notice, once dismissed, stays away for the rest of the browser tab's life. */
  storageNoticeDismissed: boolean
  listReturn: ListReturn | null
  toggleFilters: () => void
  setFiltersOpen: (open: boolean) => void
  dismissStorageNotice: () => void
  rememberListPosition: (position: ListReturn) => void
  forgetListPosition: () => void
}

const NOTICE_KEY = 'hallway:storage-notice-dismissed'

// sessionStorage rather than memory: the notice is about storage being unusable, so it must not come back on every
// reload of the same tab. Reading it can itself throw (storage blocked), which just means "not dismissed".
function readNoticeDismissed(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(NOTICE_KEY) === '1'
  } catch {
    return false
  }
}

function writeNoticeDismissed(): void {
  try {
    globalThis.sessionStorage?.setItem(NOTICE_KEY, '1')
  } catch {
    // Storage is blocked: the dismissal lasts until reload, which is the best this browser allows.
  }
}

export const useUiStore = create<UiState>()((set) => ({
  filtersOpen: false,
  storageNoticeDismissed: readNoticeDismissed(),
  listReturn: null,
  toggleFilters: () => set((s) => ({ filtersOpen: !s.filtersOpen })),
  setFiltersOpen: (open) => set({ filtersOpen: open }),
  dismissStorageNotice: () => {
    writeNoticeDismissed()
    set({ storageNoticeDismissed: true })
  },
  rememberListPosition: (position) => set({ listReturn: position }),
  forgetListPosition: () => set({ listReturn: null }),
}))
