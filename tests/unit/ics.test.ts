// Calendar export checked two ways: parsed back by ical.js (Thunderbird's parser) against the real snapshot, and
// read as raw octets for the RFC 5545 rules parsers forgive (CRLF, 75-octet folding, whole UTF-8 characters).
import ICAL from 'ical.js'
import { foldLine, ICS_PRODID, plansToIcs, venueLocation, type IcsOptions } from '../../src/domain/ics'
import type { Instant, Session, SessionId } from '../../src/domain/model'
import { FIRST_SESSION_LEAD_MIN, leadMinutesBySession, remindersOf } from '../../src/domain/reminders'
import { seedSnapshot } from '../fixtures/seedSnapshot'

const snapshot = seedSnapshot()
const EVENT = snapshot.event
const SESSIONS = snapshot.sessions
const NOW = '2025-11-10T08:30:00Z' as Instant
const appUrl = (s: Session) => `https://hallway.app/session/${s.id}`
const OPTIONS: IcsOptions = { appUrl, now: NOW }

function bySeedTitle(prefix: string): Session {
  const hits = SESSIONS.filter((s) => s.title.startsWith(prefix))
  if (hits.length !== 1) throw new Error(`${hits.length} sessions start with ${prefix}`)
  return hits[0]!
}

function vevents(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics) as any[]).getAllSubcomponents('vevent')
}

/** The physical lines as octets, split on CRLF; throws if a lone CR or LF appears anywhere. */
function physicalLines(ics: string): Uint8Array[] {
  const bytes = new TextEncoder().encode(ics)
  const lines: Uint8Array[] = []
  let start = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d) {
      if (bytes[i + 1] !== 0x0a) throw new Error(`bare CR at octet ${i}`)
      lines.push(bytes.subarray(start, i))
      start = i + 2
      i++
    } else if (bytes[i] === 0x0a) {
      throw new Error(`bare LF at octet ${i}`)
    }
  }
  if (start !== bytes.length) throw new Error('the last line does not end with CRLF')
  return lines
}

/** RFC 5545 §3.1 as raw octets: ≤ 75 per line, CRLF only, and each physical line whole UTF-8 on its own. */
function expectWellFormed(ics: string): void {
  const strict = new TextDecoder('utf-8', { fatal: true })
  for (const [i, line] of physicalLines(ics).entries()) {
    expect(line.length, `line ${i} is ${line.length} octets`).toBeLessThanOrEqual(75)
    expect(() => strict.decode(line), `line ${i} splits a UTF-8 sequence`).not.toThrow()
    expect(line.length, `line ${i} is empty`).toBeGreaterThan(0)
  }
}

/** A session made to break naive writers: every TEXT special, emoji and CJK across fold points, long text. */
function nasty(i: number): Session {
  const base = SESSIONS[10]!
  return {
    ...base,
    id: (0xabc00000 + i).toString(16) as SessionId,
    // `i` ASCII characters first shifts the multi-byte characters across the 75-octet boundary.
    title: `${'x'.repeat(i)}🚨 Contribfest; "Level up", part 2 \\ 👩‍💻 日本語のセッション 🇺🇦 — ${'é'.repeat(40)}`,
    description: `Line one, with commas; semicolons.\r\nLine two\nLine three\rA path C:\\new\\table and a literal \\n.\tTabbed.\u0007Bell gone. ${'Ω😀'.repeat(60)}`,
    speakers: [
      { name: 'Zoë Łukasz', company: 'Acme, Inc.', raw: 'Zoë Łukasz (Acme, Inc.)' },
      { name: '山田 太郎', raw: '山田 太郎' },
    ],
    speakersRaw: 'Zoë Łukasz (Acme, Inc.), 山田 太郎',
    venue: { building: 'Building C', level: 'Level 3', room: 'Georgia Ballroom 2; East', area: 'Stage, left', raw: 'x' },
  }
}

describe('plansToIcs against ical.js', () => {
  const ics = plansToIcs(SESSIONS, EVENT, { ...OPTIONS, calendarName: 'KubeCon NA 2025: my plan' })
  const events = vevents(ics)

  it('has the calendar header and one VEVENT per session', () => {
    const cal = new ICAL.Component(ICAL.parse(ics) as any[])
    expect(cal.getFirstPropertyValue('version')).toBe('2.0')
    expect(cal.getFirstPropertyValue('prodid')).toBe(ICS_PRODID)
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN')
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('KubeCon NA 2025: my plan')
    expect(events).toHaveLength(SESSIONS.length)
  })

  it('every event starts and ends at the snapshot instant, in UTC', () => {
    const byUid = new Map(events.map((v) => [new ICAL.Event(v).uid, new ICAL.Event(v)]))
    for (const s of SESSIONS) {
      const e = byUid.get(`${s.id}@kubecon-na-2025.hallway`)!
      expect(e, s.title).toBeDefined()
      expect(e.startDate.zone?.tzid).toBe('UTC')
      expect(e.startDate.toJSDate().getTime()).toBe(Date.parse(s.start))
      expect(e.endDate.toJSDate().getTime()).toBe(Date.parse(s.end))
    }
  })

  it('3:15pm EST is written as 20:15 UTC', () => {
    const s = bySeedTitle('Feature Flag Driven Development') // 3:15–3:45pm EST, B406b-407
    const one = plansToIcs([s], EVENT, OPTIONS)
    expect(s.start).toBe('2025-11-13T20:15:00Z')
    expect(one).toContain('\r\nDTSTART:20251113T201500Z\r\n')
    expect(one).toContain('\r\nDTEND:20251113T204500Z\r\n')
    expect(one).toContain('\r\nDTSTAMP:20251110T083000Z\r\n')
  })

  it('summary, location, description and URL come back as written', () => {
    const byUid = new Map(events.map((v) => [new ICAL.Event(v).uid, v]))
    for (const s of SESSIONS) {
      const v = byUid.get(`${s.id}@kubecon-na-2025.hallway`)!
      const e = new ICAL.Event(v)
      expect(e.summary).toBe(s.title)
      expect(e.location).toBe(venueLocation(s.venue))
      expect(e.description).toContain(`In Hallway: https://hallway.app/session/${s.id}`)
      if (s.description.trim() !== '') expect(e.description.startsWith(s.description.trim())).toBe(true)
      expect(v.getFirstPropertyValue('url')).toBe(`https://hallway.app/session/${s.id}`)
      expect(v.getFirstPropertyValue('dtstamp')?.toString()).toBe('2025-11-10T08:30:00Z')
    }
  })

  it("puts the user's own note first in the description, as written (commas, line breaks), and only where there is one", () => {
    const flux = bySeedTitle('AI-Assisted GitOps')
    const note = 'Ask about the GPU operator; room fills early,\nsit near the door'
    const ics = plansToIcs(SESSIONS.slice(0, 5).concat(flux), EVENT, { ...OPTIONS, noteOf: (s) => (s.id === flux.id ? note : undefined) })
    const byUid = new Map(vevents(ics).map((v) => [new ICAL.Event(v).uid, new ICAL.Event(v)]))
    expect(byUid.get(`${flux.id}@kubecon-na-2025.hallway`)!.description.startsWith(`My note: ${note}\n\n`)).toBe(true)
    for (const s of SESSIONS.slice(0, 5)) expect(byUid.get(`${s.id}@kubecon-na-2025.hallway`)!.description).not.toContain('My note')
    expectWellFormed(ics)
  })

  it('names the place room first: "Georgia Ballroom 2, Building C, Level 3"', () => {
    const s = SESSIONS.find((x) => x.venue.room === 'Georgia Ballroom 2')!
    expect(venueLocation(s.venue)).toBe('Georgia Ballroom 2, Building C, Level 3')
    const lounge = SESSIONS.find((x) => x.venue.area)!
    expect(venueLocation(lounge.venue)).toBe(`${lounge.venue.area}, Exhibit Hall B3-B5, Building B, Level 1`)
    expect(venueLocation({ room: 'H.1302 (Depage)', raw: 'H.1302 (Depage)' })).toBe('H.1302 (Depage)')
    expect(venueLocation({ room: '', raw: ' Somewhere ' })).toBe('Somewhere')
  })

  it('lists the speakers with their company, or the raw text when the split was not certain', () => {
    const flux = bySeedTitle('AI-Assisted GitOps With Flux')
    const e = new ICAL.Event(vevents(plansToIcs([flux], EVENT, OPTIONS))[0]!)
    expect(e.description).toContain('\n\nSpeakers: Stefan Prodan (ControlPlane)\n\nIn Hallway: ')
    const raw: Session = { ...flux, speakers: [], speakersRaw: 'Intro (Updates, Model Distribution - Wenbo Qi & Tao Peng, Ant Group)' }
    const e2 = new ICAL.Event(vevents(plansToIcs([raw], EVENT, OPTIONS))[0]!)
    expect(e2.description).toContain('Speakers: Intro (Updates, Model Distribution - Wenbo Qi & Tao Peng, Ant Group)')
  })

  it('the raw file follows RFC 5545 line rules', () => {
    expectWellFormed(ics)
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })
})

describe('escaping and folding', () => {
  const sessions = Array.from({ length: 12 }, (_, i) => nasty(i))
  const ics = plansToIcs(sessions, EVENT, { ...OPTIONS, calendarName: 'Mine, really; \\ 🚀' })

  it('keeps every line ≤ 75 octets, CRLF-only, and never splits a character, at every alignment', () => {
    expectWellFormed(ics)
    // The long lines really were folded, with continuation lines starting with one space.
    expect(physicalLines(ics).filter((l) => l[0] === 0x20).length).toBeGreaterThan(50)
  })

  it('commas, semicolons, backslashes, newlines, emoji and long text round-trip exactly', () => {
    const byUid = new Map(vevents(ics).map((v) => [new ICAL.Event(v).uid, new ICAL.Event(v)]))
    for (const s of sessions) {
      const e = byUid.get(`${s.id}@kubecon-na-2025.hallway`)!
      expect(e.summary).toBe(s.title)
      expect(e.location).toBe('Stage, left, Georgia Ballroom 2; East, Building C, Level 3')
      expect(e.description).toBe(
        `Line one, with commas; semicolons.\nLine two\nLine three\nA path C:\\new\\table and a literal \\n.\tTabbed.Bell gone. ${'Ω😀'.repeat(60)}` +
          '\n\nSpeakers: Zoë Łukasz (Acme, Inc.), 山田 太郎' +
          `\n\nIn Hallway: https://hallway.app/session/${s.id}`,
      )
    }
    // ical.js types X- properties as "unknown" and leaves them escaped; the apps that read X-WR-CALNAME treat it as
    // TEXT, so it is escaped like one.
    expect(new ICAL.Component(ICAL.parse(ics) as any[]).getFirstPropertyValue('x-wr-calname')).toBe('Mine\\, really\\; \\\\ 🚀')
  })

  it('writes the TEXT escapes RFC 5545 asks for', () => {
    const unfolded = ics.replace(/\r\n /g, '')
    expect(unfolded).toContain('SUMMARY:🚨 Contribfest\\; "Level up"\\, part 2 \\\\ 👩‍💻')
    expect(unfolded).toContain('DESCRIPTION:Line one\\, with commas\\; semicolons.\\nLine two\\nLine three\\nA path C:\\\\new\\\\table and a literal \\\\n.')
    expect(unfolded).not.toContain('\u0007')
  })

  it('foldLine breaks at 75 octets, then 74 plus the leading space, counting octets not UTF-16 units', () => {
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75))
    expect(foldLine('X'.repeat(80))).toBe(`${'X'.repeat(75)}\r\n ${'X'.repeat(5)}`)
    expect(foldLine('X'.repeat(75 + 74 + 1))).toBe(`${'X'.repeat(75)}\r\n ${'X'.repeat(74)}\r\n X`)
    // 74 ASCII + a 4-octet emoji: the emoji would end at octet 78, so it moves whole to the next line.
    expect(foldLine(`${'X'.repeat(74)}😀`)).toBe(`${'X'.repeat(74)}\r\n 😀`)
    // 25 three-octet characters are exactly 75 octets (but 25 UTF-16 units).
    expect(foldLine('日'.repeat(25))).toBe('日'.repeat(25))
    expect(foldLine('日'.repeat(26))).toBe(`${'日'.repeat(25)}\r\n 日`)
  })
})

describe('UIDs, reminders, selection', () => {
  it('a session has the same UID in a whole-plan, one-day and one-session export, and at another time', () => {
    const s = bySeedTitle('Feature Flags Suck!')
    const uidIn = (ics: string) => vevents(ics).map((v) => new ICAL.Event(v).uid).filter((u) => u.startsWith(s.id))
    const whole = plansToIcs(SESSIONS, EVENT, OPTIONS)
    const day = plansToIcs(SESSIONS.filter((x) => x.day === s.day), EVENT, OPTIONS)
    const single = plansToIcs([s], EVENT, { ...OPTIONS, now: '2025-11-13T12:00:00Z' as Instant })
    expect(uidIn(whole)).toEqual([`${s.id}@kubecon-na-2025.hallway`])
    expect(uidIn(day)).toEqual(uidIn(whole))
    expect(uidIn(single)).toEqual(uidIn(whole))
    // Exporting again later changes only DTSTAMP.
    const again = plansToIcs(SESSIONS, EVENT, { ...OPTIONS, now: '2025-11-13T12:00:00Z' as Instant })
    expect(again.replace(/DTSTAMP:\S+/g, '')).toBe(whole.replace(/DTSTAMP:\S+/g, ''))
  })

  it('puts events in time order and writes a session once, whatever the input order', () => {
    const [a, b, c] = [SESSIONS[50]!, SESSIONS[3]!, SESSIONS[20]!]
    const uids = vevents(plansToIcs([a, b, c, a], EVENT, OPTIONS)).map((v) => new ICAL.Event(v).uid.slice(0, 8))
    expect(uids).toEqual([b.id, c.id, a.id])
  })

  it('adds a display alarm when asked: 10 minutes before, at the start, or none', () => {
    const s = bySeedTitle('Feature Flags Suck!')
    const alarmOf = (reminderMinutes: number | null | undefined) =>
      vevents(plansToIcs([s], EVENT, { ...OPTIONS, reminderMinutes }))[0]!.getFirstSubcomponent('valarm')

    const ten = alarmOf(10)!
    expect(ten.getFirstPropertyValue('action')).toBe('DISPLAY')
    expect((ten.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-600)
    expect(ten.getFirstPropertyValue('description')).toBe('Feature Flags Suck!')
    expect(plansToIcs([s], EVENT, { ...OPTIONS, reminderMinutes: 10 })).toContain('\r\nTRIGGER:-PT10M\r\n')

    expect((alarmOf(0)!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(0)
    expect((alarmOf(90)!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-5400)
    expect(alarmOf(null)).toBeNull()
    expect(alarmOf(undefined)).toBeNull()
    expect(plansToIcs([s], EVENT, OPTIONS)).not.toContain('VALARM')
  })

  it('walking-aware: each alarm at the leave-now moment the in-app reminder uses', () => {
    const gitops = bySeedTitle('AI-Assisted GitOps') // 11:00, B206 (Building B, Level 2): the day's first
    const oci = bySeedTitle('Bringing OCI Into the GitOps World') // 11:45, B406b-407 (Level 4): 7 min walk
    const dragonfly = bySeedTitle('Dragonfly v2.3.0') // 3:15, Georgia Ballroom 2 (Building C): ≈13 min walk
    const plan = [gitops, oci, dragonfly].map((session) => ({ session, level: 'must' as const }))
    for (const walking of [{}, { pace: 'relaxed' as const, bufferMin: 5 }]) {
      const leads = leadMinutesBySession(plan, { walking })
      const ics = plansToIcs([dragonfly, oci, gitops], EVENT, { ...OPTIONS, reminderMinutes: (s) => leads.get(s.id) ?? null })
      const alarms = vevents(ics).map((v) => {
        const trigger = v.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger') as ICAL.Duration
        const start = (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()
        return start + trigger.toSeconds() * 1000
      })
      expect(alarms).toEqual(remindersOf(plan, 'all', { walking }).map((r) => r.atMs))
    }
    const ics = plansToIcs([gitops, oci, dragonfly], EVENT, { ...OPTIONS, reminderMinutes: (s) => leadMinutesBySession(plan).get(s.id)! })
    expect(ics.match(/TRIGGER:\S+/g)).toEqual([`TRIGGER:-PT${FIRST_SESSION_LEAD_MIN}M`, 'TRIGGER:-PT7M', 'TRIGGER:-PT13M'])
    expectWellFormed(ics)
  })

  it('omits X-WR-CALNAME without a name, and writes a parseable calendar with no events for no sessions', () => {
    const empty = plansToIcs([], EVENT, { ...OPTIONS, calendarName: '  ' })
    expect(empty).not.toContain('X-WR-CALNAME')
    expect(vevents(empty)).toEqual([])
    expectWellFormed(empty)
  })

  it('refuses a bad clock or reminder with a RangeError', () => {
    const s = [SESSIONS[0]!]
    expect(() => plansToIcs(s, EVENT, { ...OPTIONS, now: '2025-11-10 08:30' as Instant })).toThrow(RangeError)
    for (const reminderMinutes of [-1, 1.5, Number.NaN, Infinity, 7 * 24 * 60 + 1]) {
      expect(() => plansToIcs(s, EVENT, { ...OPTIONS, reminderMinutes })).toThrow(RangeError)
    }
  })

  it('keeps a URL with stray whitespace or controls on one line', () => {
    const ics = plansToIcs([SESSIONS[0]!], EVENT, { ...OPTIONS, appUrl: () => 'https://hallway.app/s/1\r\nX-EVIL:1 ' })
    expect(ics).not.toContain('\r\nX-EVIL')
    expect(vevents(ics)[0]!.getFirstPropertyValue('url')).toBe('https://hallway.app/s/1X-EVIL:1')
  })
})
