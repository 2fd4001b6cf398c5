// The frab/pretalx importer on pretalx's demo conference and on the messy variants real exports produce.
// Expected times were worked out by hand from the JSON: `date` 09:00+01:00 is 08:00Z.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import {
  DOCUMENT_PATH,
  looksLikeFrabSchedule,
  parseFrabSchedule,
  parseFrabScheduleText,
  type FrabImportOptions,
  type FrabImportResult,
} from '../../src/domain/frabParser'
import type { Session } from '../../src/domain/model'
import { parseSnapshot } from '../../src/domain/snapshot'
import { buildSnapshot } from '../../src/domain/snapshotBuild'
import { formatVenueTime } from '../../src/domain/time'

const FIXTURE_TEXT = readFileSync(join(__dirname, '../fixtures/pretalx-democon.json'), 'utf8')
const FIXTURE = JSON.parse(FIXTURE_TEXT) as Record<string, any>
const SNAPSHOT_SCHEMA = JSON.parse(readFileSync(join(__dirname, '../../data/snapshot.schema.json'), 'utf8')) as object

/** A fresh deep copy of the democon export, to corrupt. */
const democon = (): Record<string, any> => structuredClone(FIXTURE)
const conf = (doc: Record<string, any>) => doc.schedule.conference
/** Event `i` of room `room` on day index `day` (0-based, as in the JSON paths). */
const ev = (doc: Record<string, any>, day: number, room: string, i: number) => conf(doc).days[day].rooms[room][i]

function ok(result: FrabImportResult) {
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return result
}
function problems(json: unknown, options?: FrabImportOptions) {
  const r = parseFrabSchedule(json, options)
  if (r.ok) throw new Error('expected the import to be rejected')
  return r.problems
}
const byTitle = (sessions: Session[], title: string) => {
  const s = sessions.find((x) => x.title === title)
  if (!s) throw new Error(`no session "${title}"`)
  return s
}

describe('the pretalx democon export', () => {
  const result = ok(parseFrabSchedule(FIXTURE))
  const { sessions } = result

  it('imports all 36 events, 12 a day, with unique 8-hex ids', () => {
    expect(result.event).toEqual({ id: 'democon', title: 'DemoCon', timeZone: 'UTC' })
    expect(sessions).toHaveLength(36)
    const ids = new Set(sessions.map((s) => s.id))
    expect(ids.size).toBe(36)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}$/)
    const perDay = new Map<string, number>()
    for (const s of sessions) perDay.set(s.day, (perDay.get(s.day) ?? 0) + 1)
    expect(Object.fromEntries(perDay)).toEqual({ '2020-12-14': 12, '2020-12-15': 12, '2020-12-16': 12 })
  })

  it('takes instants from `date` and says once that its +01:00 offsets disagree with the declared UTC', () => {
    // "date": "2020-12-14T09:00:00+01:00", "duration": "00:30"
    const first = byTitle(sessions, 'Focused 5thgeneration hardware')
    expect([first.start, first.end, first.day]).toEqual(['2020-12-14T08:00:00Z', '2020-12-14T08:30:00Z', '2020-12-14'])
    // "date": "2020-12-14T09:00:00+01:00", "duration": "01:30"
    const workshop = byTitle(sessions, 'Managed stable function')
    expect([workshop.start, workshop.end]).toEqual(['2020-12-14T08:00:00Z', '2020-12-14T09:30:00Z'])
    // "date": "2020-12-16T15:00:00+01:00", the last talk
    const last = byTitle(sessions, 'Seamless real-time installation')
    expect([last.start, last.end, last.day]).toEqual(['2020-12-16T14:00:00Z', '2020-12-16T14:30:00Z', '2020-12-16'])
    expect(result.warnings).toEqual([
      'schedule.conference.days[0].rooms["Gray Room"][0].date: the offset +01:00 differs from UTC (+00:00 then); ' +
        'the instant follows the date and clocks show UTC (and 35 more like it)',
    ])
  })

  it('keeps rooms, persons in order, the track as type and the frab type in the description', () => {
    expect(new Set(sessions.map((s) => s.venue.room))).toEqual(new Set(['Gray Room', 'Tan Room']))
    expect(byTitle(sessions, 'Managed stable function').venue).toEqual({ room: 'Tan Room', raw: 'Tan Room' })
    const group = byTitle(sessions, 'Re-engineered bandwidth-monitored focus group')
    expect(group.speakers.map((s) => s.name)).toEqual(['Stephanie Hudson', 'Mariah Estrada', 'Kathy Wallace'])
    expect(group.speakers[0]).toEqual({ id: 'c-N33EUY', name: 'Stephanie Hudson', raw: 'Stephanie Hudson' })
    expect(group.speakersRaw).toBe('Stephanie Hudson; Mariah Estrada; Kathy Wallace')
    expect(group.type).toBe('Phased')
    expect(group.description).toBe(
      'Optimize interactive platforms!\n\nSeem then certain both try property. Soon arrive as wrong.\n' +
        'Participant perhaps look ground.\n\nFormat: Talk',
    )
    expect(new Set(sessions.map((s) => s.type))).toEqual(new Set(['Phased', 'Horizontal']))
    expect(byTitle(sessions, 'Managed stable function').description).toMatch(/\n\nFormat: Workshop$/)
  })

  it('builds a snapshot that passes parseSnapshot and data/snapshot.schema.json', async () => {
    const snapshot = await buildSnapshot(result.event, sessions, 'frab-json:pretalx-democon.json')
    expect(snapshot.event.days).toEqual(['2020-12-14', '2020-12-15', '2020-12-16'])
    const json = JSON.parse(JSON.stringify(snapshot)) as unknown
    const validate = new Ajv({ allErrors: true }).compile(SNAPSHOT_SCHEMA)
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true)
    const parsed = parseSnapshot(json)
    if (!parsed.ok) throw new Error(parsed.error)
    expect(parsed.value.sessions).toHaveLength(36)
  })

  it('reads the file text too, and recognises the shape', () => {
    expect(ok(parseFrabScheduleText(`\uFEFF${FIXTURE_TEXT}`)).sessions).toHaveLength(36)
    expect(looksLikeFrabSchedule(FIXTURE)).toBe(true)
    expect(looksLikeFrabSchedule({ conference: {} })).toBe(false)
    const bad = parseFrabScheduleText('{"schedule": ')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ path: DOCUMENT_PATH, message: expect.stringContaining('not valid JSON') })
  })
})

describe('what pretalx carries beyond the timetable', () => {
  const BASE = 'https://pretalx.example/'
  /** The democon export with `fields` set on its first talk ("Focused 5thgeneration hardware"). */
  function withFirst(fields: Record<string, unknown>, doc = democon()) {
    Object.assign(ev(doc, 0, 'Gray Room', 0), fields)
    const r = ok(parseFrabSchedule(doc))
    return { session: byTitle(r.sessions, 'Focused 5thgeneration hardware'), warnings: r.warnings }
  }

  it('keeps language, the recording flag, the talk page and the abstract', () => {
    const { sessions } = ok(parseFrabSchedule(FIXTURE))
    const first = byTitle(sessions, 'Focused 5thgeneration hardware')
    expect(first).toMatchObject({
      language: 'en',
      doNotRecord: false,
      url: 'http://localhost/democon/talk/G9JGWY/',
      abstract: 'Brand back-end models!',
    })
    // Empty in the export, so absent: nothing to show.
    for (const key of ['subtitle', 'feedbackUrl', 'links', 'attachments']) expect(first).not.toHaveProperty(key)
    expect(byTitle(sessions, 'Monitored 24hour customer loyalty').doNotRecord).toBe(true)
    expect(sessions.filter((s) => s.doNotRecord).map((s) => s.title).sort()).toEqual([
      'Down-sized directional algorithm',
      'Monitored 24hour customer loyalty',
    ])
  })

  it('keeps the subtitle apart as well as in the description, which reads as before', () => {
    const { session } = withFirst({ subtitle: '  How we  did it ' })
    expect(session.subtitle).toBe('How we  did it')
    expect(session.description.startsWith('How we  did it\n\nBrand back-end models!\n\n')).toBe(true)
  })

  it('keeps http(s) links and attachments with their titles as plain text, resolving relative ones on base_url', () => {
    const doc = democon()
    doc.schedule.base_url = BASE
    const { session, warnings } = withFirst(
      {
        feedback_url: 'https://pretalx.example/democon/talk/G9JGWY/feedback/',
        links: [
          { type: 'media', url: 'https://media.ccc.de/v/democon-25', title: 'Recording' },
          { type: 'slides', url: 'https://example.org/slides.pdf', title: '  <b>Slides</b>\n (PDF) ' },
          { url: 'http://example.org/no-title' },
        ],
        attachments: [{ type: 'slides', url: '/media/democon/slides.pdf', title: 'Slides' }],
      },
      doc,
    )
    expect(session.feedbackUrl).toBe('https://pretalx.example/democon/talk/G9JGWY/feedback/')
    expect(session.links).toEqual([
      { url: 'https://media.ccc.de/v/democon-25', title: 'Recording', type: 'media' },
      { url: 'https://example.org/slides.pdf', title: '<b>Slides</b> (PDF)', type: 'slides' },
      { url: 'http://example.org/no-title' },
    ])
    expect(session.attachments).toEqual([{ url: 'https://pretalx.example/media/democon/slides.pdf', title: 'Slides', type: 'slides' }])
    expect(warnings.filter((w) => !w.includes('differs from UTC'))).toEqual([])
  })

  it('refuses unsafe or unreadable links with a warning, keeping the rest of the file and of the talk', () => {
    const P = 'schedule.conference.days[0].rooms["Gray Room"][0]'
    const doc = democon()
    delete doc.schedule.base_url
    const { session, warnings } = withFirst({
      url: 'javascript:alert(1)',
      feedback_url: 'data:text/html,<script>alert(1)</script>',
      links: [
        { url: 'javascript:alert(document.cookie)', title: 'Slides' },
        { url: 'https://user:secret@evil.example/', title: 'Login' },
        { url: '/relative/without/base', title: 'Relative' },
        { url: 'https://example.org/ok', title: 42, type: 'hologram' },
        'https://bare.example/',
        null,
      ],
      attachments: { url: 'https://example.org/not-a-list' },
    }, doc)
    for (const key of ['url', 'feedbackUrl', 'attachments']) expect(session).not.toHaveProperty(key)
    expect(session.links).toEqual([{ url: 'https://example.org/ok' }])
    expect(warnings).toEqual(
      expect.arrayContaining([
        `${P}.url: "javascript:alert(1)" is not an http(s) address; left out`,
        `${P}.feedback_url: "data:text/html,<script>alert(1)</script>" is not an http(s) address; left out`,
        `${P}.links[0].url: "javascript:alert(document.cookie)" is not an http(s) address; left out`,
        `${P}.links[1].url: "https://user:secret@evil.example/" carries a user name or password; left out`,
        `${P}.links[2].url: "/relative/without/base" is relative, and neither base_url nor the talk's url can resolve it; left out`,
        `${P}.links[4]: expected a link object with a url, found "https://bare.example/"; left out (and 1 more like it)`,
        `${P}.links[3].title: expected text, found number 42; the link is kept without it`,
        `${P}.links[3].type: "hologram" is not a known link type; the link is kept without it`,
        `${P}.attachments: expected an array of links, found an object; left out`,
      ]),
    )
    expect(session.title).toBe('Focused 5thgeneration hardware')
  })

  it('takes a short language tag in its usual case, and leaves anything else out with a warning', () => {
    expect(withFirst({ language: 'EN' }).session.language).toBe('en')
    expect(withFirst({ language: 'pt_br' }).session.language).toBe('pt-BR')
    expect(withFirst({ language: 'zh-hant-tw' }).session.language).toBe('zh-Hant-TW')
    expect(withFirst({ language: '' }).session).not.toHaveProperty('language')
    for (const bad of ['English', 'en; DROP TABLE', 'e', '<script>', 12]) {
      const { session, warnings } = withFirst({ language: bad })
      expect(session).not.toHaveProperty('language')
      expect(warnings.some((w) => w.includes('[0].language:')), String(bad)).toBe(true)
    }
  })

  it('takes do_not_record only as a boolean', () => {
    expect(withFirst({ do_not_record: true }).session.doNotRecord).toBe(true)
    expect(withFirst({ do_not_record: null }).session).not.toHaveProperty('doNotRecord')
    const { session, warnings } = withFirst({ do_not_record: 'yes' })
    expect(session).not.toHaveProperty('doNotRecord')
    expect(warnings).toContain('schedule.conference.days[0].rooms["Gray Room"][0].do_not_record: expected true or false, found "yes"; left out')
  })

  it('gives each speaker the person\'s code, id or guid, so re-imports keep speaker pages', () => {
    const guid = '7E0C4F3A-1B2C-5D6E-8F90-A1B2C3D4E5F6'
    const { session, warnings } = withFirst({
      persons: [
        { id: 26, code: 'NQTF8Y', public_name: 'Brian Robinson' },
        { id: 7, public_name: 'Frab Person' },
        { guid, name: 'Guid Person' },
        { code: 'not a code!', id: 9, public_name: 'Odd Code' },
        { id: -3, public_name: 'No Usable Id' },
        'Bare Name',
      ],
    })
    expect(session.speakers).toEqual([
      { id: 'c-NQTF8Y', name: 'Brian Robinson', raw: 'Brian Robinson' },
      { id: 'i-7', name: 'Frab Person', raw: 'Frab Person' },
      { id: `g-${guid.toLowerCase()}`, name: 'Guid Person', raw: 'Guid Person' },
      { id: 'i-9', name: 'Odd Code', raw: 'Odd Code' },
      { name: 'No Usable Id', raw: 'No Usable Id' },
      { name: 'Bare Name', raw: 'Bare Name' },
    ])
    expect(warnings).toEqual(
      expect.arrayContaining([
        'schedule.conference.days[0].rooms["Gray Room"][0].persons[3].code: "not a code!" cannot be a speaker id; the next id or the name is used (and 1 more like it)',
      ]),
    )
  })

  it('builds a snapshot with all of it that passes parseSnapshot and data/snapshot.schema.json', async () => {
    const doc = democon()
    doc.schedule.base_url = BASE
    Object.assign(ev(doc, 0, 'Gray Room', 0), {
      subtitle: 'Sub',
      feedback_url: `${BASE}feedback/`,
      links: [{ type: 'media', url: 'https://media.ccc.de/v/democon-25', title: 'Recording' }],
      attachments: [{ url: 'slides.pdf', title: 'Slides' }],
    })
    const r = ok(parseFrabSchedule(doc))
    const snapshot = await buildSnapshot(r.event, r.sessions, 'frab-json:x')
    expect(snapshot.schemaVersion).toBe(2)
    const json = JSON.parse(JSON.stringify(snapshot)) as unknown
    const validate = new Ajv({ allErrors: true }).compile(SNAPSHOT_SCHEMA)
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true)
    const parsed = parseSnapshot(json)
    if (!parsed.ok) throw new Error(parsed.error)
    expect(parsed.value).toEqual(snapshot)
  })
})

describe('stable IDs', () => {
  const before = ok(parseFrabSchedule(FIXTURE)).sessions
  const idOf = (sessions: Session[], title: string) => byTitle(sessions, title).id

  it('survive a re-import where a talk moved in time and room and was retitled', () => {
    const doc = democon()
    // Move "Focused 5thgeneration hardware" from Gray Room 09:00 on day 1 to Tan Room 16:00 on day 2.
    const [moved] = conf(doc).days[0].rooms['Gray Room'].splice(0, 1)
    Object.assign(moved, { date: '2020-12-15T16:00:00+01:00', start: '16:00', room: 'Tan Room', title: 'Focused 5th-generation hardware' })
    conf(doc).days[1].rooms['Tan Room'].push(moved)
    const after = ok(parseFrabSchedule(doc)).sessions
    const m = byTitle(after, 'Focused 5th-generation hardware')
    expect(m.id).toBe(idOf(before, 'Focused 5thgeneration hardware'))
    expect([m.start, m.day, m.venue.room]).toEqual(['2020-12-15T15:00:00Z', '2020-12-15', 'Tan Room'])
    // Every other session keeps its id as well.
    const beforeIds = new Map(before.map((s) => [s.title, s.id]))
    for (const s of after) if (s !== m) expect(s.id).toBe(beforeIds.get(s.title))
  })

  it('are the same whatever the guid case, and scoped to the event id', () => {
    const doc = democon()
    ev(doc, 0, 'Gray Room', 0).guid = ev(doc, 0, 'Gray Room', 0).guid.toUpperCase()
    expect(idOf(ok(parseFrabSchedule(doc)).sessions, 'Focused 5thgeneration hardware')).toBe(idOf(before, 'Focused 5thgeneration hardware'))
    const other = ok(parseFrabSchedule(FIXTURE, { eventId: 'democon-2' }))
    expect(other.event.id).toBe('democon-2')
    expect(idOf(other.sessions, 'Focused 5thgeneration hardware')).not.toBe(idOf(before, 'Focused 5thgeneration hardware'))
  })

  it('fall back to `id` without a guid, and to the title (with a warning) without either', () => {
    const doc = democon()
    delete ev(doc, 0, 'Gray Room', 0).guid
    delete ev(doc, 0, 'Gray Room', 1).guid
    delete ev(doc, 0, 'Gray Room', 1).id
    const r = ok(parseFrabSchedule(doc))
    expect(new Set(r.sessions.map((s) => s.id)).size).toBe(36)
    expect(r.warnings).toContain(
      'schedule.conference.days[0].rooms["Gray Room"][1]: has neither guid nor id; its ID comes from the title, so a rename would lose its stars',
    )
    // Retiming the id-keyed talk keeps its id.
    const doc2 = structuredClone(doc)
    ev(doc2, 0, 'Gray Room', 0).date = '2020-12-14T17:00:00+01:00'
    const title = 'Focused 5thgeneration hardware'
    expect(idOf(ok(parseFrabSchedule(doc2)).sessions, title)).toBe(idOf(r.sessions, title))
  })
})

describe('time zones', () => {
  it('uses a named zone that agrees with the offsets without a warning', () => {
    const doc = democon()
    conf(doc).time_zone_name = 'Europe/Berlin'
    const r = ok(parseFrabSchedule(doc))
    expect(r.event.timeZone).toBe('Europe/Berlin')
    expect(r.warnings).toEqual([])
    const s = byTitle(r.sessions, 'Focused 5thgeneration hardware')
    expect(s.start).toBe('2020-12-14T08:00:00Z')
    expect(formatVenueTime(s.start, r.event.timeZone)).toBe('9:00 AM')
  })

  it('falls back to the one offset all dates share when time_zone_name is missing', () => {
    const doc = democon()
    delete conf(doc).time_zone_name
    const r = ok(parseFrabSchedule(doc))
    expect(r.event.timeZone).toBe('Etc/GMT-1')
    const s = byTitle(r.sessions, 'Focused 5thgeneration hardware')
    expect(s.start).toBe('2020-12-14T08:00:00Z')
    expect(formatVenueTime(s.start, r.event.timeZone)).toBe('9:00 AM')
    expect(r.warnings).toEqual([
      'schedule.conference.time_zone_name: missing; every date is at UTC+01:00, so times are shown in the fixed zone Etc/GMT-1 (no daylight-saving changes)',
    ])
  })

  it('maps a +00:00 or Z offset to UTC', () => {
    const doc = democon()
    conf(doc).time_zone_name = null
    for (const day of conf(doc).days) for (const list of Object.values<any[]>(day.rooms)) for (const e of list) e.date = e.date.replace('+01:00', 'Z')
    const r = ok(parseFrabSchedule(doc))
    expect(r.event.timeZone).toBe('UTC')
    expect(byTitle(r.sessions, 'Focused 5thgeneration hardware').start).toBe('2020-12-14T09:00:00Z')
  })

  it('rejects a missing zone when the offsets disagree, naming both places', () => {
    const doc = democon()
    delete conf(doc).time_zone_name
    ev(doc, 1, 'Tan Room', 2).date = '2020-12-15T14:00:00+02:00'
    expect(problems(doc)).toEqual([
      {
        path: 'schedule.conference.time_zone_name',
        message:
          'missing, and the event dates disagree on the UTC offset (+01:00 at schedule.conference.days[0].rooms["Gray Room"][0].date, ' +
          '+02:00 at schedule.conference.days[1].rooms["Tan Room"][2].date); add time_zone_name to the file or choose the venue\'s time zone',
      },
    ])
  })

  it('rejects a missing zone when a date has no offset, and accepts it once the zone is given', () => {
    const doc = democon()
    delete conf(doc).time_zone_name
    ev(doc, 2, 'Gray Room', 4).date = '2020-12-16T12:00:00'
    expect(problems(doc)).toEqual([
      {
        path: 'schedule.conference.time_zone_name',
        message:
          'missing, and the date at schedule.conference.days[2].rooms["Gray Room"][4].date has no UTC offset; add time_zone_name to the file or choose the venue\'s time zone',
      },
    ])
    // With the zone chosen, the offset-less date is venue wall-clock time.
    const r = ok(parseFrabSchedule(doc, { timeZone: 'Europe/Berlin' }))
    expect(byTitle(r.sessions, 'Ergonomic multi-state installation').start).toBe('2020-12-16T11:00:00Z')
  })

  it('rejects a missing zone with a half-hour offset (no fixed-offset zone exists), unless one is chosen', () => {
    const doc = democon()
    delete conf(doc).time_zone_name
    for (const day of conf(doc).days) for (const list of Object.values<any[]>(day.rooms)) for (const e of list) e.date = e.date.replace('+01:00', '+05:30')
    expect(problems(doc)[0]!.message).toContain('the offset +05:30 in the dates has no fixed-offset zone')
    const r = ok(parseFrabSchedule(doc, { timeZone: 'Asia/Kolkata' }))
    expect(r.event.timeZone).toBe('Asia/Kolkata')
    expect(r.warnings).toEqual([])
    expect(byTitle(r.sessions, 'Focused 5thgeneration hardware').start).toBe('2020-12-14T03:30:00Z')
  })

  it('rejects an unknown zone name, and an option overrides the file with a warning', () => {
    const doc = democon()
    conf(doc).time_zone_name = 'Europe/Berln'
    expect(problems(doc)).toEqual([
      { path: 'schedule.conference.time_zone_name', message: expect.stringContaining('unknown time zone "Europe/Berln"') },
    ])
    expect(problems(FIXTURE, { timeZone: 'Mars/Olympus' })).toEqual([{ path: 'options.timeZone', message: 'unknown time zone "Mars/Olympus"' }])
    const r = ok(parseFrabSchedule(FIXTURE, { timeZone: 'Europe/Berlin' }))
    expect(r.event.timeZone).toBe('Europe/Berlin')
    expect(r.warnings).toEqual(['schedule.conference.time_zone_name: "UTC" is overridden by the chosen zone "Europe/Berlin"'])
  })

  it('puts a session on the venue day it starts, even when frab lists it under the day before', () => {
    const doc = democon()
    conf(doc).time_zone_name = 'Europe/Berlin'
    Object.assign(ev(doc, 0, 'Tan Room', 2), { date: '2020-12-15T01:00:00+01:00', start: '01:00' })
    const s = byTitle(ok(parseFrabSchedule(doc)).sessions, 'Monitored 24hour customer loyalty')
    expect([s.start, s.day]).toEqual(['2020-12-15T00:00:00Z', '2020-12-15'])
  })
})

describe('messy but clear exports import without loss', () => {
  it('keeps rooms that are not in the room list, and rooms with no room list at all', () => {
    const doc = democon()
    conf(doc).days[1].rooms['Room 2'] = [{ ...ev(doc, 1, 'Gray Room', 0), guid: 'f0000000-0000-4000-8000-000000000002', room: 'Room 2' }]
    delete conf(doc).rooms
    const r = ok(parseFrabSchedule(doc))
    expect(r.sessions).toHaveLength(37)
    expect(r.sessions.filter((s) => s.venue.room === 'Room 2')).toHaveLength(1)
  })

  it('uses the event\'s own room when it differs from its list key, with a warning', () => {
    const doc = democon()
    ev(doc, 0, 'Tan Room', 0).room = 'Tan Room (upstairs)'
    const r = ok(parseFrabSchedule(doc))
    expect(byTitle(r.sessions, 'Managed stable function').venue.room).toBe('Tan Room (upstairs)')
    expect(r.warnings).toContain(
      'schedule.conference.days[0].rooms["Tan Room"][0].room: "Tan Room (upstairs)" differs from the room it is listed under ("Tan Room"); the event\'s own room is used',
    )
  })

  it('accepts empty and null persons, and names from name / full_public_name', () => {
    const doc = democon()
    ev(doc, 0, 'Gray Room', 0).persons = []
    ev(doc, 0, 'Gray Room', 1).persons = null
    delete ev(doc, 0, 'Gray Room', 2).persons
    ev(doc, 0, 'Gray Room', 3).persons = [{ name: 'Ada Lovelace' }, { full_public_name: '  Grace   Hopper ' }, { code: 'X' }]
    const r = ok(parseFrabSchedule(doc))
    for (const title of ['Focused 5thgeneration hardware', 'Quality-focused 6thgeneration website', 'Secured mobile concept']) {
      const s = byTitle(r.sessions, title)
      expect([s.speakers, s.speakersRaw]).toEqual([[], ''])
    }
    const s = byTitle(r.sessions, 'Focused contextually-based help-desk')
    expect(s.speakers.map((p) => p.name)).toEqual(['Ada Lovelace', 'Grace Hopper'])
    expect(s.speakersRaw).toBe('Ada Lovelace; Grace Hopper')
    expect(r.warnings).toContain(
      'schedule.conference.days[0].rooms["Gray Room"][3].persons[2]: a person without public_name, name or full_public_name was left out',
    )
  })

  it('reads null text fields as empty, and falls back to the frab type without a track', () => {
    const doc = democon()
    Object.assign(ev(doc, 0, 'Tan Room', 0), { abstract: null, description: null, subtitle: null, track: null, language: null })
    Object.assign(ev(doc, 0, 'Tan Room', 1), { track: null, type: null, abstract: 'Short.', description: 'Short.\n\nLonger.', subtitle: 'A subtitle' })
    const r = ok(parseFrabSchedule(doc))
    const a = byTitle(r.sessions, 'Managed stable function')
    expect([a.type, a.description]).toEqual(['Workshop', ''])
    // The abstract that opens the description is shown once.
    const b = byTitle(r.sessions, 'Secured grid-enabled policy')
    expect([b.type, b.description]).toEqual(['', 'A subtitle\n\nShort.\n\nLonger.'])
  })

  it.each([
    ['25:30', '2020-12-15T09:30:00Z'],
    ['48:00', '2020-12-16T08:00:00Z'],
    ['1:30', '2020-12-14T09:30:00Z'],
    ['00:30:30', '2020-12-14T08:30:30Z'],
    ['00:00', '2020-12-14T08:00:00Z'],
  ])('reads duration %s', (duration, end) => {
    const doc = democon()
    ev(doc, 0, 'Gray Room', 0).duration = duration
    const s = byTitle(ok(parseFrabSchedule(doc)).sessions, 'Focused 5thgeneration hardware')
    expect([s.start, s.end]).toEqual(['2020-12-14T08:00:00Z', end])
  })

  it('prefers `end` to the deprecated duration, warning when they disagree', () => {
    const doc = democon()
    ev(doc, 0, 'Gray Room', 0).end = '2020-12-14T09:45:00+01:00'
    const r = ok(parseFrabSchedule(doc))
    expect(byTitle(r.sessions, 'Focused 5thgeneration hardware').end).toBe('2020-12-14T08:45:00Z')
    expect(r.warnings).toContain('schedule.conference.days[0].rooms["Gray Room"][0].end: disagrees with "duration"; the end time is used')
  })

  it('uses the day\'s date and `start` when `date` is missing, after midnight on the next day', () => {
    const doc = democon()
    conf(doc).time_zone_name = 'Europe/Berlin'
    delete ev(doc, 0, 'Gray Room', 0).date
    Object.assign(ev(doc, 0, 'Gray Room', 1), { date: null, start: '01:30' }) // day_start is 04:00
    const r = ok(parseFrabSchedule(doc))
    expect(byTitle(r.sessions, 'Focused 5thgeneration hardware').start).toBe('2020-12-14T08:00:00Z')
    const late = byTitle(r.sessions, 'Quality-focused 6thgeneration website')
    expect([late.start, late.day]).toEqual(['2020-12-15T00:30:00Z', '2020-12-15'])
    expect(r.warnings).toContain(
      'schedule.conference.days[0].rooms["Gray Room"][0].date: missing; the time is the day\'s date with "start" (and 1 more like it)',
    )
  })

  it('makes an event id from the title when there is no acronym, and accepts an id option', () => {
    const doc = democon()
    delete conf(doc).acronym
    conf(doc).title = 'Démo Con 2020!'
    const r = ok(parseFrabSchedule(doc))
    expect(r.event.id).toBe('demo-con-2020')
    expect(r.warnings).toContain(
      'schedule.conference.acronym: missing; the event id "demo-con-2020" is made from the title, so renaming the conference would lose stars',
    )
    expect(problems(FIXTURE, { eventId: '../etc' })[0]!.path).toBe('options.eventId')
  })
})

describe('unclear input is rejected with the JSON path', () => {
  const at = (path: string, message: string | RegExp) => ({ path, message: typeof message === 'string' ? message : expect.stringMatching(message) })

  it('an unparseable date', () => {
    const doc = democon()
    ev(doc, 1, 'Gray Room', 3).date = '2020-12-15T25:00:00+01:00'
    expect(problems(doc)).toEqual([
      at('schedule.conference.days[1].rooms["Gray Room"][3].date', 'expected a date and time like "2020-12-14T09:00:00+01:00", found "2020-12-15T25:00:00+01:00"'),
    ])
  })

  it('impossible calendar dates and offsets', () => {
    for (const date of ['2020-02-30T09:00:00+01:00', '2020-12-14T09:00:00+15:00', '14.12.2020 09:00', '']) {
      const doc = democon()
      ev(doc, 0, 'Gray Room', 0).date = date
      expect(problems(doc)).toEqual([at('schedule.conference.days[0].rooms["Gray Room"][0].date', /^expected a date and time/)])
    }
  })

  it.each(['-00:30', '1h30', '01:75', '', '9999:00'])('a negative or garbage duration %j', (duration) => {
    const doc = democon()
    ev(doc, 0, 'Tan Room', 1).duration = duration
    expect(problems(doc)).toEqual([at('schedule.conference.days[0].rooms["Tan Room"][1].duration', /expected hours and minutes|longer than 744 hours/)])
  })

  it('a missing duration and end, or an end before the start', () => {
    const doc = democon()
    delete ev(doc, 0, 'Tan Room', 1).duration
    ev(doc, 0, 'Tan Room', 2).end = '2020-12-14T08:00:00+01:00'
    expect(problems(doc)).toEqual([
      at('schedule.conference.days[0].rooms["Tan Room"][1].duration', 'missing: an event needs a duration ("HH:MM") or an end'),
      at('schedule.conference.days[0].rooms["Tan Room"][2].end', 'ends (2020-12-14T07:00:00Z) before it starts (2020-12-14T13:00:00Z)'),
    ])
  })

  it('a missing or empty title', () => {
    const doc = democon()
    delete ev(doc, 2, 'Gray Room', 1).title
    ev(doc, 2, 'Tan Room', 0).title = '   '
    expect(problems(doc)).toEqual([
      at('schedule.conference.days[2].rooms["Gray Room"][1].title', 'missing title'),
      at('schedule.conference.days[2].rooms["Tan Room"][0].title', 'the title is empty'),
    ])
  })

  it('a duplicate guid, naming the first', () => {
    const doc = democon()
    ev(doc, 1, 'Tan Room', 0).guid = ev(doc, 0, 'Gray Room', 2).guid
    expect(problems(doc)).toEqual([
      at(
        'schedule.conference.days[1].rooms["Tan Room"][0].guid',
        'duplicate guid "a179c8ac-e6eb-5b25-8ed0-c5828ef7b6d9" (also at schedule.conference.days[0].rooms["Gray Room"][2])',
      ),
    ])
  })

  it('a duplicate id when there are no guids', () => {
    const doc = democon()
    delete ev(doc, 0, 'Gray Room', 0).guid
    delete ev(doc, 0, 'Gray Room', 1).guid
    ev(doc, 0, 'Gray Room', 1).id = 25
    expect(problems(doc)).toEqual([
      at('schedule.conference.days[0].rooms["Gray Room"][1].id', 'duplicate id 25 (also at schedule.conference.days[0].rooms["Gray Room"][0])'),
    ])
  })

  it('text fields of the wrong type', () => {
    const doc = democon()
    ev(doc, 0, 'Gray Room', 0).abstract = { en: 'Hi' }
    ev(doc, 0, 'Gray Room', 1).persons = 'Brian Robinson'
    expect(problems(doc)).toEqual([
      at('schedule.conference.days[0].rooms["Gray Room"][0].abstract', 'expected text or null, found an object'),
      at('schedule.conference.days[0].rooms["Gray Room"][1].persons', 'expected an array of persons, found "Brian Robinson"'),
    ])
  })

  it.each([
    ['null', null],
    ['a string', 'schedule'],
    ['an array', [FIXTURE]],
    ['a number', 42],
  ])('a document that is not an object: %s', (_name, json) => {
    expect(problems(json)).toEqual([at(DOCUMENT_PATH, /^expected a JSON object with a "schedule" key, found /)])
  })

  it('the wrong top-level shape', () => {
    expect(problems(FIXTURE.schedule)).toEqual([at('schedule', /it is missing \(this looks like the conference object alone/)])
    expect(problems({ schedule: [] })).toEqual([at('schedule', 'expected the schedule object, found an array')])
    expect(problems({ schedule: { version: 'x' } })).toEqual([at('schedule.conference', 'expected the conference object, it is missing')])
    const doc = democon()
    conf(doc).days = {}
    expect(problems(doc)).toEqual([at('schedule.conference.days', 'expected an array of days, found an object')])
    conf(doc).days = [{ index: 1, rooms: [] }, 'day two']
    expect(problems(doc)).toEqual([
      at('schedule.conference.days[0].rooms', 'expected an object of room name → events, found an array'),
      at('schedule.conference.days[1]', 'expected a day object, found "day two"'),
    ])
    conf(doc).days = [{ index: 1, rooms: { A: [] } }]
    expect(problems(doc)).toEqual([at('schedule.conference.days', 'no sessions found')])
  })

  it('reports every problem, not just the first', () => {
    const doc = democon()
    ev(doc, 0, 'Gray Room', 0).date = 'soon'
    ev(doc, 2, 'Tan Room', 2).duration = '-1'
    delete ev(doc, 1, 'Gray Room', 5).title
    expect(problems(doc).map((p) => p.path)).toEqual([
      'schedule.conference.days[0].rooms["Gray Room"][0].date',
      'schedule.conference.days[1].rooms["Gray Room"][5].title',
      'schedule.conference.days[2].rooms["Tan Room"][2].duration',
    ])
  })
})

describe('never throws', () => {
  const JUNK: unknown[] = [undefined, null, 0, -1, 1e308, NaN, true, '', ' ', 'x', '-99:99', '9999-99-99T99:99:99Z', [], {}, [null], { a: 1 }]
  const eventKeys = Object.keys(FIXTURE.schedule.conference.days[0].rooms['Gray Room'][0] as object)

  it('on junk in every event field, and every accepted result makes a valid snapshot', async () => {
    const validate = new Ajv({ allErrors: true }).compile(SNAPSHOT_SCHEMA)
    for (const key of [...eventKeys, 'end', 'feedback_url']) {
      for (const junk of JUNK) {
        const doc = democon()
        ev(doc, 0, 'Gray Room', 0)[key] = junk
        let result: FrabImportResult | undefined
        expect(() => (result = parseFrabSchedule(doc)), `${key} = ${String(junk)}`).not.toThrow()
        if (result?.ok) {
          const json = JSON.parse(JSON.stringify(await buildSnapshot(result.event, result.sessions, 'frab-json:x'))) as unknown
          expect(parseSnapshot(json).ok, `${key} = ${String(junk)}`).toBe(true)
          expect(validate(json), `${key} = ${String(junk)}: ${JSON.stringify(validate.errors)}`).toBe(true)
        } else {
          expect(result!.problems.length).toBeGreaterThan(0)
        }
      }
    }
  })

  it('on junk in conference and day fields', () => {
    for (const key of [...Object.keys(FIXTURE.schedule.conference as object), 'schedule']) {
      for (const junk of JUNK) {
        const doc = democon()
        if (key === 'schedule') doc.schedule = junk
        else conf(doc)[key] = junk
        expect(() => parseFrabSchedule(doc), `${key} = ${String(junk)}`).not.toThrow()
      }
    }
    for (const key of ['date', 'day_start', 'rooms']) {
      for (const junk of JUNK) {
        const doc = democon()
        conf(doc).days[0][key] = junk
        delete ev(doc, 1, 'Gray Room', 0).date
        expect(() => parseFrabSchedule(doc), `day ${key} = ${String(junk)}`).not.toThrow()
      }
    }
  })
})
