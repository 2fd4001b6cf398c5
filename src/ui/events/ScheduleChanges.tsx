// What a schedule update did to the user's plan, until they acknowledge it: the "What changed" list at the top of My
// plan and the cancelled sessions kept in their day of the plan (old title, time and room); the notice on the other
// screens that links to the list is ScheduleChangesNotice.tsx. Acknowledging goes through src/db and reaches every open tab.
import { useCallback, useId, useMemo } from 'react'
import { Link } from 'wouter'
import { isolateText } from '../../domain/bidiText'
import type { VenueDay } from '../../domain/model'
import { formatVenueDay } from '../../domain/time'
import { focusAfterRender } from '../common/focusAfterRender'
import { useCommands, useCommandToasts } from '../common/useCommands'
import { usePlan, type PendingChange } from '../common/usePlan'
import { venueLabel } from '../common/sessionText'
import { venueTimeRangeLabel } from '../common/timeLabels'
import { ChangeBadge } from './ChangeBadge'
import { Icon } from '../common/Icons'
import { describeStarredChange } from './changeText'
import './scheduleChanges.css'

/**
 * What marks an acknowledge button, for moving focus to the next one: where it is ("list", "plan") and the session
 * (one pending change per session: see followStarredChanges), since a change key holds characters no selector takes.
 */
function ackMark(where: 'list' | 'plan', c: PendingChange): string {
  return `${where}:${c.change.newId ?? c.change.id}`
}

/** Acknowledges changes; focus moves to the `next` mark's button (or the page heading), as the pressed one goes. */
function useAcknowledge(): (keys: readonly string[], next?: string) => void {
  const commands = useCommands()
  const { report } = useCommandToasts()
  return useCallback(
    (keys, next) => {
      void commands.acknowledgeChanges(keys).then((done) => {
        if (done.ok) focusAfterRender(next ? `[data-ack-for="${next}"]` : undefined)
        else report(done)
      })
    },
    [commands, report],
  )
}

function titleOf({ change }: PendingChange): string {
  return (change.after ?? change.before).title
}

/** "Thursday, Nov 13 · 12:00 – 1:00 PM EST · Building B · Level 1 · Willow Garden Foyer": where a session was. */
function wasLine(change: PendingChange['change'], timeZone: string): string {
  const b = change.before
  return `${formatVenueDay(b.day)} · ${venueTimeRangeLabel(b.start, b.end, timeZone, b.day)} · ${venueLabel(b.venue)}`
}

/** The "What changed" section of My plan; nothing when there is nothing to tell. */
export function WhatChanged() {
  const uid = useId()
  const { changes, displayZone } = usePlan()
  const acknowledge = useAcknowledge()
  if (changes.length === 0) return null
  const n = changes.length
  return (
    <section id="what-changed" className="changes" aria-labelledby={`${uid}-heading`} tabIndex={-1}>
      <h2 id={`${uid}-heading`} className="section-title changes__title">
        <Icon name="changed" /> What changed in the schedule
      </h2>
      <p className="changes__intro">
        The schedule was updated, and {n === 1 ? '1 session' : `${n} sessions`} in your plan changed. Your stars are kept.
      </p>
      <ul className="changes__list">
        {changes.map((c, i) => {
          const title = titleOf(c)
          const cancelled = c.change.after === null
          return (
            <li key={c.key} className={`change card-row${cancelled ? ' change--cancelled' : ''}`}>
              <ChangeBadge change={c.change} timeZone={displayZone} />
              <h3 className="change__title" dir="auto">
                {c.change.newId !== null ? <Link href={`/session/${c.change.newId}`}>{title}</Link> : title}
              </h3>
              <ul className="change__lines">
                {describeStarredChange(c.change, displayZone).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {cancelled && <p className="change__was muted">Was: {wasLine(c.change, displayZone)}</p>}
              <button
                type="button"
                className="button button--small"
                data-ack-for={ackMark('list', c)}
                aria-label={`${cancelled ? 'Dismiss' : 'Got it'}: ${isolateText(title)}`}
                onClick={() => {
                  const next = changes[i + 1] ?? changes[i - 1]
                  acknowledge([c.key], next && ackMark('list', next))
                }}
              >
                <Icon name="check" /> {cancelled ? 'Dismiss' : 'Got it'}
              </button>
            </li>
          )
        })}
      </ul>
      {n > 1 && (
        <button type="button" className="button button--quiet" onClick={() => acknowledge(changes.map((c) => c.key))}>
          Mark all {n} as seen
        </button>
      )}
    </section>
  )
}

/** Starred sessions of `day` that the update cancelled: still in the plan, as they were, until dismissed. */
export function CancelledInPlan({ day }: { day: VenueDay }) {
  const { changes, displayZone } = usePlan()
  const acknowledge = useAcknowledge()
  const cancelled = useMemo(() => changes.filter((c) => c.change.after === null && c.change.before.day === day), [changes, day])
  if (cancelled.length === 0) return null
  return (
    <div className="plan-day__cancelled">
      <h3 className="plan-day__subtitle">No longer in the schedule</h3>
      <ul className="rows">
        {cancelled.map((c, i) => (
          <li key={c.key} className="cancelled-row card-row">
            <div className="cancelled-row__main">
              <p className="cancelled-row__title" dir="auto">
                {c.change.before.title}
              </p>
              <p className="cancelled-row__meta">
                <ChangeBadge change={c.change} timeZone={displayZone} />{' '}
                <span>
                  {venueTimeRangeLabel(c.change.before.start, c.change.before.end, displayZone, day)} ·{' '}
                  <bdi>{venueLabel(c.change.before.venue)}</bdi>
                </span>
              </p>
            </div>
            <button
              type="button"
              className="button button--small"
              data-ack-for={ackMark('plan', c)}
              aria-label={`Dismiss: ${isolateText(c.change.before.title)} (cancelled)`}
              onClick={() => {
                const next = cancelled[i + 1] ?? cancelled[i - 1]
                acknowledge([c.key], next && ackMark('plan', next))
              }}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * Days of the plan that only hold cancelled sessions (every starred session of the day was cancelled): My plan shows
 * them after the days that still have sessions, so no cancelled session goes unseen. `shown`: days already shown.
 */
export function CancelledOnlyDays({ shown }: { shown: readonly VenueDay[] }) {
  const { changes } = usePlan()
  const days = useMemo(() => {
    const have = new Set(shown)
    return [...new Set(changes.filter((c) => c.change.after === null).map((c) => c.change.before.day))]
      .filter((d) => !have.has(d))
      .sort()
  }, [changes, shown])
  return (
    <>
      {days.map((day) => (
        <section key={day} className="plan-day" aria-label={formatVenueDay(day)}>
          <h2 className="plan-day__title">{formatVenueDay(day)}</h2>
          <CancelledInPlan day={day} />
        </section>
      ))}
    </>
  )
}
