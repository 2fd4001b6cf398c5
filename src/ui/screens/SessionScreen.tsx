// One session on its own URL (/session/:id): deep-linkable, readable offline, with a way back to the list.
import { useEffect, useRef, type MouseEvent } from 'react'
import { Link, useLocation } from 'wouter'
import type { Session } from '../../domain/model'
import { formatVenueDay, formatVenueTimeRange } from '../../domain/time'
import { useUiStore } from '../../store/uiStore'
import { useSession } from '../hooks/useSession'
import { descriptionBlocks, speakerAffiliation, venueLabel } from '../sessionText'

function BackToList({ session }: { session?: Session }) {
  const listReturn = useUiStore((s) => s.listReturn)
  const [, navigate] = useLocation()
  // Arrived from the list: the list URL it came from. Arrived by a link: the list on this session's day.
  const href = listReturn ? `/${listReturn.search}` : session ? `/?day=${session.day}` : '/'

  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!listReturn || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return
    // Going back (rather than pushing the list again) keeps history tidy, so the browser's own Back button
    // then leaves the app instead of bouncing between the list and this page.
    e.preventDefault()
    if (window.history.length > 1) window.history.back()
    else navigate(href)
  }

  return (
    <Link href={href} className="back-link" onClick={onClick}>
      <span aria-hidden="true">←</span> Back to schedule
    </Link>
  )
}

export function SessionScreen({ id }: { id: string }) {
  const { status, session, event } = useSession(id)
  const headingRef = useRef<HTMLHeadingElement>(null)

  // A new page: start at its top and move focus to its heading, so screen readers announce where they are.
  useEffect(() => {
    if (status !== 'ready') return
    window.scrollTo(0, 0)
    headingRef.current?.focus()
  }, [status, id])

  useEffect(() => {
    if (session) document.title = `${session.title} · Hallway`
    else if (status === 'ready') document.title = 'Session not found · Hallway'
  }, [session, status])

  if (status === 'loading') {
    return (
      <p className="loading" role="status">
        Loading the session…
      </p>
    )
  }

  if (!session || !event) {
    return (
      <div className="not-found">
        <h1 ref={headingRef} tabIndex={-1}>
          This session isn't in the schedule
        </h1>
        <p>The link may be from an older version of the schedule, or the session may have been removed.</p>
        <p>
          <Link href="/" className="button button--primary">
            Browse the schedule
          </Link>
        </p>
      </div>
    )
  }

  const blocks = descriptionBlocks(session.description)
  const hasSpeakers = session.speakers.length > 0 || session.speakersRaw !== ''

  return (
    <article className="detail">
      <BackToList session={session} />
      <h1 ref={headingRef} tabIndex={-1} className="detail__title">
        {session.title}
      </h1>
      <dl className="detail__facts">
        <div>
          <dt>When</dt>
          <dd>
            {formatVenueDay(session.day)} · {formatVenueTimeRange(session.start, session.end, event.timeZone)}
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>{venueLabel(session.venue)}</dd>
        </div>
        {session.type !== '' && (
          <div>
            <dt>Type</dt>
            <dd>{session.type}</dd>
          </div>
        )}
      </dl>

      {hasSpeakers && (
        <section className="detail__section" aria-labelledby="speakers-heading">
          <h2 id="speakers-heading">{session.speakers.length === 1 ? 'Speaker' : 'Speakers'}</h2>
          {session.speakers.length > 0 ? (
            <ul className="speakers">
              {session.speakers.map((sp, i) => {
                const affiliation = speakerAffiliation(sp)
                return (
                  <li key={`${sp.name}-${i}`} className="speaker">
                    <span className="speaker__name">{sp.name}</span>
                    {affiliation !== '' && <span className="speaker__affiliation">{affiliation}</span>}
                  </li>
                )
              })}
            </ul>
          ) : (
            <p>{session.speakersRaw}</p>
          )}
        </section>
      )}

      {blocks.length > 0 && (
        <section className="detail__section detail__description" aria-labelledby="about-heading">
          <h2 id="about-heading">About this session</h2>
          {blocks.map((b, i) =>
            b.kind === 'paragraph' ? (
              <p key={i}>{b.text}</p>
            ) : (
              <ul key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            ),
          )}
        </section>
      )}
    </article>
  )
}
