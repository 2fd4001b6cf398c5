// Wall clock → instant in a zone. Apart from ./time so the first view, which only shows times (Intl), does not
// download @date-fns/tz; the importers and the Now preview, which read clock times typed by people, do.
import { TZDate } from '@date-fns/tz'
import type { Instant, VenueDay } from './model'
import { instantFromMs } from './time'

/**
 * The instant at which the venue's wall clock shows `hour:minute` on `day`.
 * @date-fns/tz resolves the zone offset for that date, DST included.
 */
export function venueWallClockToInstant(day: VenueDay, hour: number, minute: number, timeZone: string): Instant {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return instantFromMs(new TZDate(y, m - 1, d, hour, minute, 0, timeZone).getTime())
}
