// `npm run import` (entry: ./import.ts): parse every source in data/sources.json and write its snapshot into data/.
// `npm run import -- FILE --event-id ID --time-zone ZONE [--out FILE]` imports one Sched listing;
// `npm run import -- FILE [--event-id ID] [--time-zone ZONE] [--out FILE]` one frab/pretalx schedule (JSON or XML), c3voc
// schedule v2 or iCalendar file, told apart by its content, whose event id (acronym and first day) and zone come from
// the file unless given. A broken source prints the format it was read as, then `file:line: problem` (Sched) or
// `file: path: problem` (the others: a JSON path, an XML element, a VEVENT) on stderr, exits 1 and writes nothing.
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { FORMAT_NAMES } from '../src/domain/scheduleFile'
import { detectFormat, formatProblem, importToFile, type SourceSpec } from './importSchedule'

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../data')

/** Where the import prints: the process's streams, or a test's buffers. */
export interface ImportIo {
  out: (line: string) => void
  err: (line: string) => void
}

const PROCESS_IO: ImportIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}

/** Imports one source; without `outPath` the snapshot goes to data/<event id>.snapshot.json. */
async function run(io: ImportIo, inputPath: string, spec: Omit<SourceSpec, 'input' | 'output'>, outPath?: string): Promise<boolean> {
  // The event id is a safe file name: frabParser only accepts letters, digits, ".", "_" and "-".
  const outcome = await importToFile(inputPath, spec, (snapshot) => outPath ?? join(DATA_DIR, `${snapshot.event.id}.snapshot.json`))
  const read = `${inputPath}: read as ${FORMAT_NAMES[outcome.format]}`
  if (!outcome.ok) {
    io.err(read)
    for (const p of outcome.problems) io.err(formatProblem(inputPath, p))
    io.err(`import failed: ${outcome.problems.length} problem(s) in ${FORMAT_NAMES[outcome.format]}; nothing was written`)
    return false
  }
  for (const w of outcome.warnings) io.err(`${inputPath}: warning: ${w}`)
  const { snapshot, out } = outcome
  io.out(`${read}, event ${snapshot.event.id}`)
  io.out(`${out}: ${snapshot.sessions.length} sessions, ${snapshot.event.days.length} day(s), hash ${snapshot.contentHash}`)
  return true
}

/** Runs the import as `npm run import -- …args` would, and returns the exit code. */
export async function runImport(args: readonly string[], io: ImportIo = PROCESS_IO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'event-id': { type: 'string' },
      'time-zone': { type: 'string' },
      out: { type: 'string' },
    },
  })
  if (positionals.length > 0) {
    const input = resolve(positionals[0]!)
    const eventId = values['event-id']
    const timeZone = values['time-zone']
    // Only to pick the format; an unreadable file is reported by the import itself.
    const head = await readFile(input, 'utf8').catch(() => undefined)
    const format = detectFormat(input, head)
    if (format === 'sched-text' && (!eventId || !timeZone)) {
      io.err(`${input}: this is not JSON, XML or iCalendar, so it is read as ${FORMAT_NAMES[format]}, which needs --event-id and --time-zone`)
      io.err('usage: npm run import -- FILE --event-id ID --time-zone ZONE [--out FILE]   (a Sched listing)')
      io.err('       npm run import -- FILE [--event-id ID] [--time-zone ZONE] [--out FILE]   (frab/pretalx JSON or XML, c3voc schedule v2, iCalendar)')
      return 2
    }
    const spec: Omit<SourceSpec, 'input' | 'output'> = { format }
    if (eventId) spec.eventId = eventId
    if (timeZone) spec.timeZone = timeZone
    const out = values.out !== undefined ? resolve(values.out) : eventId ? join(DATA_DIR, `${eventId}.snapshot.json`) : undefined
    return (await run(io, input, spec, out)) ? 0 : 1
  }
  const config = JSON.parse(await readFile(join(DATA_DIR, 'sources.json'), 'utf8')) as { sources: SourceSpec[] }
  let ok = true
  for (const spec of config.sources) {
    ok = (await run(io, join(DATA_DIR, spec.input), spec, join(DATA_DIR, spec.output))) && ok
  }
  return ok ? 0 : 1
}
