// A schedule file → a snapshot, or the problems that stop it, in words a person can act on. One pipeline for both
// ways a schedule comes in: `npm run import` (scripts/importSchedule.ts) and "Open another schedule" in the app,
// which loads this module on demand so the parsers stay out of the first view's JavaScript. Pure; never throws.
//
// Formats are told apart by their content, never by the name alone: frab/pretalx JSON, c3voc schedule v2 (JSON with a
// top-level `schedule.events` array), frab XML, iCalendar and Sched listings. Every format but Sched is first turned
// into the frab JSON form and read by frabParser.ts, so they share its checks, IDs and mapping decisions; each
// adapter names the places of its own file in the problems (frabXml.ts, c3vocV2.ts, icalSource.ts). XML is parsed by
// the caller's parser (the browser's DOMParser, or @xmldom/xmldom in the CLI); ical.js is loaded only for an .ics.
export { editionEventId } from './editions'
import { looksLikeC3vocV2, c3vocV2ToFrab } from './c3vocV2'
import { countFrabSessions, DOCUMENT_PATH, parseFrabSchedule, parseJsonText, slugify, type FrabImportProblem } from './frabParser'
import { frabXmlToJson, type XmlParser } from './frabXml'
import { progressSpan, type ProgressReport } from './importProgress'
import { editionEventId } from './editions'
import { MAX_EVENT_ID_LENGTH, MAX_SESSIONS, type EventId, type Session, type Snapshot, type VenueDay } from './model'
import { countSchedSessions, parseSchedListing, type ImportProblem } from './schedParser'
import type { ScheduleFormat } from './scheduleFormat'
import { buildSnapshot } from './snapshotBuild'

export type { XmlParser } from './frabXml'
export { FORMAT_NAMES, type ScheduleFormat } from './scheduleFormat'


/** Sched problems carry a line number, the others a path in their file. */
export type SourceProblem = ImportProblem | FrabImportProblem

export type ScheduleImport =
  | { ok: true; format: ScheduleFormat; snapshot: Snapshot; warnings: string[]; separateEventId?: EventId }
  | { ok: false; format: ScheduleFormat; problems: SourceProblem[] }

export interface ScheduleImportOptions {
  format: ScheduleFormat
  /** Snapshot.source, e.g. "frab-json:schedule.json". */
  source: string
  /**
   * The event id, as given (sources.json, `--event-id`). Without it the id is the edition's: the acronym (a Sched
   * listing's title) and the first day, `democon-2020-12-14` (see editionEventId).
   */
  eventId?: string
  /** IANA zone of the venue. Sched: required (the listing only says "EST"). Others: overrides the file's. */
  timeZone?: string
  /** frab XML: parses the text into a Document (the browser's DOMParser, or xmldom's). */
  parseXml?: XmlParser
  /**
   * The ids of the events already on the device. A file whose edition id is new but whose acronym alone is one of
   * them (how Hallway named events before editions) keeps that id, so it replaces that event and its stars stay.
   */
  storedEventIds?: readonly string[]
  /** Hears how far the read has got, every few hundred sessions (the app's "Reading… 45%"). */
  onProgress?: (progress: ScheduleReadProgress) => void
}

/** How far reading a file has got: how many sessions it holds, and the fraction of the work done (0…1). */
export interface ScheduleReadProgress {
  sessions: number
  fraction: number
}

/** Of a read's work, the parsers' share; building the snapshot (sorting, hashing) is the rest. */
const PARSE_SHARE = 0.9

/**
 * bytes: the largest file the app opens. A 10,000-session schedule (the most Hallway is built for) is about 15 MB of
 * frab JSON; past 20 MB the file is not a schedule, or not one a phone should parse in one go.
 */
export const MAX_SCHEDULE_FILE_BYTES = 20 * 1024 * 1024


/**
 * The format of a file, from its content: "<" opens XML, "BEGIN:VCALENDAR" iCalendar, "{" JSON (c3voc v2 when it
 * lists `"events": [` and no frab `"rooms": {`). Only text that is none of these goes by its extension (.json is
 * then broken JSON, .xml broken XML, .ics a broken calendar); anything else is read as a Sched listing.
 */
export function detectScheduleFormat(fileName: string, text: string | undefined): ScheduleFormat {
  const head = text?.replace(/^\uFEFF/, '').trimStart() ?? ''
  if (head.startsWith('<')) return 'frab-xml'
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ical'
  if (head.startsWith('{')) return looksLikeV2Text(head) ? 'c3voc-v2' : 'frab-json'
  const ext = /\.[^./\\]*$/.exec(fileName)?.[0].toLowerCase()
  if (ext === '.json') return 'frab-json'
  if (ext === '.xml') return 'frab-xml'
  if (ext === '.ics' || ext === '.ical') return 'ical'
  return 'sched-text'
}

/** A cheap look at JSON text; the parsed shape decides in the end (looksLikeC3vocV2). */
function looksLikeV2Text(text: string): boolean {
  return /"events"\s*:\s*\[/.test(text) && !/"rooms"\s*:\s*\{/.test(text)
}


/** An id for the file's event beside `taken` ones: the edition id, else it numbered (-2, -3…). */
export function separateEventId(editionId: EventId, taken: readonly string[]): EventId {
  if (!taken.includes(editionId)) return editionId
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const id = `${editionId.slice(0, MAX_EVENT_ID_LENGTH - suffix.length)}${suffix}`
    if (!taken.includes(id)) return id as EventId
  }
}

/** Why a file of `count` sessions is refused, or undefined when the count is within MAX_SESSIONS. */
function tooManySessions(count: number): string | undefined {
  if (count <= MAX_SESSIONS) return undefined
  const n = (x: number) => x.toLocaleString('en-US')
  return `the file holds ${n(count)} sessions; Hallway opens schedules of up to ${n(MAX_SESSIONS)} sessions`
}

/** A file turned into the frab JSON form, or why it can't be. */
type FrabForm =
  | { ok: true; format: ScheduleFormat; json: unknown; locate?: (path: string) => string; warnings: string[] }
  | { ok: false; format: ScheduleFormat; problems: SourceProblem[] }

async function frabFormOf(text: string, options: ScheduleImportOptions): Promise<FrabForm> {
  const { format } = options
  if (format === 'frab-xml') {
    if (!options.parseXml) return { ok: false, format, problems: [{ path: DOCUMENT_PATH, message: 'no XML parser was given to read it' }] }
    const xml = frabXmlToJson(text, options.parseXml)
    return xml.ok ? { ok: true, format, json: xml.json, locate: xml.locate, warnings: [] } : { ok: false, format, problems: xml.problems }
  }
  if (format === 'ical') {
    // ical.js is loaded only for a calendar (its own chunk in the app).
    const { icalToFrab } = await import('./icalSource')
    const fallbackTitle = options.source.replace(/^[^:]*:/, '').replace(/\.[^.]*$/, '')
    const ical = icalToFrab(text, fallbackTitle)
    return ical.ok ? { ok: true, format, json: ical.json, locate: ical.locate, warnings: ical.warnings } : { ok: false, format, problems: ical.problems }
  }
  const doc = parseJsonText(text)
  if (!doc.ok) return { ok: false, format, problems: doc.problems }
  if (looksLikeC3vocV2(doc.json)) {
    const v2 = c3vocV2ToFrab(doc.json as Parameters<typeof c3vocV2ToFrab>[0])
    return { ok: true, format: 'c3voc-v2', json: v2.json, locate: v2.locate, warnings: v2.warnings }
  }
  return { ok: true, format: 'frab-json', json: doc.json, warnings: [] }
}

/** The event id to store `sessions` under: as given, else the edition's, else the stored one it was before editions. */
function chooseEventId(base: EventId, sessions: readonly Session[], options: ScheduleImportOptions): { id: EventId; separateEventId?: EventId } {
  if (options.eventId !== undefined) return { id: base }
  const firstDay = sessions.reduce<VenueDay | undefined>((min, s) => (min === undefined || s.day < min ? s.day : min), undefined)
  const edition = firstDay === undefined ? base : editionEventId(base, firstDay)
  const stored = options.storedEventIds ?? []
  const id = !stored.includes(edition) && stored.includes(base) ? base : edition
  return stored.includes(id) ? { id, separateEventId: separateEventId(edition, stored) } : { id }
}

/**
 * Parses `text` in `options.format` and builds its snapshot. A file of more than MAX_SESSIONS sessions is refused once
 * they are counted, before any is read (the JSON, XML or calendar is parsed first: the 20 MB size limit bounds that).
 */
export async function importScheduleText(text: string, options: ScheduleImportOptions): Promise<ScheduleImport> {
  const { eventId, timeZone, onProgress, source } = options
  const reportFor = (sessions: number): ProgressReport | undefined => onProgress && ((fraction) => onProgress({ sessions, fraction }))
  if (options.format !== 'sched-text') {
    const form = await frabFormOf(text, options)
    if (!form.ok) return form
    const { format } = form
    const count = countFrabSessions(form.json)
    const tooMany = tooManySessions(count)
    if (tooMany) return { ok: false, format, problems: [{ path: DOCUMENT_PATH, message: tooMany }] }
    const report = reportFor(count)
    const parsed = parseFrabSchedule(form.json, {
      ...(eventId !== undefined && { eventId }),
      ...(timeZone !== undefined && { timeZone }),
      ...(form.locate && { locate: form.locate }),
      ...(report && { onProgress: progressSpan(report, 0, PARSE_SHARE) }),
    })
    if (!parsed.ok) return { ...parsed, format }
    const chosen = chooseEventId(parsed.event.id, parsed.sessions, options)
    const snapshot = await buildSnapshot({ ...parsed.event, id: chosen.id }, parsed.sessions, source.replace(/^[^:]*:/, `${format}:`))
    report?.(1)
    return { ok: true, format, snapshot, warnings: [...form.warnings, ...parsed.warnings], ...(chosen.separateEventId && { separateEventId: chosen.separateEventId }) }
  }
  const format = 'sched-text'
  if (timeZone === undefined) return { ok: false, format, problems: [{ line: 0, message: 'a Sched listing needs the venue’s time zone' }] }
  const count = countSchedSessions(text)
  const tooMany = tooManySessions(count)
  if (tooMany) return { ok: false, format, problems: [{ line: 0, message: tooMany }] }
  const report = reportFor(count)
  let id = eventId
  // Parsed twice when the id comes from the title: each parse is half of the parsers' share.
  const secondFrom = id === undefined ? PARSE_SHARE / 2 : 0
  if (id === undefined) {
    // Session IDs hash the event id, and the id comes from the title the parse finds: parse once for the title.
    // A failed parse reports the same problems with any id, so only a good one is parsed twice.
    const first = parseSchedListing(text, { eventId: '' as EventId, timeZone, ...(report && { onProgress: progressSpan(report, 0, secondFrom) }) })
    if (!first.ok) return { ...first, format }
    id = eventIdForTitle(first.title)
  }
  const parsed = parseSchedListing(text, {
    eventId: id as EventId,
    timeZone,
    ...(report && { onProgress: progressSpan(report, secondFrom, PARSE_SHARE) }),
  })
  if (!parsed.ok) return { ...parsed, format }
  const chosen = chooseEventId(id as EventId, parsed.sessions, options)
  const snapshot = await buildSnapshot({ id: chosen.id, title: parsed.title, timeZone }, parsed.sessions, source)
  report?.(1)
  return { ok: true, format, snapshot, warnings: [], ...(chosen.separateEventId && { separateEventId: chosen.separateEventId }) }
}

/** The event id of a Sched listing opened in the app: its title as a slug (frab makes one from an acronym the same way). */
export function eventIdForTitle(title: string): string {
  return slugify(title) || 'sched-listing'
}

// ---- Opening a file in the app ------------------------------------------------------------------------------

/** One problem as the app shows it: where (a line, a JSON path, or nothing for the whole file) and what. */
export interface FileProblem {
  where?: string
  message: string
}

export type ScheduleFileRead =
  /** `separateEventId`: the file's event is already on the device; this id adds it beside that one instead. */
  | { ok: true; format: ScheduleFormat; snapshot: Snapshot; warnings: string[]; separateEventId?: EventId }
  /**
   * `aboutZone`: some problem is about the time zone, so choosing another one may fix the file. `needsXmlParser`: the
   * file is XML and this thread has no parser for it (a Web Worker has no DOMParser): read it where there is one.
   */
  | { ok: false; format?: ScheduleFormat; problems: FileProblem[]; aboutZone?: boolean; needsXmlParser?: boolean }

export interface ScheduleFileInput {
  name: string
  text: string
  /** The venue zone the user chose. Sched: required, unless `deviceTimeZone` stands in. frab: optional override of the file's. */
  timeZone?: string
  /** Sched, when no zone was chosen: the zone to read it in (the app's zone choice starts at the device's). */
  deviceTimeZone?: string
  /** frab XML: the parser (see ScheduleImportOptions). */
  parseXml?: XmlParser
  /** The ids of the events on the device (see ScheduleImportOptions). */
  storedEventIds?: readonly string[]
}

/** "3.2 MB", for the size message. */
function megabytes(bytes: number): string {
  const BYTES_PER_MB = 1024 * 1024
  return `${(bytes / BYTES_PER_MB).toFixed(1)} MB`
}

/** Why a file of `bytes` can't be opened before reading it, or undefined when its size is fine. */
export function fileSizeProblem(bytes: number): FileProblem | undefined {
  if (bytes === 0) return { message: 'The file is empty.' }
  if (bytes > MAX_SCHEDULE_FILE_BYTES) {
    return {
      message: `The file is ${megabytes(bytes)}; Hallway opens schedule files up to ${megabytes(MAX_SCHEDULE_FILE_BYTES)} (about 10,000 sessions).`,
    }
  }
  return undefined
}

const NEITHER =
  'This is not a schedule Hallway can read: not frab/pretalx JSON or XML, not c3voc schedule v2, not iCalendar, nor a Sched listing (a title line ending in "#", then "Time:", "Venue:"… lines).'
// A Sched listing has at least one "Time:" line; a text file without one is something else, and its first "unexpected
// line" would explain that worse than saying so.
const SCHED_TIME_LINE_RE = /^Time:/m

/** Reads a file the user picked: checks it is a schedule at all, parses it, builds the snapshot. */
export async function readScheduleFile(
  input: ScheduleFileInput,
  onProgress?: (progress: ScheduleReadProgress) => void,
): Promise<ScheduleFileRead> {
  const { name, text } = input
  if (text.trim() === '') return { ok: false, problems: [{ message: 'The file is empty.' }] }
  // Text decoding keeps NUL bytes; a schedule never has one, a PDF, image or zip always does.
  if (text.includes('\u0000')) return { ok: false, problems: [{ message: `This isn't a text file. ${NEITHER}` }] }
  const format = detectScheduleFormat(name, text)
  if (format === 'sched-text' && !SCHED_TIME_LINE_RE.test(text)) return { ok: false, format, problems: [{ message: NEITHER }] }
  if (format === 'frab-xml' && !input.parseXml) return { ok: false, format, problems: [], needsXmlParser: true }
  const baseName = name.split(/[/\\]/).pop() ?? name
  const timeZone = input.timeZone ?? (format === 'sched-text' ? input.deviceTimeZone : undefined)
  const result = await importScheduleText(text, {
    format,
    source: `${format}:${baseName}`,
    ...(timeZone !== undefined && { timeZone }),
    ...(input.parseXml && { parseXml: input.parseXml }),
    ...(input.storedEventIds && { storedEventIds: input.storedEventIds }),
    ...(onProgress && { onProgress }),
  })
  if (!result.ok) {
    const problems = result.problems.map(toFileProblem)
    return { ok: false, format: result.format, problems, aboutZone: problems.some(isZoneProblem) }
  }
  const { snapshot, warnings, separateEventId } = result
  return { ok: true, format: result.format, snapshot, warnings, ...(separateEventId && { separateEventId }) }
}

/** A file the user picked, as the app holds it: a File (anything with a name, a size and its text will do). */
export interface PickedFile {
  name: string
  size: number
  text(): Promise<string>
}

/** A picked file: refused by its size before it is read, then read as {@link readScheduleFile} does. */
export async function readPickedFile(
  file: PickedFile,
  zones: Omit<ScheduleFileInput, 'name' | 'text'>,
  onProgress?: (progress: ScheduleReadProgress) => void,
): Promise<ScheduleFileRead> {
  const tooBig = fileSizeProblem(file.size)
  if (tooBig) return { ok: false, problems: [tooBig] }
  let text: string
  try {
    text = await file.text()
  } catch {
    return { ok: false, problems: [{ message: 'The file couldn’t be read. It may have been moved, or this browser may not be allowed to open it.' }] }
  }
  return readScheduleFile({ name: file.name, text, ...zones }, onProgress)
}

function toFileProblem(p: SourceProblem): FileProblem {
  if ('line' in p) return p.line > 0 ? { where: `line ${p.line}`, message: p.message } : { message: capitalize(p.message) }
  return p.path === DOCUMENT_PATH ? { message: capitalize(p.message) } : { where: p.path, message: p.message }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** True when a zone problem is among them: the app then points at its time zone choice. */
export function isZoneProblem(p: FileProblem): boolean {
  return (
    p.where === 'schedule.conference.time_zone_name' ||
    p.where === 'options.timeZone' ||
    /^time zone "/.test(p.message) ||
    // The same zone problems, found in XML, v2 or a calendar, are placed in that file.
    /choose the venue's (time )?zone/.test(p.message)
  )
}
