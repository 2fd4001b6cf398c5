// One session on its own URL (/session/:id): deep-linkable, readable offline, with a way back to the list, its star
// (the button, or "s" anywhere on the page) and its overlaps and tight walks with the rest of the plan.
import { useEffect, useRef, type MouseEvent } from 'react'
import { Link, useLocation } from 'wouter'
import { isolateText } from '../../domain/bidiText'
import type { Session } from '../../domain/model'
import { formatVenueDay, formatVenueTimeRange, venueDayOf } from '../../domain/time'
import { openedFromList, useUiStore } from '../../store/uiStore'
import { SessionCalendarButton } from '../plan/CalendarExport'
import { ChangeBadge } from '../events/ChangeBadge'
import { ConflictNotice } from '../plan/ConflictNotice'
import { conflictsHeading } from '../plan/conflictText'
import { SpeakerLink } from '../common/SpeakerLink'
import { StarButton } from '../common/StarButton'
import { HiddenMark } from '../common/HiddenMark'
import { usePlan } from '../common/usePlan'
import { useHallway } from '../common/useHallway'
import { useHiddenKnown, useHiding } from '../common/useHiding'
import { useSession } from '../common/useSession'
import { useStarActions } from '../common/useStarActions'
import { descriptionBlocksAfter, speakerAffiliation, venueLabel } from '../common/sessionText'
import { SessionLinks, SessionSubtitle } from './SessionLinks'
import { SessionNote } from './SessionNote'
import './session.css'

function BackToList({ session }: { session?: Session }) {
  const listReturn = useUiStore((s) => s.listReturn)
  const [, navigate] = useLocation()
  // Arrived from the list: the list URL it came from. Arrived by a link: the list on this session's day.
  const href = listReturn ? `/${listReturn.search}` : session ? `/?day=${session.day}` : '/'

  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!listReturn || !openedFromList(window.history.state) || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return
    // Going back (rather than pushing the list again) keeps history tidy, so the browser's own Back button
    // then leaves the app instead of bouncing between the list and this page. Only when this page was opened from a
    // list card: after list → session → speaker → session, the entry before this one is the speaker's page.
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

/** "Hide this room" / "Hide this track", or, once hidden, the mark that says so (the page itself stays). */
function HideButton({ session, kind }: { session: Session; kind: 'room' | 'type' }) {
  const name = kind === 'room' ? session.venue.room : session.type
  const isHidden = useHallway((s) => (kind === 'room' ? s.plan.hidden.rooms : s.plan.hidden.types).includes(name))
  const { hide } = useHiding()
  const known = useHiddenKnown()
  if (!known) return null
  if (isHidden) return <HiddenMark reason={kind} />
  return (
    <button type="button" className="button button--quiet" onClick={() => void hide(kind, name)}>
      {kind === 'room' ? 'Hide this room' : 'Hide this track'}
    </button>
  )
}

/** Whether a key press belongs to a text field (where "s" is a letter, not a shortcut). */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
}

export function SessionScreen({ id }: { id: string }) {
  const { status, session, event } = useSession(id)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const { stars, conflictsBySession, displayZone, changeBySession } = usePlan()
  const { cycle } = useStarActions()
  const resolving = useUiStore((s) => s.resolving !== null)

  // Also while the plan is still loading: useStarActions keeps the tap until storage is open.
  useEffect(() => {
    if (!session || resolving) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 's' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return
      e.preventDefault()
      void cycle(session)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [session, resolving, cycle])

  // A new page: start at its top and move focus to its heading, so screen readers announce where they are.
  useEffect(() => {
    if (status !== 'ready') return
    window.scrollTo(0, 0)
    headingRef.current?.focus()
  }, [status, id])

  useEffect(() => {
    if (session) document.title = `${isolateText(session.title)} · Hallway`
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

  // The subtitle shows under the title, so not again as the description's first paragraph.
  const blocks = descriptionBlocksAfter(session.description, session.subtitle)
  const change = changeBySession.get(session.id)?.change
  const hasSpeakers = session.speakers.length > 0 || session.speakersRaw !== ''

  return (
    <article className="detail">
      <BackToList session={session} />
      <h1 ref={headingRef} tabIndex={-1} className="detail__title" dir="auto">
        {session.title}
      </h1>
      <SessionSubtitle session={session} />
      <div className="detail__star">
        <StarButton session={session} level={stars.get(session.id)} onCycle={cycle} />
        <span className="muted detail__star-hint" aria-hidden="true">
          or press S
        </span>
      </div>
      {change && (
        <p className="detail__change">
          <ChangeBadge change={change} timeZone={displayZone} /> <Link href="/plan">See what changed</Link>
        </p>
      )}
      {(conflictsBySession.get(session.id) ?? []).length > 0 && (
        <section className="detail__conflicts" aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading" className="visually-hidden">
            {conflictsHeading(conflictsBySession.get(session.id)!)}
          </h2>
          {conflictsBySession.get(session.id)!.map((c, i) => (
            <ConflictNotice key={i} conflict={c} forSession={session.id} timeZone={displayZone} withKeep />
          ))}
        </section>
      )}
      <dl className="detail__facts">
        <div>
          <dt>When</dt>
          <dd>
            {formatVenueDay(venueDayOf(session.start, displayZone))} ·{' '}
            {formatVenueTimeRange(session.start, session.end, displayZone)}
            {/* In device time, the venue's own day and clock too: the signs and the session list use them. */}
            {displayZone !== event.timeZone && (
              <span className="detail__venue-time">
                {' '}
                (at the venue: {formatVenueDay(session.day)} · {formatVenueTimeRange(session.start, session.end, event.timeZone)})
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            <span dir="auto">{venueLabel(session.venue)}</span>{' '}
            {session.venue.room.trim() !== '' && (
              <Link href={`/map?room=${encodeURIComponent(session.venue.room)}`} className="button button--quiet">
                Where is it?
              </Link>
            )}{' '}
            <HideButton session={session} kind="room" />
          </dd>
        </div>
        {session.type !== '' && (
          <div>
            <dt>Type</dt>
            <dd>
              <span dir="auto">{session.type}</span> <HideButton session={session} kind="type" />
            </dd>
          </div>
        )}
      </dl>
      <SessionCalendarButton session={session} />
      <SessionLinks session={session} />
      <SessionNote session={session} />

      {hasSpeakers && (
        <section className="detail__section" aria-labelledby="speakers-heading">
          <h2 id="speakers-heading">{session.speakers.length === 1 ? 'Speaker' : 'Speakers'}</h2>
          {session.speakers.length > 0 ? (
            <ul className="speakers">
              {session.speakers.map((sp, i) => {
                const affiliation = speakerAffiliation(sp)
                return (
                  <li key={`${sp.name}-${i}`} className="speaker">
                    <SpeakerLink speaker={sp} className="speaker__name" />
                    {affiliation !== '' && (
                      <span className="speaker__affiliation" dir="auto">
                        {affiliation}
                      </span>
                    )}
                  </li>
                )
              })}
            </ul>
          ) : (
            <p dir="auto">{session.speakersRaw}</p>
          )}
        </section>
      )}

      {blocks.length > 0 && (
        <section className="detail__section detail__description" aria-labelledby="about-heading">
          <h2 id="about-heading">About this session</h2>
          {blocks.map((b, i) =>
            b.kind === 'paragraph' ? (
              <p key={i} dir="auto">
                {b.text}
              </p>
            ) : (
              <ul key={i}>
                {b.items.map((item, j) => (
                  <li key={j} dir="auto">
                    {item}
                  </li>
                ))}
              </ul>
            ),
          )}
        </section>
      )}
    </article>
  )
}
