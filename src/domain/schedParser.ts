// Importer for a Sched listing as text (the seed format): a title line ending in `#`, then
// `Time:` / `Speakers:` / `Venue:` / `Type:` / `Description:` lines. Day headers ("Thursday, November 13, 2025#")
// set the date for the sessions below them. Broken input is rejected with the line and the problem.
import type { EventId, Instant, Session, Venue, VenueDay } from './model'
import { assignStableIds, normalizeTitle } from './ids'
import { progressCounter, progressSpan, type ProgressReport } from './importProgress'
import { parseSchedSpeakers } from './speakers'
import { zoneAbbreviation } from './time'
import { venueWallClockToInstant } from './wallClock'

export interface ImportProblem {
  /** 1-based line number in the source text (0 when the problem is about the whole file). */
  line: number
  message: string
}

export type SchedImportResult =
  | { ok: true; title: string; sessions: Session[] }
  | { ok: false; problems: ImportProblem[] }

export interface SchedImportOptions {
  eventId: EventId
  /** IANA zone of the venue; the listing only says "EST". */
  timeZone: string
  /** Hears how far the read has got (0…1), every few hundred lines. */
  onProgress?: ProgressReport
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
]
const DAY_HEADER_RE = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday),\s+([a-z]+)\s+(\d{1,2}),\s+(\d{4})$/i
const FIELD_RE = /^(Time|Speakers|Venue|Type|Description):\s?(.*)$/
// "8:00am EST - 4:00pm EST"; the zone label is optional, Sched prints it after every time.
const CLOCK = String.raw`(\d{1,2}):(\d{2})\s*(am|pm)(?:\s+([A-Z]{2,5}))?`
const TIME_RE = new RegExp(String.raw`^${CLOCK}\s*[-–]\s*${CLOCK}$`, 'i')
const SUMMARY_RE = /^Total Sessions:\s*\d+$/

type Field = 'Time' | 'Speakers' | 'Venue' | 'Type' | 'Description'

interface Draft {
  title: string
  line: number
  day: VenueDay | undefined
  fields: Partial<Record<Field, { value: string; line: number }>>
}

function to24h(hour: number, ampm: string): number {
  const pm = ampm.toLowerCase() === 'pm'
  return (hour % 12) + (pm ? 12 : 0)
}

/** Venue text → building / level / room / area. Parts are recognised by their words, not their position. */
export function parseSchedVenue(raw: string): Venue {
  const text = raw.trim()
  const parts = text.split('|').map((p) => p.trim())
  // The last part carries the city: "B406b-407, Atlanta, GA, USA".
  const last = parts.pop() ?? ''
  const comma = last.indexOf(', ')
  parts.push(comma === -1 ? last : last.slice(0, comma))
  const venue: Venue = { room: '', raw: text }
  const rest: string[] = []
  for (const p of parts) {
    if (venue.building === undefined && /^building\b/i.test(p)) venue.building = p
    else if (venue.level === undefined && /^level\b/i.test(p)) venue.level = p
    else if (p !== '') rest.push(p)
  }
  venue.room = rest[0] ?? ''
  if (rest.length > 1) venue.area = rest.slice(1).join(' | ')
  return venue
}

function parseDayHeader(title: string): VenueDay | undefined {
  const m = DAY_HEADER_RE.exec(title)
  if (!m) return undefined
  const month = MONTHS.indexOf(m[2]!.toLowerCase())
  if (month === -1) return undefined
  const d = Number(m[3])
  const y = Number(m[4])
  const date = new Date(Date.UTC(y, month, d))
  if (date.getUTCMonth() !== month || date.getUTCDate() !== d) return undefined
  return `${m[4]}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}` as VenueDay
}

/**
 * How many sessions a listing holds, counted without reading them: one "Time:" line each (a session without one is
 * refused anyway). Cheap enough to refuse a file that holds too many before building anything.
 */
export function countSchedSessions(text: string): number {
  const timeLine = /^Time:/gm
  let count = 0
  while (timeLine.exec(text)) count += 1
  return count
}

/** Parses the listing. Never throws; every problem found is reported, not just the first. */
export function parseSchedListing(text: string, options: SchedImportOptions): SchedImportResult {
  const problems: ImportProblem[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  let eventTitle: string | undefined
  let currentDay: VenueDay | undefined
  const drafts: Draft[] = []
  let current: Draft | undefined
  let lastField: Field | undefined
  // Reading the lines is the first half of the work, the sessions' times (zone arithmetic) the second.
  const lineRead = progressCounter(lines.length, progressSpan(options.onProgress, 0, 0.5))

  lines.forEach((rawLine, index) => {
    lineRead()
    const lineNo = index + 1
    const line = rawLine.trimEnd()
    if (line.trim() === '') return
    if (line.endsWith('#')) {
      const title = line.slice(0, -1).trim()
      const day = parseDayHeader(title)
      current = undefined
      lastField = undefined
      if (day) {
        currentDay = day
      } else if (eventTitle === undefined && drafts.length === 0 && currentDay === undefined) {
        eventTitle = title
      } else if (title === '') {
        problems.push({ line: lineNo, message: 'a session title is empty' })
      } else {
        current = { title, line: lineNo, day: currentDay, fields: {} }
        drafts.push(current)
      }
      return
    }
    if (SUMMARY_RE.test(line.trim()) && current === undefined) return
    const m = FIELD_RE.exec(line)
    if (m) {
      if (!current) {
        problems.push({ line: lineNo, message: `"${m[1]}:" line outside a session (no title line ending in # above it)` })
        return
      }
      const field = m[1] as Field
      if (current.fields[field]) {
        problems.push({ line: lineNo, message: `second "${field}:" line for "${current.title}" (first on line ${current.fields[field]!.line})` })
        return
      }
      current.fields[field] = { value: m[2]!.trim(), line: lineNo }
      lastField = field
      return
    }
    // A line that is neither a title nor a field continues a multi-line description.
    if (current && lastField === 'Description') {
      const d = current.fields.Description!
      d.value = `${d.value}\n${line.trim()}`
      return
    }
    problems.push({ line: lineNo, message: `unexpected line: "${line.trim().slice(0, 60)}" (expected a title ending in # or a Time/Speakers/Venue/Type/Description line)` })
  })

  type Parsed = Omit<Session, 'id'> & { line: number }
  const parsed: Parsed[] = []
  const sessionRead = progressCounter(drafts.length, progressSpan(options.onProgress, 0.5, 1))
  for (const d of drafts) {
    sessionRead()
    const time = d.fields.Time
    if (!time) {
      problems.push({ line: d.line, message: `session "${d.title}" has no Time line` })
      continue
    }
    if (!d.day) {
      problems.push({ line: d.line, message: `session "${d.title}" comes before any day header (e.g. "Thursday, November 13, 2025#")` })
      continue
    }
    const t = TIME_RE.exec(time.value)
    if (!t) {
      problems.push({ line: time.line, message: `unknown time format "${time.value}" (expected e.g. "3:15pm EST - 3:45pm EST")` })
      continue
    }
    const [sh, sm, sap, sz, eh, em, eap, ez] = t.slice(1)
    const startHour = Number(sh), startMin = Number(sm), endHour = Number(eh), endMin = Number(em)
    if (startHour < 1 || startHour > 12 || endHour < 1 || endHour > 12 || startMin > 59 || endMin > 59) {
      problems.push({ line: time.line, message: `impossible clock time in "${time.value}"` })
      continue
    }
    const start = venueWallClockToInstant(d.day, to24h(startHour, sap!), startMin, options.timeZone)
    const end = venueWallClockToInstant(d.day, to24h(endHour, eap!), endMin, options.timeZone)
    const zoneProblem = checkZoneLabel(sz, start, options.timeZone) ?? checkZoneLabel(ez, end, options.timeZone)
    if (zoneProblem) {
      problems.push({ line: time.line, message: zoneProblem })
      continue
    }
    if (end < start) {
      problems.push({ line: time.line, message: `session "${d.title}" ends (${eh}:${em}${eap}) before it starts (${sh}:${sm}${sap})` })
      continue
    }
    const speakersRaw = d.fields.Speakers?.value ?? ''
    parsed.push({
      title: d.title,
      start,
      end,
      day: d.day,
      type: d.fields.Type?.value ?? '',
      description: d.fields.Description?.value ?? '',
      speakers: parseSchedSpeakers(speakersRaw),
      speakersRaw,
      venue: parseSchedVenue(d.fields.Venue?.value ?? ''),
      line: d.line,
    })
  }

  const seen = new Map<string, number>()
  for (const p of parsed) {
    const key = `${normalizeTitle(p.title)}\n${p.start}`
    const first = seen.get(key)
    if (first !== undefined) {
      problems.push({ line: p.line, message: `duplicate session "${p.title}" at the same time as line ${first}` })
    } else {
      seen.set(key, p.line)
    }
  }
  if (drafts.length === 0 && problems.length === 0) problems.push({ line: 0, message: 'no sessions found (is this a Sched listing?)' })
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) }

  // IDs: occurrence order among equal titles is by start, then room (see ids.ts).
  const ordered = [...parsed].sort((a, b) =>
    a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.venue.room < b.venue.room ? -1 : a.venue.room > b.venue.room ? 1 : 0,
  )
  const ids = assignStableIds(options.eventId, ordered.map((p) => normalizeTitle(p.title)))
  const sessions: Session[] = ordered.map(({ line: _line, ...rest }, i) => ({ id: ids[i]!, ...rest }))
  return { ok: true, title: eventTitle ?? 'Untitled event', sessions }
}

function checkZoneLabel(label: string | undefined, at: Instant, timeZone: string): string | undefined {
  if (label === undefined) return undefined
  const expected = zoneAbbreviation(at, timeZone)
  if (label.toUpperCase() === expected.toUpperCase()) return undefined
  return `time zone "${label}" does not match ${timeZone}, which is ${expected} on that date`
}
