// The personal plan as the UI shows it: per day, starred sessions in time order with the gaps and walks
// between them, and the free-slot finder that suggests sessions for the gaps.
import type { Instant, Session, VenueDay } from './model'
import {
  backgroundTest,
  compareByTime,
  conflictsBySession,
  findConflicts,
  planBackgroundTest,
  planOf,
  sidesOf,
  sweepPlan,
  type Conflict,
  type ConflictOptions,
  type PlannedSession,
  type StarMap,
} from './conflicts'
import { instantFromMs, toMs } from './time'
import { transferBetween, type Transfer } from './walking'

/** minutes: the shortest gap worth calling free time: one 30-minute talk slot, the reference schedule's norm. */
export const MIN_FREE_SLOT_MIN = 30

/** A starred session in the day's timeline. */
export interface PlanSessionEntry {
  kind: 'session'
  item: PlannedSession
  /** The session the user walks from: the last to end before this starts (the later in time order on a tie). */
  from: PlannedSession | null
  /** Whole minutes from `from`'s end to this start; null when `from` is. */
  gapBeforeMin: number | null
  /** The walk from `from`'s room (the UI words it: describeTransfer); null when `from` is. */
  transfer: Transfer | null
  /** Conflicts this session is part of (the same objects as in {@link PlanDay.conflicts}). */
  conflicts: Conflict[]
}

/** Time in the day's timeline when no starred session runs. */
export interface PlanGapEntry {
  kind: 'gap'
  start: Instant
  end: Instant
  minutes: number
  /** At least {@link MIN_FREE_SLOT_MIN}: worth offering the free-slot finder. */
  free: boolean
}

export type PlanEntry = PlanSessionEntry | PlanGapEntry

export interface PlanDay {
  day: VenueDay
  /** Sessions in time order, with a gap entry wherever no starred session runs between two of them. */
  entries: PlanEntry[]
  /**
   * Starred background sessions (badge pick-up, an all-day showcase), in time order; not in `entries`, never in
   * conflict. A starred meal or break is not here: it takes its time in `entries` ({@link isPlanBackground}).
   */
  background: PlannedSession[]
  /** Every conflict touching a session of this day, in time order. */
  conflicts: Conflict[]
}

export interface PlanViewOptions extends ConflictOptions {
  /** minutes; default {@link MIN_FREE_SLOT_MIN}. */
  minFreeMin?: number
}

/**
 * The plan view model: one {@link PlanDay} per venue day that has a starred session, days ascending.
 * Conflicts are found over the whole plan at once (a late session can clash across midnight); walks and gaps
 * are per day, so the first session of each day has no `from`.
 */
export function planDays(plan: readonly PlannedSession[], options: PlanViewOptions = {}): PlanDay[] {
  const isBackground = planBackgroundTest(options.background)
  const minFree = options.minFreeMin ?? MIN_FREE_SLOT_MIN
  const conflicts = findConflicts(plan, options)
  const bySession = conflictsBySession(conflicts)

  const byDay = new Map<VenueDay, PlannedSession[]>()
  for (const item of plan) {
    const list = byDay.get(item.session.day)
    if (list) list.push(item)
    else byDay.set(item.session.day, [item])
  }

  return [...byDay.keys()].sort().map((day) => {
    const items = byDay.get(day) ?? []
    const entries: PlanEntry[] = []
    let busyUntilMs = -Infinity
    for (const step of sweepPlan(items, options)) {
      const s = step.item.session
      const startMs = toMs(s.start)
      if (busyUntilMs !== -Infinity && busyUntilMs < startMs) {
        const minutes = Math.round((startMs - busyUntilMs) / 60_000)
        entries.push({ kind: 'gap', start: instantFromMs(busyUntilMs), end: s.start, minutes, free: minutes >= minFree })
      }
      busyUntilMs = Math.max(busyUntilMs, toMs(s.end))
      const from = step.cameFrom.at(-1) ?? null
      const transfer = from ? transferBetween(from.session.venue, s.venue, options.walking) : null
      entries.push({
        kind: 'session',
        item: step.item,
        from,
        gapBeforeMin: from ? Math.floor((startMs - toMs(from.session.end)) / 60_000) : null,
        transfer,
        conflicts: bySession.get(s.id) ?? [],
      })
    }
    const background = items
      .filter((i) => isBackground(i.session))
      .sort((x, y) => compareByTime(x.session, y.session))
    const dayConflicts = conflicts.filter((c) => sidesOf(c).some((side) => side.session.day === day))
    return { day, entries, background, conflicts: dayConflicts }
  })
}

/** A session that fits a free slot. */
export interface FreeSlotSuggestion {
  session: Session
  /** How many of the user's non-background stars share its type; ranked first when > 0. */
  starredTypeCount: number
  /** Minutes needed to walk in from the session before the slot (0 at a day bound). */
  walkInMin: number
  /** Minutes needed to walk on to the session after the slot (0 at a day bound). */
  walkOutMin: number
}

/** A gap in the plan of at least the minimum length, with the sessions that fit it. */
export interface FreeSlot {
  start: Instant
  end: Instant
  minutes: number
  /** The starred session the slot follows; null when the slot starts at the caller's day start. */
  after: PlannedSession | null
  /** The starred session the slot precedes; null when the slot ends at the caller's day end. */
  before: PlannedSession | null
  suggestions: FreeSlotSuggestion[]
}

export interface FreeSlotOptions extends ConflictOptions {
  /** minutes; default {@link MIN_FREE_SLOT_MIN}. */
  minMinutes?: number
  /**
   * Also look for a slot from here to the day's first starred session (e.g. doors open), and clip every slot
   * to start no earlier (pass "now" to get only the free time still ahead).
   */
  dayStart?: Instant
  /** Also look for a slot from the day's last starred session to here, and clip every slot to end by then. */
  dayEnd?: Instant
}

function typeKey(type: string): string {
  return type.trim().toLowerCase()
}

/** Index of the first element of `sorted` (by start) starting at or after `ms`. */
function firstStartingAtOrAfter(sorted: readonly Session[], ms: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (toMs(sorted[mid]!.start) < ms) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Gaps of at least `minMinutes` in the plan on `day`, between the day's starred sessions that take time (a starred
 * lunch does; see {@link planBackgroundTest}) (and
 * from `dayStart` / to `dayEnd` when given), each with the unstarred, non-background sessions of that day that
 * fit entirely inside it, including the walk (and buffer) from the session before and to the session after.
 * A slot's length is the raw gap, without walks; walks only decide which sessions fit.
 *
 * Suggestions are ranked: types the user starred (on any day) first, more stars of that type first; then in
 * schedule order ({@link compareByTime}). A day without starred sessions has one slot only when both bounds
 * are given.
 *
 * Cost: one linear pass over `allSessions`, a sort of the day's sessions, a binary search per slot.
 */
export function freeSlots(
  day: VenueDay,
  allSessions: readonly Session[],
  stars: StarMap,
  options: FreeSlotOptions = {},
): FreeSlot[] {
  const isBackground = backgroundTest(options.background)
  const isPlanBackground = planBackgroundTest(options.background)
  const minMinutes = options.minMinutes ?? MIN_FREE_SLOT_MIN
  const plan = planOf(allSessions, stars)

  const starredTypes = new Map<string, number>()
  for (const { session } of plan) {
    if (isPlanBackground(session)) continue
    const key = typeKey(session.type)
    if (key !== '') starredTypes.set(key, (starredTypes.get(key) ?? 0) + 1)
  }

  const candidates = allSessions
    .filter((s) => s.day === day && !stars.has(s.id) && !isBackground(s))
    .sort(compareByTime)

  // Busy stretches of the day: the union of starred session times. Sorted by start, so merging is one pass.
  const dayPlan = sweepPlan(
    plan.filter((p) => p.session.day === day),
    options,
  ).map((step) => step.item)
  interface Edge {
    ms: number
    /** The sessions at this edge: the ones ending here (slot start) or starting here (slot end). */
    items: PlannedSession[]
  }
  const gaps: Array<{ from: Edge | null; to: Edge | null }> = []
  let busyEnd: Edge | null = null
  for (const item of dayPlan) {
    const startMs = toMs(item.session.start)
    const endMs = toMs(item.session.end)
    if (busyEnd === null) {
      gaps.push({ from: null, to: { ms: startMs, items: [item] } })
    } else if (startMs > busyEnd.ms) {
      gaps.push({ from: busyEnd, to: { ms: startMs, items: [item] } })
    } else if (startMs === gaps.at(-1)?.to?.ms) {
      // Several sessions start together right after the slot: the walk must work to each of them.
      gaps.at(-1)!.to!.items.push(item)
    }
    if (busyEnd === null || endMs > busyEnd.ms) busyEnd = { ms: endMs, items: [item] }
    else if (endMs === busyEnd.ms) busyEnd.items.push(item)
  }
  gaps.push({ from: busyEnd, to: null })

  const dayStartMs = options.dayStart ? toMs(options.dayStart) : null
  const dayEndMs = options.dayEnd ? toMs(options.dayEnd) : null
  const slots: FreeSlot[] = []
  for (const gap of gaps) {
    // The bounds also clip the slots between sessions, so `dayStart: now` means "free time from now on".
    const fromMs = gap.from?.ms ?? dayStartMs
    const toMsBound = gap.to?.ms ?? dayEndMs
    if (fromMs === null || toMsBound === null) continue
    const startMs = dayStartMs === null ? fromMs : Math.max(fromMs, dayStartMs)
    const endMs = dayEndMs === null ? toMsBound : Math.min(toMsBound, dayEndMs)
    if (endMs - startMs < minMinutes * 60_000) continue

    const suggestions: FreeSlotSuggestion[] = []
    for (let i = firstStartingAtOrAfter(candidates, startMs); i < candidates.length; i++) {
      const s = candidates[i]!
      const sStartMs = toMs(s.start)
      if (sStartMs >= endMs) break
      const sEndMs = toMs(s.end)
      if (sEndMs > endMs) continue
      // Walk from every session that ends at the slot's start (the user attends one of them), and on to every
      // one that starts at its end; a clipped slot still starts its walk where the user really is.
      const walkInMin = Math.max(0, ...(gap.from?.items ?? []).map((p) => transferBetween(p.session.venue, s.venue, options.walking).neededMin))
      if (sStartMs < fromMs + walkInMin * 60_000) continue
      const walkOutMin = Math.max(0, ...(gap.to?.items ?? []).map((p) => transferBetween(s.venue, p.session.venue, options.walking).neededMin))
      if (sEndMs + walkOutMin * 60_000 > toMsBound) continue
      suggestions.push({ session: s, starredTypeCount: starredTypes.get(typeKey(s.type)) ?? 0, walkInMin, walkOutMin })
    }
    suggestions.sort((x, y) => y.starredTypeCount - x.starredTypeCount || compareByTime(x.session, y.session))
    slots.push({
      start: instantFromMs(startMs),
      end: instantFromMs(endMs),
      minutes: Math.round((endMs - startMs) / 60_000),
      after: gap.from?.items.at(-1) ?? null,
      before: gap.to?.items[0] ?? null,
      suggestions,
    })
  }
  return slots
}
