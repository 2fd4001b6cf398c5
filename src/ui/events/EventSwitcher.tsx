// The event switcher in the header: the event on screen, as a button that opens the list of events on this device
// (one tap switches every screen: list, plan, now, sharing) and "Open another schedule…". A disclosure (a button with
// aria-expanded that shows a group of ordinary buttons), not an ARIA menu: Tab and Enter work as everywhere else,
// and screen readers need no menu mode for four or five choices.
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react'
import { Link } from 'wouter'
import { useUiStore } from '../../store/uiStore'
import { eventDaysText, sessionCountText } from './eventText'
import { useEvents } from './useEvents'
import { useSchedule } from '../common/useSchedule'
import { Icon } from '../common/Icons'
import './eventSwitcher.css'

// The dialog (and, once a file is picked, the importers) loads when first opened: the header, and so the first view,
// needs only the button. The service worker precaches the chunk, so this works offline too.
const OpenScheduleDialog = lazy(() => import('./OpenScheduleDialog').then((m) => ({ default: m.OpenScheduleDialog })))

/** The switcher's button: where focus goes when what had it (a menu item, a dialog's opener) is gone. */
export const EVENT_SWITCHER_SELECTOR = '[data-event-switcher]'

export function EventSwitcher() {
  const uid = useId()
  const { events, persistent, actions } = useEvents()
  // The event on screen comes from the schedule itself, not the events list: right after an add, the list may catch up a
  // moment later, and the switcher (which may hold focus) must not blink out meanwhile.
  const { event: current } = useSchedule()
  const showToast = useUiStore((s) => s.showToast)
  const [open, setOpen] = useState(false)
  const [opening, setOpening] = useState(false)
  const rootRef = useRef<HTMLDivElement>(null)
  const toggleRef = useRef<HTMLButtonElement>(null)

  // A click or tap anywhere else closes the list, as a popup does.
  useEffect(() => {
    if (!open) return
    const onDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [open])

  if (!current) return null

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) toggleRef.current?.focus()
  }

  const switchTo = async (id: typeof current.id) => {
    close(true)
    if (id === current.id || !actions) return
    try {
      await actions.switchTo(id)
    } catch (error) {
      showToast({ tone: 'error', message: error instanceof Error ? error.message : String(error) })
    }
  }

  const panelId = `${uid}-events`
  return (
    // Escape from anywhere inside the menu (its button or any item) closes it: one listener for all of them.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      ref={rootRef}
      className="event-switcher"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation()
          close(true)
        }
      }}
      onBlur={(e) => {
        // Tabbing out of the list closes it, so it never hangs over the page behind the user's focus.
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false)
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="event-switcher__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        data-event-switcher=""
        onClick={() => setOpen((o) => !o)}
      >
        <span className="visually-hidden">Event:</span>{' '}
        <span className="event-switcher__title" dir="auto">
          {current.title}
        </span>
        <span className="event-switcher__chevron" aria-hidden="true" />
      </button>
      <div id={panelId} className="event-switcher__panel" role="group" aria-label="Events on this device" hidden={!open}>
        <ul className="event-switcher__list">
          {events.map((e) => {
            const isCurrent = e.id === current.id
            return (
              <li key={e.id}>
                <button
                  type="button"
                  className="event-switcher__event"
                  aria-current={isCurrent ? 'true' : undefined}
                  onClick={() => void switchTo(e.id)}
                >
                  <span className="event-switcher__mark">{isCurrent && <Icon name="check" />}</span>
                  <span className="event-switcher__text">
                    <span className="event-switcher__name" dir="auto">
                      {e.title}
                    </span>
                    <span className="event-switcher__meta">
                      {isCurrent ? 'Showing · ' : ''}
                      {eventDaysText(e.days)} · {sessionCountText(e.sessionCount)}
                    </span>
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
        {!persistent && (
          <p className="event-switcher__note">Storage is unavailable: events you add or switch to last until this tab closes.</p>
        )}
        <div className="event-switcher__actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              // The toggle first: the dialog returns focus to whatever had it, and this button is about to hide.
              close(true)
              setOpening(true)
            }}
          >
            <Icon name="plus" /> Open another schedule…
          </button>
          <Link href="/settings" className="button button--small button--quiet" onClick={() => setOpen(false)}>
            Manage events
          </Link>
        </div>
      </div>
      {opening && (
        <Suspense fallback={null}>
          <OpenScheduleDialog onClose={() => setOpening(false)} fallbackFocus={EVENT_SWITCHER_SELECTOR} />
        </Suspense>
      )}
    </div>
  )
}
