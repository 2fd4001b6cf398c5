// The words around a conflict that the domain's conflictMessage does not give: how bad it is, and what
// "keep this one" will do to the other session. Shared by the notice on cards, the plan and the resolve dialog.
import { isolateText } from '../../domain/bidiText'
import { otherSide, type Conflict, type PlannedSession, type Severity } from '../../domain/conflicts'
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
