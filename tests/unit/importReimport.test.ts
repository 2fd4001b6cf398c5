// `npm run import` into a snapshot that already exists (issue 13, item 1), run in process: sessions that share a
// title keep the IDs the existing snapshot gave them, and the written snapshot is valid with its own content hash.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Snapshot } from '../../src/domain/model'
import { parseSnapshot } from '../../src/domain/snapshot'
import { contentHashOf } from '../../src/domain/snapshotBuild'
import { importToFile } from '../../scripts/importSchedule'
import {
  COFFEE_TUE_AM,
  COFFEE_TUE_PM,
  COFFEE_WED_AM,
  COFFEE_WED_PM,
  KEYNOTE,
  LIGHTNING_TUE,
  LIGHTNING_WED,
  listing,
  REPEATED_EVENT_ID,
  REPEATED_TIME_ZONE,
  sessionAt,
  type ListedSession,
} from '../fixtures/repeatedTitles'

const dir = mkdtempSync(join(tmpdir(), 'hallway-reimport-'))

/**
 * Writes `sessions` as the Sched listing `name`.txt and imports it into `name`.snapshot.json, as
 * `npm run import -- name.txt --event-id … --time-zone … --out name.snapshot.json` does.
 */
async function importInto(name: string, sessions: readonly ListedSession[]): Promise<Snapshot> {
  const input = join(dir, `${name}.txt`)
  const out = join(dir, `${name}.snapshot.json`)
  writeFileSync(input, listing(sessions))
  const outcome = await importToFile(input, { format: 'sched-text', eventId: REPEATED_EVENT_ID, timeZone: REPEATED_TIME_ZONE }, () => out)
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
  const written = parseSnapshot(JSON.parse(readFileSync(out, 'utf8')) as unknown)
  if (!written.ok) throw new Error(written.error)
  // The hash is over what was written, carried IDs included.
  expect(written.value.contentHash).toBe(await contentHashOf(written.value.event, written.value.sessions))
  return written.value
}

describe('npm run import into an existing snapshot', () => {
  it('keeps the Wednesday "Lightning Talks" ID when Tuesday’s is dropped from the source', async () => {
    const name = 'lightning'
    const before = await importInto(name, [KEYNOTE, LIGHTNING_TUE, LIGHTNING_WED])
    const after = await importInto(name, [KEYNOTE, LIGHTNING_WED])

    expect(sessionAt(after, LIGHTNING_WED).id).toBe(sessionAt(before, LIGHTNING_WED).id)
    expect(sessionAt(after, KEYNOTE).id).toBe(sessionAt(before, KEYNOTE).id)
    expect(after.sessions.map((s) => s.id)).not.toContain(sessionAt(before, LIGHTNING_TUE).id)
  })

  it('three "Coffee Break"s: the middle one removed and one added; the others keep theirs, the new one a new ID', async () => {
    const name = 'coffee'
    const before = await importInto(name, [COFFEE_TUE_AM, COFFEE_TUE_PM, COFFEE_WED_AM])
    const after = await importInto(name, [COFFEE_TUE_AM, COFFEE_WED_AM, COFFEE_WED_PM])

    expect(sessionAt(after, COFFEE_TUE_AM).id).toBe(sessionAt(before, COFFEE_TUE_AM).id)
    expect(sessionAt(after, COFFEE_WED_AM).id).toBe(sessionAt(before, COFFEE_WED_AM).id)
    expect(before.sessions.map((s) => s.id)).not.toContain(sessionAt(after, COFFEE_WED_PM).id)

    // Importing the same source again changes nothing, byte for byte.
    const out = join(dir, `${name}.snapshot.json`)
    const text = readFileSync(out, 'utf8')
    await importInto(name, [COFFEE_TUE_AM, COFFEE_WED_AM, COFFEE_WED_PM])
    expect(readFileSync(out, 'utf8')).toBe(text)
  })
})
