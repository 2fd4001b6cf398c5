// The import pipeline behind `npm run import`: a schedule source file (a Sched listing or frab/pretalx JSON) → a
// validated snapshot, serialized the one canonical way. Shared by the CLI and the test that checks the committed
// snapshot is fresh.
import { readFile, rename, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Snapshot } from '../src/domain/model'
import { detectScheduleFormat, importScheduleText, type ScheduleFormat, type SourceProblem } from '../src/domain/scheduleFile'
import { canonicalSession } from '../src/domain/snapshotBuild'

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
  | { ok: true; snapshot: Snapshot; json: string; warnings: string[] }
  | { ok: false; problems: SourceProblem[] }

/** `file:line: message` for a Sched problem, `file: path: message` for a frab one. */
export function formatProblem(file: string, p: SourceProblem): string {
  return 'line' in p ? `${file}:${p.line}: ${p.message}` : `${file}: ${p.path}: ${p.message}`
}

/** The format of a source (see detectScheduleFormat: the app picks it the same way). */
export const detectFormat = detectScheduleFormat

export async function importSource(
  inputPath: string,
  spec: Omit<SourceSpec, 'input' | 'output' | 'format'> & { format?: SourceFormat },
): Promise<ImportOutcome> {
  const text = await readFile(inputPath, 'utf8')
  const format = spec.format ?? detectFormat(inputPath, text)
  // The CLI names a Sched listing's event: sources.json pins the bundled id, which stars and share links depend on.
  if (format === 'sched-text' && (spec.eventId === undefined || spec.timeZone === undefined)) {
    return { ok: false, problems: [{ line: 0, message: 'a Sched listing needs an event id and a time zone' }] }
  }
  const imported = await importScheduleText(text, {
    format,
    source: `${format}:${basename(inputPath)}`,
    ...(spec.eventId !== undefined && { eventId: spec.eventId }),
    ...(spec.timeZone !== undefined && { timeZone: spec.timeZone }),
  })
  if (!imported.ok) return imported
  return { ...imported, json: serializeSnapshot(imported.snapshot) }
}

export type FileImportOutcome = Extract<ImportOutcome, { ok: false }> | (Extract<ImportOutcome, { ok: true }> & { out: string })

/**
 * `npm run import` for one source: imports it and writes the snapshot to `outPath(snapshot)`, or writes nothing when
 * the source has problems.
 */
export async function importToFile(
  inputPath: string,
  spec: Omit<SourceSpec, 'input' | 'output' | 'format'> & { format?: SourceFormat },
  outPath: (snapshot: Snapshot) => string,
): Promise<FileImportOutcome> {
  const outcome = await importSource(inputPath, spec)
  if (!outcome.ok) return outcome
  const out = outPath(outcome.snapshot)
  await writeAtomically(out, outcome.json)
  return { ...outcome, out }
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
