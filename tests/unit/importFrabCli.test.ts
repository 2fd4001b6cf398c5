// `npm run import -- schedule.json` for frab/pretalx exports, run in process: event id and zone come from the file,
// problems print as `file: json.path: message` on stderr, exit 1, and nothing is written.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { parseSnapshot } from '../../src/domain/snapshot'
import { importText } from '../fixtures/importRunner'

const ROOT = join(__dirname, '../..')
const FIXTURE_TEXT = readFileSync(join(__dirname, '../fixtures/pretalx-democon.json'), 'utf8')

describe('npm run import on frab/pretalx JSON', () => {
  it('writes a valid snapshot without --event-id or --time-zone, and prints the warnings', async () => {
    const r = await importText(FIXTURE_TEXT, 'democon.json')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('36 sessions, 3 day(s)')
    expect(r.stderr).toContain('democon.json: warning: schedule.conference.days[0].rooms["Gray Room"][0].date: the offset +01:00 differs from UTC')
    const snapshot = JSON.parse(readFileSync(r.out, 'utf8')) as unknown
    const schema = JSON.parse(readFileSync(join(ROOT, 'data/snapshot.schema.json'), 'utf8')) as object
    const validate = new Ajv({ allErrors: true }).compile(schema)
    expect(validate(snapshot), JSON.stringify(validate.errors)).toBe(true)
    const parsed = parseSnapshot(snapshot)
    if (!parsed.ok) throw new Error(parsed.error)
    expect(r.stdout).toContain('democon.json: read as a frab/pretalx JSON schedule, event democon-2020-12-14')
    expect(parsed.value.event).toEqual({ id: 'democon-2020-12-14', title: 'DemoCon', timeZone: 'UTC', days: ['2020-12-14', '2020-12-15', '2020-12-16'] })
    expect(parsed.value.source).toBe('frab-json:democon.json')
  })

  it('recognises frab JSON by its content whatever the extension, and honours the overrides', async () => {
    const r = await importText(FIXTURE_TEXT, 'schedule.frab', ['--event-id', 'demo-2020', '--time-zone', 'Europe/Berlin'])
    expect(r.code).toBe(0)
    const snapshot = JSON.parse(readFileSync(r.out, 'utf8')) as { event: { id: string; timeZone: string } }
    expect(snapshot.event).toMatchObject({ id: 'demo-2020', timeZone: 'Europe/Berlin' })
  })

  it('rejects a broken export with file: path: message on stderr, exits 1 and writes nothing', async () => {
    const doc = JSON.parse(FIXTURE_TEXT) as Record<string, any>
    doc.schedule.conference.days[1].rooms['Gray Room'][3].date = '2020-12-15 at noon'
    doc.schedule.conference.days[2].rooms['Tan Room'][0].duration = '-01:00'
    const r = await importText(JSON.stringify(doc), 'broken.json')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      'broken.json: schedule.conference.days[1].rooms["Gray Room"][3].date: expected a date and time like "2020-12-14T09:00:00+01:00", found "2020-12-15 at noon"',
    )
    expect(r.stderr).toContain('broken.json: schedule.conference.days[2].rooms["Tan Room"][0].duration: expected hours and minutes')
    expect(r.stderr).toContain('broken.json: read as a frab/pretalx JSON schedule')
    expect(r.stderr).toContain('import failed: 2 problem(s) in a frab/pretalx JSON schedule; nothing was written')
    expect(existsSync(r.out)).toBe(false)
  })

  it('rejects a .json file that is not JSON', async () => {
    const r = await importText('Test#\nThursday, November 13, 2025#\n', 'oops.json')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/oops\.json: \(document\): not valid JSON/)
    expect(existsSync(r.out)).toBe(false)
  })
})
