// My plan (/plan): per day, the starred sessions in time order with the free time between them, how far each is
// from the one before, the overlaps and tight walks (with Keep / Resolve), and for every gap of 30 minutes or more
// the sessions that would fit it. A starred lunch or break is in the timeline (its time is taken); starred
// background sessions (badge pick-up, the all-day showcase) are listed apart: they never conflict.
import { memo, useCallback, useId, useMemo, useState } from 'react'
import { describeTransfer } from '../common/walkText'
import { Link } from 'wouter'
import { isolateText } from '../../domain/bidiText'
import { backgroundTest, sameConflicts } from '../../domain/conflicts'
import type { Instant, Session } from '../../domain/model'
import { freeSlots, planDays, type FreeSlot, type PlanDay, type PlanSessionEntry } from '../../domain/plan'
import { formatVenueDay } from '../../domain/time'
import { DayCalendarButton, PlanCalendarExport } from './CalendarExport'
import { ConflictNotice } from './ConflictNotice'
import { conflictCounts } from './conflictText'
import { AnyIcon as Icon } from '../common/moreIcons'
import { SavedPlanNotice, useSavedPlanUnreadable } from './SavedPlanNotice'
import { CancelledInPlan, CancelledOnlyDays, WhatChanged } from '../events/ScheduleChanges'
import { SessionRow } from '../common/SessionRow'
import { SharePlanButton } from '../share/SharePlanDialog'
import { usePageHeading } from '../common/usePageHeading'
import { usePlan, useSessionNote } from '../common/usePlan'
import { useSchedule } from '../common/useSchedule'
import { focusAfterRender, starButtonSelector, useStarActions } from '../common/useStarActions'
import { durationLabel, venueTimeLabel } from '../common/timeLabels'
import './plan.css'

// Suggestions shown per free slot before "Show all": a phone screen's worth.
const FIRST_SUGGESTIONS = 4

type Cycle = (session: Session) => void

function countLabel(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

export function PlanScreen() {
  const { event, sessions } = useSchedule()
  const headingRef = usePageHeading('My plan')
  return (
    <div className="plan">
      <h1 ref={headingRef} tabIndex={-1} className="page-title">
        My plan
      </h1>
      {event && <PlanBody sessions={sessions} />}
    </div>
  )
}

function PlanBody({ sessions }: { sessions: readonly Session[] }) {
  const { status, plan, options, conflicts, persistent } = usePlan()
  const { cycle } = useStarActions()
  // From the plan, taking away a maybe removes the row: say so and offer Undo, since the control goes with it.
  const onCycle = useCallback<Cycle>((s) => void cycle(s, { announceRemoval: true }), [cycle])
  const days = useMemo(() => planDays(plan, options), [plan, options])
  const unreadable = useSavedPlanUnreadable()

  if (status === 'loading') {
    return (
      <p className="loading" role="status">
        Loading your plan…
      </p>
    )
  }

  // Not "nothing in your plan": there is a saved plan, and this tab can't read it.
  if (plan.length === 0 && unreadable) return <SavedPlanNotice />

  if (plan.length === 0) {
    return (
      <>
        {/* A plan whose every session was cancelled still shows them, until dismissed. */}
        <WhatChanged />
        <CancelledOnlyDays shown={[]} />
        <div className="empty plan__empty">
          <p className="empty__message">Nothing in your plan yet</p>
          <p className="empty__hint">
            Tap <Icon name="star" /> <strong>Star</strong> on a session to add it as a must; tap again for maybe.
            Overlaps and tight walks between rooms show up here.
          </p>
          <p className="plan__actions">
            <Link href="/" className="button button--primary">
              Browse the schedule
            </Link>
            <AddFromListLink />
          </p>
        </div>
        <PlanCalendarExport />
      </>
    )
  }

  return (
    <>
      <SavedPlanNotice />
      <div className="plan__actions">
        <SharePlanButton />
        <AddFromListLink />
      </div>
      <WhatChanged />
      {/* With one day, the day's own heading already says all this. */}
      {days.length > 1 && (
        <p className="plan__summary">
          {[`${countLabel(plan.length, 'session', 'sessions')} on ${days.length} days`, ...conflictCounts(conflicts)].join(' · ')}
        </p>
      )}
      {!persistent && (
        <p className="note">
          <strong>Not saved on this device.</strong> Your plan lasts until you close this tab.
        </p>
      )}
      {days.map((day) => (
        <PlanDaySection key={day.day} day={day} sessions={sessions} onCycle={onCycle} />
      ))}
      <CancelledOnlyDays shown={days.map((d) => d.day)} />
      <PlanCalendarExport />
    </>
  )
}

/** To the paste-a-list screen: a must-watch list from a blog or a chat, turned into stars. */
function AddFromListLink() {
  return (
    <Link href="/add-from-list" className="button">
      <Icon name="list" /> Add from a list…
    </Link>
  )
}

function PlanDaySection({
  day,
  sessions,
  onCycle,
}: {
  day: PlanDay
  sessions: readonly Session[]
  onCycle: Cycle
}) {
  const { stars, options, displayZone } = usePlan()
  // Clock times in the zone the user chose; the day itself (and so this section) is always the venue's.
  const tz = displayZone
  const headingId = useId()

  // The day's own bounds (first talk to last), so the free time before the first and after the last star counts.
  const slots = useMemo(() => {
    const isBackground = backgroundTest(options.background)
    let dayStart: Instant | undefined
    let dayEnd: Instant | undefined
    for (const s of sessions) {
      if (s.day !== day.day || isBackground(s)) continue
      if (!dayStart || s.start < dayStart) dayStart = s.start
      if (!dayEnd || s.end > dayEnd) dayEnd = s.end
    }
    return freeSlots(day.day, sessions, stars, { ...options, dayStart, dayEnd })
  }, [day.day, sessions, stars, options])
  const slotByRange = new Map(slots.map((s) => [`${s.start}|${s.end}`, s]))
  const leading = slots.find((s) => s.after === null)
  const trailing = slots.find((s) => s.before === null)

  const sessionsCount = day.entries.filter((e) => e.kind === 'session').length + day.background.length

  return (
    <section className="plan-day" aria-labelledby={headingId}>
      <div className="plan-day__head">
        <h2 id={headingId} className="plan-day__title">
          {formatVenueDay(day.day)}{' '}
          <span className="plan-day__count">
            {[countLabel(sessionsCount, 'session', 'sessions'), ...conflictCounts(day.conflicts)].join(', ')}
          </span>
        </h2>
        <DayCalendarButton day={day.day} />
      </div>

      <CancelledInPlan day={day.day} />

      {day.background.length > 0 && (
        <div className="plan-day__background">
          <h3 className="plan-day__subtitle">Also on your plan</h3>
          <ul className="rows">
            {day.background.map(({ session, level }) => (
              <li key={session.id}>
                <SessionRow session={session} timeZone={tz} level={level} onCycle={onCycle} className="srow--background" />
              </li>
            ))}
          </ul>
        </div>
      )}

      <ol className="timeline">
        {leading && <FreeSlotItem slot={leading} timeZone={tz} edge="before" />}
        {day.entries.map((entry) => {
          if (entry.kind === 'session') {
            return <PlanSessionItem key={entry.item.session.id} entry={entry} timeZone={tz} onCycle={onCycle} />
          }
          const slot = entry.free ? slotByRange.get(`${entry.start}|${entry.end}`) : undefined
          if (slot) return <FreeSlotItem key={`gap-${entry.start}`} slot={slot} timeZone={tz} />
          return (
            <li key={`gap-${entry.start}`} className="timeline__gap">
              <span className="timeline__gap-text">{durationLabel(entry.minutes)} between sessions</span>
            </li>
          )
        })}
        {trailing && trailing !== leading && <FreeSlotItem slot={trailing} timeZone={tz} edge="after" />}
      </ol>
    </section>
  )
}

interface PlanSessionItemProps {
  entry: PlanSessionEntry
  timeZone: string
  onCycle: Cycle
}

/**
 * Every star recomputes the day's entries (new objects), so the memo compares what the item shows: a star re-renders
 * the items it changes (the session itself, its neighbours' walks and conflicts), not the whole day.
 */
function sameItem(a: PlanSessionItemProps, b: PlanSessionItemProps): boolean {
  const x = a.entry
  const y = b.entry
  return (
    a.timeZone === b.timeZone &&
    a.onCycle === b.onCycle &&
    x.item.session === y.item.session &&
    x.item.level === y.item.level &&
    x.from?.session === y.from?.session &&
    x.transfer?.walkMin === y.transfer?.walkMin &&
    x.transfer?.kind === y.transfer?.kind &&
    sameConflicts(x.conflicts, y.conflicts)
  )
}

const PlanSessionItem = memo(function PlanSessionItem({ entry, timeZone, onCycle }: PlanSessionItemProps) {
  const { session, level } = entry.item
  const note = useSessionNote(session.id)
  return (
    <li className={`timeline__session${entry.conflicts.length > 0 ? ' timeline__session--conflict' : ''}`}>
      <SessionRow session={session} timeZone={timeZone} level={level} onCycle={onCycle} speakers>
        {entry.transfer && entry.from && (
          <p className="srow__walk">
            <Icon name="walk" />{' '}
            {/* The time there is the gap entry just above; this line says how far it is. */}
            {entry.transfer?.kind === 'same-room' ? (
              'Same room as before'
            ) : (
              // One flex item, so the room wraps with the words around it.
              <span>
                {describeTransfer(entry.transfer, entry.item.session.venue)} from <bdi>{entry.from.session.venue.room}</bdi>
                {' · '}
                {/* The rooms in the name, not in visually hidden text: that would not wrap, and hidden or not, a long
                    room name would reach far past a 320 px screen. Isolated, as schedule text in other words is. */}
                <Link
                  href={`/map?from=${entry.from.session.id}&to=${session.id}`}
                  aria-label={`Show on map: the walk from ${isolateText(entry.from.session.venue.room)} to ${isolateText(session.venue.room)}`}
                >
                  Show on map
                </Link>
              </span>
            )}
          </p>
        )}
        {note && (
          <p className="srow__note" dir="auto">
            <strong>Your note:</strong> {note}
          </p>
        )}
      </SessionRow>
      {entry.conflicts.map((c, i) => (
        <ConflictNotice key={i} conflict={c} forSession={session.id} timeZone={timeZone} withKeep />
      ))}
    </li>
  )
}, sameItem)

function FreeSlotItem({
  slot,
  timeZone,
  edge,
}: {
  slot: FreeSlot
  timeZone: string
  /** A slot before the first or after the last starred session of the day. */
  edge?: 'before' | 'after'
}) {
  const { stars } = usePlan()
  const { cycle } = useStarActions()
  const [open, setOpen] = useState(false)
  // A starred suggestion leaves this list for the timeline above; focus follows it there.
  const starSuggestion = useCallback<Cycle>(
    (s) => void cycle(s).then(() => focusAfterRender(starButtonSelector(s.id))),
    [cycle],
  )
  const [showAll, setShowAll] = useState(false)
  const listId = useId()
  // The venue day of the slot, so that in device time a label says when its date differs ("(next day)").
  const slotDay = (slot.after ?? slot.before)?.session.day
  const range = `${venueTimeLabel(slot.start, timeZone, slotDay)} – ${venueTimeLabel(slot.end, timeZone, slotDay)}`
  const what = edge === 'before' ? 'before your first session' : edge === 'after' ? 'after your last session' : ''
  const n = slot.suggestions.length
  const shown = showAll ? slot.suggestions : slot.suggestions.slice(0, FIRST_SUGGESTIONS)

  return (
    <li className="timeline__free">
      <div className="free__head">
        <p className="free__text">
          <strong>Free {durationLabel(slot.minutes)}</strong> · {range}
          {what !== '' && <span className="muted"> ({what})</span>}
        </p>
        {n > 0 ? (
          <button
            type="button"
            className="button button--small"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Hide suggestions' : `${n} ${n === 1 ? 'session fits' : 'sessions fit'}`}
          </button>
        ) : (
          <span className="muted free__none">Nothing else fits</span>
        )}
      </div>
      <div id={listId} hidden={!open}>
        {open && (
          <>
            <ul className="rows free__list">
              {shown.map((sug) => (
                <li key={sug.session.id}>
                  <SessionRow
                    session={sug.session}
                    timeZone={timeZone}
                    level={stars.get(sug.session.id)}
                    onCycle={starSuggestion}
                    speakers
                  >
                    <p className="srow__why">
                      {isolateText(sug.session.type)}
                      {sug.starredTypeCount > 0 ? ` · same type as ${sug.starredTypeCount} in your plan` : ''}
                    </p>
                  </SessionRow>
                </li>
              ))}
            </ul>
            {!showAll && n > FIRST_SUGGESTIONS && (
              <button type="button" className="button button--quiet" onClick={() => setShowAll(true)}>
                Show all {n}
              </button>
            )}
          </>
        )}
      </div>
    </li>
  )
}
