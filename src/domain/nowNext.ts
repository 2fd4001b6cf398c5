// "What's on now, what's next" for the hallway: talks in progress stay listed until they end, so the user can
// still switch rooms. `now` is a parameter, so tests (and a "pretend it is 11:10" debug view) can inject it.
import type { Instant, Session, SessionId } from './model'
import { backgroundTest, planBackgroundTest, type BackgroundRule } from './conflicts'

/** Anything that can answer "is this session starred?": a `Set` of ids, or the `Map` of star levels. */
export interface StarLookup {
  has(id: SessionId): boolean
}

export interface NowNextOptions {
  background?: Readonly<BackgroundRule>
}

export interface NowNext {
  /** Non-background sessions in progress (started at or before `now`, ending after it). */
  now: Session[]
  /**
   * Non-background sessions starting at `nextStart`, the first start after `now`. There is no look-ahead
   * limit: during lunch or before the doors open "next" is still the next talk, and the UI shows its time.
   */
  next: Session[]
  nextStart: Instant | null
  /**
   * The user's own next starred non-background session(s): those at the earliest starred start after `now`.
   * Often the same sessions as in `next`; differs when the user skips the next slot.
   */
  nextStarred: Session[]
  /**
   * Background sessions in progress (badge pick-up, coffee break, the showcase), kept apart from `now`. A starred
   * lunch or break is not background here: like in the plan, its time is taken, so it is on now or next.
   */
  background: Session[]
}

/**
 * Now and next at `now`. Every list puts starred sessions first, then keeps time order (start, then room, then
 * title). One pass over `sessions` (about a millisecond at 10,000 sessions; sessions in progress can have
 * started at any time, so there is no sorted cut-off to search for).
 */
export function nowAndNext(
  sessions: readonly Session[],
  now: Instant,
  starred: StarLookup,
  options: NowNextOptions = {},
): NowNext {
  const inSchedule = backgroundTest(options.background)
  const inPlan = planBackgroundTest(options.background)
  const isBackground = (s: Session) => (starred.has(s.id) ? inPlan(s) : inSchedule(s))
  const nowList: Session[] = []
  const background: Session[] = []
  let next: Session[] = []
  let nextStart: Instant | null = null
  let nextStarred: Session[] = []
  let nextStarredStart: Instant | null = null

  // Instants are fixed-width UTC strings, so plain string comparison is time comparison.
  for (const s of sessions) {
    if (s.start <= now) {
      if (s.end <= now) continue
      if (isBackground(s)) background.push(s)
      else nowList.push(s)
      continue
    }
    // Later than both candidates so far: cannot be next, skip the background check.
    if (nextStart !== null && nextStarredStart !== null && s.start > nextStart && s.start > nextStarredStart) continue
    if (isBackground(s)) continue
    if (nextStart === null || s.start < nextStart) {
      nextStart = s.start
      next = [s]
    } else if (s.start === nextStart) {
      next.push(s)
    }
    if (!starred.has(s.id)) continue
    if (nextStarredStart === null || s.start < nextStarredStart) {
      nextStarredStart = s.start
      nextStarred = [s]
    } else if (s.start === nextStarredStart) {
      nextStarred.push(s)
    }
  }

  const order = (a: Session, b: Session) =>
    Number(starred.has(b.id)) - Number(starred.has(a.id)) ||
    (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
    a.venue.room.localeCompare(b.venue.room) ||
    a.title.localeCompare(b.title)
  return {
    now: nowList.sort(order),
    next: next.sort(order),
    nextStart,
    nextStarred: nextStarred.sort(order),
    background: background.sort(order),
  }
}
