// The import pipeline behind `npm run import`: a schedule source file (frab/pretalx JSON or XML, c3voc schedule v2,
// iCalendar, or a Sched listing) → a
// validated snapshot, serialized the one canonical way. Shared by the CLI and the test that checks the committed
// snapshot is fresh. A re-import over an existing snapshot keeps the IDs it gave its sessions (src/domain/idCarry.ts).
import { readFile, rename, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { carrySnapshotIds } from '../src/domain/idCarry'
import type { Snapshot } from '../src/domain/model'
import { parseSnapshot, type ParseResult } from '../src/domain/snapshot'
import { detectScheduleFormat, importScheduleText, type ScheduleFormat, type SourceProblem } from '../src/domain/scheduleFile'
import { canonicalSession } from '../src/domain/snapshotBuild'
import { parseXml } from './xmlParser'

export type SourceFormat = ScheduleFormat
export type { SourceProblem }

export interface SourceSpec {
  input: string
  format: SourceFormat
  /** Required for sched-text; for frab-json it overrides the file's acronym. */
  eventId?: string
  /** Required for sched-text (the listing only says "EST"); for frab-json it overrides time_zone_name. */
  timeZone?: string
  output: string
}

export type ImportOutcome =
  | { ok: true; format: SourceFormat; snapshot: Snapshot; json: string; warnings: string[] }
  | { ok: false; format: SourceFormat; problems: SourceProblem[] }

/** `file:line: message` for a Sched problem, `file: path: message` for a frab one. */
export function formatProblem(file: string, p: SourceProblem): string {
  return 'line' in p ? `${file}:${p.line}: ${p.message}` : `${file}: ${p.path}: ${p.message}`
}

/** The format of a source (see detectScheduleFormat: the app picks it the same way). */
export const detectFormat = detectScheduleFormat

/** Imports `inputPath`; with `previous` (the snapshot it replaces), sessions keep the IDs that one gave them. */
export async function importSource(
  inputPath: string,
  spec: Omit<SourceSpec, 'input' | 'output' | 'format'> & { format?: SourceFormat },
  previous?: Snapshot,
): Promise<ImportOutcome> {
  const text = await readFile(inputPath, 'utf8')
  const format = spec.format ?? detectFormat(inputPath, text)
  // The CLI names a Sched listing's event: sources.json pins the bundled id, which stars and share links depend on.
  if (format === 'sched-text' && (spec.eventId === undefined || spec.timeZone === undefined)) {
    return { ok: false, format, problems: [{ line: 0, message: 'a Sched listing needs an event id and a time zone' }] }
  }
  const imported = await importScheduleText(text, {
    format,
    source: `${format}:${basename(inputPath)}`,
    parseXml,
    ...(spec.eventId !== undefined && { eventId: spec.eventId }),
    ...(spec.timeZone !== undefined && { timeZone: spec.timeZone }),
  })
  if (!imported.ok) return imported
  const snapshot = await carrySnapshotIds(previous, imported.snapshot)
  return { ...imported, snapshot, json: serializeSnapshot(snapshot) }
}

export type FileImportOutcome = Extract<ImportOutcome, { ok: false }> | (Extract<ImportOutcome, { ok: true }> & { out: string })

/**
 * `npm run import` for one source: imports it and writes the snapshot to `outPath(snapshot)`, or writes nothing when
 * the source has problems. A snapshot of the same event already there lends its session IDs (stars and share links
 * name sessions by them); one that can't be read stops the import, since importing afresh could move those IDs.
 */
export async function importToFile(
  inputPath: string,
  spec: Omit<SourceSpec, 'input' | 'output' | 'format'> & { format?: SourceFormat },
  outPath: (snapshot: Snapshot) => string,
): Promise<FileImportOutcome> {
  const imported = await importSource(inputPath, spec)
  if (!imported.ok) return imported
  const out = outPath(imported.snapshot)
  const snapshot = await carrySnapshotIds(await readPreviousSnapshot(out), imported.snapshot)
  const json = snapshot === imported.snapshot ? imported.json : serializeSnapshot(snapshot)
  await writeAtomically(out, json)
  return { ...imported, snapshot, json, out }
}

async function readPreviousSnapshot(path: string): Promise<Snapshot | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
  let parsed: ParseResult<Snapshot>
  try {
    parsed = parseSnapshot(JSON.parse(text) as unknown)
  } catch (err) {
    parsed = { ok: false, error: err instanceof Error ? err.message : String(err) }
  }
  if (!parsed.ok) {
    throw new Error(`${path} is not a snapshot Hallway can read (${parsed.error}), so its session IDs can't be kept; move it away to import afresh`)
  }
  return parsed.value
}

async function writeAtomically(path: string, content: string): Promise<void> {
  // Write beside the target and rename, so a crash never leaves half a snapshot behind.
  const tmp = `${path}.tmp-${process.pid}`
  await writeFile(tmp, content, 'utf8')
  await rename(tmp, path)
}

/** One session per line: compact to serve, and a schedule change shows as a readable diff. */
export function serializeSnapshot(snapshot: Snapshot): string {
  const { sessions, ...head } = snapshot
  const headJson = JSON.stringify(head, null, 2).slice(0, -2) // drop the closing "\n}"
  const rows = sessions.map((s) => '    ' + JSON.stringify(canonicalSession(s))).join(',\n')
  return `${headJson},\n  "sessions": [\n${rows}\n  ]\n}\n`
}
