// Calendar export: sessions as an RFC 5545 iCalendar file (.ics) that Apple Calendar, Google Calendar, Outlook and
// Thunderbird import. Pure text in, text out; the UI turns it into a download or a share-sheet file.
import { compareByTime } from './conflicts'
import type { EventInfo, Instant, Session } from './model'
import { isInstant } from './time'
import { venueLocation } from './venueLocation'

// Kept importable from here, where it started: the LOCATION of every event.
export { venueLocation }

/** The MIME type for the Blob / File the UI creates. */
export const ICS_MIME_TYPE = 'text/calendar;charset=utf-8'

/** Identifies the writer (RFC 5545 §3.7.3). Fixed: calendar apps may key quirks on it. */
export const ICS_PRODID = '-//Hallway//Hallway conference agenda//EN'

/**
 * Minutes: the largest reminder accepted, one week. Above that a reminder is surely a unit mix-up (seconds or
 * milliseconds passed as minutes), which is better caught than exported.
 */
export const MAX_REMINDER_MINUTES = 7 * 24 * 60

export interface IcsOptions {
  /** The session's page in the app, absolute (`https://hallway.app/session/8b98b850`): URL and description. */
  appUrl: (session: Session) => string
  /**
   * Minutes before the start for a display alarm; 0 alarms at the start; null or absent: no alarm. A function gives
   * each session its own (the walking-aware leave-now moment: the walk from the previous room, or a lead time).
   */
  reminderMinutes?: number | null | ((session: Session) => number | null)
  /** When the file is made: DTSTAMP of every event. Passed in so output is reproducible. */
  now: Instant
  /** Shown by apps that create a new calendar on import (X-WR-CALNAME), e.g. "KubeCon NA 2025: my plan". */
  calendarName?: string
  /** The user's own note on a session, which leads its description (the file is theirs; a share link never has it). */
  noteOf?: (session: Session) => string | undefined
}

/**
 * An iCalendar file for `sessions`: the whole plan, one day, or one session, as the caller chooses. Events are in
 * time order, one per session ID, with times in UTC (no VTIMEZONE needed; calendars show the device's time).
 *
 * The UID of a session is the same in every export (`<sessionId>@<eventId>.hallway`), so importing again after a
 * schedule change updates the event in apps that merge by UID (Apple Calendar, Outlook, Thunderbird) instead of
 * adding a copy. Google Calendar's import skips UIDs it has seen, so there a changed session needs deleting first.
 *
 * With no sessions the result is a calendar with no events, which parsers accept but RFC 5545 does not allow
 * (it asks for at least one component): offer export only for a non-empty selection.
 *
 * @throws RangeError when `now` is not an Instant, or `reminderMinutes` is not a whole number in
 *   0…{@link MAX_REMINDER_MINUTES}.
 */
export function plansToIcs(sessions: readonly Session[], event: EventInfo, options: IcsOptions): string {
  const { now, reminderMinutes = null } = options
  if (!isInstant(now)) throw new RangeError(`plansToIcs: now must be an instant like 2025-11-13T20:15:00Z, got "${now}"`)
  const reminderOf = typeof reminderMinutes === 'function' ? reminderMinutes : () => reminderMinutes
  // A fixed value is checked before any work, so a unit mix-up throws even for an empty selection.
  if (typeof reminderMinutes !== 'function') checkReminder(reminderMinutes)

  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${ICS_PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  if (options.calendarName !== undefined && options.calendarName.trim() !== '') {
    lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`)
  }

  const seen = new Set<string>()
  const ordered = [...sessions].sort(compareByTime).filter((s) => !seen.has(s.id) && seen.add(s.id))
  const stamp = icsDateTime(now)
  for (const s of ordered) {
    const url = uriValue(options.appUrl(s))
    const location = venueLocation(s.venue)
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(`${s.id}@${event.id}.hallway`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsDateTime(s.start)}`,
      `DTEND:${icsDateTime(s.end)}`,
      `SUMMARY:${escapeText(s.title)}`,
    )
    if (location !== '') lines.push(`LOCATION:${escapeText(location)}`)
    lines.push(`DESCRIPTION:${escapeText(eventDescription(s, url, options.noteOf?.(s)))}`)
    if (s.type.trim() !== '') lines.push(`CATEGORIES:${escapeText(s.type.trim())}`)
    if (url !== '') lines.push(`URL:${url}`)
    const minutes = checkReminder(reminderOf(s))
    if (minutes !== null) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        // Relative to DTSTART (the default RELATED=START); "-PT0M" is valid but some apps mis-read a signed zero.
        `TRIGGER:${minutes === 0 ? 'PT0M' : `-PT${minutes}M`}`,
        // DISPLAY alarms must carry a DESCRIPTION (RFC 5545 §3.6.6); the title is what the notification shows.
        `DESCRIPTION:${escapeText(s.title)}`,
        'END:VALARM',
      )
    }
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  // RFC 5545 §3.1: every line, the last one included, ends with CRLF.
  return lines.map(foldLine).join('\r\n') + '\r\n'
}

function checkReminder(minutes: number | null): number | null {
  if (minutes !== null && (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_REMINDER_MINUTES)) {
    throw new RangeError(`plansToIcs: reminderMinutes must be a whole number 0–${MAX_REMINDER_MINUTES}, got ${minutes}`)
  }
  return minutes
}

/** The user's note, the abstract, then the speakers, then the link back to the app, as paragraphs. */
function eventDescription(session: Session, url: string, note: string | undefined): string {
  const parts: string[] = []
  if (note !== undefined && note.trim() !== '') parts.push(`My note: ${note.trim()}`)
  const abstract = session.description.trim()
  if (abstract !== '') parts.push(abstract)
  const speakers =
    session.speakers.length > 0
      ? session.speakers.map((s) => (s.company ? `${s.name} (${s.company})` : s.name)).join(', ')
      : session.speakersRaw.trim()
  if (speakers !== '') parts.push(`Speakers: ${speakers}`)
  if (url !== '') parts.push(`In Hallway: ${url}`)
  return parts.join('\n\n')
}

/** `2025-11-13T20:15:00Z` → `20251113T201500Z` (RFC 5545 DATE-TIME, UTC form). */
function icsDateTime(instant: Instant): string {
  return instant.replace(/[-:]/g, '')
}

// Lone surrogates would become U+FFFD in UTF-8 anyway; dropping them keeps the octet count honest.
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`, other controls removed. */
export function escapeText(value: string): string {
  return value
    .replace(LONE_SURROGATE_RE, '')
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    // TEXT may carry no CONTROL character but HTAB (RFC 5545 §3.3.11); line breaks travel as the "\\n" escape.
    .replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' ? c : ''))
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
}

/** A URI property value is not TEXT (no escaping), but must still be one line of printable characters. */
function uriValue(url: string): string {
  return url.replace(LONE_SURROGATE_RE, '').replace(/[\p{Cc}\s]/gu, '')
}

const MAX_LINE_OCTETS = 75 // RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the CRLF

/**
 * Folds a content line into physical lines of at most 75 UTF-8 octets: continuation lines start with one space
 * (which counts), and a break never falls inside a character's UTF-8 sequence.
 */
export function foldLine(line: string): string {
  let out = ''
  let octets = 0
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!)
    if (octets + size > MAX_LINE_OCTETS) {
      out += '\r\n '
      octets = 1
    }
    out += ch
    octets += size
  }
  return out
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4
}
