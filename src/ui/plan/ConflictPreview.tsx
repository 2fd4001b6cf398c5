// What taking a session into the plan would do, said before the user does it: "Fits your plan", or each conflict it
// would bring, with the clash icon and words. Used by the resolve dialog's alternatives and the shared-plan screen.
import { type Conflict } from '../../domain/conflicts'
import { conflictMessage } from './conflictText'
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
  /** The words when nothing would clash; default "Fits your plan". */
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
        return (
          <li key={i} className={`fit fit--${c.severity}`}>
            <Icon name={c.severity === 'hard' ? 'clash' : 'possible-clash'} className="conflict__icon" />
            <span>
              <strong>Would {c.severity === 'hard' ? 'clash' : 'possibly clash'}:</strong>{' '}
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
