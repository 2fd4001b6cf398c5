// Clock-time labels for cards, slot headers and day tabs, cached. Formatting one range takes a few Intl
// formatToParts calls, ~0.05 ms; a keystroke re-renders a few dozen cards, and a schedule has far
// fewer distinct start/end pairs than renders, so each label is computed once per app run.
// The zone is the one the user reads times in (usePlan().displayZone): the venue's by default, else the device's.
// Days are always the venue's, so a label in another zone says when its date is not the venue day it is listed under.
import type { Instant, VenueDay } from '../../domain/model'
import { calendarDaysFrom, formatDay, formatVenueTime, formatVenueTimeRange } from '../../domain/time'

const ranges = new Map<string, string>()
const times = new Map<string, string>()

/** The zone the device's clock is in ("Asia/Tokyo"); UTC when the browser does not say. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** " (next day)", " (previous day)", " (+2 days)": how the date at `instant` in `timeZone` stands to `day`. */
function dayShift(instant: Instant, timeZone: string, day: VenueDay | undefined): string {
  if (day === undefined) return ''
  const n = calendarDaysFrom(day, instant, timeZone)
  if (n === 0) return ''
  if (n === 1) return ' (next day)'
  if (n === -1) return ' (previous day)'
  return ` (${n > 0 ? '+' : '−'}${Math.abs(n)} days)`
}

/** "3:15 – 3:45 PM EST"; with the venue `day` it is listed under, "5:15 – 5:45 AM JST (next day)" from Tokyo. */
export function venueTimeRangeLabel(start: Instant, end: Instant, timeZone: string, day?: VenueDay): string {
  const key = `${start}|${end}|${timeZone}|${day ?? ''}`
  let label = ranges.get(key)
  if (label === undefined) ranges.set(key, (label = formatVenueTimeRange(start, end, timeZone) + dayShift(start, timeZone, day)))
  return label
}

/** "3:15 PM"; with the venue `day`, "5:15 AM (next day)" when the zone's date differs from it. */
export function venueTimeLabel(instant: Instant, timeZone: string, day?: VenueDay): string {
  const key = `${instant}|${timeZone}|${day ?? ''}`
  let label = times.get(key)
  if (label === undefined) times.set(key, (label = formatVenueTime(instant, timeZone) + dayShift(instant, timeZone, day)))
  return label
}

const dayParts = new Map<string, { weekday: string; date: string }>()

/** "Thu" and "Nov 13" for a day tab. */
export function dayTabLabel(day: VenueDay): { weekday: string; date: string } {
  let parts = dayParts.get(day)
  if (parts === undefined) {
    dayParts.set(day, (parts = { weekday: formatDay(day, { weekday: 'short' }), date: formatDay(day, { month: 'short', day: 'numeric' }) }))
  }
  return parts
}

// minutes in a day: past this, "in 2 days" says more than "in 50 h".
const DAY_MIN = 24 * 60

/** "35 min", "1 h", "1 h 30 min", "2 days": a length of time for gaps, "in …" and "… left". */
export function durationLabel(minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  if (m < 60) return `${m} min`
  if (m >= DAY_MIN) {
    const days = Math.round(m / DAY_MIN)
    return `${days} ${days === 1 ? 'day' : 'days'}`
  }
  const h = Math.floor(m / 60)
  const rest = m % 60
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`
}
