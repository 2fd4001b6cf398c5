// "Leave now" reminders: for each session of the plan, the moment to set off so as to arrive on time, counting the
// walk from the previous plan session's room (the same figure the tight-walk warning uses, at the user's pace and
// with their buffer). Pure; the clock is a parameter, so tests and the UI's scheduler agree on every moment.
import { isolateText } from './bidiText'
import { buildingLevel } from './venueLocation'
import { sweepPlan, type ConflictOptions, type PlannedSession } from './conflicts'
import type { Instant, Session } from './model'
import { toMs } from './time'
import { roomLabel, transferBetween, type Transfer } from './walking'

/** Which plan sessions get a reminder: none, the musts, or musts and maybes. A setting. */
export type ReminderScope = 'off' | 'musts' | 'all'

/**
 * minutes: before the day's first plan session (no previous room to walk from, so no walk to count), the lead a
 * calendar app gives by default, and about the longest walk in the seed venue (A → C, ≈20 min) halved: enough to
 * finish a coffee and find the room.
 */
export const FIRST_SESSION_LEAD_MIN = 10

const MINUTE_MS = 60_000

export interface Reminder {
  item: PlannedSession
  /** Epoch ms: the "leave now" moment. */
  atMs: number
  startMs: number
  /** Minutes between the leave moment and the start: the walk plus buffer, or the lead time. */
  leadMin: number
  /** Where the user walks from: the previous plan session that day; null when there is none. */
  from: Session | null
  /** The walk from `from`; null with no previous session. */
  transfer: Transfer | null
}

/**
 * Every reminder of the plan in `scope`, in order of their moments. The previous room is the one the plan
 * sweep names (the session that ended last before this one starts, as in the tight-walk check), counted only on
 * the same venue day: last evening's room says nothing about the morning. When several ended at once, the
 * longest walk wins, so the reminder is never late whichever the user attended.
 */
export function remindersOf(
  plan: readonly PlannedSession[],
  scope: ReminderScope,
  options: ConflictOptions = {},
): Reminder[] {
  if (scope === 'off') return []
  const reminders: Reminder[] = []
  for (const step of sweepPlan(plan, options)) {
    if (scope === 'musts' && step.item.level !== 'must') continue
    const to = step.item.session
    let from: Session | null = null
    let transfer: Transfer | null = null
    for (const prev of step.cameFrom) {
      if (prev.session.day !== to.day) continue
      const t = transferBetween(prev.session.venue, to.venue, options.walking)
      if (!transfer || t.neededMin > transfer.neededMin) {
        transfer = t
        from = prev.session
      }
    }
    const leadMin = transfer ? transfer.neededMin : FIRST_SESSION_LEAD_MIN
    reminders.push({ item: step.item, atMs: step.startMs - leadMin * MINUTE_MS, startMs: step.startMs, leadMin, from, transfer })
  }
  return reminders.sort((a, b) => a.atMs - b.atMs || a.startMs - b.startMs)
}

/**
 * The reminder to show next at `now`: of the sessions not yet started, the one whose leave moment comes first
 * (it may already have passed: "leave now"). Null when every session has started.
 */
export function nextReminder(
  plan: readonly PlannedSession[],
  now: Instant | number,
  scope: ReminderScope = 'all',
  options: ConflictOptions = {},
): Reminder | null {
  const nowMs = typeof now === 'number' ? now : toMs(now)
  return remindersOf(plan, scope, options).find((r) => r.startMs > nowMs) ?? null
}

/** Minutes before the start for each session's reminder (walk + buffer, or the lead), for the calendar export. */
export function leadMinutesBySession(plan: readonly PlannedSession[], options: ConflictOptions = {}): Map<string, number> {
  return new Map(remindersOf(plan, 'all', options).map((r) => [r.item.session.id, r.leadMin]))
}

/** What a reminder says, split so a notification can use a title and a body. */
export interface ReminderText {
  /** "Leave now for B406b-407 (Building B · Level 4)", or "Leave in 6 min for …" before the moment. */
  headline: string
  /** "≈8 min walk from B206. Starts 11:45 AM." / "Starts 11:45 AM, in 10 min." */
  detail: string
  /** The whole sentence: headline, colon, detail. */
  sentence: string
}

/**
 * The words of `reminder` at `nowMs`, with the start time formatted by the caller (the zone is the user's choice),
 * and minutes too if it likes ("1 h 20 min").
 * Room and place are schedule text: they come isolated (isolateText), so they cannot reorder the words around them.
 */
export function reminderText(
  reminder: Reminder,
  nowMs: number,
  startLabel: string,
  duration: (minutes: number) => string = (m) => `${m} min`,
): ReminderText {
  const venue = reminder.item.session.venue
  // Schedule text inside the app's words: direction isolated, bidi controls dropped, here and in notifications alike.
  const place = isolateText(buildingLevel(venue))
  const where = `${isolateText(roomLabel(venue))}${place ? ` (${place})` : ''}`
  const leaveInMin = Math.ceil((reminder.atMs - nowMs) / MINUTE_MS)
  const t = reminder.transfer
  let headline: string
  if (t && t.kind === 'same-room') headline = `Stay in ${where}`
  else headline = leaveInMin > 0 ? `Leave in ${duration(leaveInMin)} for ${where}` : `Leave now for ${where}`
  let detail: string
  if (!t) {
    const startsInMin = Math.max(0, Math.ceil((reminder.startMs - nowMs) / MINUTE_MS))
    detail = `Starts ${startLabel}, in ${duration(startsInMin)}.`
  } else if (t.kind === 'same-room') {
    detail = `Starts ${startLabel}.`
  } else {
    const extra = t.bufferMin > 0 ? ` + ${t.bufferMin} min extra` : ''
    // From where: the room the user is leaving, so a reminder read on a lock screen stands on its own.
    const from = reminder.from ? ` from ${isolateText(roomLabel(reminder.from.venue))}` : ''
    detail = `≈${t.walkMin} min walk${from}${extra}. Starts ${startLabel}.`
  }
  return { headline, detail, sentence: `${headline}: ${detail}` }
}
