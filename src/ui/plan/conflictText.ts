// The words for a conflict: which kind it is and how bad (conflictWords: the label, the icon, "Would overlap"),
// what it is (conflictMessage), the counts in headings, and what "keep this one" will do to the other session.
// The one place a conflict's kind becomes words and an icon: the notice on cards, the plan, the session page, the
// resolve dialog, the shared-plan preview and Now all read it, so an overlap and a tight walk never look alike.
import { isolateText } from '../../domain/bidiText'
import {
  otherSide,
  tallyConflicts,
  type Conflict,
  type ConflictKind,
  type PlannedSession,
  type Severity,
} from '../../domain/conflicts'
import { formatVenueTimeRange } from '../../domain/time'
import { placeLabels } from '../../domain/walking'
import type { SessionId } from '../../domain/model'
import type { DropTo, Resolution } from '../../db/stars'
import type { IconName } from '../common/Icons'

/** Everything the UI says about one kind and severity of conflict. */
export interface ConflictWords {
  /** Before the sentence: "Overlap", "Possible overlap", "Tight walk", "Possible tight walk". */
  label: string
  /** Its own shape per kind, so the kind never rests on colour (the severity's colour comes from CSS). */
  icon: IconName
  /** Before a preview of what taking a session would bring: "Would overlap", "Would be a tight walk". */
  would: string
  /** Counted: "overlap" / "overlaps", "possible tight walk" / "possible tight walks". */
  one: string
  many: string
}

/*
 * An overlap means the user can't attend both; a tight walk that they will be a few minutes late. With a maybe on
 * either side ('soft') it only matters if the maybe is attended: "Possible …".
 */
const WORDS: Record<ConflictKind, Record<Severity, ConflictWords>> = {
  overlap: {
    hard: { label: 'Overlap', icon: 'overlap', would: 'Would overlap', one: 'overlap', many: 'overlaps' },
    soft: { label: 'Possible overlap', icon: 'overlap', would: 'Would possibly overlap', one: 'possible overlap', many: 'possible overlaps' },
  },
  tight: {
    hard: { label: 'Tight walk', icon: 'tight-walk', would: 'Would be a tight walk', one: 'tight walk', many: 'tight walks' },
    soft: {
      label: 'Possible tight walk',
      icon: 'tight-walk',
      would: 'Would possibly be a tight walk',
      one: 'possible tight walk',
      many: 'possible tight walks',
    },
  },
}

export function conflictWords(conflict: Pick<Conflict, 'kind' | 'severity'>): ConflictWords {
  return WORDS[conflict.kind][conflict.severity]
}

// Worst first, as compareConflicts ranks them: you can't attend both, before you'll be late, before maybes.
const COUNT_ORDER: ReadonlyArray<[ConflictKind, Severity]> = [
  ['overlap', 'hard'],
  ['tight', 'hard'],
  ['overlap', 'soft'],
  ['tight', 'soft'],
]

/** "1 overlap", "2 tight walks", "1 possible overlap"…, worst first; one phrase per kind and severity present. */
export function conflictCounts(conflicts: readonly Pick<Conflict, 'kind' | 'severity'>[]): string[] {
  const tally = tallyConflicts(conflicts)
  return COUNT_ORDER.flatMap(([kind, severity]) => {
    const n = tally[kind][severity]
    if (n === 0) return []
    const words = WORDS[kind][severity]
    return [`${n} ${n === 1 ? words.one : words.many}`]
  })
}

/** The accessible name of a Resolve button: "Resolve overlap: A and B" (both named: a session may have two). */
export function resolveLabel(conflict: Conflict, selfTitle: string, otherTitle: string): string {
  return `Resolve ${conflictWords(conflict).label.toLowerCase()}: ${isolateText(selfTitle)} and ${isolateText(otherTitle)}`
}

/** A heading over a session's conflicts: "Overlaps in your plan", "Overlaps and tight walks in your plan". */
export function conflictsHeading(conflicts: readonly Pick<Conflict, 'kind'>[]): string {
  const overlaps = conflicts.some((c) => c.kind === 'overlap')
  const tight = conflicts.some((c) => c.kind === 'tight')
  const what = overlaps && tight ? 'Overlaps and tight walks' : overlaps ? 'Overlaps' : 'Tight walks'
  return `${what} in your plan`
}

/** Keeping one side demotes a must to maybe, and removes a maybe (demoting it would change nothing). */
export function defaultDropTo(dropped: PlannedSession): DropTo {
  return dropped.level === 'must' ? 'maybe' : 'remove'
}

/** "Keep this one" on `forSession`'s side: it becomes a must, the other side is demoted or removed. */
export function keepResolution(conflict: Conflict, forSession: SessionId, dropTo?: DropTo): Resolution {
  const other = otherSide(conflict, forSession)
  return { keep: forSession, keepLevel: 'must', drop: other.session.id, dropTo: dropTo ?? defaultDropTo(other) }
}

/** "Feature Flags Suck! becomes a maybe" / "removes Feature Flags Suck! from your plan". */
export function dropPhrase(title: string, dropTo: DropTo): string {
  const t = isolateText(title)
  return dropTo === 'maybe' ? `${t} becomes a maybe` : `removes ${t} from your plan`
}

/** The toast after a resolution: "Kept X. Y is now a maybe." */
export function resolvedMessage(keptTitle: string, droppedTitle: string, dropTo: DropTo, picked: boolean): string {
  const [kept, dropped] = [isolateText(keptTitle), isolateText(droppedTitle)]
  const first = picked ? `Picked ${kept} instead of ${dropped}.` : `Kept ${kept}.`
  const second = dropTo === 'maybe' ? `${dropped} is now a maybe.` : `Removed ${dropped} from your plan.`
  return `${first} ${second}`
}

/**
 * The words for one conflict as seen from session `forSession` (the UI adds the icon):
 * - "Overlaps with Feature Flags Suck! (11:00 – 11:30 AM EST)": the other session and its venue-time range;
 * - "Only 5 min to walk from Building B Level 4 to Building C Level 3 (≈10 min)", with "+ 5 min buffer" inside
 *   the brackets when the user set one, and "No time to walk…" for back-to-back sessions.
 * Transitions read the same from both sides: they name the places, which is what the user acts on. Titles and
 * places are schedule text, isolated (bidiText) so none can reorder the times and words after it.
 */
export function conflictMessage(conflict: Conflict, forSession: SessionId, timeZone: string): string {
  if (conflict.kind === 'overlap') {
    const other = otherSide(conflict, forSession).session
    return `Overlaps with ${isolateText(other.title)} (${formatVenueTimeRange(other.start, other.end, timeZone)})`
  }
  const { transfer, gapMin } = conflict
  const [from, to] = placeLabels(conflict.from.session.venue, conflict.to.session.venue)
  const buffer = transfer.bufferMin > 0 ? ` + ${transfer.bufferMin} min buffer` : ''
  const lead = gapMin === 0 ? 'No time' : `Only ${gapMin} min`
  return `${lead} to walk from ${isolateText(from)} to ${isolateText(to)} (≈${transfer.walkMin} min${buffer})`
}
