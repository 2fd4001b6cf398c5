// "Leave now" reminders against the real KubeCon Thursday: the walk from the previous plan session's room, the
// lead time before the day's first session, and the words, read at moments a fake clock sets.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import {
  FIRST_SESSION_LEAD_MIN,
  leadMinutesBySession,
  nextReminder,
  reminderText,
  remindersOf,
} from '../../src/domain/reminders'
import { formatVenueTime } from '../../src/domain/time'
import { findConflicts } from '../../src/domain/conflicts'
import { est, planned, seedSession, TIME_ZONE } from './planFactories'

const GITOPS = seedSession('AI-Assisted GitOps') // 11:00–11:30, B206 (Building B, Level 2)
const OCI = seedSession('Bringing OCI Into the GitOps World') // 11:45–12:15, B406b-407 (Building B, Level 4)
const EPHEMERAL = seedSession('Creating and Maintaining Ephemeral') // 1:45–2:15, B406b-407
const DRAGONFLY = seedSession('Dragonfly v2.3.0') // 3:15–3:45, Georgia Ballroom 2 (Building C, Level 3)
const PLAN = [planned(GITOPS, 'must'), planned(OCI, 'must'), planned(EPHEMERAL, 'maybe'), planned(DRAGONFLY, 'must')]
const ms = (t: string) => Date.parse(est(t))
const label = (r: { startMs: number }) => formatVenueTime(new Date(r.startMs).toISOString().replace('.000', '') as never, TIME_ZONE)

describe('remindersOf', () => {
  test('the day’s first session: the lead time before its start', () => {
    const [first] = remindersOf(PLAN, 'all')
    expect(first!.item.session).toBe(GITOPS)
    expect(first!.from).toBeNull()
    expect(first!.atMs).toBe(ms('11:00am') - FIRST_SESSION_LEAD_MIN * 60_000)
  })

  test('the next one: start − the walk the tight-walk check counts, with the user’s pace and buffer', () => {
    for (const walking of [{}, { pace: 'relaxed' as const, bufferMin: 5 }]) {
      const r = remindersOf(PLAN, 'all', { walking }).find((x) => x.item.session === OCI)!
      expect(r.from).toBe(GITOPS)
      // The same figure findConflicts would compare against the 15-minute changeover.
      const tight = findConflicts([planned(GITOPS), planned(OCI)], { walking: { ...walking, bufferMin: 60 } })
      const walkMin = tight[0]!.kind === 'tight' ? tight[0]!.transfer.walkMin : NaN
      expect(r.leadMin).toBe(walkMin + (walking.bufferMin ?? 0))
      expect(r.atMs).toBe(ms('11:45am') - r.leadMin * 60_000)
    }
    // B206 (Level 2) → B406b-407 (Level 4) at the normal pace: 3 + 3 + 1 = 7 min.
    expect(remindersOf(PLAN, 'all').find((x) => x.item.session === OCI)!.atMs).toBe(ms('11:38am'))
  })

  test('musts only leaves the maybes out, but walks from whichever plan session came before', () => {
    const musts = remindersOf(PLAN, 'musts')
    expect(musts.map((r) => r.item.session)).toEqual([GITOPS, OCI, DRAGONFLY])
    // Dragonfly follows the maybe in B406b-407, so that is where the walk starts: ≈13 min to Building C.
    const dragonfly = musts.at(-1)!
    expect(dragonfly.from).toBe(EPHEMERAL)
    expect(dragonfly.leadMin).toBe(13)
    expect(remindersOf(PLAN, 'off')).toEqual([])
  })

  test('yesterday’s last room is not where the walk starts', () => {
    const friday = { ...GITOPS, id: 'fri' as never, day: '2025-11-14' as never, start: est('9:00am').replace('13T', '14T') as never, end: est('9:30am').replace('13T', '14T') as never }
    const r = remindersOf([...PLAN, planned(friday)], 'all').at(-1)!
    expect(r.item.session).toBe(friday)
    expect(r.from).toBeNull()
    expect(r.leadMin).toBe(FIRST_SESSION_LEAD_MIN)
  })

  test('the calendar export gets the same minutes', () => {
    const leads = leadMinutesBySession(PLAN)
    expect(leads.get(GITOPS.id)).toBe(FIRST_SESSION_LEAD_MIN)
    expect(leads.get(OCI.id)).toBe(7)
    expect(leads.get(EPHEMERAL.id)).toBe(0)
  })
})

describe('nextReminder and its words, on a fake clock', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  test('before, at and after the leave moment', () => {
    vi.setSystemTime(ms('11:32am'))
    let r = nextReminder(PLAN, Date.now())!
    expect(r.item.session).toBe(OCI)
    expect(reminderText(r, Date.now(), label(r)).sentence).toBe(
      'Leave in 6 min for B406b-407 (Building B · Level 4): ≈7 min walk from B206. Starts 11:45 AM.',
    )
    vi.advanceTimersByTime(6 * 60_000)
    r = nextReminder(PLAN, Date.now())!
    expect(reminderText(r, Date.now(), label(r)).sentence).toBe(
      'Leave now for B406b-407 (Building B · Level 4): ≈7 min walk from B206. Starts 11:45 AM.',
    )
    // Once it has started, the next one is the maybe in the same room.
    vi.setSystemTime(ms('11:46am'))
    r = nextReminder(PLAN, Date.now())!
    expect(r.item.session).toBe(EPHEMERAL)
    expect(reminderText(r, ms('1:45pm'), label(r)).headline).toBe('Stay in B406b-407 (Building B · Level 4)')
    vi.setSystemTime(ms('4:00pm'))
    expect(nextReminder(PLAN, Date.now())).toBeNull()
  })

  test('the first session of the day: no walk, says when it starts', () => {
    vi.setSystemTime(ms('10:50am'))
    const r = nextReminder(PLAN, Date.now(), 'musts')!
    expect(reminderText(r, Date.now(), label(r)).sentence).toBe(
      'Leave now for B206 (Building B · Level 2): Starts 11:00 AM, in 10 min.',
    )
  })

  test('the buffer shows in the words', () => {
    const r = nextReminder(PLAN, ms('11:31am'), 'all', { walking: { bufferMin: 5 } })!
    expect(reminderText(r, ms('11:33am'), label(r)).sentence).toBe(
      'Leave now for B406b-407 (Building B · Level 4): ≈7 min walk from B206 + 5 min extra. Starts 11:45 AM.',
    )
  })
})
