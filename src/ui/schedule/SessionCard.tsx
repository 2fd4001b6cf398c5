// One session in the list: its title is the link to its detail page, stretched over the whole card (CSS) so a tap
// anywhere on it opens the session; the speakers are links of their own to their pages, raised above it, so links
// never nest. The time, place and type describe the title link; the star and the clashes sit beside the card. The
// links are plain anchors: the list opens them in the app with one click handler (see appLinks).
import { memo, useId } from 'react'
import type { Session } from '../../domain/model'
import { venueLabel } from '../common/sessionText'
import { SpeakerLinks } from '../common/SpeakerLink'
import { venueTimeRangeLabel } from '../common/timeLabels'
import { ChangeBadge } from '../events/ChangeBadge'
import { ConflictNotice } from '../plan/ConflictNotice'
import { StarButton } from '../common/StarButton'
import { useAppHref } from '../common/appLinks'
import { HiddenMark } from '../common/HiddenMark'
import { useSessionPlanMarks } from '../common/usePlan'

/** Where the session stands against the clock; shown as words, never only as colour. */
export type SessionTiming = 'upcoming' | 'now' | 'ended'

export interface SessionCardProps {
  session: Session
  /** The zone times show in (venue or device); the session's venue day is noted when that zone's date differs. */
  timeZone: string
  timing: SessionTiming
  /** Absent: no star button (e.g. a list that only shows). */
  onCycle?: (session: Session) => void
}

export const SessionCard = memo(function SessionCard({
  session,
  timeZone,
  timing,
  onCycle,
}: SessionCardProps) {
  // Its own star, clashes and change badge, read alone: a star elsewhere in the list does not re-render this card.
  const marks = useSessionPlanMarks(session)
  const { level, conflicts, hiddenReason } = marks
  const change = marks.change?.change
  const hasConflicts = conflicts !== undefined && conflicts.length > 0
  const uid = useId()
  const hrefOf = useAppHref()
  return (
    <div
      className={`card-wrap${hasConflicts ? ' card-wrap--conflict' : ''}${onCycle ? ' card-wrap--starrable' : ''}`}
      data-card-for={session.id}
    >
      <div className={`card card-row card--${timing}${level ? ` card-row--${level}` : ''}`}>
        <a
          href={hrefOf(`/session/${session.id}`)}
          className="card__title card-row__title"
          dir="auto"
          data-session-id={session.id}
          aria-describedby={`${uid}-details${session.type !== '' ? ` ${uid}-type` : ''}`}
        >
          {session.title}
        </a>{' '}
        <span id={`${uid}-details`} className="card__details">
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
          <span className="card__room" dir="auto">{venueLabel(session.venue)}</span>
        </span>{' '}
        {session.speakers.length > 0 ? (
          <span className="card__speakers">
            <SpeakerLinks speakers={session.speakers} companies className="card__speaker" plain />
          </span>
        ) : (
          session.speakersRaw !== '' && <span className="card__speakers" dir="auto">{session.speakersRaw}</span>
        )}{' '}
        {session.type !== '' && (
          <span id={`${uid}-type`} className="card__type" dir="auto">
            {session.type}
          </span>
        )}
      </div>
      {onCycle && (
        <div className="card__star">
          <StarButton session={session} level={level} onCycle={onCycle} compact glyph />
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
