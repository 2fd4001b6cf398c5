// The words for a conflict: what it is (conflictMessage), how bad it is, and what "keep this one" will do to the
// other session. Shared by the notice on cards, the plan, the resolve dialog and the shared-plan preview.
import { isolateText } from '../../domain/bidiText'
import { otherSide, type Conflict, type PlannedSession, type Severity } from '../../domain/conflicts'
import { formatVenueTimeRange } from '../../domain/time'
import { placeLabels } from '../../domain/walking'
import type { SessionId } from '../../domain/model'
import type { DropTo, Resolution } from '../../db/stars'

/** must + must is a clash; with a maybe on either side it is only a possible one. */
export function severityLabel(severity: Severity): string {
  return severity === 'hard' ? 'Clash' : 'Possible clash'
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
