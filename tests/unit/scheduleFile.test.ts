// Opening a schedule file in the app (src/domain/scheduleFile.ts): the democon frab export and the seed's Sched
// listing become snapshots; every kind of bad file becomes the exact message the dialog shows, and the CLI builds
// the very same snapshot from the same file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { importSource } from '../../scripts/importSchedule'
import type { Snapshot } from '../../src/domain/model'
import {
  detectScheduleFormat,
  eventIdForTitle,
  fileSizeProblem,
  isZoneProblem,
  MAX_SCHEDULE_FILE_BYTES,
  readScheduleFile,
  type ScheduleFileRead,
} from '../../src/domain/scheduleFile'

const FIXTURE = join(__dirname, '../fixtures/pretalx-democon.json')
const DEMOCON = readFileSync(FIXTURE, 'utf8')
const LISTING = readFileSync(join(__dirname, '../../data/kubecon-na-2025-thursday.sched.txt'), 'utf8')
const BUNDLED = JSON.parse(readFileSync(join(__dirname, '../../data/kubecon-na-2025.snapshot.json'), 'utf8')) as Snapshot

function ok(read: ScheduleFileRead) {
  if (!read.ok) throw new Error(read.problems.map((p) => `${p.where ?? ''} ${p.message}`).join('\n'))
  return read
}

function problems(read: ScheduleFileRead) {
  if (read.ok) throw new Error('expected the file to be refused')
  return read.problems
}

describe('a frab/pretalx file', () => {
  it('reads the democon export: event, days, 36 sessions, the zone from the file, and the importer warning', async () => {
    const read = ok(await readScheduleFile({ name: 'pretalx-democon.json', text: DEMOCON }))
    expect(read.format).toBe('frab-json')
    expect(read.snapshot.event).toEqual({ id: 'democon', title: 'DemoCon', timeZone: 'UTC', days: ['2020-12-14', '2020-12-15', '2020-12-16'] })
    expect(read.snapshot.sessions).toHaveLength(36)
    expect(read.snapshot.source).toBe('frab-json:pretalx-democon.json')
    expect(read.warnings).toEqual([
      'schedule.conference.days[0].rooms["Gray Room"][0].date: the offset +01:00 differs from UTC (+00:00 then); the instant follows the date and clocks show UTC (and 35 more like it)',
    ])
  })

  it('builds the same snapshot as `npm run import` of the same file', async () => {
    const read = ok(await readScheduleFile({ name: 'pretalx-democon.json', text: DEMOCON }))
    const cli = await importSource(FIXTURE, {})
    if (!cli.ok) throw new Error('the CLI refused the fixture')
    expect(read.snapshot).toEqual(cli.snapshot)
  })

  it('takes a chosen zone over the file’s, and says so', async () => {
    const read = ok(await readScheduleFile({ name: 'schedule.json', text: DEMOCON, timeZone: 'Europe/Berlin' }))
    expect(read.snapshot.event.timeZone).toBe('Europe/Berlin')
    expect(read.warnings).toContain('schedule.conference.time_zone_name: "UTC" is overridden by the chosen zone "Europe/Berlin"')
  })

  it('lists every problem of a broken export with its JSON path', async () => {
    const doc = JSON.parse(DEMOCON) as { schedule: { conference: { days: Array<{ rooms: Record<string, Array<Record<string, unknown>>> }> } } }
    const first = doc.schedule.conference.days[0]!.rooms['Gray Room']!
    first[0]!.title = 42
    first[1]!.duration = 'half an hour'
    const list = problems(await readScheduleFile({ name: 'broken.json', text: JSON.stringify(doc) }))
    expect(list).toContainEqual({ where: 'schedule.conference.days[0].rooms["Gray Room"][0].title', message: 'expected text, found number 42' })
    expect(list.find((p) => p.where === 'schedule.conference.days[0].rooms["Gray Room"][1].duration')).toBeDefined()
  })

  it('asks for the zone when the file has none it can use', async () => {
    const doc = JSON.parse(DEMOCON) as { schedule: { conference: Record<string, unknown> } }
    doc.schedule.conference.time_zone_name = 'Mars/Olympus_Mons'
    const list = problems(await readScheduleFile({ name: 'schedule.json', text: JSON.stringify(doc) }))
    expect(list).toEqual([
      {
        where: 'schedule.conference.time_zone_name',
        message: 'unknown time zone "Mars/Olympus_Mons" (expected an IANA name like "Europe/Berlin"); choose the venue\'s zone instead',
      },
    ])
    expect(isZoneProblem(list[0]!)).toBe(true)
    ok(await readScheduleFile({ name: 'schedule.json', text: JSON.stringify(doc), timeZone: 'Europe/Berlin' }))
  })

  it('refuses text that is not JSON, and JSON that is not a frab schedule', async () => {
    const notJson = problems(await readScheduleFile({ name: 'schedule.json', text: '{"schedule": ' }))
    expect(notJson).toHaveLength(1)
    expect(notJson[0]!.where).toBeUndefined()
    expect(notJson[0]!.message).toMatch(/^Not valid JSON \(.+\)$/)
    expect(problems(await readScheduleFile({ name: 'schedule.json', text: '[1, 2]' }))).toEqual([
      { message: 'Expected a JSON object with a "schedule" key, found an array' },
    ])
    expect(problems(await readScheduleFile({ name: 'talks.json', text: '{"talks": []}' }))).toEqual([
      { where: 'schedule', message: 'expected the schedule object, it is missing' },
    ])
  })
})

describe('a Sched listing', () => {
  it('reads the seed in the venue’s zone: the bundled sessions, under an id made from the title', async () => {
    const read = ok(await readScheduleFile({ name: 'kubecon.txt', text: LISTING, timeZone: 'America/New_York' }))
    expect(read.format).toBe('sched-text')
    expect(read.snapshot.event).toEqual({ ...BUNDLED.event, id: 'kubecon-cloudnativecon-north-america-2025' })
    expect(read.warnings).toEqual([])
    // Same sessions as the bundled snapshot, but their IDs are the new event's (IDs hash the event id).
    const strip = (s: Snapshot) => s.sessions.map(({ id: _id, ...rest }) => rest)
    expect(strip(read.snapshot)).toEqual(strip(BUNDLED))
    expect(read.snapshot.sessions[0]!.id).not.toBe(BUNDLED.sessions[0]!.id)
  })

  it('refuses a zone its "EST" labels do not match, line by line, and takes the right one', async () => {
    const read = await readScheduleFile({ name: 'kubecon.txt', text: LISTING, timeZone: 'Europe/Berlin' })
    expect(!read.ok && read.aboutZone).toBe(true)
    const list = problems(read)
    expect(list[0]).toEqual({ where: 'line 5', message: 'time zone "EST" does not match Europe/Berlin, which is CET on that date' })
    expect(list.length).toBeGreaterThan(90)
    expect(list.every(isZoneProblem)).toBe(true)
  })

  it('needs a zone', async () => {
    expect(problems(await readScheduleFile({ name: 'kubecon.txt', text: LISTING }))).toEqual([
      { message: 'A Sched listing needs the venue’s time zone' },
    ])
  })

  it('lists broken lines by number', async () => {
    const text = 'Test#\nThursday, November 13, 2025#\nTalk#\nTime: 3:15pm EST - 2:45pm EST\nOther#\nVenue: B206\n'
    const read = await readScheduleFile({ name: 'broken.txt', text, timeZone: 'America/New_York' })
    expect(!read.ok && read.aboutZone).toBe(false)
    expect(problems(read)).toEqual([
      { where: 'line 4', message: 'session "Talk" ends (2:45pm) before it starts (3:15pm)' },
      { where: 'line 5', message: 'session "Other" has no Time line' },
    ])
  })
})

describe('files that are no schedule at all', () => {
  const NEITHER =
    'This is neither a frab/pretalx schedule (JSON) nor a Sched listing (a title line ending in "#", then "Time:", "Venue:"… lines).'

  it('an empty file, or one of only spaces and a byte-order mark', async () => {
    for (const text of ['', '  \n\t', '\uFEFF\n']) {
      expect(problems(await readScheduleFile({ name: 'x.json', text }))).toEqual([{ message: 'The file is empty.' }])
    }
  })

  it('a text file that is not a listing', async () => {
    const read = await readScheduleFile({ name: 'notes.txt', text: '# Notes\n\nBring a charger.\n', timeZone: 'UTC' })
    expect(problems(read)).toEqual([{ message: NEITHER }])
  })

  it('a binary file', async () => {
    expect(problems(await readScheduleFile({ name: 'slides.pdf', text: '%PDF-1.7\n\u0000\u0001binary' }))).toEqual([
      { message: `This isn't a text file. ${NEITHER}` },
    ])
  })

  it('too big or empty, by size, before anything is read', () => {
    expect(fileSizeProblem(0)).toEqual({ message: 'The file is empty.' })
    expect(fileSizeProblem(MAX_SCHEDULE_FILE_BYTES)).toBeUndefined()
    expect(fileSizeProblem(31.25 * 1024 * 1024)).toEqual({
      message: 'The file is 31.3 MB; Hallway opens schedule files up to 20.0 MB (about 10,000 sessions).',
    })
  })
})

describe('format and event id', () => {
  it('goes by the extension, and by the first character otherwise', () => {
    expect(detectScheduleFormat('schedule.JSON', 'Title#')).toBe('frab-json')
    expect(detectScheduleFormat('listing.txt', '{')).toBe('sched-text')
    expect(detectScheduleFormat('export', '\uFEFF  {"schedule": {}}')).toBe('frab-json')
    expect(detectScheduleFormat('export', 'KubeCon#')).toBe('sched-text')
    expect(detectScheduleFormat('dir.v2/export', undefined)).toBe('sched-text')
  })

  it('makes a Sched event id from the title, with a fallback for a title of no letters', () => {
    expect(eventIdForTitle('KubeCon + CloudNativeCon Europe 2026')).toBe('kubecon-cloudnativecon-europe-2026')
    expect(eventIdForTitle('Jornadas Técnicas')).toBe('jornadas-tecnicas')
    expect(eventIdForTitle('🎉🎉')).toBe('sched-listing')
  })
})
