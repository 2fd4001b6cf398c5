// `npm run gen:synthetic -- [COUNT] [--out FILE]`: write a synthetic snapshot (default 10,000 sessions over 10 days).
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { MAX_SESSIONS } from '../src/domain/model'
import { makeSyntheticSnapshot } from '../src/domain/synthetic'
import { serializeSnapshot } from './importSchedule'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, seed: { type: 'string' } } })
const count = Number(positionals[0] ?? 10_000)
// Past MAX_SESSIONS the app refuses the snapshot, so a bigger one could measure nothing.
if (!Number.isInteger(count) || count < 1 || count > MAX_SESSIONS) {
  console.error(`usage: npm run gen:synthetic -- [COUNT] [--out FILE] [--seed N]  (COUNT must be a whole number from 1 to ${MAX_SESSIONS}, got "${positionals[0]}")`)
  process.exit(2)
}
const out = resolve(values.out ?? `dist-synthetic/synthetic-${count}.snapshot.json`)
const snapshot = await makeSyntheticSnapshot({ count, seed: Number(values.seed ?? 1) })
await import('node:fs').then((fs) => fs.mkdirSync(resolve(out, '..'), { recursive: true }))
await writeFile(out, serializeSnapshot(snapshot))
console.log(`${out}: ${snapshot.sessions.length} sessions over ${snapshot.event.days.length} days`)
