// Conflicts between starred sessions: overlaps, and transitions too short to walk between rooms.
// Also what counts as "background" (registration, breaks, all-day sessions), which never conflicts, and which of
// it a star turns into time taken (a meal or a break the user means to go to).
import type { Instant, Session, SessionId } from './model'
import type { StarLevel } from './stars'
import { toMs } from './time'
import { transferBetween, type Transfer, type WalkingOptions } from './walking'

export type { StarLevel } from './stars'

/** The user's stars by session; a `Map` built from the db's star rows fits. */
export type StarMap = ReadonlyMap<SessionId, StarLevel>

/** A session in the user's plan, with how much they want it. */
export interface PlannedSession {
  session: Session
  level: StarLevel
}

/** The starred sessions of `sessions`, in the order given. One linear pass. */
export function planOf(sessions: readonly Session[], stars: StarMap): PlannedSession[] {
  const plan: PlannedSession[] = []
  if (stars.size === 0) return plan
  for (const session of sessions) {
    const level = stars.get(session.id)
    if (level) plan.push({ session, level })
  }
  return plan
}

/** Which sessions are "background": shown, but never in a conflict, a gap or a transition. */
export interface BackgroundRule {
  /** Session types that are background in the schedule; compared case-insensitively. */
  types: readonly string[]
  /** Sessions longer than this (minutes) are background whatever their type, starred or not. */
  maxMinutes: number
  /**
   * Of `types`, the ones a star turns into time taken: once in the plan, such a session (up to `maxMinutes`) is
   * a plan item like a talk, with walks, gaps and conflicts. Absent: none.
   */
  takenWhenStarred?: readonly string[]
}

/**
 * REGISTRATION ("Badge Pick-Up" 8:00–4:00, "Coat + Bag Check") and BREAKS (coffee, lunch) are places to drop
 * by, not talks to attend. Anything over 3 hours is one too: "Solutions Showcase" and "Relaxation Station"
 * (EXPERIENCES, both 10:30–2:00, 3.5 h) run all day, and starring one must not flag every talk in between.
 * Shorter EXPERIENCES ("Pet-a-Pup" 12:00–1:00, 15-minute Learning Lounge talks) do count: they happen at a
 * time and place. 3 h is above the longest real talk format in the seed (75-minute Contribfests) and below
 * the shortest all-day session.
 */
/*
 * A starred BREAKS session (Lunch 12:15–1:45, a 30-minute coffee break) is one the user means to go to: the time is
 * taken, and the walk there counts like any other. REGISTRATION stays background even starred: Badge Pick-Up and
 * Coat + Bag Check are open all day (8 h), and one stop there fits in any changeover.
 */
export const DEFAULT_BACKGROUND_RULE: Readonly<BackgroundRule> = {
  types: ['REGISTRATION', 'BREAKS'],
  maxMinutes: 180, // minutes: 3 h, see above
  takenWhenStarred: ['BREAKS'],
}

/** Options shared by every plan computation. */
export interface ConflictOptions {
  walking?: WalkingOptions
  background?: Readonly<BackgroundRule>
}

type BackgroundTest = (session: Pick<Session, 'type' | 'start' | 'end'>) => boolean

// Rules are a handful of objects reused across calls (treat them as immutable); caching their prepared form
// keeps the hot loops free of per-call lowercasing. A WeakMap, so a rule the caller drops is not kept alive.
const preparedRules = new WeakMap<Readonly<BackgroundRule>, { schedule: BackgroundTest; plan: BackgroundTest }>()

function prepared(rule: Readonly<BackgroundRule>): { schedule: BackgroundTest; plan: BackgroundTest } {
  let tests = preparedRules.get(rule)
  if (!tests) {
    const key = (type: string) => type.trim().toLowerCase()
    const types = new Set(rule.types.map(key))
    const taken = new Set((rule.takenWhenStarred ?? []).map(key))
    const maxMs = rule.maxMinutes * 60_000
    const tooLong = (s: Pick<Session, 'start' | 'end'>) => toMs(s.end) - toMs(s.start) > maxMs
    const schedule: BackgroundTest = (session) => {
      const type = key(session.type)
      return (type !== '' && types.has(type)) || tooLong(session)
    }
    const plan: BackgroundTest = (session) => {
      const type = key(session.type)
      if (type !== '' && types.has(type) && !taken.has(type)) return true
      return tooLong(session)
    }
    tests = { schedule, plan }
    preparedRules.set(rule, tests)
  }
  return tests
}

/** `isBackground` with the rule prepared once, for loops over many sessions. */
export function backgroundTest(rule: Readonly<BackgroundRule> = DEFAULT_BACKGROUND_RULE): BackgroundTest {
  return prepared(rule).schedule
}

/**
 * `isPlanBackground` prepared once: the test for sessions the user starred. Every function that reads the plan
 * (its conflicts, gaps, walks and free time, and where Now says the user is) uses this one, so they agree.
 */
export function planBackgroundTest(rule: Readonly<BackgroundRule> = DEFAULT_BACKGROUND_RULE): BackgroundTest {
  return prepared(rule).plan
}

/** Whether a session is background in the schedule under `rule`: never suggested, never "on now" or "next". */
export function isBackground(
  session: Pick<Session, 'type' | 'start' | 'end'>,
  rule: Readonly<BackgroundRule> = DEFAULT_BACKGROUND_RULE,
): boolean {
  return backgroundTest(rule)(session)
}

/**
 * Whether a starred session stays background in the plan: never conflicts, never bounds a gap. A starred meal or
 * break (`takenWhenStarred`, up to `maxMinutes`) is not: its time is taken.
 */
export function isPlanBackground(
  session: Pick<Session, 'type' | 'start' | 'end'>,
  rule: Readonly<BackgroundRule> = DEFAULT_BACKGROUND_RULE,
): boolean {
  return planBackgroundTest(rule)(session)
}

/** 'hard' when both sessions are "must"; 'soft' when either is only "maybe" (one of them was optional anyway). */
export type Severity = 'hard' | 'soft'

export function severityOf(a: StarLevel, b: StarLevel): Severity {
  return a === 'must' && b === 'must' ? 'hard' : 'soft'
}

/** Two starred sessions whose times intersect (touching ends, 11:30 → 11:30, do not). */
export interface Overlap {
  kind: 'overlap'
  severity: Severity
  /** The one that starts first (or, at the same start, ends first). */
  a: PlannedSession
  b: PlannedSession
  /** Minutes both run at once. */
  overlapMin: number
}

/** Two consecutive starred sessions with less time between them than the walk (plus buffer) needs. */
export interface TightTransition {
  kind: 'tight'
  severity: Severity
  from: PlannedSession
  to: PlannedSession
  /** Whole minutes from `from`'s end to `to`'s start (≥ 0). */
  gapMin: number
  transfer: Transfer
}

export type Conflict = Overlap | TightTransition

/** What a conflict is: 'overlap' (both run at once: the user can't attend both) or 'tight' (a walk too short to make). */
export type ConflictKind = Conflict['kind']

/** How many conflicts of each kind and severity. */
export type ConflictTally = Record<ConflictKind, Record<Severity, number>>

/** Counts `conflicts` by kind and severity, for headings such as "1 overlap, 1 tight walk". */
export function tallyConflicts(conflicts: readonly Pick<Conflict, 'kind' | 'severity'>[]): ConflictTally {
  const tally: ConflictTally = { overlap: { hard: 0, soft: 0 }, tight: { hard: 0, soft: 0 } }
  for (const c of conflicts) tally[c.kind][c.severity] += 1
  return tally
}

/** Same sides at the same levels, same kind, severity and numbers: a row's clash notice says the same. */
export function sameConflicts(a: readonly Conflict[], b: readonly Conflict[]): boolean {
  const sameSide = (x: PlannedSession, y: PlannedSession) => x.session === y.session && x.level === y.level
  return (
    a.length === b.length &&
    a.every((c, i) => {
      const d = b[i]!
      if (c.kind === 'overlap' && d.kind === 'overlap') {
        return c.severity === d.severity && c.overlapMin === d.overlapMin && sameSide(c.a, d.a) && sameSide(c.b, d.b)
      }
      if (c.kind === 'tight' && d.kind === 'tight') {
        return (
          c.severity === d.severity &&
          c.gapMin === d.gapMin &&
          sameSide(c.from, d.from) &&
          sameSide(c.to, d.to) &&
          JSON.stringify(c.transfer) === JSON.stringify(d.transfer)
        )
      }
      return false
    })
  )
}

/** The two sessions of a conflict, earlier first. */
export function sidesOf(conflict: Conflict): [PlannedSession, PlannedSession] {
  return conflict.kind === 'overlap' ? [conflict.a, conflict.b] : [conflict.from, conflict.to]
}

/** The session of `conflict` that is not `id`. */
export function otherSide(conflict: Conflict, id: SessionId): PlannedSession {
  const [first, second] = sidesOf(conflict)
  return first.session.id === id ? second : first
}

/** A session of the plan with its times as milliseconds, so the sweep does no date parsing. */
interface Timed {
  item: PlannedSession
  startMs: number
  endMs: number
}

/** One step of {@link sweepPlan}: a session, what it overlaps, and where the user walks from. */
export interface SweepStep {
  item: PlannedSession
  /** Earlier-starting sessions still running when this one starts, i.e. the ones it overlaps. */
  overlapping: PlannedSession[]
  /**
   * The sessions that ended last before this one starts (several when they end at the same instant): where
   * the user walks from. Empty for the first session, or when nothing has ended yet.
   */
  cameFrom: PlannedSession[]
  /** When those ended; null when `cameFrom` is empty. */
  cameFromEnd: Instant | null
  /** The session's start and end as epoch milliseconds, parsed once for callers that do arithmetic. */
  startMs: number
  endMs: number
}

type Sortable = Pick<Session, 'start' | 'end' | 'id' | 'title'> & { venue: Pick<Session['venue'], 'room'> }

/**
 * Time order for the plan: start, then end (the shorter first), then room and title like the schedule lists
 * them, then id, so equal inputs always sweep, and show, the same way.
 */
export function compareByTime(a: Sortable, b: Sortable): number {
  // Instants are fixed-width UTC strings, so string order is time order.
  if (a.start !== b.start) return a.start < b.start ? -1 : 1
  if (a.end !== b.end) return a.end < b.end ? -1 : 1
  // Plain code-unit order, not localeCompare: this runs inside every sort of the plan, and only has to be
  // stable and close to how the schedule lists rooms.
  if (a.venue.room !== b.venue.room) return a.venue.room < b.venue.room ? -1 : 1
  if (a.title !== b.title) return a.title < b.title ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * The plan's sessions that take time ({@link isPlanBackground}) in time order, each with the sessions it overlaps and the ones the user
 * walks from. Sorts once, then one sweep: O(n log n + overlaps). Conflicts, the plan view and the alternatives
 * all read the plan through this, so they agree on what "the previous session" is.
 */
export function sweepPlan(plan: readonly PlannedSession[], options: ConflictOptions = {}): SweepStep[] {
  const background = planBackgroundTest(options.background)
  const timed: Timed[] = []
  for (const item of plan) {
    if (background(item.session)) continue
    timed.push({ item, startMs: toMs(item.session.start), endMs: toMs(item.session.end) })
  }
  timed.sort((x, y) => compareByTime(x.item.session, y.item.session))

  const steps: SweepStep[] = []
  // Sessions that started and have not ended at the current start. Every one that stays produces an overlap,
  // and every one that leaves leaves once, so keeping this list costs no more than the output.
  let running: Timed[] = []
  let lastEnded: Timed[] = []
  let lastEndMs = -Infinity
  for (const cur of timed) {
    const still: Timed[] = []
    for (const r of running) {
      if (r.endMs > cur.startMs) {
        still.push(r)
        continue
      }
      if (r.endMs > lastEndMs) {
        lastEndMs = r.endMs
        lastEnded = [r]
      } else if (r.endMs === lastEndMs) {
        lastEnded.push(r)
      }
    }
    running = still
    // A zero-length session at the very start of another one touches it without overlapping.
    const overlapping = running.filter((r) => r.startMs < cur.endMs).map((r) => r.item)
    steps.push({
      item: cur.item,
      overlapping,
      cameFrom: lastEnded.map((t) => t.item),
      cameFromEnd: lastEnded[0]?.item.session.end ?? null,
      startMs: cur.startMs,
      endMs: cur.endMs,
    })
    running.push(cur)
  }
  return steps
}

/**
 * Every conflict in the plan, in time order: overlaps between any two non-background sessions, and tight
 * transitions into each session from the one(s) that ended last before it. Pure; sorts once.
 *
 * "Consecutive" with overlaps in the plan: when two sessions end at the same time and a third follows, both
 * walks are checked (whichever the user keeps, the walk must work). A session still running when the next one
 * starts is an overlap, not a transition.
 */
export function findConflicts(plan: readonly PlannedSession[], options: ConflictOptions = {}): Conflict[] {
  const conflicts: Conflict[] = []
  for (const step of sweepPlan(plan, options)) {
    const cur = step.item
    const { startMs: curStartMs, endMs: curEndMs } = step
    const cameFromEndMs = step.cameFromEnd === null ? 0 : toMs(step.cameFromEnd)
    for (const prev of step.cameFrom) {
      const gapMs = curStartMs - cameFromEndMs
      const transfer = transferBetween(prev.session.venue, cur.session.venue, options.walking)
      if (gapMs < transfer.neededMin * 60_000) {
        conflicts.push({
          kind: 'tight',
          severity: severityOf(prev.level, cur.level),
          from: prev,
          to: cur,
          gapMin: Math.floor(gapMs / 60_000),
          transfer,
        })
      }
    }
    for (const other of step.overlapping) {
      const endMs = Math.min(toMs(other.session.end), curEndMs)
      conflicts.push({
        kind: 'overlap',
        severity: severityOf(other.level, cur.level),
        a: other,
        b: cur,
        overlapMin: Math.round((endMs - curStartMs) / 60_000),
      })
    }
  }
  return conflicts
}

/** Conflicts grouped by each session they involve, so a session card can list its own. */
export function conflictsBySession(conflicts: readonly Conflict[]): Map<SessionId, Conflict[]> {
  const bySession = new Map<SessionId, Conflict[]>()
  for (const c of conflicts) {
    for (const side of sidesOf(c)) {
      const list = bySession.get(side.session.id)
      if (list) list.push(c)
      else bySession.set(side.session.id, [c])
    }
  }
  return bySession
}

/** Worst first: hard before soft, then overlaps (you cannot attend both) before tight walks (you can, late). */
export function compareConflicts(x: Conflict, y: Conflict): number {
  const rank = (c: Conflict) => (c.severity === 'hard' ? 0 : 2) + (c.kind === 'overlap' ? 0 : 1)
  return rank(x) - rank(y)
}

