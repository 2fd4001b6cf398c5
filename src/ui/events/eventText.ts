// How an event is described in words (the switcher, Settings, the open-schedule preview), and the venue time zones
// a user can pick from for a schedule file that does not name one.
import type { VenueDay } from '../../domain/model'
import { formatVenueDay } from '../../domain/time'

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/** "3 days: Monday, Dec 14 – Wednesday, Dec 16, 2020"; "1 day: Thursday, Nov 13, 2025"; "no days" for none. */
export function eventDaysText(days: readonly VenueDay[]): string {
  const first = days[0]
  const last = days.at(-1)
  if (first === undefined || last === undefined) return 'no days'
  const span = first === last ? formatVenueDay(first) : `${formatVenueDay(first)} – ${formatVenueDay(last)}`
  return `${plural(days.length, 'day', 'days')}: ${span}, ${last.slice(0, 4)}`
}

/** "36 sessions". */
export function sessionCountText(n: number): string {
  return plural(n, 'session', 'sessions')
}

/**
 * Every IANA zone this browser knows, sorted, with `include` (the device's zone, a file's zone) always there: some
 * engines leave aliases such as "UTC" out of supportedValuesOf while still reporting them as the device's zone.
 */
export function timeZoneChoices(include: readonly string[]): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return [...new Set([...known, ...include])].sort((a, b) => a.localeCompare(b))
}

/**
 * A file's zone as a person reads it. A fixed-offset zone is what a file that gives only offsets gets (see frabParser),
 * and POSIX signs are inverted: Etc/GMT-1 is UTC+1, which most people would read as UTC−1. So it reads
 * "UTC+1 (the file gives only offsets)". Other zones as named.
 */
export function fileZoneText(zone: string): string {
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone)
  if (!m || Number(m[2]) === 0) return zone
  return `UTC${m[1] === '-' ? '+' : '-'}${Number(m[2])} (the file gives only offsets)`
}
