// The import pipeline behind `npm run import`: a schedule source file → a validated snapshot, serialized the one
// canonical way. Shared by the CLI and the test that checks the committed snapshot is fresh.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { EventId, Snapshot } from '../src/domain/model'
import { parseSchedListing, type ImportProblem } from '../src/domain/schedParser'
import { buildSnapshot, canonicalSession } from '../src/domain/snapshotBuild'

export interface SourceSpec {
  input: string
  format: 'sched-text'
  eventId: string
  timeZone: string
  output: string
}

export type ImportOutcome = { ok: true; snapshot: Snapshot; json: string } | { ok: false; problems: ImportProblem[] }

export async function importSource(inputPath: string, spec: Omit<SourceSpec, 'input' | 'output'>): Promise<ImportOutcome> {
  const text = await readFile(inputPath, 'utf8')
  const parsed = parseSchedListing(text, { eventId: spec.eventId as EventId, timeZone: spec.timeZone })
  if (!parsed.ok) return parsed
  const snapshot = await buildSnapshot(
    { id: spec.eventId as EventId, title: parsed.title, timeZone: spec.timeZone },
    parsed.sessions,
    `${spec.format}:${basename(inputPath)}`,
  )
  return { ok: true, snapshot, json: serializeSnapshot(snapshot) }
}

/** One session per line: compact to serve, and a schedule change shows as a readable diff. */
export function serializeSnapshot(snapshot: Snapshot): string {
  const { sessions, ...head } = snapshot
  const headJson = JSON.stringify(head, null, 2).slice(0, -2) // drop the closing "\n}"
  const rows = sessions.map((s) => '    ' + JSON.stringify(canonicalSession(s))).join(',\n')
  return `${headJson},\n  "sessions": [\n${rows}\n  ]\n}\n`
}
