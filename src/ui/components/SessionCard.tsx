// One session in the list: a single link to its detail page. The title comes first in the markup so the link's
// accessible name starts with it; the rest (time, place, type, speakers) follows as the link's description text.
import { memo, type MouseEvent } from 'react'
import { Link } from 'wouter'
import type { Session } from '../../domain/model'
import { speakersSummary, venueLabel } from '../sessionText'
import { venueTimeRangeLabel } from '../timeLabels'

/** Where the session stands against the clock; shown as words, never only as colour. */
export type SessionTiming = 'upcoming' | 'now' | 'ended'

export interface SessionCardProps {
  session: Session
  timeZone: string
  timing: SessionTiming
  onOpen?: (session: Session, event: MouseEvent<HTMLAnchorElement>) => void
}

export const SessionCard = memo(function SessionCard({ session, timeZone, timing, onOpen }: SessionCardProps) {
  const speakers = speakersSummary(session)
  return (
    <Link
      href={`/session/${session.id}`}
      className={`card card--${timing}`}
      data-session-id={session.id}
      onClick={onOpen ? (e) => onOpen(session, e) : undefined}
    >
      <span className="card__title">{session.title}</span>{' '}
      <span className="card__meta">
        {timing === 'now' && <span className="badge badge--now">On now</span>}
        {timing === 'ended' && <span className="badge badge--ended">Ended</span>}{' '}
        <span className="card__time">{venueTimeRangeLabel(session.start, session.end, timeZone)}</span>
      </span>{' '}
      <span className="card__room">{venueLabel(session.venue)}</span>{' '}
      {speakers !== '' && <span className="card__speakers">{speakers}</span>}{' '}
      {session.type !== '' && <span className="card__type">{session.type}</span>}
    </Link>
  )
})
