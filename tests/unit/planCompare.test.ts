// Comparing two plans: sides and levels, slots that line up sessions starting together, common free time (between
// either plan's sessions and to the day's bounds, background ignored), several days, and the conflicts that adding
// sessions would bring.
import { comparePlans, conflictsIfAdded, scheduleDayBounds, type CompareDay, type CompareSlot } from '../../src/domain/planCompare'
import type { Session } from '../../src/domain/model'
import { est, makeSession, planned } from './planFactories'

const FRIDAY = '2025-11-14'

// A small day: doors 9:00, last talk ends 5:00.
const opening = makeSession({ title: 'Opening', from: '9:00am', to: '9:30am' })
const flux = makeSession({ title: 'Flux', from: '11:00am', to: '11:30am' })
const flags = makeSession({ title: 'Flags', from: '11:00am', to: '11:30am', at: 'Building C | Level 3 | C301' })
const lunch = makeSession({ title: 'Lunch', from: '12:30pm', to: '2:00pm', type: 'BREAKS' })
// Open all afternoon as far as this small day goes, but a drop-by: background even when starred.
const cloakroom = makeSession({ title: 'Cloakroom', from: '12:30pm', to: '2:00pm', type: 'REGISTRATION' })
const keda = makeSession({ title: 'KEDA', from: '2:00pm', to: '2:30pm' })
const closing = makeSession({ title: 'Closing', from: '4:30pm', to: '5:00pm' })
const friday = makeSession({ title: 'Friday talk', day: FRIDAY as Session['day'], start: est('10:00am', FRIDAY), end: est('10:30am', FRIDAY) })
const all = [opening, flux, flags, lunch, cloakroom, keda, closing, friday]

const titles = (slot: CompareSlot) => slot.entries.map((e) => `${e.side}:${e.session.title}`)
const freeTimes = (day: CompareDay) => day.items.flatMap((i) => (i.kind === 'free' ? [[i.start, i.end, i.minutes]] : []))
/** Their plan in the free-time tests: 9:00–9:30 and 2:00–2:30. */
const theirDay = [planned(opening), planned(keda)]

describe('comparePlans', () => {
  it('marks sessions both have, only they have and only the user has, with each side’s level', () => {
    const [day] = comparePlans([planned(flux, 'maybe'), planned(keda)], [planned(flux, 'must'), planned(closing, 'maybe')], all)
    const slots = day!.items.filter((i): i is CompareSlot => i.kind === 'slot')
    expect(slots.map(titles)).toEqual([['both:Flux'], ['theirs:KEDA'], ['mine:Closing']])
    expect(slots[0]!.entries[0]).toMatchObject({ theirs: 'maybe', mine: 'must' })
    expect(slots[1]!.entries[0]).toMatchObject({ theirs: 'must' })
    expect(slots[1]!.entries[0]).not.toHaveProperty('mine')
    expect(slots[2]!.entries[0]).toMatchObject({ mine: 'maybe' })
    expect(day!.counts).toEqual({ both: 1, theirs: 1, mine: 1 })
  })

  it('lines up sessions that start together in one slot: both first, then theirs, then the user’s', () => {
    const [day] = comparePlans([planned(flags), planned(opening)], [planned(flux), planned(opening)], all)
    const slots = day!.items.filter((i): i is CompareSlot => i.kind === 'slot')
    expect(slots.map(titles)).toEqual([['both:Opening'], ['theirs:Flags', 'mine:Flux']])
  })

  it('finds common free time between either plan’s sessions and to the day’s bounds, ignoring background and short gaps', () => {
    // Theirs 9:00–9:30 and 2:00–2:30; mine 11:00–11:30 and the cloakroom (background). Schedule day: 9:00–5:00.
    const [day] = comparePlans(theirDay, [planned(flux), planned(cloakroom)], all)
    expect(freeTimes(day!)).toEqual([
      [est('9:30am'), est('11:00am'), 90],
      [est('11:30am'), est('2:00pm'), 150],
      [est('2:30pm'), est('5:00pm'), 150],
    ])
    // Time order, free time before the background session that starts inside it.
    expect(day!.items.map((i) => (i.kind === 'free' ? `free ${i.minutes}` : titles(i).join()))).toEqual([
      'theirs:Opening',
      'free 90',
      'mine:Flux',
      'free 150',
      'mine:Cloakroom',
      'theirs:KEDA',
      'free 150',
    ])
    // Less than 30 minutes is not worth calling free time.
    const early = makeSession({ from: '9:45am', to: '10:45am' })
    const [tight] = comparePlans([planned(opening), planned(flux)], [planned(early)], [...all, early], { minFreeMin: 30 })
    expect(tight!.items.filter((i) => i.kind === 'free').map((f) => f.minutes)).toEqual([330])
  })

  it('counts a starred lunch as time taken, as the user’s own plan does', () => {
    const [day] = comparePlans(theirDay, [planned(flux), planned(lunch)], all)
    expect(freeTimes(day!)).toEqual([
      [est('9:30am'), est('11:00am'), 90],
      [est('11:30am'), est('12:30pm'), 60],
      [est('2:30pm'), est('5:00pm'), 150],
    ])
  })

  it('one section per day either plan has sessions on, days ascending', () => {
    const days = comparePlans([planned(friday)], [planned(flux)], all)
    expect(days.map((d) => d.day)).toEqual(['2025-11-13', FRIDAY])
    expect(days[1]!.counts).toEqual({ both: 0, theirs: 1, mine: 0 })
  })

  it('two empty plans compare to nothing', () => {
    expect(comparePlans([], [], all)).toEqual([])
  })
})

describe('scheduleDayBounds', () => {
  it('is the first start and last end of the day’s non-background sessions; empty for a day without any', () => {
    expect(scheduleDayBounds(flux.day, all)).toEqual({ dayStart: est('9:00am'), dayEnd: est('5:00pm') })
    expect(scheduleDayBounds('2025-11-15' as Session['day'], all)).toEqual({})
  })
})

describe('conflictsIfAdded', () => {
  it('lists only the conflicts that involve an added session, at the levels they would have', () => {
    const mine = [planned(flux, 'must'), planned(makeSession({ from: '11:15am', to: '11:45am' }), 'must')]
    const conflicts = conflictsIfAdded([planned(flags, 'maybe')], mine)
    // Flags overlaps both of the user's sessions; the user's own clash between them is not news.
    expect(conflicts).toHaveLength(2)
    expect(conflicts.every((c) => c.kind === 'overlap' && c.severity === 'soft')).toBe(true)
    expect(conflictsIfAdded([], mine)).toEqual([])
    expect(conflictsIfAdded([planned(closing)], mine)).toEqual([])
  })

  it('adding several at once includes the clashes among them', () => {
    const conflicts = conflictsIfAdded([planned(flux), planned(flags)], [])
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({ kind: 'overlap', severity: 'hard' })
  })

  it('a session already in the plan is counted once, at the added level', () => {
    const conflicts = conflictsIfAdded([planned(flux, 'maybe')], [planned(flux, 'must'), planned(flags, 'must')])
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]!.severity).toBe('soft')
  })
})
