// A schedule file → a snapshot, or the problems that stop it, in words a person can act on. One pipeline for both
// ways a schedule comes in: `npm run import` (scripts/importSchedule.ts) and "Open another schedule" in the app,
// which loads this module on demand so the parsers stay out of the first view's JavaScript. Pure; never throws.
import { countFrabSessions, DOCUMENT_PATH, parseFrabSchedule, parseJsonText, slugify, type FrabImportProblem } from './frabParser'
import { progressSpan, type ProgressReport } from './importProgress'
import { MAX_SESSIONS, type EventId, type Snapshot } from './model'
import { countSchedSessions, parseSchedListing, type ImportProblem } from './schedParser'
import { buildSnapshot } from './snapshotBuild'

export type ScheduleFormat = 'sched-text' | 'frab-json'

/** Sched problems carry a line number, frab problems a JSON path. */
export type SourceProblem = ImportProblem | FrabImportProblem

export type ScheduleImport =
  | { ok: true; snapshot: Snapshot; warnings: string[] }
  | { ok: false; problems: SourceProblem[] }

export interface ScheduleImportOptions {
  format: ScheduleFormat
  /** Snapshot.source, e.g. "frab-json:schedule.json". */
  source: string
  /** frab: overrides the acronym. Sched: the listing has none, so without it the id is made from the title. */
  eventId?: string
  /** IANA zone of the venue. Sched: required (the listing only says "EST"). frab: overrides time_zone_name. */
  timeZone?: string
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
 * The format of a file: `.json` is frab, `.txt` is Sched, and anything else is frab when its text is a JSON object
 * (a Sched listing starts with its title line, never with "{").
 */
export function detectScheduleFormat(fileName: string, text: string | undefined): ScheduleFormat {
  const ext = /\.[^./\\]*$/.exec(fileName)?.[0].toLowerCase()
  if (ext === '.json') return 'frab-json'
  if (ext === '.txt' || text === undefined) return 'sched-text'
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'frab-json' : 'sched-text'
}

/** Why a file of `count` sessions is refused, or undefined when the count is within MAX_SESSIONS. */
function tooManySessions(count: number): string | undefined {
  if (count <= MAX_SESSIONS) return undefined
  const n = (x: number) => x.toLocaleString('en-US')
  return `the file holds ${n(count)} sessions; Hallway opens schedules of up to ${n(MAX_SESSIONS)} sessions`
}

/**
 * Parses `text` in `options.format` and builds its snapshot. A file of more than MAX_SESSIONS sessions is refused once
 * they are counted, before any is read (a frab file's JSON is parsed first: the 20 MB size limit bounds that).
 */
export async function importScheduleText(text: string, options: ScheduleImportOptions): Promise<ScheduleImport> {
  const { format, source, eventId, timeZone, onProgress } = options
  const reportFor = (sessions: number): ProgressReport | undefined => onProgress && ((fraction) => onProgress({ sessions, fraction }))
  if (format === 'frab-json') {
    const doc = parseJsonText(text)
    if (!doc.ok) return doc
    const count = countFrabSessions(doc.json)
    const tooMany = tooManySessions(count)
    if (tooMany) return { ok: false, problems: [{ path: DOCUMENT_PATH, message: tooMany }] }
    const report = reportFor(count)
    const parsed = parseFrabSchedule(doc.json, {
      ...(eventId !== undefined && { eventId }),
      ...(timeZone !== undefined && { timeZone }),
      ...(report && { onProgress: progressSpan(report, 0, PARSE_SHARE) }),
    })
    if (!parsed.ok) return parsed
    const snapshot = await buildSnapshot(parsed.event, parsed.sessions, source)
    report?.(1)
    return { ok: true, snapshot, warnings: parsed.warnings }
  }
  if (timeZone === undefined) return { ok: false, problems: [{ line: 0, message: 'a Sched listing needs the venue’s time zone' }] }
  const count = countSchedSessions(text)
  const tooMany = tooManySessions(count)
  if (tooMany) return { ok: false, problems: [{ line: 0, message: tooMany }] }
  const report = reportFor(count)
  let id = eventId
  // Parsed twice when the id comes from the title: each parse is half of the parsers' share.
  const secondFrom = id === undefined ? PARSE_SHARE / 2 : 0
  if (id === undefined) {
    // Session IDs hash the event id, and the id comes from the title the parse finds: parse once for the title.
    // A failed parse reports the same problems with any id, so only a good one is parsed twice.
    const first = parseSchedListing(text, { eventId: '' as EventId, timeZone, ...(report && { onProgress: progressSpan(report, 0, secondFrom) }) })
    if (!first.ok) return first
    id = eventIdForTitle(first.title)
  }
  const parsed = parseSchedListing(text, {
    eventId: id as EventId,
    timeZone,
    ...(report && { onProgress: progressSpan(report, secondFrom, PARSE_SHARE) }),
  })
  if (!parsed.ok) return parsed
  const snapshot = await buildSnapshot({ id: id as EventId, title: parsed.title, timeZone }, parsed.sessions, source)
  report?.(1)
  return { ok: true, snapshot, warnings: [] }
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
  | { ok: true; format: ScheduleFormat; snapshot: Snapshot; warnings: string[] }
  /** `aboutZone`: some problem is about the time zone, so choosing another one may fix the file. */
  | { ok: false; format?: ScheduleFormat; problems: FileProblem[]; aboutZone?: boolean }

export interface ScheduleFileInput {
  name: string
  text: string
  /** The venue zone the user chose. Sched: required, unless `deviceTimeZone` stands in. frab: optional override of the file's. */
  timeZone?: string
  /** Sched, when no zone was chosen: the zone to read it in (the app's zone choice starts at the device's). */
  deviceTimeZone?: string
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
  'This is neither a frab/pretalx schedule (JSON) nor a Sched listing (a title line ending in "#", then "Time:", "Venue:"… lines).'
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
  const baseName = name.split(/[/\\]/).pop() ?? name
  const timeZone = input.timeZone ?? (format === 'sched-text' ? input.deviceTimeZone : undefined)
  const result = await importScheduleText(text, {
    format,
    source: `${format}:${baseName}`,
    ...(timeZone !== undefined && { timeZone }),
    ...(onProgress && { onProgress }),
  })
  if (!result.ok) {
    const problems = result.problems.map(toFileProblem)
    return { ok: false, format, problems, aboutZone: problems.some(isZoneProblem) }
  }
  return { ok: true, format, snapshot: result.snapshot, warnings: result.warnings }
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
  zones: Pick<ScheduleFileInput, 'timeZone' | 'deviceTimeZone'>,
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
  return p.where === 'schedule.conference.time_zone_name' || p.where === 'options.timeZone' || /^time zone "/.test(p.message)
}
