// Now & next on the real Thursday, with an injected clock.
import type { Session, SessionId } from '../../src/domain/model'
import { nowAndNext } from '../../src/domain/nowNext'
import { est, makeSession, manySessions, seed, seedSession } from './planFactories'

const titles = (list: Session[]) => list.map((s) => s.title)
const ids = (...prefixes: string[]) => new Set(prefixes.map((p) => seedSession(p).id))

describe('nowAndNext at 11:10 on Thursday (2025-11-13T16:10:00Z)', () => {
  const now = est('11:10am')
  it('injects the clock as an instant', () => expect(now).toBe('2025-11-13T16:10:00Z'))

  const result = nowAndNext(seed(), now, ids('Feature Flags Suck!', 'Kubernetes SIG Storage'))

  it('shows the 11:00 sessions in progress, starred first, then time order, then room', () => {
    expect(result.now).toHaveLength(18) // 16 at 11:00, Project Demos since 10:45, a demo since 11:05
    expect(titles(result.now.slice(0, 5))).toEqual([
      'Feature Flags Suck!',
      'Project Demos', // 10:45–11:50: still on, so the user can still walk in
      'AI-Assisted GitOps With Flux MCP Server', // 11:00, B206
      '🚨 Contribfest: Level up Your Open Source Journey: Hands-On Backstage Contributions!', // 11:00, B207
      '🚨 Contribfest: Inspektor Gadget Contribfest: Enhancing the Observability and Security of Your K8s Clusters Through an easy to use Framework', // 11:00, B208
    ])
    expect(titles(result.now.slice(-1))).toEqual(['Sponsored Demo: No Silos, One Data Plane: Fast & Secure SW-Defined Data Ops for Kubernetes']) // 11:05
    expect(result.now.every((s) => s.start <= now && s.end > now)).toBe(true)
  })

  it('keeps background sessions apart: badge pick-up, coat check, the showcase, not the finished coffee break', () => {
    expect(titles(result.background)).toEqual(['Coat + Bag Check', 'Badge Pick-Up', 'Relaxation Station', 'Solutions Showcase'])
  })

  it('shows the 11:45 sessions as next, the starred one first', () => {
    expect(result.nextStart).toBe(est('11:45am'))
    expect(result.next).toHaveLength(14)
    expect(result.next[0]!.title).toBe('Kubernetes SIG Storage: Intro & Deep Dive')
    expect(result.next.every((s) => s.start === est('11:45am'))).toBe(true)
    expect(titles(result.nextStarred)).toEqual(['Kubernetes SIG Storage: Intro & Deep Dive'])
  })
})

describe('nowAndNext edges', () => {
  it('drops a session the moment it ends and counts one as started at its first second', () => {
    const atEnd = nowAndNext(seed(), est('11:30am'), new Set())
    expect(titles(atEnd.now)).toEqual([
      'Project Demos',
      '🚨 Contribfest: Level up Your Open Source Journey: Hands-On Backstage Contributions!',
      '🚨 Contribfest: Inspektor Gadget Contribfest: Enhancing the Observability and Security of Your K8s Clusters Through an easy to use Framework',
    ])
    const atStart = nowAndNext(seed(), est('11:00am'), new Set())
    expect(atStart.now).toHaveLength(17) // the 11:05 demo is next, not now
    expect(titles(atStart.next)).toEqual(['Sponsored Demo: No Silos, One Data Plane: Fast & Secure SW-Defined Data Ops for Kubernetes'])
    expect(atStart.background.map((s) => s.title)).not.toContain('Coffee Break ☕') // 10:30–11:00
  })

  it('finds the user’s next starred session even when it is not in the next slot', () => {
    const result = nowAndNext(seed(), est('11:10am'), ids('Pet-a-Pup'))
    expect(result.nextStart).toBe(est('11:45am'))
    expect(titles(result.nextStarred)).toEqual(['Pet-a-Pup'])
  })

  it('accepts the star-level Map as the lookup', () => {
    const stars = new Map<SessionId, 'must' | 'maybe'>([[seedSession('Feature Flags Suck!').id, 'maybe']])
    expect(nowAndNext(seed(), est('11:10am'), stars).now[0]!.title).toBe('Feature Flags Suck!')
  })

  it('looks past lunch and before the doors open, with no look-ahead limit', () => {
    const lunch = nowAndNext(seed(), est('12:20pm'), new Set())
    expect(titles(lunch.now)).toEqual(['Pet-a-Pup'])
    expect(titles(lunch.background)).toEqual([
      'Coat + Bag Check',
      'Badge Pick-Up',
      'Relaxation Station',
      'Solutions Showcase',
      'Lunch 🍲',
    ])
    expect(titles(lunch.next)).toEqual([
      'Learning Lounge: A Peek Inside the LLMOps Black Box',
      'Network Nook Meetup: Share & Continue the Conversation',
    ])

    // 7:00am: registration (background) opens at 8:00 and is not "next"; the first keynote is.
    const early = nowAndNext(seed(), est('7:00am'), new Set())
    expect(early.now).toEqual([])
    expect(early.background).toEqual([])
    expect(titles(early.next)).toEqual(['Keynote: Welcome Back + Opening Remarks'])

    const late = nowAndNext(seed(), est('11:00pm'), new Set())
    expect(late).toEqual({ now: [], next: [], nextStart: null, nextStarred: [], background: [] })
  })

  it('skips zero-length sessions at now', () => {
    const blip = makeSession({ from: '11:10am', to: '11:10am' })
    expect(nowAndNext([blip], est('11:10am'), new Set())).toEqual({ now: [], next: [], nextStart: null, nextStarred: [], background: [] })
  })

  // Scale (correctness only; speed is npm run bench's job, never a timed assertion). Skipped in the zone projects.
  it.skipIf(process.env.HALLWAY_SKIP_SPEED_CHECKS === '1')('answers at 10,000 sessions', () => {
    const big = manySessions(10_000)
    const result = nowAndNext(big, est('11:10am'), new Set([big[5000]!.id]))
    // 8:00 + 4 × 45 min = 11:00: slot 4 runs 11:00–11:30, 625 sessions of which every fifth is a BREAKS.
    expect(result.now).toHaveLength(500)
    expect(result.background).toHaveLength(125)
    expect(result.nextStart).toBe(est('11:45am'))
  })
})

describe('a starred lunch', () => {
  it('is the user’s next, and on now while it runs, like any plan session; unstarred it stays background', () => {
    const before = nowAndNext(seed(), est('12:00pm'), ids('Lunch'))
    expect(titles(before.nextStarred)).toEqual(['Lunch 🍲'])
    const during = nowAndNext(seed(), est('12:30pm'), ids('Lunch'))
    expect(titles(during.now)[0]).toBe('Lunch 🍲')
    expect(titles(during.background)).not.toContain('Lunch 🍲')
    expect(titles(nowAndNext(seed(), est('12:30pm'), new Set()).background)).toContain('Lunch 🍲')
  })
})
