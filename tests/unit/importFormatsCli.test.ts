// `npm run import` on frab XML, c3voc schedule v2 and iCalendar, run in process: the format is named on every run,
// problems print with their place in the file on stderr, exit 1, and nothing is written.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { importText } from '../fixtures/importRunner'

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures', name), 'utf8')

describe('npm run import on the other formats', () => {
  it('imports frab XML with the xmldom parser, whatever the extension', async () => {
    const r = await importText(fixture('fosdem-2023-excerpt.xml'), 'schedule.txt', ['--time-zone', 'Europe/Brussels'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('schedule.txt: read as a frab XML schedule, event fosdem-2023-2023-02-04')
    expect(r.stdout).toContain('2 sessions, 1 day(s)')
    expect(existsSync(r.out)).toBe(true)
  })

  it('imports a c3voc schedule v2 and a calendar', async () => {
    const v2 = await importText(fixture('c3voc-hub-38c3.json'), 'schedule2.json')
    expect(v2.stdout).toContain('read as a c3voc schedule v2 (hub) file, event 38c3-2024-12-27')
    const ics = await importText(fixture('democon-pretalx.ics'), 'democon.ics')
    expect(ics.code).toBe(0)
    expect(ics.stdout).toContain('read as an iCalendar file, event democon-2026-2026-07-22')
  })

  it('refuses broken XML naming the format and the place, exits 1 and writes nothing', async () => {
    const broken = fixture('fosdem-2023-excerpt.xml').replace('<duration>00:50</duration>', '<duration>fifty</duration>')
    const r = await importText(broken, 'broken.xml', ['--time-zone', 'Europe/Brussels'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('broken.xml: read as a frab XML schedule')
    expect(r.stderr).toContain('broken.xml: schedule/day[1]/room[@name="Janson"]/event[2]/duration (line 45): expected hours and minutes')
    expect(r.stderr).toContain('import failed: 1 problem(s) in a frab XML schedule; nothing was written')
    expect(existsSync(r.out)).toBe(false)
  })

  it('an .xml file is never taken for a Sched listing', async () => {
    const r = await importText('<?xml version="1.0"?>\n<rss>\n<channel>', 'feed.xml')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('feed.xml: read as a frab XML schedule')
    expect(r.stderr).toMatch(/feed\.xml: \(document\): this looks like an XML file, but it is not well-formed XML \(line \d+/)
    expect(r.stderr).not.toContain('usage:')
  })

  it('says an empty calendar has 0 events', async () => {
    const r = await importText('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', 'empty.ics')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('empty.ics: (document): this looks like an iCalendar file with 0 events (no VEVENT)')
  })

  it('names the format its usage is for when a text file needs --event-id and --time-zone', async () => {
    const r = await importText('Some Con#\n', 'listing.txt')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('listing.txt: this is not JSON, XML or iCalendar, so it is read as a Sched listing, which needs --event-id and --time-zone')
  })
})
