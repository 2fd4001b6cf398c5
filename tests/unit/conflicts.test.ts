// Conflict detection on factories and on the real KubeCon Thursday: overlaps, tight walks, background, severity,
// and the words each kind gets.
import {
  compareConflicts,
  conflictsBySession,
  findConflicts,
  isBackground,
  otherSide,
  planOf,
  severityOf,
  tallyConflicts,
  type Conflict,
  type StarLevel,
} from '../../src/domain/conflicts'
import type { SessionId } from '../../src/domain/model'
import { conflictCounts, conflictMessage, conflictsHeading, conflictWords, resolveLabel } from '../../src/ui/plan/conflictText'
import { instantFromMs } from '../../src/domain/time'
import { est, makeSession, planned, seed, seedSession, seedStars, TIME_ZONE } from './planFactories'

/** A compact, exact picture of a conflict list, so a wrong pair or number fails the test. */
function summary(conflicts: Conflict[]): string[] {
  return conflicts.map((c) =>
    c.kind === 'overlap'
      ? `overlap ${c.severity} ${c.a.session.title} × ${c.b.session.title} ${c.overlapMin}m`
      : `tight ${c.severity} ${c.from.session.title} → ${c.to.session.title} gap ${c.gapMin}m needs ${c.transfer.neededMin}m`,
  )
}

function seedConflicts(entries: Array<[string, StarLevel]>, options = {}): Conflict[] {
  return findConflicts(planOf(seed(), seedStars(...entries)), options)
}

describe('overlaps', () => {
  it('finds two starred 11:00 talks of the real schedule', () => {
    const conflicts = seedConflicts([
      ['AI-Assisted GitOps With Flux MCP Server', 'must'],
      ['Feature Flags Suck!', 'must'],
    ])
    expect(summary(conflicts)).toEqual(['overlap hard AI-Assisted GitOps With Flux MCP Server × Feature Flags Suck! 30m'])
    const flux = seedSession('AI-Assisted GitOps').id
    expect(conflictMessage(conflicts[0]!, flux, TIME_ZONE)).toBe('Overlaps with Feature Flags Suck! (11:00 – 11:30 AM EST)')
    expect(conflictMessage(conflicts[0]!, seedSession('Feature Flags Suck!').id, TIME_ZONE)).toBe(
      'Overlaps with AI-Assisted GitOps With Flux MCP Server (11:00 – 11:30 AM EST)',
    )
  })

  it('counts the minutes both run: a 75-minute Contribfest against the next slot', () => {
    const conflicts = seedConflicts([
      ['🚨 Contribfest: Level up Your Open Source Journey', 'must'],
      ['Inference Awakens', 'must'],
    ])
    expect(summary(conflicts)).toEqual([
      'overlap hard 🚨 Contribfest: Level up Your Open Source Journey: Hands-On Backstage Contributions! × Inference Awakens: Tools for the Age of GenAI 30m',
    ])
  })

  it('reports every pair when three run at once', () => {
    const a = makeSession({ title: 'A' })
    const b = makeSession({ title: 'B', from: '11:10am', to: '11:40am' })
    const c = makeSession({ title: 'C', from: '11:20am', to: '11:25am' })
    expect(summary(findConflicts([planned(c), planned(a), planned(b)]))).toEqual([
      'overlap hard A × B 20m',
      'overlap hard A × C 5m',
      'overlap hard B × C 5m',
    ])
  })

  it('does not count edge-touching sessions (11:30 end, 11:30 start) as an overlap', () => {
    const first = makeSession({ title: 'First', from: '11:00am', to: '11:30am', at: 'Building B | Level 2 | B206' })
    const sameRoom = makeSession({ title: 'Same room', from: '11:30am', to: '12:00pm', at: 'Building B | Level 2 | B206' })
    expect(findConflicts([planned(first), planned(sameRoom)])).toEqual([])
    // Back to back in another room is not an overlap either, but there is no time to walk.
    const nextDoor = makeSession({ title: 'Next door', from: '11:30am', to: '12:00pm', at: 'Building B | Level 2 | B207' })
    const conflicts = findConflicts([planned(first), planned(nextDoor)])
    expect(summary(conflicts)).toEqual(['tight hard First → Next door gap 0m needs 3m'])
    expect(conflictMessage(conflicts[0]!, first.id, TIME_ZONE)).toBe('No time to walk from B206 to B207 (≈3 min)')
  })

  it('finds nothing in the eight back-to-back keynotes in one hall', () => {
    const keynotes = seed().filter((s) => s.type === 'KEYNOTE SESSIONS')
    expect(keynotes).toHaveLength(8)
    expect(findConflicts(keynotes.map((s) => planned(s)))).toEqual([])
  })
})

describe('tight transitions', () => {
  // Real seed: "Autoscaling Spring Boot Apps" (Building B Level 4, ends 11:30) → "SIG API Machinery and AI"
  // (Building C Level 3, starts 11:45). The model says B4 → C3 is 13 min, so the 15-minute changeover works at
  // a normal pace and becomes tight at a relaxed one (17 min) or with a 3-minute buffer (16 min).
  const plan: Array<[string, StarLevel]> = [
    ['Autoscaling Spring Boot Apps', 'must'],
    ['SIG API Machinery and AI', 'must'],
  ]

  it('lets B4 → C3 in 15 minutes pass at a normal pace', () => {
    expect(seedConflicts(plan)).toEqual([])
    expect(seedConflicts(plan, { walking: { bufferMin: 2 } })).toEqual([]) // 15 needed, 15 there: fine
  })

  it('flags it at a relaxed pace, with the words the UI shows', () => {
    const conflicts = seedConflicts(plan, { walking: { pace: 'relaxed' } })
    expect(summary(conflicts)).toEqual([
      'tight hard Autoscaling Spring Boot Apps in Kubernetes With KEDA → SIG API Machinery and AI: What Comes Next? gap 15m needs 17m',
    ])
    const spring = seedSession('Autoscaling Spring Boot Apps').id
    expect(conflictMessage(conflicts[0]!, spring, TIME_ZONE)).toBe(
      'Only 15 min to walk from Building B Level 4 to Building C Level 3 (≈17 min)',
    )
  })

  it('flags it with a 3-minute buffer, naming the buffer', () => {
    const conflicts = seedConflicts(plan, { walking: { bufferMin: 3 } })
    expect(conflicts).toHaveLength(1)
    const api = seedSession('SIG API Machinery and AI').id
    expect(conflictMessage(conflicts[0]!, api, TIME_ZONE)).toBe(
      'Only 15 min to walk from Building B Level 4 to Building C Level 3 (≈13 min + 3 min buffer)',
    )
  })

  it('words a 5-minute changeover at a brisk pace like the issue does', () => {
    const from = makeSession({ title: 'B4 talk', to: '11:30am', at: 'Building B | Level 4 | B406b-407' })
    const to = makeSession({ title: 'C3 talk', from: '11:35am', to: '12:05pm', at: 'Building C | Level 3 | Georgia Ballroom 2' })
    const [c] = findConflicts([planned(from), planned(to)], { walking: { pace: 'brisk' } })
    expect(conflictMessage(c!, to.id, TIME_ZONE)).toBe('Only 5 min to walk from Building B Level 4 to Building C Level 3 (≈10 min)')
  })

  it('checks only consecutive sessions: A → B → C, never A → C', () => {
    const a = makeSession({ title: 'A', from: '10:00am', to: '10:30am', at: 'Building C | Level 3 | Georgia Ballroom 1' })
    const b = makeSession({ title: 'B', from: '10:45am', to: '11:30am', at: 'Building B | Level 2 | B206' })
    const c = makeSession({ title: 'C', from: '11:35am', to: '12:00pm', at: 'Building C | Level 3 | Georgia Ballroom 1' })
    // A → B: 15 min gap, 13 needed (fine). B → C: 5 min gap, 13 needed. A → C would be fine and is not checked.
    expect(summary(findConflicts([planned(a), planned(b), planned(c)]))).toEqual(['tight hard B → C gap 5m needs 13m'])
  })

  it('checks the walk from every session that ends last, when two overlapping ones end together', () => {
    const b4 = makeSession({ title: 'B4', at: 'Building B | Level 4 | B401-402' })
    const b2 = makeSession({ title: 'B2', at: 'Building B | Level 2 | B206' })
    const c3 = makeSession({ title: 'C3', from: '11:45am', to: '12:15pm', at: 'Building C | Level 3 | Georgia Ballroom 2' })
    expect(summary(findConflicts([planned(b4), planned(b2, 'maybe'), planned(c3)], { walking: { pace: 'relaxed' } }))).toEqual([
      'overlap soft B2 × B4 30m', // same times: schedule order, B206 before B401-402
      'tight soft B2 → C3 gap 15m needs 17m',
      'tight hard B4 → C3 gap 15m needs 17m',
    ])
  })

  it('treats a session still running as an overlap, and walks from the one that ended', () => {
    const contribfest = seedSession('🚨 Contribfest: Level up Your Open Source Journey') // 11:00–12:15, B207
    const flux = seedSession('AI-Assisted GitOps With Flux') // 11:00–11:30, B206
    const api = seedSession('SIG API Machinery and AI') // 11:45–12:15, C3
    const conflicts = findConflicts([planned(contribfest, 'maybe'), planned(flux), planned(api)], { walking: { pace: 'relaxed' } })
    expect(summary(conflicts)).toEqual([
      'overlap soft AI-Assisted GitOps With Flux MCP Server × 🚨 Contribfest: Level up Your Open Source Journey: Hands-On Backstage Contributions! 30m',
      'tight hard AI-Assisted GitOps With Flux MCP Server → SIG API Machinery and AI: What Comes Next? gap 15m needs 17m',
      'overlap soft 🚨 Contribfest: Level up Your Open Source Journey: Hands-On Backstage Contributions! × SIG API Machinery and AI: What Comes Next? 30m',
    ])
  })
})

describe('background sessions', () => {
  it('classifies by type (any case) or by length over 3 hours', () => {
    expect(isBackground(seedSession('Badge Pick-Up'))).toBe(true) // REGISTRATION, 8 h
    expect(isBackground(seedSession('Coffee Break'))).toBe(true) // BREAKS, 30 min
    expect(isBackground(seedSession('Solutions Showcase'))).toBe(true) // 3.5 h
    expect(isBackground(seedSession('Relaxation Station'))).toBe(true) // EXPERIENCES, 3.5 h
    expect(isBackground(seedSession('Pet-a-Pup'))).toBe(false) // EXPERIENCES, 1 h: a time and a place
    expect(isBackground(makeSession({ type: 'breaks' }))).toBe(true)
    expect(isBackground(makeSession({ from: '9:00am', to: '12:00pm' }))).toBe(false) // exactly 3 h
    expect(isBackground(makeSession({ from: '9:00am', to: '12:01pm' }))).toBe(true)
    expect(isBackground(makeSession({ type: 'REGISTRATION' }), { types: [], maxMinutes: 180 })).toBe(false)
  })

  it('never conflicts: Badge Pick-Up, the cloakroom and the all-day showcase starred with talks', () => {
    expect(
      seedConflicts([
        ['Badge Pick-Up', 'must'],
        ['Coat + Bag Check', 'must'],
        ['Solutions Showcase', 'must'],
        ['Relaxation Station', 'must'],
        ['Keynote: Welcome Back', 'must'],
        ['AI-Assisted GitOps With Flux MCP Server', 'must'],
        ['Building AI/ML Pipelines on Kubernetes', 'must'], // 11:45, B308-309: 6 min from B206, 15 there
        ['Achieving Peak Performance Through Hardware Alignment in DRA', 'must'], // 1:45 in B206
      ]),
    ).toEqual([])
  })
})

describe('severity', () => {
  it('is hard only for must + must', () => {
    expect(severityOf('must', 'must')).toBe('hard')
    expect(severityOf('must', 'maybe')).toBe('soft')
    expect(severityOf('maybe', 'must')).toBe('soft')
    expect(severityOf('maybe', 'maybe')).toBe('soft')
  })

  it('makes a must clashing with a maybe softer than two musts, and sorts worst first', () => {
    const both = seedConflicts([
      ['AI-Assisted GitOps With Flux MCP Server', 'must'],
      ['Feature Flags Suck!', 'must'],
    ])
    const mixed = seedConflicts([
      ['AI-Assisted GitOps With Flux MCP Server', 'must'],
      ['Feature Flags Suck!', 'maybe'],
    ])
    expect(both.map((c) => c.severity)).toEqual(['hard'])
    expect(mixed.map((c) => c.severity)).toEqual(['soft'])

    const tightHard = seedConflicts(
      [
        ['Autoscaling Spring Boot Apps', 'must'],
        ['SIG API Machinery and AI', 'must'],
      ],
      { walking: { pace: 'relaxed' } },
    )[0]!
    const sorted = [mixed[0]!, tightHard, both[0]!].sort(compareConflicts)
    expect(sorted.map((c) => `${c.kind} ${c.severity}`)).toEqual(['overlap hard', 'tight hard', 'overlap soft'])
  })
})

describe('helpers', () => {
  it('planOf keeps starred sessions with their level, in the given order', () => {
    const stars = seedStars(['Feature Flags Suck!', 'maybe'], ['Badge Pick-Up', 'must'])
    expect(planOf(seed(), stars).map((p) => `${p.session.title} ${p.level}`)).toEqual([
      'Badge Pick-Up must',
      'Feature Flags Suck! maybe',
    ])
    expect(planOf(seed(), new Map())).toEqual([])
  })

  it('conflictsBySession and otherSide index a conflict under both sessions', () => {
    const a = makeSession({ title: 'A' })
    const b = makeSession({ title: 'B' })
    const c = makeSession({ title: 'C', from: '2:00pm', to: '2:30pm' })
    const conflicts = findConflicts([planned(a), planned(b), planned(c)])
    const index = conflictsBySession(conflicts)
    expect(index.get(a.id)).toEqual(conflicts)
    expect(index.get(b.id)).toEqual(conflicts)
    expect(index.has(c.id)).toBe(false)
    expect(otherSide(conflicts[0]!, a.id).session.title).toBe('B')
    expect(otherSide(conflicts[0]!, b.id).session.title).toBe('A')
  })
})

describe('scale', () => {
  it('sweeps 10,000 starred back-to-back sessions in one room without quadratic work', () => {
    const plan = Array.from({ length: 10_000 }, (_, i) => {
      const startMs = Date.parse(est('9:00am')) + i * 30 * 60_000
      const id = i.toString(16).padStart(8, '0') as SessionId
      return planned(makeSession({ id, start: instantFromMs(startMs), end: instantFromMs(startMs + 30 * 60_000) }))
    })
    // Correctness at scale only; speed is npm run bench's job, never a timed assertion.
    expect(findConflicts(plan)).toEqual([])
  })
})

describe('the words for each kind (conflictText)', () => {
  const overlap = { kind: 'overlap', severity: 'hard' } as const
  const possibleOverlap = { kind: 'overlap', severity: 'soft' } as const
  const tight = { kind: 'tight', severity: 'hard' } as const
  const possibleTight = { kind: 'tight', severity: 'soft' } as const

  it('names an overlap and a tight walk apart, each with its own icon, maybes as "possible"', () => {
    expect([overlap, possibleOverlap, tight, possibleTight].map((c) => conflictWords(c))).toEqual([
      expect.objectContaining({ label: 'Overlap', icon: 'overlap', would: 'Would overlap' }),
      expect.objectContaining({ label: 'Possible overlap', icon: 'overlap', would: 'Would possibly overlap' }),
      expect.objectContaining({ label: 'Tight walk', icon: 'tight-walk', would: 'Would be a tight walk' }),
      expect.objectContaining({ label: 'Possible tight walk', icon: 'tight-walk', would: 'Would possibly be a tight walk' }),
    ])
  })

  it('counts each kind apart, worst first (as compareConflicts ranks them)', () => {
    expect(tallyConflicts([tight, overlap, tight])).toEqual({ overlap: { hard: 1, soft: 0 }, tight: { hard: 2, soft: 0 } })
    expect(conflictCounts([tight, overlap])).toEqual(['1 overlap', '1 tight walk'])
    expect(conflictCounts([possibleTight, possibleOverlap, possibleOverlap, tight, tight])).toEqual([
      '2 tight walks',
      '2 possible overlaps',
      '1 possible tight walk',
    ])
    expect(conflictCounts([])).toEqual([])
  })

  it('heads a session’s list by what is in it', () => {
    expect(conflictsHeading([overlap])).toBe('Overlaps in your plan')
    expect(conflictsHeading([possibleTight])).toBe('Tight walks in your plan')
    expect(conflictsHeading([tight, possibleOverlap])).toBe('Overlaps and tight walks in your plan')
  })

  it('names both sides in a Resolve button, isolated', () => {
    const [c] = seedConflicts([
      ['Kubernetes SIG Storage', 'must'],
      ['Lunch', 'must'],
    ])
    expect(resolveLabel(c!, 'Kubernetes SIG Storage', 'Lunch 🍲')).toBe('Resolve tight walk: Kubernetes SIG Storage and Lunch 🍲')
    expect(resolveLabel(c!, 'مرحبا', 'Lunch')).toBe('Resolve tight walk: \u2068مرحبا\u2069 and Lunch')
  })
})
