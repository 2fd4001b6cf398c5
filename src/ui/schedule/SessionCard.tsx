// One session in the list: a link to its detail page, its star button beside it, and its clashes under it. The title
// comes first in the link so its accessible name starts with it; time, place, type and speakers follow as the
// link's text. The star and the clashes sit outside the link (a button inside a link is not allowed).
import { memo, type MouseEvent } from 'react'
import { Link } from 'wouter'
import type { Session } from '../../domain/model'
import { speakersSummary, venueLabel } from '../common/sessionText'
import { venueTimeRangeLabel } from '../common/timeLabels'
import { ChangeBadge } from '../events/ChangeBadge'
import { ConflictNotice } from '../plan/ConflictNotice'
import { StarButton } from '../common/StarButton'
import { OPENED_FROM_LIST } from '../../store/uiStore'
import { HiddenMark } from '../common/HiddenMark'
import { useHiddenReason, useSessionChange, useSessionConflicts, useStarLevel } from '../common/usePlan'

/** Where the session stands against the clock; shown as words, never only as colour. */
export type SessionTiming = 'upcoming' | 'now' | 'ended'

export interface SessionCardProps {
  session: Session
  /** The zone times show in (venue or device); the session's venue day is noted when that zone's date differs. */
  timeZone: string
  timing: SessionTiming
  onOpen?: (session: Session, event: MouseEvent<HTMLAnchorElement>) => void
  /** Absent: no star button (e.g. a list that only shows). */
  onCycle?: (session: Session) => void
}

export const SessionCard = memo(function SessionCard({
  session,
  timeZone,
  timing,
  onOpen,
  onCycle,
}: SessionCardProps) {
  // Its own star, clashes and change badge, each read alone: a star elsewhere in the list does not re-render this card.
  const level = useStarLevel(session.id)
  const conflicts = useSessionConflicts(session.id)
  const change = useSessionChange(session.id)?.change
  const hiddenReason = useHiddenReason(session)
  const speakers = speakersSummary(session)
  const hasConflicts = conflicts !== undefined && conflicts.length > 0
  return (
    <div
      className={`card-wrap${hasConflicts ? ' card-wrap--conflict' : ''}${onCycle ? ' card-wrap--starrable' : ''}`}
      data-card-for={session.id}
    >
      <Link
        href={`/session/${session.id}`}
        className={`card card-row card--${timing}${level ? ` card-row--${level}` : ''}`}
        data-session-id={session.id}
        onClick={onOpen ? (e) => onOpen(session, e) : undefined}
        state={onOpen ? OPENED_FROM_LIST : undefined}
      >
        <span className="card__title card-row__title" dir="auto">{session.title}</span>{' '}
        <span className="card__meta">
          {timing === 'now' && <span className="badge badge--now">On now</span>}
          {timing === 'ended' && <span className="badge badge--ended">Ended</span>}{' '}
          <span className="card__time">{venueTimeRangeLabel(session.start, session.end, timeZone, session.day)}</span>
        </span>{' '}
        {/* Only a starred one is still in the list (see SessionFilter.keep); it says why it stands out. */}
        {hiddenReason && level && <HiddenMark reason={hiddenReason} />}{' '}
        {change && (
          <span className="card__change">
            <ChangeBadge change={change} timeZone={timeZone} />
          </span>
        )}{' '}
        <span className="card__room" dir="auto">{venueLabel(session.venue)}</span>{' '}
        {speakers !== '' && <span className="card__speakers" dir="auto">{speakers}</span>}{' '}
        {session.type !== '' && <span className="card__type" dir="auto">{session.type}</span>}
      </Link>
      {onCycle && (
        <div className="card__star">
          <StarButton session={session} level={level} onCycle={onCycle} compact />
        </div>
      )}
      {hasConflicts && (
        <div className="card__conflicts">
          {conflicts.map((c, i) => (
            <ConflictNotice key={i} conflict={c} forSession={session.id} timeZone={timeZone} />
          ))}
        </div>
      )}
    </div>
  )
})
