// The Sched-listing importer on the whole seed and on each kind of broken input.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EventId } from '../../src/domain/model'
import { parseSchedListing, parseSchedVenue, type SchedImportResult } from '../../src/domain/schedParser'

const SEED = readFileSync(join(__dirname, '../../data/kubecon-na-2025-thursday.sched.txt'), 'utf8')
const OPTS = { eventId: 'kubecon-na-2025' as EventId, timeZone: 'America/New_York' }
const HEADER = 'KubeCon Test#\nThursday, November 13, 2025#\n'

function ok(result: SchedImportResult) {
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}: ${p.message}`).join('\n'))
  return result
}
function problems(text: string) {
  const r = parseSchedListing(text, OPTS)
  if (r.ok) throw new Error('expected the import to be rejected')
  return r.problems
}
const byTitle = (title: string) => ok(parseSchedListing(SEED, OPTS)).sessions.find((s) => s.title === title)!

describe('the KubeCon NA 2025 Thursday seed', () => {
  const { title, sessions } = ok(parseSchedListing(SEED, OPTS))

  it('imports all 99 sessions with unique stable ids', () => {
    expect(title).toBe('KubeCon + CloudNativeCon North America 2025')
    expect(sessions).toHaveLength(99)
    const ids = new Set(sessions.map((s) => s.id))
    expect(ids.size).toBe(99)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}$/)
  })

  it('reads EST times as exact UTC instants', () => {
    const dragonfly = byTitle('Dragonfly v2.3.0')
    expect(dragonfly.start).toBe('2025-11-13T20:15:00Z')
    expect(dragonfly.end).toBe('2025-11-13T20:45:00Z')
    expect(dragonfly.day).toBe('2025-11-13')
    const badge = byTitle('Badge Pick-Up')
    expect([badge.start, badge.end]).toEqual(['2025-11-13T13:00:00Z', '2025-11-13T21:00:00Z'])
  })

  it('has up to 18 sessions starting in parallel', () => {
    const perStart = new Map<string, number>()
    for (const s of sessions) perStart.set(s.start, (perStart.get(s.start) ?? 0) + 1)
    expect(Math.max(...perStart.values())).toBe(18)
    expect(perStart.get('2025-11-13T18:45:00Z')).toBe(18) // 1:45pm EST
  })

  it('splits venues into building, level and room, keeping a fourth part as the area', () => {
    expect(byTitle('Dragonfly v2.3.0').venue).toEqual({
      building: 'Building C',
      level: 'Level 3',
      room: 'Georgia Ballroom 2',
      raw: 'Building C | Level 3 | Georgia Ballroom 2, Atlanta, GA, USA',
    })
    const lounge = byTitle('Learning Lounge: AI May Be the Lead Singer, But You Still Need the Band')
    expect(lounge.venue).toMatchObject({ building: 'Building B', level: 'Level 1', room: 'Exhibit Hall B3-B5', area: 'Learning Lounge' })
  })

  it('keeps odd lines without loss: no speakers, emoji types, messy speaker text', () => {
    const badge = byTitle('Badge Pick-Up')
    expect(badge.speakers).toEqual([])
    expect(badge.speakersRaw).toBe('')
    expect(badge.type).toBe('REGISTRATION')
    expect(sessions.filter((s) => s.type === '🚨 CONTRIBFEST')).toHaveLength(4)
    const messy = 'Intro (Updates, Model Distribution With Cloud Native Infra - Wenbo Qi & Tao Peng, Ant Group)'
    const dragonfly = byTitle('Dragonfly v2.3.0')
    expect(dragonfly.speakersRaw).toBe(messy)
    expect(dragonfly.speakers).toEqual([{ name: messy, raw: messy }])
    // Every speaker segment of every session survives in speakersRaw.
    for (const s of sessions) for (const p of s.speakers) expect(s.speakersRaw).toContain(p.raw)
  })

  it('splits clean speaker lines into name, role and company', () => {
    const keynote = byTitle('Keynote: The Community-Driven Evolution of the Kubernetes Network Driver')
    expect(keynote.speakers).toEqual([
      { name: 'Lionel Jouin', role: 'Software Engineer', company: 'Red Hat', raw: 'Lionel Jouin (Software Engineer, Red Hat)' },
      { name: 'Antonio Ojea', role: 'Staff Software Engineer', company: 'Google', raw: 'Antonio Ojea (Staff Software Engineer, Google)' },
    ])
  })

  it('keeps descriptions whole', () => {
    expect(byTitle('Coat + Bag Check').description).toMatch(/^Please note we are unable to store any items overnight/)
  })
})

describe('stable ids', () => {
  const base = `${HEADER}Talk A#\nTime: 11:00am EST - 11:30am EST\nVenue: Building B | Level 4 | B401-402, Atlanta, GA, USA\nType: SECURITY\n`
  const idOf = (text: string) => ok(parseSchedListing(text, OPTS)).sessions[0]!.id

  it('survive a change of time or room', () => {
    const id = idOf(base)
    expect(idOf(base.replace('11:00am EST - 11:30am EST', '2:00pm EST - 2:45pm EST'))).toBe(id)
    expect(idOf(base.replace('B401-402', 'Georgia Ballroom 1'))).toBe(id)
    expect(idOf(base.replace('Type: SECURITY', 'Type: AI + ML'))).toBe(id)
  })

  it('differ by event, and a renamed session gets a new one', () => {
    const id = idOf(base)
    expect(ok(parseSchedListing(base, { ...OPTS, eventId: 'other' as EventId })).sessions[0]!.id).not.toBe(id)
    expect(idOf(base.replace('Talk A#', 'Talk B#'))).not.toBe(id)
  })

  it('number repeated titles by time order', () => {
    const text = `${HEADER}Coffee#\nTime: 3:00pm EST - 3:15pm EST\nCoffee#\nTime: 10:30am EST - 11:00am EST\n`
    const [morning, afternoon] = ok(parseSchedListing(text, OPTS)).sessions
    expect(morning!.start).toBe('2025-11-13T15:30:00Z')
    expect(morning!.id).not.toBe(afternoon!.id)
    const alone = `${HEADER}Coffee#\nTime: 10:30am EST - 11:00am EST\n`
    expect(ok(parseSchedListing(alone, OPTS)).sessions[0]!.id).toBe(morning!.id)
  })
})

describe('broken input is rejected with the line and the problem', () => {
  it('a session without a Time', () => {
    expect(problems(`${HEADER}No Time Talk#\nVenue: Building B | Level 2 | B206, Atlanta, GA, USA\n`)).toEqual([
      { line: 3, message: 'session "No Time Talk" has no Time line' },
    ])
  })

  it('an end before its start', () => {
    const [p] = problems(`${HEADER}Backwards#\nTime: 3:00pm EST - 2:00pm EST\n`)
    expect(p).toMatchObject({ line: 4 })
    expect(p!.message).toContain('ends (2:00pm) before it starts (3:00pm)')
  })

  it('an unknown time format', () => {
    for (const time of ['15:00 - 16:00', '3pm EST - 4pm EST', 'tbd', '3:15pm EST']) {
      const [p] = problems(`${HEADER}Odd#\nTime: ${time}\n`)
      expect(p).toMatchObject({ line: 4, message: `unknown time format "${time}" (expected e.g. "3:15pm EST - 3:45pm EST")` })
    }
    expect(problems(`${HEADER}Odd#\nTime: 13:15pm EST - 1:45pm EST\n`)[0]!.message).toContain('impossible clock time')
  })

  it('duplicate titles at the same time', () => {
    const talk = 'Same Talk#\nTime: 11:00am EST - 11:30am EST\n'
    expect(problems(`${HEADER}${talk}${talk}`)).toEqual([
      { line: 5, message: 'duplicate session "Same Talk" at the same time as line 3' },
    ])
  })

  it('a zone label that contradicts the venue zone', () => {
    const [p] = problems(`${HEADER}Summer time?#\nTime: 11:00am EDT - 11:30am EDT\n`)
    expect(p!.message).toBe('time zone "EDT" does not match America/New_York, which is EST on that date')
  })

  it('fields outside a session, stray lines, sessions before any day header', () => {
    expect(problems(`${HEADER}Time: 11:00am EST - 11:30am EST\n`)[0]!.message).toContain('outside a session')
    expect(problems(`${HEADER}Talk#\nTime: 11:00am EST - 11:30am EST\nRoom: B206\n`)[0]!).toMatchObject({ line: 5 })
    expect(problems('Event#\nTalk#\nTime: 11:00am EST - 11:30am EST\n')[0]!.message).toContain('before any day header')
    expect(problems('')[0]!.message).toContain('no sessions found')
  })

  it('reports every problem, in line order', () => {
    const text = `${HEADER}A#\nTime: nonsense\nB#\nVenue: x\nC#\nTime: 2:00pm EST - 1:00pm EST\n`
    expect(problems(text).map((p) => p.line)).toEqual([4, 5, 8])
  })
})

describe('multi-line descriptions and multiple days', () => {
  it('joins continuation lines and dates sessions by their day header', () => {
    const text = `${HEADER}A#\nTime: 9:00am EST - 9:30am EST\nDescription: First line.\nSecond line.\nFriday, November 14, 2025#\nB#\nTime: 9:00am EST - 9:30am EST\n`
    const { sessions } = ok(parseSchedListing(text, OPTS))
    expect(sessions[0]!.description).toBe('First line.\nSecond line.')
    expect(sessions.map((s) => s.day)).toEqual(['2025-11-13', '2025-11-14'])
    expect(sessions[1]!.start).toBe('2025-11-14T14:00:00Z')
  })
})

describe('parseSchedVenue', () => {
  it('recognises parts by their words and tolerates missing ones', () => {
    expect(parseSchedVenue('')).toEqual({ room: '', raw: '' })
    expect(parseSchedVenue('Online, Internet')).toEqual({ room: 'Online', raw: 'Online, Internet' })
    expect(parseSchedVenue('Building B | Level 1 | Solutions Showcase, Atlanta, GA, USA')).toMatchObject({ room: 'Solutions Showcase' })
  })
})
