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
    ['a future schema', (s) => ({ ...s, schemaVersion: 3 }), 'this app reads versions 1 and 2, the file has 3'],
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
    // Schema 2's fields: what the importer never writes is a tampered file, not something to show.
    ['a javascript: link', (s) => { s.sessions[0].links = [{ url: 'javascript:alert(1)' }]; return s }, 'snapshot.sessions[0].links[0].url: expected an http(s) address'],
    ['a link with a password', (s) => { s.sessions[0].attachments = [{ url: 'https://a:b@x.example/' }]; return s }, 'snapshot.sessions[0].attachments[0].url: expected an http(s) address'],
    ['a link type nobody knows', (s) => { s.sessions[0].links = [{ url: 'https://x.example/', type: 'x' }]; return s }, 'snapshot.sessions[0].links[0].type: unknown link type'],
    ['a data: feedback address', (s) => { s.sessions[0].feedbackUrl = 'data:,x'; return s }, 'snapshot.sessions[0].feedbackUrl: expected an http(s) address'],
    ['a sentence for a language', (s) => { s.sessions[0].language = 'English please'; return s }, 'snapshot.sessions[0].language: expected a language tag like en or pt-BR'],
    ['a string for the recording flag', (s) => { s.sessions[0].doNotRecord = 'false'; return s }, 'snapshot.sessions[0].doNotRecord: expected true or false'],
    ['a speaker id that is no source id', (s) => { s.sessions[4].speakers[0].id = '../x'; return s }, 'snapshot.sessions[4].speakers[0].id: expected a source speaker id'],
  ]
  it.each(cases)('%s', (_name, corrupt, message) => {
    const result = parseSnapshot(corrupt(good()))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain(message)
  })
})

describe('schema versions', () => {
  it('reads a version 1 snapshot (which lacks the version 2 fields) as version 2, sessions unchanged', () => {
    const v1 = { ...(JSON.parse(committedText) as Record<string, unknown>), schemaVersion: 1 }
    const current = parseSnapshot(committed)
    const old = parseSnapshot(v1)
    if (!old.ok || !current.ok) throw new Error('expected both to read')
    expect(old.value.schemaVersion).toBe(2)
    expect(old.value).toEqual(current.value)
  })

  it('keeps every version 2 field through parseSnapshot', () => {
    const s = JSON.parse(committedText) as Record<string, any>
    const extras = {
      subtitle: 'Sub',
      abstract: 'Short.',
      language: 'pt-BR',
      doNotRecord: true,
      url: 'https://pretalx.example/democon/talk/G9JGWY/',
      feedbackUrl: 'https://pretalx.example/democon/talk/G9JGWY/feedback/',
      links: [{ url: 'https://media.ccc.de/v/x', title: 'Recording', type: 'media' }],
      attachments: [{ url: 'https://pretalx.example/slides.pdf' }],
    }
    Object.assign(s.sessions[0], extras)
    s.sessions[0].speakers = [{ id: 'c-N33EUY', name: 'Stephanie Hudson', raw: 'Stephanie Hudson' }]
    const result = parseSnapshot(s)
    if (!result.ok) throw new Error(result.error)
    expect(result.value.sessions[0]).toMatchObject({ ...extras, speakers: [{ id: 'c-N33EUY', name: 'Stephanie Hudson', raw: 'Stephanie Hudson' }] })
    const schema = JSON.parse(readFileSync(join(DATA, 'snapshot.schema.json'), 'utf8')) as object
    const validate = new Ajv({ allErrors: true }).compile(schema)
    expect(validate(s), JSON.stringify(validate.errors)).toBe(true)
  })
})
