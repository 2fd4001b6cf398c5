// Settings → "Events": the events on this device (the bundled one, always there, and any schedule the user opened),
// switching between them, removing an added one (after a confirmation that says what goes with it), and
// "Open another schedule…".
import { useId, useRef, useState } from 'react'
import { isolateText } from '../../domain/bidiText'
import type { EventId } from '../../domain/model'
import { feedProblemText } from '../../domain/feedPolicy'
import { countStars, type FeedStatus, type InstalledEvent } from '../../db/eventLibrary'
import { useUiStore } from '../../store/uiStore'
import { eventDaysText, sessionCountText } from './eventText'
import { useEvents } from './useEvents'
import { usePlan } from '../common/usePlan'
import { useCommands } from '../common/useCommands'
import { Dialog, DialogHead } from '../common/Dialog'
import { AnyIcon as Icon } from '../common/moreIcons'
import { OpenScheduleDialog } from './OpenScheduleDialog'
import './events.css'

const OPEN_BUTTON_SELECTOR = '[data-open-schedule]'

function starsText(n: number): string {
  return `${n} ${n === 1 ? 'starred session' : 'starred sessions'}`
}

export function EventsSettings() {
  const uid = useId()
  const { events, current, persistent, actions } = useEvents()
  const { store } = usePlan()
  const showToast = useUiStore((s) => s.showToast)
  const [opening, setOpening] = useState(false)
  const [removing, setRemoving] = useState<{ event: InstalledEvent; stars: number } | null>(null)
  const openButtonRef = useRef<HTMLButtonElement>(null)

  const fail = (error: unknown) => showToast({ tone: 'error', message: error instanceof Error ? error.message : String(error) })

  const askRemove = async (event: InstalledEvent) => {
    // The count goes into the confirmation, so the user knows exactly which part of their plan goes with it.
    const stars = store ? await countStars(store, event.id).catch(() => 0) : 0
    setRemoving({ event, stars })
  }

  const remove = async (id: EventId, title: string) => {
    setRemoving(null)
    if (!actions) return
    const wasCurrent = id === current?.id
    const bundled = events.find((e) => e.bundled)
    try {
      const removed = await actions.remove(id)
      const then = wasCurrent && bundled ? ` Now showing ${isolateText(bundled.title)}.` : ''
      const name = isolateText(title)
      showToast({
        tone: 'info',
        message: removed.existed ? `Removed ${name} and ${starsText(removed.stars)}.${then}` : `${name} was already removed.`,
      })
    } catch (error) {
      fail(error)
    }
    // Its Remove button is gone with it: put the user on the section's own action rather than nowhere.
    openButtonRef.current?.focus()
  }

  return (
    <section className="settings__section events-settings" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`} className="section-title">
        Events
      </h2>
      <p className="muted">
        Hallway comes with <bdi>{events.find((e) => e.bundled)?.title ?? 'one conference'}</bdi>. Open another conference’s schedule
        to plan it too: each event keeps its own stars; your walking and time settings apply to all.
        {!persistent && ' (Storage is unavailable: events you add last until you close this tab.)'}
      </p>
      <ul className="events-settings__list">
        {events.map((e) => {
          const isCurrent = e.id === current?.id
          return (
            <li key={e.id} className="events-settings__event card-row" aria-current={isCurrent ? 'true' : undefined}>
              <div className="events-settings__text">
                <span className="events-settings__name" dir="auto">
                  {e.title}
                </span>
                <span className="events-settings__meta">
                  {eventDaysText(e.days)} · {sessionCountText(e.sessionCount)} · {e.timeZone}
                </span>
                <span className="events-settings__meta">
                  {e.bundled ? (
                    'Comes with the app'
                  ) : (
                    <>
                      From <bdi>{sourceName(e.source)}</bdi>
                    </>
                  )}
                  {isCurrent && (
                    <>
                      {' · '}
                      <strong className="events-settings__current">
                        <Icon name="check" /> Showing now
                      </strong>
                    </>
                  )}
                </span>
                {e.feed && <FeedStatusLine event={e} feed={e.feed} />}
              </div>
              <div className="events-settings__actions">
                {!isCurrent && (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={!actions}
                    onClick={() => actions?.switchTo(e.id).catch(fail)}
                  >
                    <span>
                      Switch to <bdi>{e.title}</bdi>
                    </span>
                  </button>
                )}
                {!e.bundled && (
                  <button
                    type="button"
                    className="button button--small"
                    data-remove-event={e.id}
                    disabled={!actions}
                    onClick={() => void askRemove(e)}
                  >
                    <Icon name="close" />{' '}
                    <span>
                      Remove <bdi>{e.title}</bdi>…
                    </span>
                  </button>
                )}
              </div>
            </li>
          )
        })}
      </ul>
      <p>
        <button ref={openButtonRef} type="button" className="button" data-open-schedule="" disabled={!actions} onClick={() => setOpening(true)}>
          <Icon name="plus" /> Open another schedule…
        </button>
      </p>
      {opening && <OpenScheduleDialog onClose={() => setOpening(false)} fallbackFocus={OPEN_BUTTON_SELECTOR} />}
      {removing && (
        <RemoveEventDialog
          event={removing.event}
          stars={removing.stars}
          onConfirm={() => void remove(removing.event.id, removing.event.title)}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  )
}

/** "Nov 13, 10:42 AM", in the device's zone: when this device last heard from the feed. */
function checkedAt(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
}

/**
 * An event's feed: where it comes from, when it last brought the schedule up to date, and the last problem (the
 * schedule stays as it was). A file that lost most of the sessions waits here for the user's word.
 */
function FeedStatusLine({ event, feed }: { event: InstalledEvent; feed: FeedStatus }) {
  const commands = useCommands()
  const showToast = useUiStore((s) => s.showToast)
  const [checking, setChecking] = useState(false)
  const name = isolateText(event.title)

  const checkNow = async () => {
    setChecking(true)
    try {
      const { feedRunner } = await import('./feedRefresh')
      const result = await feedRunner()?.checkNow(event.id)
      if (result?.kind === 'applied') showToast({ tone: 'info', message: `${name} was updated from its feed. Your stars stay.` })
      else if (result?.kind === 'unchanged') showToast({ tone: 'info', message: `${name} is up to date.` })
    } catch {
      showToast({ tone: 'error', message: 'Checking the feed didn’t work: part of Hallway didn’t download. Check the connection.' })
    } finally {
      setChecking(false)
    }
  }

  const applyHeld = async () => {
    const outcome = await commands.applyHeldFeed(event.id)
    if (!outcome.ok) showToast({ tone: 'error', message: outcome.message })
    else if (outcome.value === 'applied') showToast({ tone: 'info', message: `Applied the new schedule of ${name}. Your stars stay.` })
  }

  return (
    <div className="events-settings__feed">
      <span className="events-settings__meta">
        Feed: <span className="events-settings__url" dir="ltr">{feed.url}</span>
      </span>
      <span className="events-settings__meta">
        {feed.lastSuccessAt ? `Up to date as of ${checkedAt(feed.lastSuccessAt)}` : 'Not checked yet'}
      </span>
      {feed.problem && (
        <p className="events-settings__problem" role="status">
          <Icon name="clash" /> Last check{feed.lastCheckedAt ? ` (${checkedAt(feed.lastCheckedAt)})` : ''}:{' '}
          {feedProblemText(feed.problem)} {feed.problem.kind !== 'shrunk' && 'The schedule stays as it was.'}
        </p>
      )}
      <span className="events-settings__feed-actions">
        <button type="button" className="button button--small" disabled={checking} onClick={() => void checkNow()}>
          <span>
            Check <bdi>{event.title}</bdi> now
          </span>
        </button>
        {feed.heldSessions !== undefined && (
          <button type="button" className="button button--small" onClick={() => void applyHeld()}>
            <span>
              Apply the new file anyway ({sessionCountText(feed.heldSessions)})
            </span>
          </button>
        )}
      </span>
    </div>
  )
}

/** "schedule.json" from "frab-json:schedule.json". */
function sourceName(source: string): string {
  const colon = source.indexOf(':')
  return colon === -1 ? source : source.slice(colon + 1)
}

function RemoveEventDialog({
  event,
  stars,
  onConfirm,
  onClose,
}: {
  event: InstalledEvent
  stars: number
  onConfirm: () => void
  onClose: () => void
}) {
  const headingId = useId()
  return (
    <Dialog labelledBy={headingId} onClose={onClose} fallbackFocus={OPEN_BUTTON_SELECTOR}>
      <DialogHead id={headingId} onClose={onClose}>
        <span>
          Remove <bdi>{event.title}</bdi>?
        </span>
      </DialogHead>
      {stars > 0 ? (
        <>
          <p>This deletes from this device:</p>
          <ul>
            <li>its schedule ({sessionCountText(event.sessionCount)}),</li>
            <li>
              <strong>your {starsText(stars)}</strong> for it (share your plan first to keep a copy as a link).
            </li>
          </ul>
        </>
      ) : (
        <p>
          This deletes its schedule ({sessionCountText(event.sessionCount)}) from this device. You haven’t starred anything in
          it.
        </p>
      )}
      <p className="muted">
        Your other events and your settings stay. Opening the schedule file again brings the event back, without the stars.
      </p>
      <div className="dialog__foot dialog__foot--wrap">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={onConfirm}>
          <span>
            Remove <bdi>{event.title}</bdi>
          </span>
        </button>
      </div>
    </Dialog>
  )
}
