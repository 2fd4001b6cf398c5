// Venue-time conversions. Every instant is UTC; the venue zone only matters when reading or showing a clock time.
// Showing one is Intl.DateTimeFormat with `timeZone` (native, nothing to download: this module is on the first
// view). The other way, wall clock → instant, needs the zone's offset resolved for that date: @date-fns/tz does
// it in ./wallClock, which only the importers and the Now preview load.
import type { Instant, VenueDay } from './model'

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

export function isInstant(value: unknown): value is Instant {
  return typeof value === 'string' && INSTANT_RE.test(value) && !Number.isNaN(Date.parse(value))
}

/** Whether this runtime knows `tz` as an IANA time zone (what Intl accepts as `timeZone`). */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** Milliseconds since the epoch, for arithmetic. */
export function toMs(instant: Instant): number {
  return Date.parse(instant)
}

/** The canonical instant string for a moment (seconds precision, `Z`). */
export function instantFromMs(ms: number): Instant {
  return (new Date(ms).toISOString().slice(0, 19) + 'Z') as Instant
}

// Building an Intl.DateTimeFormat costs far more than using one, and a list formats hundreds of times per zone.
const formats = new Map<string, Intl.DateTimeFormat>()
function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formats.get(key)
  if (!f) formats.set(key, (f = make()))
  return f
}

/** The parts of `ms` as `timeZone`'s wall clock shows it: year, month, day (2-digit), hour (1–12), minute, AM/PM. */
function wallClockParts(ms: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'dayPeriod', string> {
  const f = cachedFormat(`clock|${timeZone}`, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
    }),
  )
  const parts = { year: '', month: '', day: '', hour: '', minute: '', dayPeriod: '' }
  for (const p of f.formatToParts(ms)) if (p.type in parts) parts[p.type as keyof typeof parts] = p.value
  return parts
}

/** The venue-local calendar day an instant falls on. */
export function venueDayOf(instant: Instant, timeZone: string): VenueDay {
  const { year, month, day } = wallClockParts(toMs(instant), timeZone)
  return `${year}-${month}-${day}` as VenueDay
}

/** "3:15" and "PM" in the zone. Assembled from parts: ICU puts a narrow no-break space before "PM", never a space. */
function clock(instant: Instant, timeZone: string): { hm: string; period: string } {
  const { hour, minute, dayPeriod } = wallClockParts(toMs(instant), timeZone)
  return { hm: `${hour}:${minute}`, period: dayPeriod.toUpperCase() }
}

/** "3:15 PM" in the venue's zone, whatever the device's zone is. */
export function formatVenueTime(instant: Instant, timeZone: string): string {
  const { hm, period } = clock(instant, timeZone)
  return `${hm} ${period}`
}

/** "3:15 – 3:45 PM EST": a range with the zone abbreviation. */
export function formatVenueTimeRange(start: Instant, end: Instant, timeZone: string): string {
  const s = clock(start, timeZone)
  const e = clock(end, timeZone)
  const from = s.period === e.period ? s.hm : `${s.hm} ${s.period}`
  return `${from} – ${e.hm} ${e.period} ${zoneAbbreviation(start, timeZone)}`
}

function zoneNameFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  return cachedFormat(`zone|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }))
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
  return Math.round((noonUtc(there) - noonUtc(day)) / 86_400_000) // ms in a day
}

/** Noon UTC of a venue day: the same calendar date in every device zone (UTC−12…UTC+14). */
function noonUtc(day: VenueDay): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d, 12)
}

/** `day` formatted in UTC with `options` (en-US), e.g. { weekday: 'short' } → "Thu". */
export function formatDay(day: VenueDay, options: Intl.DateTimeFormatOptions): string {
  const f = cachedFormat(`day|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }))
  return f.format(noonUtc(day))
}

/** "Thursday, Nov 13" for a venue day. */
export function formatVenueDay(day: VenueDay): string {
  return formatDay(day, { weekday: 'long', month: 'short', day: 'numeric' })
}

/** Whole minutes from a to b (negative when b is before a). */
export function minutesBetween(a: Instant, b: Instant): number {
  return Math.round((toMs(b) - toMs(a)) / 60_000)
}
