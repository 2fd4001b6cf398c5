// `npm run import`: parse every source in data/sources.json and write its snapshot into data/.
// `npm run import -- FILE --event-id ID --time-zone ZONE [--out FILE]` imports one Sched listing.
// A broken source prints `file:line: problem` on stderr, exits 1 and writes nothing.
import { readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { importSource, type SourceSpec } from './importSchedule'

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../data')

async function writeAtomically(path: string, content: string): Promise<void> {
  // Write beside the target and rename, so a crash never leaves half a snapshot behind.
  const tmp = `${path}.tmp-${process.pid}`
  await writeFile(tmp, content, 'utf8')
  await rename(tmp, path)
}

async function run(inputPath: string, spec: SourceSpec, outPath: string): Promise<boolean> {
  const outcome = await importSource(inputPath, spec)
  if (!outcome.ok) {
    for (const p of outcome.problems) console.error(`${inputPath}:${p.line}: ${p.message}`)
    console.error(`import failed: ${outcome.problems.length} problem(s); nothing was written`)
    return false
  }
  await writeAtomically(outPath, outcome.json)
  const { snapshot } = outcome
  console.log(`${outPath}: ${snapshot.sessions.length} sessions, ${snapshot.event.days.length} day(s), hash ${snapshot.contentHash}`)
  return true
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
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
    if (!eventId || !timeZone) {
      console.error('usage: npm run import -- FILE --event-id ID --time-zone ZONE [--out FILE]')
      return 2
    }
    const out = resolve(values.out ?? join(DATA_DIR, `${eventId}.snapshot.json`))
    return (await run(input, { input, format: 'sched-text', eventId, timeZone, output: out }, out)) ? 0 : 1
  }
  const config = JSON.parse(await readFile(join(DATA_DIR, 'sources.json'), 'utf8')) as { sources: SourceSpec[] }
  let ok = true
  for (const spec of config.sources) {
    ok = (await run(join(DATA_DIR, spec.input), spec, join(DATA_DIR, spec.output))) && ok
  }
  return ok ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`import failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  },
)
