// Where the user is, going by their plan, and how far each session is from there: the "walking distance" of the
// Now & next view. Derived from the plan's domain functions; nothing here is stored.
import { planBackgroundTest, type ConflictOptions, type PlannedSession } from '../../domain/conflicts'
import type { Instant, Session } from '../../domain/model'
import { transferBetween, type Transfer } from '../../domain/walking'
import { describeTransfer } from '../common/walkText'

/**
 * The starred non-background session the user is in at `now` (a must before a maybe, then the one that started
 * last), else the one they left last that day; null when the plan has neither.
 */
export function whereYouAre(plan: readonly PlannedSession[], now: Instant, options: ConflictOptions = {}): PlannedSession | null {
  const isBackground = planBackgroundTest(options.background)
  const today = plan.filter((p) => !isBackground(p.session))
  const inProgress = today
    .filter((p) => p.session.start <= now && p.session.end > now)
    .sort((a, b) => Number(b.level === 'must') - Number(a.level === 'must') || (a.session.start < b.session.start ? 1 : -1))
  if (inProgress[0]) return inProgress[0]
  let last: PlannedSession | null = null
  for (const p of today) {
    if (p.session.end > now) continue
    if (!last || p.session.end > last.session.end) last = p
  }
  // Only the same venue day: yesterday's last room says nothing about where the user is this morning.
  return last && sameDayAsNow(last.session, now) ? last : null
}

// ms: a session that ended more than 12 h ago was on another day of the event.
const HALF_DAY_MS = 12 * 60 * 60_000

function sameDayAsNow(session: Session, now: Instant): boolean {
  return Date.parse(now) - Date.parse(session.end) < HALF_DAY_MS
}

export interface WalkFromHere {
  transfer: Transfer
  /** "3 min walk, same level", "≈13 min walk to Building C". */
  phrase: string
}

/** The walk from where the user is to `to`; null when we don't know where they are, or they are in it. */
export function walkFromHere(here: PlannedSession | null, to: Session, options: ConflictOptions = {}): WalkFromHere | null {
  if (!here || here.session.id === to.id) return null
  const transfer = transferBetween(here.session.venue, to.venue, options.walking)
  return { transfer, phrase: describeTransfer(transfer, to.venue) }
}
