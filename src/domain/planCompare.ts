// Two plans side by side: per day, which sessions both have, which only one has, when both are free, and which
// conflicts taking sessions from the other plan would bring into one's own.
import {
  backgroundTest,
  compareByTime,
  findConflicts,
  sidesOf,
  type BackgroundRule,
  type Conflict,
  type ConflictOptions,
  type PlannedSession,
  type StarLevel,
} from './conflicts'
import type { Instant, Session, SessionId, VenueDay } from './model'
import { freeSlots, MIN_FREE_SLOT_MIN } from './plan'

/** Whose plan a session is in. */
export type CompareSide = 'both' | 'theirs' | 'mine'

export interface CompareEntry {
  session: Session
  side: CompareSide
  /** Their level; absent when only the user has it. */
  theirs?: StarLevel
  /** The user's level; absent when only they have it. */
  mine?: StarLevel
}

/** Sessions of either plan that start at the same moment, so the two sides line up. */
export interface CompareSlot {
  kind: 'slot'
  start: Instant
  /** Both first, then theirs, then the user's; schedule order within each. */
  entries: CompareEntry[]
}

/** Time of at least {@link MIN_FREE_SLOT_MIN} minutes when neither plan has a session. */
export interface CommonFreeTime {
  kind: 'free'
  start: Instant
  end: Instant
  minutes: number
}

export interface CompareDay {
  day: VenueDay
  /** Slots and common free time, in time order. */
  items: Array<CompareSlot | CommonFreeTime>
  counts: Record<CompareSide, number>
}

export interface CompareOptions extends ConflictOptions {
  /** minutes; default {@link MIN_FREE_SLOT_MIN}. */
  minFreeMin?: number
}

const SIDE_ORDER: Record<CompareSide, number> = { both: 0, theirs: 1, mine: 2 }

/**
 * The two plans day by day, for every day either has a session on. Common free time runs between sessions of
 * either plan, and from the day's first session in the schedule to its last, so "both free until 10:30" shows too.
 * Background sessions (badge pick-up, the all-day showcase) are listed but never bound free time, as in the user's
 * own plan; a starred lunch or break takes its time there too.
 */
export function comparePlans(
  theirs: readonly PlannedSession[],
  mine: readonly PlannedSession[],
  allSessions: readonly Session[],
  options: CompareOptions = {},
): CompareDay[] {
  const theirLevels = new Map(theirs.map((p) => [p.session.id, p.level]))
  const myLevels = new Map(mine.map((p) => [p.session.id, p.level]))
  const union = new Map<SessionId, StarLevel>([...myLevels, ...theirLevels])

  const byDay = new Map<VenueDay, CompareEntry[]>()
  const seen = new Set<SessionId>()
  for (const { session } of [...theirs, ...mine]) {
    if (seen.has(session.id)) continue
    seen.add(session.id)
    const t = theirLevels.get(session.id)
    const m = myLevels.get(session.id)
    const entry: CompareEntry = { session, side: t && m ? 'both' : t ? 'theirs' : 'mine' }
    if (t) entry.theirs = t
    if (m) entry.mine = m
    const list = byDay.get(session.day)
    if (list) list.push(entry)
    else byDay.set(session.day, [entry])
  }

  return [...byDay.keys()].sort().map((day) => {
    const entries = byDay.get(day)!.sort((x, y) => compareByTime(x.session, y.session))
    const counts: Record<CompareSide, number> = { both: 0, theirs: 0, mine: 0 }
    const slots: CompareSlot[] = []
    for (const entry of entries) {
      counts[entry.side] += 1
      const last = slots.at(-1)
      if (last?.start === entry.session.start) last.entries.push(entry)
      else slots.push({ kind: 'slot', start: entry.session.start, entries: [entry] })
    }
    // A stable sort keeps schedule order within each side.
    for (const slot of slots) slot.entries.sort((x, y) => SIDE_ORDER[x.side] - SIDE_ORDER[y.side])

    const bounds = scheduleDayBounds(day, allSessions, options.background)
    const free: CommonFreeTime[] = freeSlots(day, allSessions, union, {
      ...options,
      ...bounds,
      minMinutes: options.minFreeMin ?? MIN_FREE_SLOT_MIN,
    }).map(({ start, end, minutes }) => ({ kind: 'free', start, end, minutes }))

    // Free time goes before the sessions starting at the same moment: those can only be background ones.
    const items: Array<CompareSlot | CommonFreeTime> = [...free, ...slots].sort((x, y) =>
      x.start !== y.start ? (x.start < y.start ? -1 : 1) : x.kind === y.kind ? 0 : x.kind === 'free' ? -1 : 1,
    )
    return { day, items, counts }
  })
}

/**
 * The first start and last end of `day`'s non-background sessions in the schedule (doors open to last talk);
 * empty when the day has none.
 */
export function scheduleDayBounds(
  day: VenueDay,
  allSessions: readonly Session[],
  background?: Readonly<BackgroundRule>,
): { dayStart?: Instant; dayEnd?: Instant } {
  const isBackground = backgroundTest(background)
  let dayStart: Instant | undefined
  let dayEnd: Instant | undefined
  for (const s of allSessions) {
    if (s.day !== day || isBackground(s)) continue
    if (!dayStart || s.start < dayStart) dayStart = s.start
    if (!dayEnd || s.end > dayEnd) dayEnd = s.end
  }
  const bounds: { dayStart?: Instant; dayEnd?: Instant } = {}
  if (dayStart) bounds.dayStart = dayStart
  if (dayEnd) bounds.dayEnd = dayEnd
  return bounds
}

/**
 * The conflicts `plan` would have once `added` joins it, each involving at least one added session: what to show
 * before the user adds one session (pass one) or all of them. Found by {@link findConflicts} itself, so the preview
 * says exactly what the plan will say afterwards.
 */
export function conflictsIfAdded(
  added: readonly PlannedSession[],
  plan: readonly PlannedSession[],
  options: ConflictOptions = {},
): Conflict[] {
  if (added.length === 0) return []
  const ids = new Set(added.map((p) => p.session.id))
  const rest = plan.filter((p) => !ids.has(p.session.id))
  return findConflicts([...rest, ...added], options).filter((c) => sidesOf(c).some((side) => ids.has(side.session.id)))
}

/**
 * The side of a conflict from {@link conflictsIfAdded} that is being added (`added`: their IDs): the session a preview
 * names as bringing it. Every such conflict has one; the first side otherwise.
 */
export function addedSideOf(conflict: Conflict, added: ReadonlySet<SessionId>): Session {
  const sides = sidesOf(conflict)
  return (sides.find((side) => added.has(side.session.id)) ?? sides[0]).session
}
