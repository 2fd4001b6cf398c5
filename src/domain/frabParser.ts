// Importer for frab / pretalx schedule JSON (the c3voc `schedule.json` format). Takes parsed JSON and returns
// sessions for buildSnapshot, or every problem found, each with its JSON path. Pure, and never throws.
//
// Mapping decisions (the in-app importer relies on these; change them only with the tests):
// - Instants come from each event's `date`, a full datetime with offset (read as venue wall-clock time when the
//   offset is missing). `start` ("HH:MM") is only used when `date` is missing: on the day's `date`, or on the
//   next calendar day when it is earlier than the day's `day_start` clock (frab days run past midnight, e.g.
//   04:00 to 03:59).
// - The venue zone is `conference.time_zone_name`. When that is missing, the offsets in the events' dates stand
//   in, as a fixed-offset zone (`Etc/GMT-1` is UTC+1). That only works when every date carries the same
//   whole-hour offset; otherwise the import is rejected and the caller must name the zone (options.timeZone).
//   When a named zone disagrees with the offsets in `date`, the instants still follow `date` (it is the
//   authoritative time) and a warning says so.
// - `day` is the venue calendar day on which a session starts (as the model defines it), not frab's conference
//   day. A talk at 01:00 after day 1 shows on day 2, the same day the "today" view would pick at 01:00.
// - `type` is the track when there is one, otherwise frab's `type` (Talk, Workshop…). The track is how people
//   browse a frab conference, and keeping one facet per track avoids track × type combinations in the filter
//   list. When both are present, the frab type becomes a last "Format: Workshop" paragraph of the description,
//   so it still shows and is searchable.
// - `description` is subtitle, abstract and description as separate paragraphs (an abstract that opens the
//   description is not repeated). pretalx and frab write plain text or markdown, which reads fine as plain text;
//   HTML is not stripped, because the UI renders text escaped and stripping would mangle code in markdown.
// - Speakers come from `persons` (public_name, else name, else full_public_name), in order; speakersRaw is the
//   names joined with "; ". A bare string is taken as a name. The exports carry no affiliation, so role and
//   company stay unset. A speaker's id is the person's `code`, else `id`, else `guid` (speakerIndex.ts says why in
//   that order); a value that can't be one is skipped with a warning, and without any the id comes from the name.
// - Stable IDs hash `guid`, else `id`, else the title (see ids.ts), so a talk that moves keeps its stars.
// - Kept as the source says, and left out with a warning when unsafe or unreadable (never a reason to refuse the
//   file): `subtitle` and `abstract` (also kept apart from the description), `language` (a BCP 47 tag such as "en"
//   or "pt-BR", in its usual case), `do_not_record` (a boolean), `url` and `feedback_url`, and `links` and
//   `attachments` (each an http(s) address with an optional plain-text title and a known type). Addresses must be
//   http or https, without a user name or password; relative ones are resolved on `schedule.base_url`, else on the
//   talk's own url. `javascript:`, `data:` and the like are refused.
// - Left out: `recording_license`, `do_not_stream`, `logo`, person biographies and avatars.
import { TZDate } from '@date-fns/tz'
import { assignStableIds, normalizeTitle } from './ids'
import { progressCounter, progressSpan, type ProgressReport } from './importProgress'
import { MAX_EVENT_ID_LENGTH, type EventId, type Instant, type Session, type SessionLink, type Speaker } from './model'
import { checkHttpUrl, isLinkType, languageTag, linkTitleText } from './sessionExtras'
import { PERSON_ID_FIELDS, sourceSpeakerId } from './speakerIndex'
import { instantFromMs, isInstant, isValidTimeZone, venueDayOf } from './time'

export interface FrabImportProblem {
  /** Where in the JSON, e.g. `schedule.conference.days[1].rooms["Room 2"][3].date`. */
  path: string
  message: string
}

export interface FrabImportOptions {
  /** Overrides `conference.acronym` as the event id (stars and share links are scoped to it). */
  eventId?: string
  /** IANA zone of the venue; overrides `conference.time_zone_name`, and is needed when the file has no usable one. */
  timeZone?: string
  /** Hears how far the read has got (0…1), every few hundred sessions. */
  onProgress?: ProgressReport
  /**
   * Where a JSON path of this intermediate form is in the file it was made from (frab XML, c3voc v2, iCalendar: see
   * scheduleFile.ts), so every problem and warning names the place in the file the user has.
   */
  locate?: (path: string) => string
}

export interface FrabEvent {
  id: EventId
  title: string
  /** IANA zone of the venue. */
  timeZone: string
}

export type FrabImportResult =
  | { ok: true; event: FrabEvent; sessions: Session[]; warnings: string[] }
  | { ok: false; problems: FrabImportProblem[] }

/** The path used for problems with the document as a whole. */
export const DOCUMENT_PATH = '(document)'

type Json = Record<string, unknown>

interface WallClock {
  y: number
  mo: number
  d: number
  h: number
  mi: number
  s: number
}

interface DateTime {
  clock: WallClock
  /** Minutes east of UTC; undefined when the text had no offset (venue wall-clock time then). */
  offsetMin: number | undefined
}

/** Where a start time came from: the event's `date`, or (older exports) the day's date with `start`. */
type When = { kind: 'date' | 'start'; at: DateTime; path: string }

type End = { kind: 'end'; at: DateTime; path: string } | { kind: 'duration'; ms: number; path: string }

/** The Session fields frab/pretalx carry beyond the timetable (all optional, see the mapping decisions). */
type Extras = Pick<Session, 'subtitle' | 'abstract' | 'language' | 'doNotRecord' | 'url' | 'feedbackUrl' | 'links' | 'attachments'>

interface Draft {
  path: string
  key: string
  title: string
  when: When
  end: End
  /** Duration in ms, when both `end` and `duration` were given, to check they agree. */
  durationMs: number | undefined
  room: string
  type: string
  description: string
  speakers: Speaker[]
  extras: Extras
}

// "2020-12-14T09:00:00+01:00"; seconds, fractions and the offset are optional, a space may replace the T.
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const CLOCK_RE = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/
// Hours may exceed 24 ("48:00" for a camp-long session); four digits is already far past any real session.
const DURATION_RE = /^(\d{1,4}):([0-5]\d)(?::([0-5]\d))?$/
const MAX_SESSION_HOURS = 31 * 24 // hours: a month-long exhibition; longer means a typo, not a session
const MAX_OFFSET_MIN = 14 * 60 // minutes: UTC+14 (Kiribati) is the largest offset in use
const EVENT_ID_RE = /^[a-z0-9][a-z0-9._-]*$/i
const MS_PER_MINUTE = 60_000

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function quoteKey(key: string): string {
  return JSON.stringify(key)
}

function clockIsReal(c: WallClock): boolean {
  const t = new Date(Date.UTC(c.y, c.mo - 1, c.d, c.h, c.mi, c.s))
  return (
    t.getUTCFullYear() === c.y && t.getUTCMonth() === c.mo - 1 && t.getUTCDate() === c.d &&
    c.h < 24 && c.mi < 60 && c.s < 60
  )
}

function parseOffset(text: string): number | undefined {
  if (/^z$/i.test(text)) return 0
  const sign = text.startsWith('-') ? -1 : 1
  const digits = text.slice(1).replace(':', '')
  const h = Number(digits.slice(0, 2))
  const m = digits.length > 2 ? Number(digits.slice(2)) : 0
  if (m >= 60 || h * 60 + m > MAX_OFFSET_MIN) return undefined
  return sign * (h * 60 + m)
}

function parseDateTime(text: string): DateTime | undefined {
  const m = DATE_TIME_RE.exec(text.trim())
  if (!m) return undefined
  const clock: WallClock = {
    y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), h: Number(m[4]), mi: Number(m[5]), s: Number(m[6] ?? 0),
  }
  if (!clockIsReal(clock)) return undefined
  if (m[7] === undefined) return { clock, offsetMin: undefined }
  const offsetMin = parseOffset(m[7])
  return offsetMin === undefined ? undefined : { clock, offsetMin }
}

function formatOffset(min: number): string {
  const a = Math.abs(min)
  return `${min < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`
}

/** The IANA fixed-offset zone for a whole-hour offset. POSIX sign: Etc/GMT-1 is UTC+01:00. */
function fixedOffsetZone(offsetMin: number): string | undefined {
  if (offsetMin === 0) return 'UTC'
  if (offsetMin % 60 !== 0) return undefined
  const hours = offsetMin / 60
  const zone = `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`
  return isValidTimeZone(zone) ? zone : undefined
}

function zoneOffsetAt(ms: number, timeZone: string): number {
  return -new TZDate(ms, timeZone).getTimezoneOffset()
}

/** The epoch milliseconds a frab date stands for: its own offset when it has one, else the zone's wall clock. */
function dateTimeMs(at: DateTime, timeZone: string): number {
  const c = at.clock
  if (at.offsetMin !== undefined) return Date.UTC(c.y, c.mo - 1, c.d, c.h, c.mi, c.s) - at.offsetMin * MS_PER_MINUTE
  return new TZDate(c.y, c.mo - 1, c.d, c.h, c.mi, c.s, timeZone).getTime()
}

/** An event id from a title or acronym: lowercase letters, digits, ".", "_" and "-" (what EVENT_ID_RE accepts). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+/, '')
    .slice(0, MAX_EVENT_ID_LENGTH)
    .replace(/[-._]+$/, '')
}

function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim()
}

/**
 * Warnings of one kind are reported once, with the first place and a count, so a file where every event
 * has the same quirk gives one line, not hundreds.
 */
class WarningLog {
  private readonly kinds = new Map<string, { path: string; message: string; count: number }>()

  add(kind: string, path: string, message: string): void {
    const entry = this.kinds.get(kind)
    if (entry) entry.count++
    else this.kinds.set(kind, { path, message, count: 1 })
  }

  list(locate: (path: string) => string = (path) => path): string[] {
    return [...this.kinds.values()].map(({ path, message, count }) =>
      `${locate(path)}: ${message}${count > 1 ? ` (and ${count - 1} more like it)` : ''}`,
    )
  }
}

class Reader {
  readonly problems: FrabImportProblem[] = []
  readonly warnings = new WarningLog()
  /** `schedule.base_url`, when it is an http(s) address: relative links resolve on it. */
  baseUrl: string | undefined

  problem(path: string, message: string): void {
    this.problems.push({ path, message })
  }

  /** Optional text: missing and null read as empty; anything but a string is a problem. */
  text(o: Json, key: string, path: string): string | undefined {
    const v = o[key]
    if (v === undefined || v === null) return ''
    if (typeof v !== 'string') {
      this.problem(`${path}.${key}`, `expected text or null, found ${describe(v)}`)
      return undefined
    }
    return cleanText(v)
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`
  if (typeof v === 'object') return 'an object'
  return `${typeof v} ${String(v)}`
}

/** True when `json` has the shape of a frab/pretalx export (a top-level `schedule` object). */
export function looksLikeFrabSchedule(json: unknown): boolean {
  return isObject(json) && isObject(json.schedule)
}

/** The JSON of a file (a byte-order mark is allowed): invalid JSON is a problem, not an exception. */
export function parseJsonText(text: string): { ok: true; json: unknown } | { ok: false; problems: FrabImportProblem[] } {
  try {
    return { ok: true, json: JSON.parse(text.replace(/^\uFEFF/, '')) }
  } catch (err) {
    return { ok: false, problems: [{ path: DOCUMENT_PATH, message: `not valid JSON (${err instanceof Error ? err.message : String(err)})` }] }
  }
}

/** parseFrabSchedule on the text of a file: invalid JSON is a problem, not an exception. */
export function parseFrabScheduleText(text: string, options: FrabImportOptions = {}): FrabImportResult {
  const doc = parseJsonText(text)
  return doc.ok ? parseFrabSchedule(doc.json, options) : doc
}

/**
 * How many events a frab export lists (every entry of every room of every day), counted without reading any: cheap
 * enough to refuse a file that holds too many before building anything. Entries of the wrong shape count too.
 */
export function countFrabSessions(json: unknown): number {
  const days = isObject(json) && isObject(json.schedule) && isObject(json.schedule.conference) ? json.schedule.conference.days : undefined
  if (!Array.isArray(days)) return 0
  let count = 0
  for (const day of days) {
    if (!isObject(day) || !isObject(day.rooms)) continue
    for (const list of Object.values(day.rooms)) if (Array.isArray(list)) count += list.length
  }
  return count
}

/** Reads a frab/pretalx schedule (parsed JSON). Never throws; every problem found is reported, not just the first. */
export function parseFrabSchedule(json: unknown, options: FrabImportOptions = {}): FrabImportResult {
  try {
    const result = parse(json, options)
    const { locate } = options
    if (result.ok || !locate) return result
    return { ok: false, problems: result.problems.map((p) => (p.path === DOCUMENT_PATH ? p : { ...p, path: locate(p.path) })) }
  } catch (err) {
    // Nothing above should throw; this keeps the promise to callers if something unforeseen does.
    return { ok: false, problems: [{ path: DOCUMENT_PATH, message: `could not be read (${err instanceof Error ? err.message : String(err)})` }] }
  }
}

function parse(json: unknown, options: FrabImportOptions): FrabImportResult {
  if (!isObject(json)) {
    return { ok: false, problems: [{ path: DOCUMENT_PATH, message: `expected a JSON object with a "schedule" key, found ${describe(json)}` }] }
  }
  if (!isObject(json.schedule)) {
    const hint = isObject(json.conference) ? ' (this looks like the conference object alone; frab wraps it in {"schedule": {"conference": …}})' : ''
    const found = json.schedule === undefined ? 'it is missing' : `found ${describe(json.schedule)}`
    return { ok: false, problems: [{ path: 'schedule', message: `expected the schedule object, ${found}${hint}` }] }
  }
  const conference = json.schedule.conference
  if (!isObject(conference)) {
    const found = conference === undefined ? 'it is missing' : `found ${describe(conference)}`
    return { ok: false, problems: [{ path: 'schedule.conference', message: `expected the conference object, ${found}` }] }
  }

  const r = new Reader()
  r.baseUrl = readBaseUrl(json.schedule.base_url, r)
  const C = 'schedule.conference'
  const event = readEventHeader(conference, options, r)
  // Reading the entries is the first half of the work, their times (zone arithmetic) the second.
  const drafts = readDays(conference, r, progressCounter(countFrabSessions(json), progressSpan(options.onProgress, 0, 0.5)))
  const timeZone = resolveZone(conference, drafts, options, r)

  const sessions: Array<Omit<Session, 'id'> & { key: string }> = []
  if (timeZone !== undefined) {
    const tick = progressCounter(drafts.length, progressSpan(options.onProgress, 0.5, 1))
    for (const d of drafts) {
      const s = finishDraft(d, timeZone, r)
      if (s) sessions.push(s)
      tick()
    }
  }
  if (drafts.length === 0 && r.problems.length === 0) r.problem(`${C}.days`, 'no sessions found')
  if (r.problems.length > 0 || event === undefined || timeZone === undefined) {
    return { ok: false, problems: r.problems }
  }

  // IDs: title-keyed sessions are numbered by start, then room (see ids.ts); guid keys are unique anyway.
  sessions.sort((a, b) =>
    a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.venue.room < b.venue.room ? -1 : a.venue.room > b.venue.room ? 1 : 0,
  )
  const ids = assignStableIds(event.id, sessions.map((s) => s.key))
  return {
    ok: true,
    event: { ...event, timeZone },
    sessions: sessions.map(({ key: _key, ...rest }, i) => ({ id: ids[i]!, ...rest })),
    warnings: r.warnings.list(options.locate),
  }
}

function readEventHeader(conference: Json, options: FrabImportOptions, r: Reader): Omit<FrabEvent, 'timeZone'> | undefined {
  const C = 'schedule.conference'
  const acronym = typeof conference.acronym === 'string' ? conference.acronym.trim() : ''
  const fileTitle = typeof conference.title === 'string' ? conference.title.trim() : ''
  let title = fileTitle
  if (title === '') {
    if (acronym === '') {
      r.problem(`${C}.title`, 'missing: the conference has neither a title nor an acronym')
      return undefined
    }
    title = acronym
    r.warnings.add('conference-title', `${C}.title`, `missing; the acronym "${acronym}" is used as the title`)
  }

  let id: string
  if (options.eventId !== undefined) {
    id = options.eventId
    if (!EVENT_ID_RE.test(id) || id.length > MAX_EVENT_ID_LENGTH) {
      r.problem('options.eventId', `"${id}" is not a usable event id (letters, digits, ".", "_" and "-", at most ${MAX_EVENT_ID_LENGTH})`)
      return undefined
    }
  } else {
    id = slugify(acronym)
    // An acronym of digits alone ("2025") names a year, not an event: every conference of that year would share it.
    const yearOnly = /^\d+$/.test(id)
    if (id === '' || yearOnly) {
      id = slugify(title)
      if (id === '' || /^\d+$/.test(id)) {
        r.problem(`${C}.acronym`, `${yearOnly ? `"${acronym}" is only a number` : 'missing'}, and no event id can be made from the title; pass an event id`)
        return undefined
      }
      const why = yearOnly ? `"${acronym}" is only a number, not a name` : 'missing'
      r.warnings.add('acronym', `${C}.acronym`, `${why}; the event id "${id}" is made from the title, so renaming the conference would lose stars`)
    }
  }
  return { id: id as EventId, title }
}

function readDays(conference: Json, r: Reader, tick: () => void): Draft[] {
  const C = 'schedule.conference'
  const drafts: Draft[] = []
  const days = conference.days
  if (!Array.isArray(days)) {
    r.problem(`${C}.days`, `expected an array of days, found ${days === undefined ? 'nothing' : describe(days)}`)
    return drafts
  }
  const seenKeys = new Map<string, string>()
  days.forEach((day, di) => {
    const dayPath = `${C}.days[${di}]`
    if (!isObject(day)) {
      r.problem(dayPath, `expected a day object, found ${describe(day)}`)
      return
    }
    const rooms = day.rooms
    if (rooms === undefined || rooms === null) return // a day without rooms has no sessions; nothing is lost
    if (!isObject(rooms)) {
      r.problem(`${dayPath}.rooms`, `expected an object of room name → events, found ${describe(rooms)}`)
      return
    }
    for (const [roomKey, list] of Object.entries(rooms)) {
      const roomPath = `${dayPath}.rooms[${quoteKey(roomKey)}]`
      if (list === null) continue
      if (!Array.isArray(list)) {
        r.problem(roomPath, `expected an array of events, found ${describe(list)}`)
        continue
      }
      list.forEach((item, ei) => {
        tick()
        const path = `${roomPath}[${ei}]`
        if (!isObject(item)) {
          r.problem(path, `expected an event object, found ${describe(item)}`)
          return
        }
        const draft = readEvent(item, path, roomKey, day, dayPath, r)
        if (!draft) return
        const first = draft.key.startsWith('title:') ? undefined : seenKeys.get(draft.key)
        if (first !== undefined) {
          const field = draft.key.startsWith('guid:') ? 'guid' : 'id'
          r.problem(`${path}.${field}`, `duplicate ${field} ${JSON.stringify(item[field])} (also at ${first})`)
          return
        }
        seenKeys.set(draft.key, path)
        drafts.push(draft)
      })
    }
  })
  return drafts
}

function readEvent(e: Json, path: string, roomKey: string, day: Json, dayPath: string, r: Reader): Draft | undefined {
  const before = r.problems.length

  let title = ''
  if (typeof e.title !== 'string') {
    r.problem(`${path}.title`, e.title === undefined || e.title === null ? 'missing title' : `expected text, found ${describe(e.title)}`)
  } else {
    title = e.title.replace(/\s+/g, ' ').trim()
    if (title === '') r.problem(`${path}.title`, 'the title is empty')
  }

  const key = stableKey(e, path, title, r)
  const when = readStart(e, path, day, dayPath, r)
  const end = readEnd(e, path, r)
  const durationMs = e.end !== undefined && e.end !== null && e.duration !== undefined && e.duration !== null
    ? parseDuration(e.duration)
    : undefined

  let room = roomKey
  if (typeof e.room === 'string' && e.room.trim() !== '') {
    room = e.room.trim()
    if (room !== roomKey.trim()) {
      r.warnings.add('room-key', `${path}.room`, `"${room}" differs from the room it is listed under ("${roomKey}"); the event's own room is used`)
    }
  }

  const subtitle = r.text(e, 'subtitle', path)
  const abstract = r.text(e, 'abstract', path)
  const longText = r.text(e, 'description', path)
  const track = r.text(e, 'track', path)
  const frabType = r.text(e, 'type', path)
  const speakers = readPersons(e.persons, `${path}.persons`, r)
  const extras = subtitle !== undefined && abstract !== undefined ? readExtras(e, path, subtitle, abstract, r) : {}

  if (r.problems.length > before || key === undefined || when === undefined || end === undefined) return undefined
  if (subtitle === undefined || abstract === undefined || longText === undefined || track === undefined || frabType === undefined || speakers === undefined) {
    return undefined
  }

  const paragraphs = [subtitle]
  // frab exports often repeat the abstract as the description's first paragraph; show it once.
  if (abstract !== '' && !longText.startsWith(abstract)) paragraphs.push(abstract)
  paragraphs.push(longText)
  const type = track !== '' ? track : frabType
  if (track !== '' && frabType !== '' && frabType.toLowerCase() !== track.toLowerCase()) paragraphs.push(`Format: ${frabType}`)

  return {
    path,
    key,
    title,
    when,
    end,
    durationMs,
    room,
    type,
    description: paragraphs.filter((p) => p !== '').join('\n\n'),
    speakers,
    extras,
  }
}

function readBaseUrl(v: unknown, r: Reader): string | undefined {
  if (v === undefined || v === null || v === '') return undefined
  const check = typeof v === 'string' ? checkHttpUrl(v) : undefined
  if (check?.ok) return check.url
  r.warnings.add('base-url', 'schedule.base_url', `${describe(v)} is not an http(s) address; relative links are left out`)
  return undefined
}

/** Missing, null and "" read as nothing; anything else must be an http(s) address (see checkHttpUrl). */
function readHttpUrl(v: unknown, path: string, kind: string, base: string | undefined, r: Reader): string | undefined {
  if (v === undefined || v === null || v === '') return undefined
  if (typeof v !== 'string') {
    r.warnings.add(`${kind}-type`, path, `expected an http(s) address, found ${describe(v)}; left out`)
    return undefined
  }
  const check = checkHttpUrl(v, base)
  if (check.ok) return check.url
  const why = {
    'not-http': 'is not an http(s) address',
    credentials: 'carries a user name or password',
    relative: "is relative, and neither base_url nor the talk's url can resolve it",
  }[check.why]
  r.warnings.add(`${kind}-${check.why}`, path, `${describe(v)} ${why}; left out`)
  return undefined
}

function readExtras(e: Json, path: string, subtitle: string, abstract: string, r: Reader): Extras {
  const extras: Extras = {}
  if (subtitle !== '') extras.subtitle = subtitle
  if (abstract !== '') extras.abstract = abstract
  if (typeof e.language === 'string' && e.language.trim() !== '') {
    const tag = languageTag(e.language)
    if (tag !== undefined) extras.language = tag
    else r.warnings.add('language', `${path}.language`, `${describe(e.language)} is not a language tag like "en" or "pt-BR"; left out`)
  } else if (e.language !== undefined && e.language !== null && e.language !== '') {
    r.warnings.add('language', `${path}.language`, `expected a language tag like "en", found ${describe(e.language)}; left out`)
  }
  if (typeof e.do_not_record === 'boolean') extras.doNotRecord = e.do_not_record
  else if (e.do_not_record !== undefined && e.do_not_record !== null) {
    r.warnings.add('do-not-record', `${path}.do_not_record`, `expected true or false, found ${describe(e.do_not_record)}; left out`)
  }
  const url = readHttpUrl(e.url, `${path}.url`, 'url', r.baseUrl, r)
  if (url !== undefined) extras.url = url
  const feedbackUrl = readHttpUrl(e.feedback_url, `${path}.feedback_url`, 'feedback-url', r.baseUrl, r)
  if (feedbackUrl !== undefined) extras.feedbackUrl = feedbackUrl
  // pretalx wrote attachment addresses relative to its own site before base_url existed.
  const linkBase = r.baseUrl ?? url
  const links = readLinks(e.links, `${path}.links`, 'links', linkBase, r)
  if (links.length > 0) extras.links = links
  const attachments = readLinks(e.attachments, `${path}.attachments`, 'attachments', linkBase, r)
  if (attachments.length > 0) extras.attachments = attachments
  return extras
}

function readLinks(v: unknown, path: string, kind: string, base: string | undefined, r: Reader): SessionLink[] {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) {
    r.warnings.add(`${kind}-shape`, path, `expected an array of links, found ${describe(v)}; left out`)
    return []
  }
  const links: SessionLink[] = []
  v.forEach((item, i) => {
    const at = `${path}[${i}]`
    if (!isObject(item) || typeof item.url !== 'string') {
      r.warnings.add(`${kind}-item`, at, `expected a link object with a url, found ${describe(item)}; left out`)
      return
    }
    const url = readHttpUrl(item.url, `${at}.url`, kind, base, r)
    if (url === undefined) return
    const link: SessionLink = { url }
    if (typeof item.title === 'string') {
      const title = linkTitleText(item.title)
      if (title !== '') link.title = title
    } else if (item.title !== undefined && item.title !== null) {
      r.warnings.add(`${kind}-title`, `${at}.title`, `expected text, found ${describe(item.title)}; the link is kept without it`)
    }
    if (isLinkType(item.type)) link.type = item.type
    else if (item.type !== undefined && item.type !== null && item.type !== '') {
      r.warnings.add(`${kind}-type`, `${at}.type`, `${describe(item.type)} is not a known link type; the link is kept without it`)
    }
    links.push(link)
  })
  return links
}

/** The stable-ID key: guid, else id, else the title (see ids.ts); prefixed so a guid can never equal an id. */
function stableKey(e: Json, path: string, title: string, r: Reader): string | undefined {
  if (e.guid !== undefined && e.guid !== null) {
    if (typeof e.guid !== 'string' || e.guid.trim() === '') {
      r.problem(`${path}.guid`, `expected a non-empty string, found ${describe(e.guid)}`)
      return undefined
    }
    // UUIDs compare case-insensitively; a tool that changes their case must not change our IDs.
    return `guid:${e.guid.trim().toLowerCase()}`
  }
  if (e.id !== undefined && e.id !== null) {
    if (typeof e.id === 'number' && Number.isFinite(e.id)) return `id:${e.id}`
    if (typeof e.id === 'string' && e.id.trim() !== '') return `id:${e.id.trim()}`
    r.problem(`${path}.id`, `expected a number or string, found ${describe(e.id)}`)
    return undefined
  }
  r.warnings.add('no-guid', path, 'has neither guid nor id; its ID comes from the title, so a rename would lose its stars')
  return `title:${normalizeTitle(title)}`
}

function readStart(e: Json, path: string, day: Json, dayPath: string, r: Reader): When | undefined {
  if (e.date !== undefined && e.date !== null) {
    const at = typeof e.date === 'string' ? parseDateTime(e.date) : undefined
    if (!at) {
      r.problem(`${path}.date`, `expected a date and time like "2020-12-14T09:00:00+01:00", found ${describe(e.date)}`)
      return undefined
    }
    return { kind: 'date', at, path: `${path}.date` }
  }
  // No `date`: older frab exports only have the day's date and the clock time.
  const clockMatch = typeof e.start === 'string' ? CLOCK_RE.exec(e.start.trim()) : null
  if (!clockMatch || Number(clockMatch[1]) > 23) {
    const found = e.start === undefined || e.start === null ? 'neither is there' : `found ${describe(e.start)}`
    r.problem(`${path}.date`, `missing, so "start" ("HH:MM") is needed with the day's date, but ${found}`)
    return undefined
  }
  const dayDate = typeof day.date === 'string' ? DATE_RE.exec(day.date.trim()) : null
  const base = dayDate ? { y: Number(dayDate[1]), mo: Number(dayDate[2]), d: Number(dayDate[3]), h: 0, mi: 0, s: 0 } : undefined
  if (!base || !clockIsReal(base)) {
    r.problem(`${dayPath}.date`, `expected a date like "2020-12-14" (needed for ${path}, which has no "date"), found ${describe(day.date)}`)
    return undefined
  }
  const h = Number(clockMatch[1])
  const mi = Number(clockMatch[2])
  const dayStart = typeof day.day_start === 'string' ? parseDateTime(day.day_start) : undefined
  const afterMidnight = dayStart !== undefined && h * 60 + mi < dayStart.clock.h * 60 + dayStart.clock.mi
  const date = new Date(Date.UTC(base.y, base.mo - 1, base.d + (afterMidnight ? 1 : 0)))
  r.warnings.add('no-date', `${path}.date`, 'missing; the time is the day\'s date with "start"')
  const clock = { y: date.getUTCFullYear(), mo: date.getUTCMonth() + 1, d: date.getUTCDate(), h, mi, s: Number(clockMatch[3] ?? 0) }
  return { kind: 'start', at: { clock, offsetMin: undefined }, path: `${path}.start` }
}

function parseDuration(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined
  const m = DURATION_RE.exec(v.trim())
  if (!m) return undefined
  const minutes = Number(m[1]) * 60 + Number(m[2])
  if (minutes > MAX_SESSION_HOURS * 60) return undefined
  return (minutes * 60 + Number(m[3] ?? 0)) * 1000
}

function readEnd(e: Json, path: string, r: Reader): End | undefined {
  // The schema prefers `end` over the deprecated `duration`; exports today carry `duration`, some both.
  if (e.end !== undefined && e.end !== null) {
    const at = typeof e.end === 'string' ? parseDateTime(e.end) : undefined
    if (!at) {
      r.problem(`${path}.end`, `expected a date and time like "2020-12-14T10:00:00+01:00", found ${describe(e.end)}`)
      return undefined
    }
    return { kind: 'end', at, path: `${path}.end` }
  }
  if (e.duration === undefined || e.duration === null) {
    r.problem(`${path}.duration`, 'missing: an event needs a duration ("HH:MM") or an end')
    return undefined
  }
  const ms = parseDuration(e.duration)
  if (ms === undefined) {
    const tooLong = typeof e.duration === 'string' && DURATION_RE.test(e.duration.trim())
    r.problem(
      `${path}.duration`,
      tooLong
        ? `${describe(e.duration)} is longer than ${MAX_SESSION_HOURS} hours`
        : `expected hours and minutes like "01:30" (or "48:00", "1:30", "01:30:00"), found ${describe(e.duration)}`,
    )
    return undefined
  }
  return { kind: 'duration', ms, path: `${path}.duration` }
}

function readPersons(v: unknown, path: string, r: Reader): Speaker[] | undefined {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) {
    r.problem(path, `expected an array of persons, found ${describe(v)}`)
    return undefined
  }
  const speakers: Speaker[] = []
  v.forEach((p, i) => {
    const name = personName(p)
    if (name === undefined) {
      r.warnings.add('nameless-person', `${path}[${i}]`, 'a person without public_name, name or full_public_name was left out')
      return
    }
    const id = isObject(p) ? personId(p, `${path}[${i}]`, r) : undefined
    speakers.push(id === undefined ? { name, raw: name } : { id, name, raw: name })
  })
  return speakers
}

function personId(p: Json, path: string, r: Reader): Speaker['id'] {
  for (const field of PERSON_ID_FIELDS) {
    const v = p[field]
    if (v === undefined || v === null) continue
    const id = sourceSpeakerId(field, v)
    if (id !== undefined) return id
    r.warnings.add('person-id', `${path}.${field}`, `${describe(v)} cannot be a speaker id; the next id or the name is used`)
  }
  return undefined
}

function personName(p: unknown): string | undefined {
  if (typeof p === 'string') return p.trim() || undefined
  if (!isObject(p)) return undefined
  for (const key of ['public_name', 'name', 'full_public_name']) {
    const v = p[key]
    if (typeof v === 'string' && v.trim() !== '') return v.replace(/\s+/g, ' ').trim()
  }
  return undefined
}

/** The venue zone: options, then the file's name, then the one offset all event dates share. */
function resolveZone(conference: Json, drafts: readonly Draft[], options: FrabImportOptions, r: Reader): string | undefined {
  const path = 'schedule.conference.time_zone_name'
  const named = conference.time_zone_name
  const fileZone = typeof named === 'string' && named.trim() !== '' ? named.trim() : undefined

  if (options.timeZone !== undefined) {
    if (!isValidTimeZone(options.timeZone)) {
      r.problem('options.timeZone', `unknown time zone "${options.timeZone}"`)
      return undefined
    }
    if (fileZone !== undefined && fileZone !== options.timeZone) {
      r.warnings.add('zone-override', path, `"${fileZone}" is overridden by the chosen zone "${options.timeZone}"`)
    }
    return options.timeZone
  }
  if (fileZone !== undefined) {
    if (!isValidTimeZone(fileZone)) {
      r.problem(path, `unknown time zone "${fileZone}" (expected an IANA name like "Europe/Berlin"); choose the venue's zone instead`)
      return undefined
    }
    return fileZone
  }
  if (named !== undefined && named !== null && typeof named !== 'string') {
    r.problem(path, `expected an IANA zone name, found ${describe(named)}`)
    return undefined
  }

  // No zone name: the offsets in the dates are the only evidence, and they must be one whole-hour offset.
  const missing = 'missing, and'
  const fix = 'add time_zone_name to the file or choose the venue\'s time zone'
  let first: { offset: number; path: string } | undefined
  for (const d of drafts) {
    if (d.when.at.offsetMin === undefined) {
      const where = d.when.kind === 'date' ? `the date at ${d.when.path} has no UTC offset` : `${d.path} has no date with a UTC offset`
      r.problem(path, `${missing} ${where}; ${fix}`)
      return undefined
    }
    const offset = d.when.at.offsetMin
    if (!first) first = { offset, path: d.when.path }
    else if (offset !== first.offset) {
      r.problem(path, `${missing} the event dates disagree on the UTC offset (${formatOffset(first.offset)} at ${first.path}, ${formatOffset(offset)} at ${d.when.path}); ${fix}`)
      return undefined
    }
  }
  if (!first) return undefined // no sessions: reported elsewhere
  const zone = fixedOffsetZone(first.offset)
  if (zone === undefined) {
    r.problem(path, `${missing} the offset ${formatOffset(first.offset)} in the dates has no fixed-offset zone; ${fix}`)
    return undefined
  }
  r.warnings.add(
    'zone-from-offsets',
    path,
    `missing; every date is at UTC${formatOffset(first.offset)}, so times are shown in the fixed zone ${zone} (no daylight-saving changes)`,
  )
  return zone
}

function finishDraft(d: Draft, timeZone: string, r: Reader): (Omit<Session, 'id'> & { key: string }) | undefined {
  const startMs = dateTimeMs(d.when.at, timeZone)
  const startPath = d.when.path
  if (d.when.at.offsetMin !== undefined) {
    const zoneOffset = zoneOffsetAt(startMs, timeZone)
    if (zoneOffset !== d.when.at.offsetMin) {
      r.warnings.add(
        'offset-mismatch',
        d.when.path,
        `the offset ${formatOffset(d.when.at.offsetMin)} differs from ${timeZone} (${formatOffset(zoneOffset)} then); the instant follows the date and clocks show ${timeZone}`,
      )
    }
  }
  const endMs = d.end.kind === 'end' ? dateTimeMs(d.end.at, timeZone) : startMs + d.end.ms
  if (!Number.isFinite(startMs) || !isInstant(instantFromMsSafe(startMs))) {
    r.problem(startPath, 'is outside the range of dates this app can show')
    return undefined
  }
  if (!Number.isFinite(endMs) || !isInstant(instantFromMsSafe(endMs))) {
    r.problem(d.end.path, 'is outside the range of dates this app can show')
    return undefined
  }
  if (endMs < startMs) {
    r.problem(d.end.path, `ends (${instantFromMs(endMs)}) before it starts (${instantFromMs(startMs)})`)
    return undefined
  }
  if (endMs - startMs > MAX_SESSION_HOURS * 60 * MS_PER_MINUTE) {
    r.problem(d.end.path, `the session would last longer than ${MAX_SESSION_HOURS} hours`)
    return undefined
  }
  if (d.end.kind === 'end' && d.durationMs !== undefined && d.durationMs !== endMs - startMs) {
    r.warnings.add('end-vs-duration', d.end.path, 'disagrees with "duration"; the end time is used')
  }
  const start = instantFromMs(startMs)
  return {
    key: d.key,
    title: d.title,
    start,
    end: instantFromMs(endMs),
    day: venueDayOf(start, timeZone),
    type: d.type,
    description: d.description,
    speakers: d.speakers,
    speakersRaw: d.speakers.map((s) => s.name).join('; '),
    venue: { room: d.room, raw: d.room },
    ...d.extras,
  }
}

/** instantFromMs, but an out-of-range time gives an invalid string instead of throwing. */
function instantFromMsSafe(ms: number): Instant | string {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? '' : instantFromMs(ms)
}
