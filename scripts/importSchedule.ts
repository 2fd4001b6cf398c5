// The import pipeline behind `npm run import`: a schedule source file (a Sched listing or frab/pretalx JSON) → a
// validated snapshot, serialized the one canonical way. Shared by the CLI and the test that checks the committed
// snapshot is fresh.
import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { EventId, Snapshot } from '../src/domain/model'
import { parseFrabScheduleText, type FrabImportProblem } from '../src/domain/frabParser'
import { parseSchedListing, type ImportProblem } from '../src/domain/schedParser'
import { buildSnapshot, canonicalSession } from '../src/domain/snapshotBuild'

export type SourceFormat = 'sched-text' | 'frab-json'

export interface SourceSpec {
  input: string
  format: SourceFormat
  /** Required for sched-text; for frab-json it overrides the file's acronym. */
  eventId?: string
  /** Required for sched-text (the listing only says "EST"); for frab-json it overrides time_zone_name. */
  timeZone?: string
  output: string
}

/** Sched problems carry a line number, frab problems a JSON path. */
export type SourceProblem = ImportProblem | FrabImportProblem

export type ImportOutcome =
  | { ok: true; snapshot: Snapshot; json: string; warnings: string[] }
  | { ok: false; problems: SourceProblem[] }

/** `file:line: message` for a Sched problem, `file: path: message` for a frab one. */
export function formatProblem(file: string, p: SourceProblem): string {
  return 'line' in p ? `${file}:${p.line}: ${p.message}` : `${file}: ${p.path}: ${p.message}`
}

/**
 * The format of a source: `.json` is frab, a `.txt` is Sched, and anything else is frab when its text is a
 * JSON object (a Sched listing starts with its title line, never with "{").
 */
export function detectFormat(inputPath: string, text: string | undefined): SourceFormat {
  const ext = extname(inputPath).toLowerCase()
  if (ext === '.json') return 'frab-json'
  if (ext === '.txt' || text === undefined) return 'sched-text'
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'frab-json' : 'sched-text'
}

export async function importSource(
  inputPath: string,
  spec: Omit<SourceSpec, 'input' | 'output' | 'format'> & { format?: SourceFormat },
): Promise<ImportOutcome> {
  const text = await readFile(inputPath, 'utf8')
  const format = spec.format ?? detectFormat(inputPath, text)
  if (format === 'frab-json') {
    const options: { eventId?: string; timeZone?: string } = {}
    if (spec.eventId !== undefined) options.eventId = spec.eventId
    if (spec.timeZone !== undefined) options.timeZone = spec.timeZone
    const parsed = parseFrabScheduleText(text, options)
    if (!parsed.ok) return parsed
    const snapshot = await buildSnapshot(parsed.event, parsed.sessions, `${format}:${basename(inputPath)}`)
    return { ok: true, snapshot, json: serializeSnapshot(snapshot), warnings: parsed.warnings }
  }
  if (spec.eventId === undefined || spec.timeZone === undefined) {
    return { ok: false, problems: [{ line: 0, message: 'a Sched listing needs an event id and a time zone' }] }
  }
  const parsed = parseSchedListing(text, { eventId: spec.eventId as EventId, timeZone: spec.timeZone })
  if (!parsed.ok) return parsed
  const snapshot = await buildSnapshot(
    { id: spec.eventId as EventId, title: parsed.title, timeZone: spec.timeZone },
    parsed.sessions,
    `${format}:${basename(inputPath)}`,
  )
  return { ok: true, snapshot, json: serializeSnapshot(snapshot), warnings: [] }
}

/** One session per line: compact to serve, and a schedule change shows as a readable diff. */
export function serializeSnapshot(snapshot: Snapshot): string {
  const { sessions, ...head } = snapshot
  const headJson = JSON.stringify(head, null, 2).slice(0, -2) // drop the closing "\n}"
  const rows = sessions.map((s) => '    ' + JSON.stringify(canonicalSession(s))).join(',\n')
  return `${headJson},\n  "sessions": [\n${rows}\n  ]\n}\n`
}
