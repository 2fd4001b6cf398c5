// Opening a schedule file in the app (src/domain/scheduleFile.ts): the democon frab export and the seed's Sched
// listing become snapshots; every kind of bad file becomes the exact message the dialog shows, and the CLI builds
// the very same snapshot from the same file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { importSource } from '../../scripts/importSchedule'
import type { Snapshot } from '../../src/domain/model'
import { leanFrab, leanListing } from '../fixtures/leanSchedule'
import {
  detectScheduleFormat,
  eventIdForTitle,
  fileSizeProblem,
  importScheduleText,
  isZoneProblem,
  MAX_SCHEDULE_FILE_BYTES,
  readScheduleFile,
  type ScheduleReadProgress,
} from '../../src/domain/scheduleFile'
import { ok, problems } from '../fixtures/scheduleReads'

const FIXTURE = join(__dirname, '../fixtures/pretalx-democon.json')
const DEMOCON = readFileSync(FIXTURE, 'utf8')
const LISTING = readFileSync(join(__dirname, '../../data/kubecon-na-2025-thursday.sched.txt'), 'utf8')
const BUNDLED = JSON.parse(readFileSync(join(__dirname, '../../data/kubecon-na-2025.snapshot.json'), 'utf8')) as Snapshot


describe('a frab/pretalx file', () => {
  it('reads the democon export: event, days, 36 sessions, the zone from the file, and the importer warning', async () => {
    const read = ok(await readScheduleFile({ name: 'pretalx-democon.json', text: DEMOCON }))
    expect(read.format).toBe('frab-json')
    // The edition's id: the acronym and the first day.
    expect(read.snapshot.event).toEqual({ id: 'democon-2020-12-14', title: 'DemoCon', timeZone: 'UTC', days: ['2020-12-14', '2020-12-15', '2020-12-16'] })
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
    expect(read.snapshot.event).toEqual({ ...BUNDLED.event, id: 'kubecon-cloudnativecon-north-america-2025-2025-11-13' })
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
    'This is not a schedule Hallway can read: not frab/pretalx JSON or XML, not c3voc schedule v2, not iCalendar, nor a Sched listing (a title line ending in "#", then "Time:", "Venue:"… lines).'

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

describe('the session cap', () => {
  /** sessions: the documented cap (README, "Other conferences"); far above the ~900 of the largest real export. */
  const CAP = 20_000
  const CAP_TEXT = (count: number) =>
    `The file holds ${count.toLocaleString('en-US')} sessions; Hallway opens schedules of up to 20,000 sessions`

  it('refuses a frab export of 20,001 sessions with the count and the cap, before reading any session', async () => {
    // Every session is broken: had they been read, the problems would be about them, not the count.
    const text = leanFrab(CAP + 1, () => ({ title: null }))
    expect(problems(await readScheduleFile({ name: 'big.json', text }))).toEqual([{ message: CAP_TEXT(CAP + 1) }])
  })

  it('opens one of exactly 20,000', async () => {
    const read = ok(await readScheduleFile({ name: 'big.json', text: leanFrab(CAP) }))
    expect(read.snapshot.sessions).toHaveLength(CAP)
  })

  it('refuses a Sched listing of 20,001 sessions the same way, and `npm run import` says the same', async () => {
    const text = leanListing(CAP + 1)
    expect(problems(await readScheduleFile({ name: 'big.txt', text, timeZone: 'America/New_York' }))).toEqual([
      { message: CAP_TEXT(CAP + 1) },
    ])
    const cli = await importScheduleText(leanFrab(CAP + 1), { format: 'frab-json', source: 'frab-json:big.json' })
    expect(cli).toEqual({ ok: false, format: 'frab-json', problems: [{ path: '(document)', message: CAP_TEXT(CAP + 1).replace(/^T/, 't') }] })
  })

  it('reports progress as it reads: the session count, and fractions that only grow, up to 1', async () => {
    const seen: ScheduleReadProgress[] = []
    ok(await readScheduleFile({ name: 'big.json', text: leanFrab(3_000) }, (p) => seen.push(p)))
    expect(seen.length).toBeGreaterThan(3)
    expect(seen.every((p) => p.sessions === 3_000)).toBe(true)
    const fractions = seen.map((p) => p.fraction)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    expect(fractions.at(-1)).toBe(1)

    const listing: ScheduleReadProgress[] = []
    ok(await readScheduleFile({ name: 'big.txt', text: leanListing(3_000), timeZone: 'America/New_York' }, (p) => listing.push(p)))
    expect(listing.length).toBeGreaterThan(3)
    expect(listing.map((p) => p.fraction)).toEqual(listing.map((p) => p.fraction).sort((a, b) => a - b))
    expect(listing.at(-1)).toEqual({ sessions: 3_000, fraction: 1 })
  })
})

describe('format and event id', () => {
  it('goes by the content, and by the extension only for text that is none of the formats', () => {
    expect(detectScheduleFormat('schedule.JSON', 'Title#')).toBe('frab-json')
    expect(detectScheduleFormat('listing.txt', '{')).toBe('frab-json')
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
