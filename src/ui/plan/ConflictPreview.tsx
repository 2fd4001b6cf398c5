// What taking a session into the plan would do, said before the user does it: "Fits your plan", or each conflict it
// would bring, with its kind's icon and words ("Would overlap:", "Would be a tight walk:"). Used by the resolve
// dialog's alternatives and the shared-plan screen.
import { type Conflict } from '../../domain/conflicts'
import { conflictMessage, conflictWords } from './conflictText'
import type { Session, SessionId } from '../../domain/model'
import { Icon } from '../common/Icons'
import './conflicts.css'

export interface ConflictPreviewProps {
  /** The conflicts the session would have, as findConflicts reports them. */
  conflicts: readonly Conflict[]
  /**
   * The session being considered: each message names the other side. For several sessions at once, a function that
   * picks the considered side of each conflict; its title then leads the message.
   */
  sessionId: SessionId | ((conflict: Conflict) => Session)
  timeZone: string
  /** The words when nothing would overlap or make a tight walk; default "Fits your plan". */
  fits?: string
}

export function ConflictPreview({ conflicts, sessionId, timeZone, fits = 'Fits your plan' }: ConflictPreviewProps) {
  if (conflicts.length === 0) {
    return (
      <p className="fit fit--ok">
        <Icon name="check" /> {fits}
      </p>
    )
  }
  return (
    <ul className="fit__list">
      {conflicts.map((c, i) => {
        const side = typeof sessionId === 'function' ? sessionId(c) : null
        const words = conflictWords(c)
        return (
          <li key={i} className={`fit fit--${c.severity} fit--${c.kind}`}>
            <Icon name={words.icon} className="conflict__icon" />
            <span>
              <strong>{words.would}:</strong>{' '}
              {side && (
                <>
                  <bdi>{side.title}</bdi> ·{' '}
                </>
              )}
              {conflictMessage(c, side ? side.id : (sessionId as SessionId), timeZone)}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
