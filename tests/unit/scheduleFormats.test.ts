// The formats beside frab JSON, on real exports: frab XML (FOSDEM 2023's Pentabarf export, and the democon export turned
// into pretalx's XML), c3voc schedule v2 (the 38C3 hub example of voc/schedule), iCalendar (pretalx's shape, with a
// VTIMEZONE); detection by content; problems placed in the file; event ids per edition.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseXml } from '../../scripts/xmlParser'
import { editionOverlap, snapshotAsEvent } from '../../src/domain/editions'
import type { VenueDay } from '../../src/domain/model'
import {
  detectScheduleFormat,
  editionEventId,
  importScheduleText,
  readScheduleFile,
  separateEventId,
} from '../../src/domain/scheduleFile'
import { MAX_OCCURRENCES } from '../../src/domain/icalSource'
import { fileZoneText } from '../../src/ui/events/eventText'
import { ok, problems } from '../fixtures/scheduleReads'

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures', name), 'utf8')
const FOSDEM_XML = fixture('fosdem-2023-excerpt.xml')
const HUB_V2 = fixture('c3voc-hub-38c3.json')
const ICS = fixture('democon-pretalx.ics')
const DEMOCON = fixture('pretalx-democon.json')


/** `text` with `extra` VEVENTs added before the calendar's end. */
function withEvents(text: string, ...extra: string[]): string {
  return text.replace('END:VCALENDAR', `${extra.map((e) => `BEGIN:VEVENT\r\n${e}\r\nEND:VEVENT`).join('\r\n')}\r\nEND:VCALENDAR`)
}

describe('detection by content', () => {
  it('tells every format apart whatever the file is called', () => {
    expect(detectScheduleFormat('schedule.txt', FOSDEM_XML)).toBe('frab-xml')
    expect(detectScheduleFormat('schedule.json', ICS)).toBe('ical')
    expect(detectScheduleFormat('export', HUB_V2)).toBe('c3voc-v2')
    expect(detectScheduleFormat('schedule.xml', DEMOCON)).toBe('frab-json')
    expect(detectScheduleFormat('broken.xml', 'not quite')).toBe('frab-xml')
  })

  it('reads an .xml file as XML, never as a Sched listing', async () => {
    const read = await readScheduleFile({ name: 'feed.xml', text: '<?xml version="1.0"?><rss><channel/></rss>', parseXml })
    expect(read.format).toBe('frab-xml')
    expect(problems(read)).toEqual([{ message: 'This is an XML file, but not a frab schedule: its root element is <rss>, not <schedule>' }])
  })

  it('asks for an XML parser when it has none (a Web Worker), instead of failing', async () => {
    expect(await readScheduleFile({ name: 'schedule.xml', text: FOSDEM_XML })).toEqual({ ok: false, format: 'frab-xml', problems: [], needsXmlParser: true })
  })
})

describe('frab XML', () => {
  it('reads FOSDEM’s export: times in the chosen zone, track as type, persons with their ids, links and attachments', async () => {
    const read = ok(await readScheduleFile({ name: 'fosdem.xml', text: FOSDEM_XML, timeZone: 'Europe/Brussels', parseXml }))
    expect(read.format).toBe('frab-xml')
    expect(read.snapshot.event).toEqual({ id: 'fosdem-2023-2023-02-04', title: 'FOSDEM 2023', timeZone: 'Europe/Brussels', days: ['2023-02-04'] })
    const [welcome, anniversary] = read.snapshot.sessions
    expect(welcome).toMatchObject({
      title: 'Welcome to FOSDEM 2023',
      start: '2023-02-04T08:30:00Z',
      end: '2023-02-04T08:55:00Z',
      type: 'Keynotes',
      venue: { room: 'Janson' },
      speakers: [{ id: 'i-6', name: 'FOSDEM Staff' }, { id: 'i-497', name: 'Richard Hartmann' }],
      attachments: [{ title: 'Slides', type: 'slides' }],
    })
    expect(welcome!.links).toHaveLength(3)
    expect(anniversary).toMatchObject({ subtitle: 'Past, Present, and Future', start: '2023-02-04T09:00:00Z' })
    // Warnings name the element and its line, as xmldom records them.
    expect(read.warnings).toContain(
      'schedule/day[1]/room[@name="Janson"]/event[1] (line 18): missing; the time is the day\'s date with "start" (and 1 more like it)',
    )
  })

  it('without a zone, points at the zone choice, placed in the XML', async () => {
    const read = await readScheduleFile({ name: 'fosdem.xml', text: FOSDEM_XML, parseXml })
    if (read.ok) throw new Error('expected a zone problem')
    expect(read.aboutZone).toBe(true)
  })

  it('places each problem at its element and line, and builds nothing', async () => {
    const broken = FOSDEM_XML.replace('<duration>00:50</duration>', '<duration>fifty</duration>').replace('<start>09:30</start>', '<start>half past</start>')
    expect(problems(await readScheduleFile({ name: 'fosdem.xml', text: broken, timeZone: 'Europe/Brussels', parseXml }))).toEqual([
      {
        where: 'schedule/day[1]/room[@name="Janson"]/event[1] (line 18)',
        message: 'missing, so "start" ("HH:MM") is needed with the day\'s date, but found "half past"',
      },
      {
        where: 'schedule/day[1]/room[@name="Janson"]/event[2]/duration (line 45)',
        message: 'expected hours and minutes like "01:30" (or "48:00", "1:30", "01:30:00"), found "fifty"',
      },
    ])
  })

  it('says where XML that is not well-formed breaks', async () => {
    const cut = FOSDEM_XML.replace('</title>\n        <subtitle/>', '\n        <subtitle/>')
    const [p, ...rest] = problems(await readScheduleFile({ name: 'fosdem.xml', text: cut, timeZone: 'UTC', parseXml }))
    expect(rest).toEqual([])
    expect(p!.message).toMatch(/^This looks like an XML file, but it is not well-formed XML \(line 41, column \d+: .*"title".*\)$/)
  })

  it('reads the democon export as pretalx writes it in XML the same as its JSON', async () => {
    const json = ok(await readScheduleFile({ name: 'democon.json', text: DEMOCON }))
    const xml = ok(await readScheduleFile({ name: 'democon.xml', text: democonAsXml(), parseXml }))
    expect(xml.snapshot.event).toEqual(json.snapshot.event)
    expect(xml.snapshot.sessions.map((s) => [s.id, s.title, s.start, s.end, s.venue.room, s.speakers.map((p) => p.name)])).toEqual(
      json.snapshot.sessions.map((s) => [s.id, s.title, s.start, s.end, s.venue.room, s.speakers.map((p) => p.name)]),
    )
  })
})

/** The democon JSON export in pretalx's schedule.xml shape (pretalx writes both from one schedule). */
function democonAsXml(): string {
  const doc = JSON.parse(DEMOCON) as { schedule: { conference: { acronym: string; title: string; time_zone_name: string; days: any[] } } }
  const c = doc.schedule.conference
  const esc = (v: unknown) => String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const days = c.days.map((day: any, i: number) => {
    const rooms = Object.entries(day.rooms as Record<string, any[]>).map(([name, events]) => {
      const items = events.map((e) => {
        const persons = (e.persons as any[]).map((p) => `<person id="${p.id ?? ''}">${esc(p.public_name)}</person>`).join('')
        return `<event guid="${e.guid}" id="${e.id}"><date>${e.date}</date><start>${e.start}</start><duration>${e.duration}</duration><room>${esc(e.room)}</room><title>${esc(e.title)}</title><subtitle>${esc(e.subtitle)}</subtitle><track>${esc(e.track)}</track><type>${esc(e.type)}</type><language>${esc(e.language)}</language><abstract>${esc(e.abstract)}</abstract><description>${esc(e.description)}</description><persons>${persons}</persons></event>`
      })
      return `<room name="${esc(name)}">${items.join('')}</room>`
    })
    return `<day index="${i + 1}" date="${day.date}" start="${day.day_start}" end="${day.day_end}">${rooms.join('')}</day>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?><schedule><version>1</version><conference><acronym>${c.acronym}</acronym><title>${esc(c.title)}</title><time_zone_name>${c.time_zone_name}</time_zone_name></conference>${days.join('')}</schedule>`
}

describe('c3voc schedule v2 (hub)', () => {
  it('reads the 38C3 example: its events, rooms, tracks by slug, speakers, feedback and talk links', async () => {
    const read = ok(await readScheduleFile({ name: 'schedule2.json', text: HUB_V2 }))
    expect(read.format).toBe('c3voc-v2')
    expect(read.snapshot.event).toEqual({ id: '38c3-2024-12-27', title: '38C3', timeZone: 'Europe/Berlin', days: ['2024-12-27', '2024-12-28'] })
    const [opening, nfs] = read.snapshot.sessions
    expect(opening).toMatchObject({
      title: '38C3: Opening Ceremony',
      start: '2024-12-27T09:30:00Z',
      type: 'CCC',
      venue: { room: 'Saal 1' },
      feedbackUrl: 'https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/feedback/',
    })
    // The contributor is no speaker.
    expect(opening!.speakers.map((s) => s.name)).toEqual(['Gabriela Bogk', 'Aline Blankertz'])
    expect(opening!.description).toMatch(/Format: Other$/)
    expect(nfs).toMatchObject({ type: 'Hardware & Making', day: '2024-12-28', venue: { room: 'Saal ZIGZAG' } })
    expect(read.warnings).toEqual([])
  })

  it('names v2 paths in its problems, and leaves cancelled events out with a warning', async () => {
    const doc = JSON.parse(HUB_V2) as { schedule: { events: Array<Record<string, unknown>> } }
    doc.schedule.events[1]!.end = 'soon'
    expect(problems(await readScheduleFile({ name: 'schedule2.json', text: JSON.stringify(doc) }))).toEqual([
      { where: 'schedule.events[1].end', message: 'expected a date and time like "2020-12-14T10:00:00+01:00", found "soon"' },
    ])
    doc.schedule.events[1]!.state = 'CANCELED'
    const read = ok(await readScheduleFile({ name: 'schedule2.json', text: JSON.stringify(doc) }))
    expect(read.snapshot.sessions).toHaveLength(1)
    expect(read.warnings).toEqual(['schedule.events[1].state: "CANCELED"; the event is left out'])
  })
})

describe('iCalendar', () => {
  it('reads pretalx’s calendar: SUMMARY, LOCATION as room, CATEGORIES as type, DESCRIPTION, URL, TZID with VTIMEZONE', async () => {
    const read = ok(await readScheduleFile({ name: 'democon.ics', text: ICS }))
    expect(read.format).toBe('ical')
    expect(read.snapshot.event).toEqual({ id: 'democon-2026-2026-07-22', title: 'DemoCon 2026', timeZone: 'Europe/Berlin', days: ['2026-07-22', '2026-07-23'] })
    expect(read.snapshot.sessions.map((s) => [s.title, s.start, s.end, s.venue.room, s.type])).toEqual([
      ['Opening ceremony', '2026-07-22T08:00:00Z', '2026-07-22T08:30:00Z', 'Gray Room', 'Talk'],
      ['Rust in the browser', '2026-07-22T09:00:00Z', '2026-07-22T09:45:00Z', 'Tan Room', 'Workshop'],
      ['Closing', '2026-07-23T15:00:00Z', '2026-07-23T15:30:00Z', 'Gray Room', ''],
    ])
    expect(read.snapshot.sessions[0]).toMatchObject({ description: 'Welcome to DemoCon.\nThe plan for the day.', url: 'https://pretalx.com/democon/talk/ABC123/' })
  })

  it('a TZID defined only by the file’s VTIMEZONE', async () => {
    const custom = ICS.replace(/TZID(=|:)Europe\/Berlin/g, 'TZID$1Custom Berlin')
    const read = ok(await readScheduleFile({ name: 'democon.ics', text: custom }))
    expect(read.snapshot.sessions[0]!.start).toBe('2026-07-22T08:00:00Z')
    // No zone name: the offsets stand in, and the preview says what Etc/GMT-2 means.
    expect(read.snapshot.event.timeZone).toBe('Etc/GMT-2')
    expect(fileZoneText(read.snapshot.event.timeZone)).toBe('UTC+2 (the file gives only offsets)')
  })

  it('leaves all-day and cancelled events out with a warning, and expands an RRULE', async () => {
    const text = withEvents(
      ICS,
      'UID:camp@x\r\nSUMMARY:Camp\r\nDTSTART;VALUE=DATE:20260722',
      'UID:gone@x\r\nSUMMARY:Gone\r\nSTATUS:CANCELLED\r\nDTSTART:20260722T120000Z\r\nDTEND:20260722T130000Z',
      'UID:standup@x\r\nSUMMARY:Standup\r\nDTSTART;TZID=Europe/Berlin:20260722T090000\r\nDTEND;TZID=Europe/Berlin:20260722T091500\r\nRRULE:FREQ=DAILY;COUNT=3',
    )
    const read = ok(await readScheduleFile({ name: 'democon.ics', text }))
    expect(read.snapshot.sessions.filter((s) => s.title === 'Standup').map((s) => s.start)).toEqual([
      '2026-07-22T07:00:00Z',
      '2026-07-23T07:00:00Z',
      '2026-07-24T07:00:00Z',
    ])
    expect(read.snapshot.sessions.map((s) => s.title)).not.toContain('Camp')
    expect(read.snapshot.sessions.map((s) => s.title)).not.toContain('Gone')
    expect(read.warnings).toEqual(
      expect.arrayContaining([
        'VEVENT 4 (line 51): an all-day event ("Camp") is a day, not a session; left out',
        'VEVENT 5 (line 56): STATUS:CANCELLED; the event is left out',
        'VEVENT 6 (line 63): RRULE "FREQ=DAILY;COUNT=3" is read as 3 sessions',
      ]),
    )
  })

  it('refuses an endless RRULE with a message, and adds nothing', async () => {
    const text = withEvents(ICS, 'UID:weekly@x\r\nSUMMARY:Weekly\r\nDTSTART:20260722T120000Z\r\nDTEND:20260722T130000Z\r\nRRULE:FREQ=WEEKLY')
    expect(problems(await readScheduleFile({ name: 'democon.ics', text }))).toEqual([
      {
        where: 'VEVENT 4 (line 51), RRULE',
        message: `"FREQ=WEEKLY" repeats more than ${MAX_OCCURRENCES.toLocaleString('en-US')} times (it has no end); Hallway reads a conference's sessions, not an endless series: end the rule (COUNT or UNTIL) or export the event's dates`,
      },
    ])
  })

  it('names the format when a calendar holds no events, or cannot be read', async () => {
    expect(problems(await readScheduleFile({ name: 'empty.ics', text: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n' }))).toEqual([
      { message: 'This looks like an iCalendar file with 0 events (no VEVENT)' },
    ])
    const [p] = problems(await readScheduleFile({ name: 'cut.ics', text: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026\r\n' }))
    expect(p!.message).toMatch(/^This looks like an iCalendar file, but it can't be read \(/)
  })

  it('a TZID that is no zone and has no VTIMEZONE', async () => {
    const text = withEvents(ICS, 'UID:odd@x\r\nSUMMARY:Odd\r\nDTSTART;TZID=Mars/Olympus:20260722T120000\r\nDTEND;TZID=Mars/Olympus:20260722T130000')
    expect(problems(await readScheduleFile({ name: 'democon.ics', text }))[0]).toEqual({
      where: 'VEVENT 4 (line 51), DTSTART',
      message: 'TZID "Mars/Olympus" is neither a time zone name nor defined by a VTIMEZONE in the file',
    })
  })
})

describe('event ids per edition', () => {
  it('the acronym and the first day, within 64 characters', () => {
    expect(editionEventId('democon', '2020-12-27' as VenueDay)).toBe('democon-2020-12-27')
    expect(editionEventId('democon-2020-12-27', '2020-12-27' as VenueDay)).toBe('democon-2020-12-27')
    expect(editionEventId('x'.repeat(64), '2020-12-27' as VenueDay)).toBe(`${'x'.repeat(53)}-2020-12-27`)
  })

  it('keeps an id stored before editions, so a newer file of that event still replaces it', async () => {
    const read = ok(await readScheduleFile({ name: 'democon.json', text: DEMOCON, storedEventIds: ['kubecon-na-2025', 'democon'] }))
    expect(read.snapshot.event.id).toBe('democon')
    expect(read.separateEventId).toBe('democon-2020-12-14')
    // Session IDs never depend on the edition: the same as the edition id gives them.
    const fresh = ok(await readScheduleFile({ name: 'democon.json', text: DEMOCON }))
    expect(read.snapshot.sessions.map((s) => s.id)).toEqual(fresh.snapshot.sessions.map((s) => s.id))
    expect(await snapshotAsEvent(read.snapshot, read.separateEventId!)).toEqual(fresh.snapshot)
  })

  it('numbers a separate event when the edition id is taken too', () => {
    expect(separateEventId('democon-2020-12-14' as never, ['democon-2020-12-14', 'democon-2020-12-14-2'])).toBe('democon-2020-12-14-3')
  })

  it('an acronym that is a year is never the id: the title is', async () => {
    const doc = JSON.parse(DEMOCON) as { schedule: { conference: Record<string, unknown> } }
    doc.schedule.conference.acronym = '2025'
    const read = ok(await readScheduleFile({ name: 'democon.json', text: JSON.stringify(doc) }))
    expect(read.snapshot.event.id).toBe('democon-2020-12-14')
    expect(read.warnings).toContain(
      'schedule.conference.acronym: "2025" is only a number, not a name; the event id "democon" is made from the title, so renaming the conference would lose stars',
    )
  })

  it('tells another edition from an update by shared days and sessions', () => {
    const days = (...d: string[]) => d as VenueDay[]
    expect(editionOverlap({ days: days('2020-12-14'), sessionIds: ['a', 'b'] }, { days: days('2022-12-27'), sessionIds: ['c'] })).toEqual({
      sharedDays: 0,
      commonSessions: 0,
      barely: true,
    })
    expect(editionOverlap({ days: days('2020-12-14'), sessionIds: ['a', 'b', 'c'] }, { days: days('2020-12-14'), sessionIds: ['a', 'b', 'd'] }).barely).toBe(false)
  })
})

describe('the zone a file gives only as offsets', () => {
  it('reads Etc/GMT-1 as UTC+1 (POSIX signs are inverted), other zones as named', () => {
    expect(fileZoneText('Etc/GMT-1')).toBe('UTC+1 (the file gives only offsets)')
    expect(fileZoneText('Etc/GMT+5')).toBe('UTC-5 (the file gives only offsets)')
    expect(fileZoneText('Europe/Berlin')).toBe('Europe/Berlin')
    expect(fileZoneText('UTC')).toBe('UTC')
  })
})

describe('the CLI builds what the app builds', () => {
  it('from an XML, a v2 and a calendar file', async () => {
    for (const [name, text, format] of [['fosdem.xml', FOSDEM_XML, 'frab-xml'], ['schedule2.json', HUB_V2, 'c3voc-v2'], ['democon.ics', ICS, 'ical']] as const) {
      const timeZone = format === 'frab-xml' ? 'Europe/Brussels' : undefined
      const app = ok(await readScheduleFile({ name, text, parseXml, ...(timeZone && { timeZone }) }))
      const cli = await importScheduleText(text, { format: detectScheduleFormat(name, text), source: `${format}:${name}`, parseXml, ...(timeZone && { timeZone }) })
      if (!cli.ok) throw new Error(`${name} refused`)
      expect(cli.snapshot).toEqual(app.snapshot)
    }
  })
})
