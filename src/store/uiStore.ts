// Short-lived UI state: which panels are open, where the list was scrolled. Nothing here outlives the tab;
// the schedule and the user's own data live in IndexedDB (src/db), and view filters live in the URL.
import { create } from 'zustand'
import type { VirtualItem } from '@tanstack/react-virtual'
import type { SessionId } from '../domain/model'
import type { CalendarReminder } from '../db/settings'

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
  /** Set when the session was opened from the grid: the grid's own scroll offsets (px), which it restores instead. */
  grid?: { left: number; top: number }
}

/**
 * The history state of a session page opened from a list card. Only then is the entry before it the list, so only then
 * may "Back to schedule" go back in history; reached any other way (from a speaker's page, say), it opens the list.
 */
export const OPENED_FROM_LIST = { hallwayOpenedFromList: true } as const

export function openedFromList(historyState: unknown): boolean {
  return typeof historyState === 'object' && historyState !== null && 'hallwayOpenedFromList' in historyState
}

/** A short message at the bottom of the screen (role=status), with an Undo when the change can be undone. */
export interface Toast {
  /** Grows with every toast, so a timer never closes a newer one. */
  id: number
  message: string
  tone: 'info' | 'error'
  /** Takes the change back; it reports its own outcome (a toast of its own). */
  undo?: () => Promise<void>
  /** Move focus to the Undo button: the control the user acted on is gone (a resolved clash, a removed row). */
  focusUndo?: boolean
}

/** The clash whose resolve dialog is open: seen from `sessionId`, against `otherId`. */
export interface ResolveTarget {
  sessionId: SessionId
  otherId: SessionId
}

export interface UiState {
  filtersOpen: boolean
  listReturn: ListReturn | null
  toast: Toast | null
  resolving: ResolveTarget | null
  /**
   * A reminder the user just picked, until storage reads it back: the select shows it at once, and an export made in
   * that moment carries it (not the one read before the pick).
   */
  reminderPick: { minutes: CalendarReminder } | null
  toggleFilters: () => void
  setFiltersOpen: (open: boolean) => void
  rememberListPosition: (position: ListReturn) => void
  forgetListPosition: () => void
  showToast: (toast: Omit<Toast, 'id'>) => void
  /** Closes the toast `id`, if it is still the one shown. */
  dismissToast: (id: number) => void
  openResolve: (target: ResolveTarget) => void
  closeResolve: () => void
  pickReminder: (pick: { minutes: CalendarReminder } | null) => void
}

let toastSeq = 0

export const useUiStore = create<UiState>()((set) => ({
  filtersOpen: false,
  listReturn: null,
  toggleFilters: () => set((s) => ({ filtersOpen: !s.filtersOpen })),
  setFiltersOpen: (open) => set({ filtersOpen: open }),
  rememberListPosition: (position) => set({ listReturn: position }),
  forgetListPosition: () => set({ listReturn: null }),
  toast: null,
  showToast: (toast) => set({ toast: { ...toast, id: (toastSeq += 1) } }),
  dismissToast: (id) => set((s) => (s.toast?.id === id ? { toast: null } : {})),
  resolving: null,
  openResolve: (target) => set({ resolving: target }),
  closeResolve: () => set({ resolving: null }),
  reminderPick: null,
  pickReminder: (pick) => set({ reminderPick: pick }),
}))
