// The schedule's view state (day, search, filters, list or grid) and its URL query form, e.g.
// ?day=2025-11-13&q=gpu&type=AI%20%2B%20ML&building=Building%20B&room=B206&lang=de&recorded=only&past=hide&view=grid
// The URL is the single source of truth, so reload, back/forward and a pasted link all show the same list.
import type { VenueDay } from '../../domain/model'

/** The list grouped by time slot, or the rooms × time grid. */
export type ScheduleLayout = 'list' | 'grid'

export interface ViewState {
  /** Absent: the default day (today at the venue if the event is on, else the first day). */
  day?: VenueDay
  q: string
  types: string[]
  building?: string
  room?: string
  /** A BCP 47 tag, as the sessions carry it (frab/pretalx only). */
  language?: string
  /** Only sessions the source says may be recorded. */
  recordedOnly: boolean
  hidePast: boolean
  /** Absent: the layout the user last chose on this device (see ScheduleScreen), else the list. */
  layout?: ScheduleLayout
}

export const EMPTY_VIEW: ViewState = { q: '', types: [], recordedOnly: false, hidePast: false }

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/

export function parseViewState(search: string): ViewState {
  const p = new URLSearchParams(search)
  const view: ViewState = {
    q: p.get('q') ?? '',
    types: [...new Set(p.getAll('type').filter((t) => t !== ''))],
    recordedOnly: p.get('recorded') === 'only',
    hidePast: p.get('past') === 'hide',
  }
  const day = p.get('day')
  if (day && DAY_RE.test(day)) view.day = day as VenueDay
  const building = p.get('building')
  if (building) view.building = building
  const room = p.get('room')
  if (room) view.room = room
  const language = p.get('lang')
  if (language) view.language = language
  const layout = p.get('view')
  if (layout === 'grid' || layout === 'list') view.layout = layout
  return view
}

// encodeURIComponent rather than URLSearchParams.toString(): spaces stay %20, so a shared link reads
// "Building%20B" and never the ambiguous "Building+B".
function pair(key: string, value: string): string {
  return `${key}=${encodeURIComponent(value)}`
}

/** The query string for a view, with a leading "?", or "" when the view is the default one. */
export function viewStateToSearch(view: ViewState): string {
  const parts: string[] = []
  if (view.day) parts.push(pair('day', view.day))
  if (view.q !== '') parts.push(pair('q', view.q))
  for (const t of view.types) parts.push(pair('type', t))
  if (view.building) parts.push(pair('building', view.building))
  if (view.room) parts.push(pair('room', view.room))
  if (view.language) parts.push(pair('lang', view.language))
  if (view.recordedOnly) parts.push('recorded=only')
  if (view.hidePast) parts.push('past=hide')
  if (view.layout) parts.push(pair('view', view.layout))
  return parts.length > 0 ? `?${parts.join('&')}` : ''
}

/** How many filters narrow the list besides the search text (for the "Filters (2)" badge). */
export function activeFilterCount(view: ViewState): number {
  return (
    view.types.length +
    (view.building ? 1 : 0) +
    (view.room ? 1 : 0) +
    (view.language ? 1 : 0) +
    (view.recordedOnly ? 1 : 0) +
    (view.hidePast ? 1 : 0)
  )
}

export function hasNarrowing(view: ViewState): boolean {
  return view.q.trim() !== '' || activeFilterCount(view) > 0
}
