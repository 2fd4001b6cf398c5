// The words for a schedule change to a starred session, short enough for a badge on a card ("Moved to 2:30 PM",
// "Moved to B206", "Renamed", "Cancelled"). The full sentences of the "What changed" list come from the domain
// (describeStarredChange); these only point at them.
import { isolateText } from '../../domain/bidiText'
import type { StarredChange } from '../../domain/scheduleDiff'
import { dayTabLabel, venueTimeLabel } from '../common/timeLabels'

/**
 * "Moved to 2:30 PM", "Moved to Georgia Ballroom 2", "Moved to 4:15 PM, B206", "Renamed", "Renamed · Moved to Fri
 * 11:00 AM", "Cancelled". Times are in `timeZone` (the zone the user reads times in).
 */
export function changeBadgeText(change: StarredChange, timeZone: string): string {
  const { before, after, what } = change
  if (!after) return 'Cancelled'
  const parts: string[] = []
  if (what.includes('renamed')) parts.push('Renamed')
  const to: string[] = []
  if (what.includes('retimed')) {
    const weekday = after.day !== before.day ? `${dayTabLabel(after.day).weekday} ` : ''
    to.push(`${weekday}${venueTimeLabel(after.start, timeZone, after.day)}`)
  }
  if (what.includes('moved')) to.push(isolateText(after.venue.room))
  if (to.length > 0) parts.push(`Moved to ${to.join(', ')}`)
  return parts.join(' · ')
}
