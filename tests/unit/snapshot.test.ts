// The committed snapshot: fresh from its source, valid against the documented schema, and read defensively.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { parseSnapshot } from '../../src/domain/snapshot'
import { importSource, serializeSnapshot } from '../../scripts/importSchedule'

const DATA = join(__dirname, '../../data')
const committedText = readFileSync(join(DATA, 'kubecon-na-2025.snapshot.json'), 'utf8')
const committed = JSON.parse(committedText) as unknown

describe('the bundled snapshot', () => {
  it('is exactly what `npm run import` of the seed writes over it (run it after changing either)', async () => {
    const spec = { format: 'sched-text', eventId: 'kubecon-na-2025', timeZone: 'America/New_York' } as const
    const previous = parseSnapshot(committed)
    if (!previous.ok) throw new Error(previous.error)
    const outcome = await importSource(join(DATA, 'kubecon-na-2025-thursday.sched.txt'), spec, previous.value)
    expect(outcome.ok).toBe(true)
    if (outcome.ok) expect(outcome.json).toBe(committedText)
  })

  // The seed repeats no title, so nothing is carried: its IDs are the importer's own, as stars and share links made
  // before IDs were carried name them. An update that carries some would rightly end this check.
  it('has the IDs a fresh import gives', async () => {
    const outcome = await importSource(join(DATA, 'kubecon-na-2025-thursday.sched.txt'), {
      format: 'sched-text',
      eventId: 'kubecon-na-2025',
      timeZone: 'America/New_York',
    })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
    expect(outcome.json).toBe(committedText)
  })

  it('matches data/snapshot.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(DATA, 'snapshot.schema.json'), 'utf8')) as object
    const validate = new Ajv({ allErrors: true }).compile(schema)
    expect(validate(committed), JSON.stringify(validate.errors)).toBe(true)
  })

  it('passes the app-side validator and round-trips through the serializer', () => {
    const result = parseSnapshot(committed)
    if (!result.ok) throw new Error(result.error)
    expect(result.value.sessions).toHaveLength(99)
    expect(result.value.event).toEqual({
      id: 'kubecon-na-2025',
      title: 'KubeCon + CloudNativeCon North America 2025',
      timeZone: 'America/New_York',
      days: ['2025-11-13'],
    })
    expect(serializeSnapshot(result.value)).toBe(committedText)
  })
})

describe('parseSnapshot rejects corrupt files with a message naming the field', () => {
  const good = () => JSON.parse(committedText) as Record<string, any>
  const cases: Array<[string, (s: Record<string, any>) => unknown, string]> = [
    ['not an object', () => 'hello', 'snapshot: expected an object'],
    ['null', () => null, 'snapshot: expected an object'],
    ['a future schema', (s) => ({ ...s, schemaVersion: 2 }), 'this app reads version 1, the file has 2'],
    ['no schema version', (s) => ({ ...s, schemaVersion: undefined }), 'the file has none'],
    ['an unknown zone', (s) => ({ ...s, event: { ...s.event, timeZone: 'Mars/Olympus' } }), 'unknown time zone "Mars/Olympus"'],
    ['sessions missing', (s) => ({ ...s, sessions: undefined }), 'snapshot.sessions: expected an array'],
    ['a local time', (s) => { s.sessions[3].start = '2025-11-13 09:00'; return s }, 'snapshot.sessions[3].start: expected a UTC instant'],
    ['an end before start', (s) => { s.sessions[0].end = '2025-11-13T00:00:00Z'; return s }, 'snapshot.sessions[0]: ends'],
    ['a bad id', (s) => { s.sessions[5].id = '<script>'; return s }, 'snapshot.sessions[5].id: expected 8 lowercase hex digits'],
    ['a duplicate id', (s) => { s.sessions[1].id = s.sessions[0].id; return s }, 'snapshot.sessions[1].id: duplicate id'],
    ['a speaker without a name', (s) => { s.sessions[4].speakers = [{ raw: 'x' }]; return s }, 'snapshot.sessions[4].speakers[0].name: expected a string'],
    // Checked before any session is read: 20,001 copies of one session would otherwise be a duplicate id.
    ['more sessions than the cap', (s) => ({ ...s, sessions: Array.from({ length: 20_001 }, () => s.sessions[0]) }), 'snapshot.sessions: 20,001 sessions; Hallway reads up to 20,000'],
    ['an empty title', (s) => { s.sessions[2].title = '  '; return s }, 'snapshot.sessions[2].title: must not be empty'],
  ]
  it.each(cases)('%s', (_name, corrupt, message) => {
    const result = parseSnapshot(corrupt(good()))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain(message)
  })
})
