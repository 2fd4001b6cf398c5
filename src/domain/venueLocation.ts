// A session's place as one line of text, most specific first ("Georgia Ballroom 2, Building C, Level 3"): the
// calendar export's LOCATION and the schedule-change wording both use it. A module of its own so the app's first
// view, which words schedule changes, does not pull in the calendar writer (loaded only on export).
import type { Venue } from './model'

/**
 * "Georgia Ballroom 2, Building C, Level 3": most specific first, like an address, so a calendar that truncates
 * the location still shows the room. An area comes before its room ("Learning Lounge, Exhibit Hall B3-B5, …").
 * Falls back to the source's raw venue text when there is no room name.
 */
export function venueLocation(venue: Venue): string {
  if (venue.room.trim() === '') return venue.raw.trim()
  return [venue.area, venue.room, venue.building, venue.level]
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '')
    .join(', ')
}

/** "Building B · Level 4": where the room is, or '' when the schedule names only the room. */
export function buildingLevel(venue: Venue): string {
  return [venue.building, venue.level].filter((p) => p && p.trim() !== '').join(' · ')
}
