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
function zoneNameFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`
  let f = zoneNameFormats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    zoneNameFormats.set(key, f)
  }
  return f
}

// CLDR gives a zone a short name ("JST", "CET", "IST") only in the locales where people use it, and "GMT+9" in all
// others, en-US included. So the name comes from the first of these locales that has one, en-US first so American
// venues read as before. Each was checked against every IANA zone: none names a zone another one names differently,
// and every name is Latin letters. Zones no locale names (Asia/Seoul, Asia/Shanghai) keep en-US's "GMT+9".
const ZONE_NAME_LOCALES = ['en-US', 'en-CA', 'en-GB', 'en-IN', 'en-AU', 'en-NZ', 'en-SG', 'en-HK', 'en-ZA', 'ja-JP', 'pt-BR']
const ZONE_NAME_RE = /^[A-Z]{2,5}$/ // "EST", "AEDT", "GMT", "UTC"; not "GMT+9" or a non-Latin name
const zoneNameLocales = new Map<string, string>()

function zoneNameAt(locale: string, instant: Instant, timeZone: string): string | undefined {
  return zoneNameFormat(locale, timeZone)
    .formatToParts(new Date(toMs(instant)))
    .find((p) => p.type === 'timeZoneName')?.value
}

/** "EST", "EDT", "JST", "CET"… as the zone's own wall clock calls it at that instant (falls back to "GMT+9"). */
export function zoneAbbreviation(instant: Instant, timeZone: string): string {
  let locale = zoneNameLocales.get(timeZone)
  if (locale === undefined) {
    // A locale that names a zone names its summer time too (EST/EDT, CET/CEST), so one probe per zone decides.
    locale = ZONE_NAME_LOCALES.find((l) => ZONE_NAME_RE.test(zoneNameAt(l, instant, timeZone) ?? '')) ?? 'en-US'
    zoneNameLocales.set(timeZone, locale)
  }
  return zoneNameAt(locale, instant, timeZone) ?? timeZone
}

/**
 * How many calendar days the date at `instant` in `timeZone` is after `day` (negative: before). 0 when the zone is
 * the venue's and `day` the session's venue day; +1 for a 3:15 PM EST talk seen from Tokyo (5:15 AM, the next day).
 */
export function calendarDaysFrom(day: VenueDay, instant: Instant, timeZone: string): number {
  const there = venueDayOf(instant, timeZone)
  if (there === day) return 0
  const utcNoon = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), 12)
  return Math.round((utcNoon(there) - utcNoon(day)) / 86_400_000) // ms in a day
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
