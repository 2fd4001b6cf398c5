// A session as a compact row (plan, now & next, free-slot suggestions, a speaker's sessions): its title as a link to
// the detail page, time and place, its speakers' names as links where the screen asks, whatever the screen adds under
// them, and the star button on the side.
import { memo, type ReactNode } from 'react'
import { Link } from 'wouter'
import type { Session } from '../../domain/model'
import type { StarLevel } from '../../domain/stars'
import { useSessionChange } from './usePlan'
import { venueLabel } from './sessionText'
import { venueTimeRangeLabel } from './timeLabels'
import { ChangeBadge } from '../events/ChangeBadge'
import { SpeakerLinks } from './SpeakerLink'
import { StarButton } from './StarButton'
import './sessionRow.css'

export interface SessionRowProps {
  session: Session
  timeZone: string
  level: StarLevel | undefined
  onCycle: (session: Session) => void
  /** Shown before the time ("On now", "Ends in 20 min"). */
  lead?: ReactNode
  /** Show the speakers' names, each a link to their page (My plan: who you are going to hear). */
  speakers?: boolean
  children?: ReactNode
  className?: string
}

/** Memoised, and reading only its own change badge: a star elsewhere on the screen does not re-render this row. */
export const SessionRow = memo(function SessionRow({ session, timeZone, level, onCycle, lead, speakers, children, className }: SessionRowProps) {
  // What a schedule update did to this starred session, until acknowledged (plan, now & next, suggestions alike).
  const change = useSessionChange(session.id)?.change
  return (
    <div className={`srow card-row${level ? ` card-row--${level}` : ''}${className ? ` ${className}` : ''}`}>
      <div className="srow__main">
        <Link href={`/session/${session.id}`} className="srow__title card-row__title" dir="auto">
          {session.title}
        </Link>
        <p className="srow__meta card-row__meta">
          {lead}
          <span className="srow__time">{venueTimeRangeLabel(session.start, session.end, timeZone, session.day)}</span>
          <span className="srow__place" dir="auto">{venueLabel(session.venue)}</span>
        </p>
        {speakers && session.speakers.length > 0 && (
          <p className="srow__speakers">
            <SpeakerLinks speakers={session.speakers} />
          </p>
        )}
        {change && (
          <p className="srow__change">
            <ChangeBadge change={change} timeZone={timeZone} />
          </p>
        )}
        {children}
      </div>
      <StarButton session={session} level={level} onCycle={onCycle} compact />
    </div>
  )
})
