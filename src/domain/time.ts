// Venue-time conversions. Every instant is UTC; the venue zone only matters when reading or showing a clock time.
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import type { Instant, VenueDay } from './model'

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

export function isInstant(value: unknown): value is Instant {
  return typeof value === 'string' && INSTANT_RE.test(value) && !Number.isNaN(Date.parse(value))
}

/** Milliseconds since the epoch, for arithmetic. */
export function toMs(instant: Instant): number {
  return Date.parse(instant)
}

/** The canonical instant string for a moment (seconds precision, `Z`). */
export function instantFromMs(ms: number): Instant {
  return (new Date(ms).toISOString().slice(0, 19) + 'Z') as Instant
}

/**
 * The instant at which the venue's wall clock shows `hour:minute` on `day`.
 * @date-fns/tz resolves the zone offset for that date, DST included.
 */
export function venueWallClockToInstant(day: VenueDay, hour: number, minute: number, timeZone: string): Instant {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return instantFromMs(new TZDate(y, m - 1, d, hour, minute, 0, timeZone).getTime())
}

/** The venue-local calendar day an instant falls on. */
export function venueDayOf(instant: Instant, timeZone: string): VenueDay {
  return format(new TZDate(toMs(instant), timeZone), 'yyyy-MM-dd') as VenueDay
}

/** "3:15 PM" in the venue's zone, whatever the device's zone is. */
export function formatVenueTime(instant: Instant, timeZone: string): string {
  return format(new TZDate(toMs(instant), timeZone), 'h:mm a')
}

/** "3:15 – 3:45 PM EST": a range with the zone abbreviation. */
export function formatVenueTimeRange(start: Instant, end: Instant, timeZone: string): string {
  const s = new TZDate(toMs(start), timeZone)
  const e = new TZDate(toMs(end), timeZone)
  const samePeriod = format(s, 'a') === format(e, 'a')
  return `${format(s, samePeriod ? 'h:mm' : 'h:mm a')} – ${format(e, 'h:mm a')} ${zoneAbbreviation(start, timeZone)}`
}

// Building an Intl.DateTimeFormat costs far more than using one, and a list formats hundreds of times per zone.
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>()
function zoneNameFormat(timeZone: string): Intl.DateTimeFormat {
  let f = zoneNameFormats.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    zoneNameFormats.set(timeZone, f)
  }
  return f
}

/** "EST", "EDT", "CET"… as the venue's wall clock calls it at that instant (falls back to "GMT+1"). */
export function zoneAbbreviation(instant: Instant, timeZone: string): string {
  const parts = zoneNameFormat(timeZone).formatToParts(new Date(toMs(instant)))
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone
}

/** "Thursday, Nov 13" for a venue day. */
export function formatVenueDay(day: VenueDay): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  // Noon UTC keeps the calendar date the same in every device zone (UTC−12…UTC+14).
  return format(new TZDate(Date.UTC(y, m - 1, d, 12), 'UTC'), 'EEEE, MMM d')
}

/** Whole minutes from a to b (negative when b is before a). */
export function minutesBetween(a: Instant, b: Instant): number {
  return Math.round((toMs(b) - toMs(a)) / 60_000)
}
