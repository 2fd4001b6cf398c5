// The top of the list while the day is on: how many sessions are on now, and the user's next one, with a way
// into Now & next. Hidden before the day's first session and after its last.
import { memo, useMemo } from 'react'
import { Link } from 'wouter'
import { nowAndNext } from '../../domain/nowNext'
import type { VenueDay } from '../../domain/model'
import { instantFromMs } from '../../domain/time'
import { usePlan } from '../common/usePlan'
import { useSchedule } from '../common/useSchedule'
import { venueLabel } from '../common/sessionText'
import { durationLabel, venueTimeLabel } from '../common/timeLabels'
import { Icon } from '../common/Icons'
import './nowSummary.css'

/** Memoised on the day and the minute: nothing here changes with the search box or the filters. */
export const NowSummary = memo(function NowSummary({ day, nowMs }: { day: VenueDay; nowMs: number }) {
  const { event, sessions } = useSchedule()
  const { stars, options, displayZone } = usePlan()
  const now = instantFromMs(nowMs)
  const lists = useMemo(() => {
    const daySessions = sessions.filter((s) => s.day === day)
    const first = daySessions[0]
    const lastEnd = daySessions.reduce((max, s) => (s.end > max ? s.end : max), '')
    // Only while the day is on: before it the list itself is the plan, after it there is nothing to go to.
    if (!first || now < first.start || now >= lastEnd) return null
    return nowAndNext(daySessions, now, stars, options)
  }, [sessions, day, now, stars, options])
  if (!event || !lists) return null

  const tz = displayZone
  const yourNext = lists.nextStarred[0]
  const yourNow = lists.now.filter((s) => stars.has(s.id)).length
  return (
    <section className="now-summary" aria-labelledby="now-summary-heading">
      <h2 id="now-summary-heading" className="now-summary__title">
        <Icon name="clock" /> Now &amp; next
      </h2>
      <p className="now-summary__text">
        {lists.now.length} on now{yourNow > 0 ? ` (${yourNow} in your plan)` : ''}
        {lists.nextStart ? ` · next at ${venueTimeLabel(lists.nextStart, tz, day)}` : ''}
        {yourNext && (
          <>
            <br />
            Your next: <strong dir="auto">{yourNext.title}</strong>, <bdi>{venueLabel(yourNext.venue)}</bdi>, in{' '}
            {durationLabel((Date.parse(yourNext.start) - nowMs) / 60_000)}
          </>
        )}
      </p>
      <Link href="/now" className="button button--small">
        Open Now &amp; next
      </Link>
    </section>
  )
})
