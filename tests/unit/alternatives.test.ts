// Conflict resolution help: the other sessions of the slot, ranked, each flagged with the conflicts it would bring.
import { alternativesFor, subjectWords } from '../../src/domain/alternatives'
import { sidesOf, type StarLevel } from '../../src/domain/conflicts'
import { conflictMessage } from '../../src/ui/plan/conflictText'
import type { SessionId } from '../../src/domain/model'
import { makeSession, manySessions, seed, seedSession, seedStars, TIME_ZONE } from './planFactories'

describe('alternativesFor an 11:00 session on the real Thursday', () => {
  // The plan: Flux (11:00, B206) then SIG API Machinery (11:45, Building C Level 3). At a relaxed pace the
  // walk takes 17 min and there are 15, so the user looks for something else at 11:00.
  const stars = seedStars(['AI-Assisted GitOps With Flux', 'must'], ['SIG API Machinery and AI', 'must'])
  const flux = seedSession('AI-Assisted GitOps With Flux')
  const alternatives = alternativesFor(flux, seed(), stars, { walking: { pace: 'relaxed' } })
  const byTitle = (prefix: string) => alternatives.find((a) => a.session.title.startsWith(prefix))!

  it('lists every other non-background session of the slot, same type (AI + ML) first', () => {
    // The 15 other 11:00 talks, Project Demos (10:45–11:50) and a sponsored demo at 11:05.
    expect(alternatives).toHaveLength(17)
    expect(alternatives.slice(0, 2).map((a) => [a.sameType, a.session.title])).toEqual([
      [true, 'High-Performance AI Workloads in KubeVirt VMs With NVIDIA GPUs: Challenges and Real-World Solutions'],
      [true, 'Building Cloud Native Agentic Workflows on Kubernetes for Preventative Healthcare'],
    ])
    expect(alternatives.slice(2).every((a) => !a.sameType)).toBe(true)
    const titles = alternatives.map((a) => a.session.title)
    // Background sessions and the 10:45–11:00 Learning Lounge talk (it ends as the slot starts) are not choices.
    for (const absent of ['Relaxation Station', 'Solutions Showcase', 'Badge Pick-Up', 'Learning Lounge: AI May Be']) {
      expect(titles.some((t) => t.startsWith(absent))).toBe(false)
    }
  })

  it('ranks by shared subject words after type, ignoring words most of the slot shares', () => {
    expect(byTitle('High-Performance AI Workloads').sharedWords).toEqual(['ai', 'clusters', 'environments', 'resources', 'security'])
    expect(byTitle('Building Cloud Native Agentic').sharedWords).toEqual(['ai', 'end'])
    // "kubernetes" is in almost every description of the slot, so it never counts.
    expect(alternatives.some((a) => a.sharedWords.includes('kubernetes'))).toBe(false)
    const counts = alternatives.slice(2).map((a) => a.sharedWords.length)
    expect(counts).toEqual([...counts].sort((x, y) => y - x))
    expect(alternatives.at(-1)!.session.title).toBe('Project Demos') // no description, no shared word
  })

  it('flags the alternatives that would themselves conflict with the rest of the plan', () => {
    const conflictFree = alternatives.filter((a) => a.conflicts.length === 0).map((a) => a.session.title.slice(0, 32))
    // Building C rooms, Level 3 of Building B (10 min × 1.3 = 13), and the 11:05–11:25 demo (18 of 20 min).
    expect(conflictFree).toEqual([
      'Building Cloud Native Agentic Wo',
      'Longhorn: Intro, Deep Dive and Q',
      'Sponsored Demo: No Silos, One Da',
      'Economics of Platforms: Building',
      'The Journey of Deploying Backsta',
      'The Ultimate Container Challenge',
      'Managing Data at Scale: Best Pra',
      'etcd V3.6 and Beyond + etcd-oper',
    ])
    const kubevirt = byTitle('High-Performance AI Workloads')
    expect(kubevirt.conflicts).toHaveLength(1)
    expect(conflictMessage(kubevirt.conflicts[0]!, kubevirt.session.id, TIME_ZONE)).toBe(
      'Only 15 min to walk from Building B Level 4 to Building C Level 3 (≈17 min)',
    )
    expect(kubevirt.conflicts[0]!.severity).toBe('hard') // it takes Flux's "must"
    const contribfest = byTitle('🚨 Contribfest: Level up')
    expect(contribfest.conflicts.map((c) => c.kind)).toEqual(['overlap']) // runs until 12:15
  })

  it('reports an overlap with the session the original clashed with, since picking a third talk keeps it', () => {
    const clash = seedStars(['AI-Assisted GitOps With Flux', 'must'], ['Feature Flags Suck!', 'maybe'])
    const result = alternativesFor(flux, seed(), clash)
    expect(result.map((a) => a.session.title)).not.toContain('Feature Flags Suck!') // starred: not an alternative
    expect(result.every((a) => a.conflicts.some((c) => c.kind === 'overlap' && c.severity === 'soft'))).toBe(true)
  })
})

describe('alternativesFor with a starred lunch', () => {
  it('flags the walk on to lunch: it takes its time like a talk', () => {
    // The 11:45 talks end at 12:15 as Lunch starts in Exhibit Hall B3-B5 (Building B Level 1): every room but
    // that hall is a tight walk away, and further from Building C.
    const stars = seedStars(['Kubernetes SIG Storage', 'must'], ['Lunch', 'must'])
    const alternatives = alternativesFor(seedSession('Kubernetes SIG Storage'), seed(), stars)
    const kinds = (prefix: string) =>
      alternatives.find((a) => a.session.title.startsWith(prefix))!.conflicts.map((c) => conflictMessage(c, sidesOf(c)[0].session.id, TIME_ZONE))
    expect(kinds('Open Policy Agent')).toEqual(['No time to walk from Building C Level 3 to Building B Level 1 (≈14 min)'])
    expect(kinds('Building AI/ML Pipelines')).toEqual(['No time to walk from Building B Level 3 to Building B Level 1 (≈7 min)'])
  })
})

describe('alternativesFor on factories', () => {
  it('ranks same type, then shared words, then the closest start', () => {
    const original = makeSession({ title: 'GitOps with Flux', type: 'PLATFORM', from: '11:00am', to: '11:30am' })
    const sameTypeNoWords = makeSession({ title: 'Quantum cats', type: 'platform ', from: '11:10am', to: '11:40am' })
    const twoWords = makeSession({ title: 'Flux and GitOps at scale', type: 'SECURITY' })
    const oneWordLate = makeSession({ title: 'Flux internals', type: 'SECURITY', from: '11:20am', to: '11:50am' })
    const oneWordEarly = makeSession({ title: 'Flux explained', type: 'SECURITY', from: '10:50am', to: '11:20am' })
    const touching = makeSession({ title: 'Flux GitOps before', type: 'PLATFORM', from: '10:30am', to: '11:00am' })
    const all = [original, sameTypeNoWords, twoWords, oneWordLate, oneWordEarly, touching]
    const stars = new Map<SessionId, StarLevel>([[original.id, 'must']])
    expect(alternativesFor(original, all, stars).map((a) => a.session.title)).toEqual([
      'Quantum cats', // type matches case- and space-insensitively
      'Flux and GitOps at scale',
      'Flux explained', // 10 minutes early beats 20 minutes late
      'Flux internals',
    ])
  })

  it('keeps an unstarred session’s alternatives as "maybe" and includes zero-length sessions in the slot', () => {
    const original = makeSession({ title: 'Original' })
    const blip = makeSession({ title: 'Lightning', from: '11:15am', to: '11:15am' })
    const [alt] = alternativesFor(original, [original, blip], new Map())
    expect(alt!.session.title).toBe('Lightning')
    expect(alt!.conflicts).toEqual([])
  })

  it('scans a 10,000-session schedule with 100 stars', () => {
    const big = manySessions(10_000)
    // Every 100th session: 100 stars, some in each slot (each slot holds 625 sessions).
    const stars = new Map<SessionId, StarLevel>(big.filter((_, i) => i % 100 === 0).map((s) => [s.id, 'must']))
    const target = big.find((s) => stars.has(s.id) && s.start > big[0]!.start)!
    // Correctness at scale only; speed is npm run bench's job, never a timed assertion.
    const result = alternativesFor(target, big, stars)
    expect(result.length).toBeGreaterThan(400)
  })
})

describe('subjectWords', () => {
  it('keeps subject words, drops stopwords and numbers, and matches plurals', () => {
    const words = subjectWords('Feature Flags Suck! In this talk we will learn about feature-flag pitfalls in Kubernetes 1.34 and access')
    expect([...words.entries()]).toEqual([
      ['feature', 'feature'],
      ['flag', 'flags'],
      ['suck', 'suck'],
      ['pitfall', 'pitfalls'],
      ['kubernete', 'kubernetes'],
      ['access', 'access'],
    ])
    expect([...subjectWords('Käldström’s eBPF ops').keys()]).toEqual(['kaldstrom', 'ebpf', 'ops'])
  })
})
