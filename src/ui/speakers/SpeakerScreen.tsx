// One speaker (/speaker/:id): name, role and company, and their sessions in time order, each with its star. An id no
// session of the current event names (an old link, another event's speaker) says so plainly.
import { useCallback } from 'react'
import { Link } from 'wouter'
import type { Session } from '../../domain/model'
import { SessionRow } from '../common/SessionRow'
import { speakerAffiliation } from '../common/sessionText'
import { dayTabLabel } from '../common/timeLabels'
import { useHallway } from '../common/useHallway'
import { usePageHeading } from '../common/usePageHeading'
import { useDisplayZone } from '../common/usePlan'
import { useStarActions } from '../common/useStarActions'
import { sessionCountLabel } from './speakerText'
import { useSpeaker } from './useSpeakers'
import './speakers.css'

function AllSpeakers() {
  return (
    <p className="speaker-page__back">
      <Link href="/speakers">
        <span aria-hidden="true">←</span> All speakers
      </Link>
    </p>
  )
}

export function SpeakerScreen({ id }: { id: string }) {
  const entry = useSpeaker(id)
  const byId = useHallway((s) => s.byId)
  const stars = useHallway((s) => s.plan.stars)
  const timeZone = useDisplayZone()
  const { cycle } = useStarActions()
  const onCycle = useCallback((s: Session) => void cycle(s), [cycle])
  const headingRef = usePageHeading(entry ? entry.name : 'Speaker not found')

  if (!entry) {
    return (
      <div className="not-found">
        <h1 ref={headingRef} tabIndex={-1}>
          This speaker isn't in the schedule
        </h1>
        <p>The link may be from an older version of the schedule or from another event.</p>
        <p>
          <Link href="/speakers" className="button button--primary">
            Browse the speakers
          </Link>
        </p>
      </div>
    )
  }

  const affiliation = speakerAffiliation(entry)
  const sessions = entry.sessionIds.map((sid) => byId.get(sid)).filter((s): s is Session => s !== undefined)
  return (
    <article className="speaker-page">
      <AllSpeakers />
      <h1 ref={headingRef} tabIndex={-1} className="page-title" dir="auto">
        {entry.name}
      </h1>
      {affiliation !== '' && (
        <p className="speaker-page__affiliation" dir="auto">
          {affiliation}
        </p>
      )}
      <section aria-labelledby="speaker-sessions">
        <h2 id="speaker-sessions" className="speaker-page__sessions-title">
          {sessionCountLabel(sessions.length)}
        </h2>
        <ul className="speaker-page__sessions">
          {sessions.map((s) => {
            const day = dayTabLabel(s.day)
            return (
              <li key={s.id}>
                <SessionRow
                  session={s}
                  timeZone={timeZone}
                  level={stars.get(s.id)}
                  onCycle={onCycle}
                  speakers
                  // The venue day: a speaker's sessions may fall on different days of the event.
                  lead={<span className="speaker-page__day">{`${day.weekday} ${day.date}`}</span>}
                />
              </li>
            )
          })}
        </ul>
      </section>
    </article>
  )
}
