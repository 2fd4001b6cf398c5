// The words for a schedule change to a starred session: short enough for a badge on a card ("Moved to 2:30 PM",
// "Moved to B206", "Renamed", "Cancelled"), and the full sentences of the "What changed" list
// (describeStarredChange).
import { isolateText } from '../../domain/bidiText'
import type { Session } from '../../domain/model'
import type { StarredChange } from '../../domain/scheduleDiff'
import { formatVenueDay, formatVenueTimeRange, venueDayOf } from '../../domain/time'
import { venueLocation } from '../../domain/venueLocation'
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

/**
 * One sentence per kind of change, for the changes list (the UI shows the current title as the heading):
 * - 'Renamed from "Old title"'
 * - "Now 3:15 – 3:45 PM EST (was 2:30 – 3:00 PM EST)", with the venue day in front of both when it changed
 * - "Moved to Georgia Ballroom 2, Building C, Level 3 (was B406b-407, Building B, Level 4)"
 * - "Cancelled: no longer in the schedule"
 */
export function describeStarredChange(change: StarredChange, timeZone: string): string[] {
  const { before, after } = change
  if (!after) return ['Cancelled: no longer in the schedule']
  const lines: string[] = []
  for (const kind of change.what) {
    if (kind === 'renamed') lines.push(`Renamed from "${isolateText(before.title)}"`)
    if (kind === 'retimed') {
      const dayChanged = venueDayOf(before.start, timeZone) !== venueDayOf(after.start, timeZone)
      const when = (s: Session) =>
        `${dayChanged ? `${formatVenueDay(venueDayOf(s.start, timeZone))}, ` : ''}${formatVenueTimeRange(s.start, s.end, timeZone)}`
      lines.push(`Now ${when(after)} (was ${when(before)})`)
    }
    if (kind === 'moved') lines.push(`Moved to ${isolateText(venueLocation(after.venue))} (was ${isolateText(venueLocation(before.venue))})`)
  }
  return lines
}
