// Now & next (/now): what is on now (in progress until it ends, so the user can still switch rooms) and what
// starts next, starred first, with rooms, the walk from where the plan says the user is, and a plan session's
// overlaps and tight walks. `?at=…` (or the form at the bottom) previews another moment, e.g. the conference day
// before it happens; it is clearly marked.
import { useId, useMemo, useState, type FormEvent } from 'react'
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { Link, useLocation, useSearch } from 'wouter'
import { isolateText } from '../../domain/bidiText'
import { nowAndNext } from '../../domain/nowNext'
import { nextReminder, reminderText, type Reminder } from '../../domain/reminders'
import type { EventInfo, Instant, Session, VenueDay } from '../../domain/model'
import { formatVenueDay, instantFromMs, minutesBetween, venueDayOf, zoneAbbreviation } from '../../domain/time'
import { venueWallClockToInstant } from '../../domain/wallClock'
import { AnyIcon as Icon } from '../common/moreIcons'
import { ConflictNotice } from '../plan/ConflictNotice'
import { SessionRow } from '../common/SessionRow'
import { useNow } from '../common/useNow'
import { usePageHeading } from '../common/usePageHeading'
import { usePlan } from '../common/usePlan'
import { useSchedule } from '../common/useSchedule'
import { useStarActions } from '../common/useStarActions'
import { walkFromHere, whereYouAre } from './nowPlace'
import { durationLabel, venueTimeLabel } from '../common/timeLabels'
import './now.css'

const MINUTE_MS = 60_000

/** The `at` query parameter as epoch ms, or null when absent or not a date. */
export function parsePreviewAt(search: string): number | null {
  const raw = new URLSearchParams(search).get('at')
  if (!raw) return null
  const ms = Date.parse(raw)
  return Number.isNaN(ms) ? null : ms
}

/** "2025-11-13T11:10" in the venue's zone, for a datetime-local control. */
function venueLocalInput(ms: number, timeZone: string): string {
  return format(new TZDate(ms, timeZone), "yyyy-MM-dd'T'HH:mm")
}

/** A datetime-local value read as the venue's wall clock; null when incomplete. */
function instantFromVenueInput(value: string, timeZone: string): Instant | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value)
  if (!m) return null
  return venueWallClockToInstant(m[1] as VenueDay, Number(m[2]), Number(m[3]), timeZone)
}

/** "Thursday, Nov 13, 11:10 AM EST" */
function momentLabel(instant: Instant, timeZone: string): string {
  return `${formatVenueDay(venueDayOf(instant, timeZone))}, ${venueTimeLabel(instant, timeZone)} ${zoneAbbreviation(instant, timeZone)}`
}

export function NowScreen() {
  const { event, sessions } = useSchedule()
  if (!event) return null
  return <NowView event={event} sessions={sessions} />
}

function NowView({ event, sessions }: { event: EventInfo; sessions: readonly Session[] }) {
  const search = useSearch()
  const previewMs = parsePreviewAt(search)
  const realNowMs = useNow()
  // Minute precision: the lists change at most once a minute, and memoised work follows.
  const now = instantFromMs(Math.floor((previewMs ?? realNowMs) / MINUTE_MS) * MINUTE_MS)
  const { stars, plan, options, displayZone, conflictsBySession, display } = usePlan()
  const { cycle } = useStarActions()
  const headingRef = usePageHeading('Now & next')
  // Clock times in the zone the user chose (the preview form below always takes venue time).
  const tz = displayZone

  const lists = useMemo(() => nowAndNext(sessions, now, stars, options), [sessions, now, stars, options])
  const here = useMemo(() => whereYouAre(plan, now, options), [plan, now, options])
  // When to leave for the next plan session today (the musts only, if that is what the user is reminded of).
  const leave = useMemo(() => {
    const r = nextReminder(plan, now, display.reminders === 'musts' ? 'musts' : 'all', options)
    return r && r.item.session.day === venueDayOf(now, event.timeZone) ? r : null
  }, [plan, now, display.reminders, options, event.timeZone])
  const yourNextIds = new Set(lists.nextStarred.map((s) => s.id))
  const nextOthers = lists.next.filter((s) => !yourNextIds.has(s.id))

  const row = (s: Session, lead: string) => {
    const walk = walkFromHere(here, s, options)
    return (
      <li key={s.id}>
        <SessionRow session={s} timeZone={tz} level={stars.get(s.id)} onCycle={cycle} lead={<span className="srow__lead">{lead}</span>}>
          {walk && (
            <p className="srow__walk">
              <Icon name="walk" /> {walk.phrase}
            </p>
          )}
        </SessionRow>
        {/* A plan session's overlaps and tight walks, in the same words as everywhere else. */}
        {conflictsBySession.get(s.id)?.map((c, i) => (
          <ConflictNotice key={i} conflict={c} forSession={s.id} timeZone={tz} />
        ))}
      </li>
    )
  }

  return (
    <div className="now">
      <h1 ref={headingRef} tabIndex={-1} className="page-title">
        Now &amp; next
      </h1>
      {previewMs !== null ? (
        <div className="preview-banner">
          <Icon name="clock" />
          <p>
            <strong>Preview:</strong> as if it were {momentLabel(now, tz)}. This is not the real time.
          </p>
          <Link href="/now" className="button button--small">
            Back to the real time
          </Link>
        </div>
      ) : (
        <p className="muted now__clock">
          <Icon name="clock" /> {momentLabel(now, tz)}
        </p>
      )}

      {here && (
        <p className="now__here">
          {here.session.end > now ? 'You are at ' : 'You were last at '}
          <strong dir="auto">{here.session.title}</strong> (<bdi>{here.session.venue.room}</bdi>). Walks are from there.
        </p>
      )}

      {leave && <LeaveLine reminder={leave} now={now} timeZone={tz} />}

      <section className="now__section" aria-labelledby="now-on">
        <h2 id="now-on" className="section-title">
          On now <span className="section-title__count">{lists.now.length}</span>
        </h2>
        {lists.now.length > 0 ? (
          <ul className="rows">
            {lists.now.map((s) => row(s, `Ends in ${durationLabel(minutesBetween(now, s.end))}`))}
          </ul>
        ) : (
          <p className="muted">Nothing is in progress right now.</p>
        )}
        {lists.background.length > 0 && (
          <p className="muted now__background">
            Also open: {lists.background.map((s) => `${isolateText(s.title)} (until ${venueTimeLabel(s.end, tz)})`).join(', ')}
          </p>
        )}
      </section>

      {lists.nextStarred.length > 0 && (
        <section className="now__section" aria-labelledby="now-yours">
          <h2 id="now-yours" className="section-title">
            Your next · {venueTimeLabel(lists.nextStarred[0]!.start, tz)}
          </h2>
          <ul className="rows">
            {lists.nextStarred.map((s) => row(s, `In ${durationLabel(minutesBetween(now, s.start))}`))}
          </ul>
        </section>
      )}

      <section className="now__section" aria-labelledby="now-next">
        <h2 id="now-next" className="section-title">
          {lists.nextStart ? `Next · ${venueTimeLabel(lists.nextStart, tz)}` : 'Next'}
          {lists.nextStart && <span className="section-title__count">in {durationLabel(minutesBetween(now, lists.nextStart))}</span>}
        </h2>
        {nextOthers.length > 0 ? (
          <ul className="rows">{nextOthers.map((s) => row(s, ''))}</ul>
        ) : lists.nextStart ? (
          <p className="muted">Only your own session starts then.</p>
        ) : (
          <p className="muted">Nothing else is scheduled{lists.now.length === 0 ? ': the event is over.' : '.'}</p>
        )}
      </section>

      <PreviewForm event={event} nowMs={Date.parse(now)} />
    </div>
  )
}

/** "Leave in 6 min for B406b-407 (Building B · Level 4): ≈7 min walk from B206. Starts 11:45 AM." and the session. */
function LeaveLine({ reminder, now, timeZone }: { reminder: Reminder; now: Instant; timeZone: string }) {
  const s = reminder.item.session
  const text = reminderText(reminder, Date.parse(now), venueTimeLabel(s.start, timeZone, s.day), durationLabel)
  return (
    <p className="note now__leave">
      <Icon name="walk" />
      <span>
        <strong>{text.headline}:</strong> {text.detail}{' '}
        <Link href={`/session/${s.id}`} dir="auto">
          {s.title}
        </Link>
      </span>
    </p>
  )
}

function PreviewForm({ event, nowMs }: { event: EventInfo; nowMs: number }) {
  const uid = useId()
  const [, navigate] = useLocation()
  const tz = event.timeZone
  const [value, setValue] = useState(() => venueLocalInput(nowMs, tz))
  const first = event.days[0]
  const last = event.days.at(-1)

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    const at = instantFromVenueInput(value, tz)
    if (at) navigate(`/now?at=${at}`)
  }

  return (
    <form className="preview-form" onSubmit={onSubmit}>
      <label htmlFor={`${uid}-at`}>Preview as if it were (venue time, {zoneAbbreviation(instantFromMs(nowMs), tz)})</label>
      <div className="preview-form__row">
        <input
          id={`${uid}-at`}
          type="datetime-local"
          value={value}
          min={first ? `${first}T00:00` : undefined}
          max={last ? `${last}T23:59` : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="button">
          Preview
        </button>
      </div>
    </form>
  )
}
