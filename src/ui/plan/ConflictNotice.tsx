// One conflict as seen from one of its sessions: its kind's icon and label ("Overlap", "Possible tight walk"…, from
// conflictWords), the sentence, and the ways out: open the resolve dialog, and (where there is room) keep this one.
import { isolateText } from '../../domain/bidiText'
import { otherSide, sidesOf, type Conflict } from '../../domain/conflicts'
import type { SessionId } from '../../domain/model'
import { useUiStore } from '../../store/uiStore'
import { conflictMessage, conflictWords, dropPhrase, keepResolution, resolveLabel, resolvedMessage } from './conflictText'
import { starButtonSelector, useStarActions } from '../common/useStarActions'
import { Icon } from '../common/Icons'
import './conflicts.css'

export interface ConflictNoticeProps {
  conflict: Conflict
  forSession: SessionId
  timeZone: string
  /** Also offer "Keep this one" (plan and detail; cards only offer Resolve, to stay short). */
  withKeep?: boolean
}

export function ConflictNotice({ conflict, forSession, timeZone, withKeep }: ConflictNoticeProps) {
  const openResolve = useUiStore((s) => s.openResolve)
  const { resolve } = useStarActions()
  const other = otherSide(conflict, forSession)
  const words = conflictWords(conflict)
  const resolution = keepResolution(conflict, forSession)
  const self = sidesOf(conflict).find((side) => side.session.id === forSession) ?? other

  return (
    <div className={`conflict conflict--${conflict.severity} conflict--${conflict.kind}`}>
      <p className="conflict__text">
        <Icon name={words.icon} className="conflict__icon" />
        <span>
          <strong className="conflict__label">{words.label}:</strong> {conflictMessage(conflict, forSession, timeZone)}
        </span>
      </p>
      <div className="conflict__actions">
        <button
          type="button"
          className="button button--small"
          // Names both sides: a session in two conflicts has two Resolve buttons, and each must say which it is.
          aria-label={resolveLabel(conflict, self.session.title, other.session.title)}
          onClick={() => openResolve({ sessionId: forSession, otherId: other.session.id })}
        >
          Resolve
        </button>
        {withKeep && (
          <button
            type="button"
            className="button button--small"
            aria-label={`Keep this one: ${isolateText(self.session.title)} (${dropPhrase(other.session.title, resolution.dropTo)})`}
            onClick={() =>
              void resolve(resolution, {
                message: resolvedMessage(self.session.title, other.session.title, resolution.dropTo, false),
                returnFocus: starButtonSelector(forSession),
              })
            }
          >
            Keep this one
          </button>
        )}
      </div>
    </div>
  )
}
