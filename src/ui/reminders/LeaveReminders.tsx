// The "leave now" reminders while Hallway is open (a chunk of its own, loaded only when reminders are on): at each
// plan session's leave moment, a notification through the service worker, or, when notifications are blocked or
// missing, a banner on every screen. A closed web app cannot wake itself; Settings says so and points to the
// calendar export.
import { useContext, useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'wouter'
import { remindersOf, reminderText, type Reminder } from '../../domain/reminders'
import { ClockContext } from '../common/ClockProvider'
import { AnyIcon as Icon } from '../common/moreIcons'
import { useNow } from '../common/useNow'
import { usePlan } from '../common/usePlan'
import { venueTimeLabel } from '../common/timeLabels'
import { sessionAppUrl } from '../plan/calendarExport'
import { showWorkerNotification } from './notifications'
import { scheduleReminders } from './scheduler'

export function LeaveReminders() {
  const { plan, options, display, displayZone } = usePlan()
  const clock = useContext(ClockContext)
  const [banner, setBanner] = useState<Reminder | null>(null)
  const fired = useRef(new Set<string>())
  const reminders = useMemo(() => remindersOf(plan, display.reminders, options), [plan, display.reminders, options])

  useEffect(() => {
    let live = true
    const fire = (r: Reminder) => {
      const session = r.item.session
      const text = reminderText(r, clock(), venueTimeLabel(session.start, displayZone, session.day))
      void showWorkerNotification(text.headline, {
        body: `${text.detail} ${session.title}`,
        // One notification per session: a later one (a moved session) replaces it rather than piling up.
        tag: `hallway-leave-${session.id}`,
        url: sessionAppUrl(session),
      }).then((shown) => {
        if (!shown && live) setBanner(r)
      })
    }
    const cancel = scheduleReminders(reminders, clock, fire, fired.current)
    return () => {
      live = false
      cancel()
    }
  }, [reminders, clock, displayZone])

  return (
    <div role="status" className={banner ? 'notice notice--leave' : undefined}>
      {banner && <LeaveBanner reminder={banner} timeZone={displayZone} onDismiss={() => setBanner(null)} />}
    </div>
  )
}

function LeaveBanner({ reminder, timeZone, onDismiss }: { reminder: Reminder; timeZone: string; onDismiss: () => void }) {
  const now = useNow()
  const session = reminder.item.session
  const started = reminder.startMs <= now
  useEffect(() => {
    // Once the session has started, "leave now" is no longer news.
    if (started) onDismiss()
  }, [started, onDismiss])
  const text = reminderText(reminder, now, venueTimeLabel(session.start, timeZone, session.day))
  return (
    <div className="notice__inner">
      <p className="notice__text">
        <Icon name="walk" /> <strong>{text.headline}:</strong> {text.detail}{' '}
        <Link href={`/session/${session.id}`} dir="auto">
          {session.title}
        </Link>
      </p>
      <button type="button" className="button button--small notice__dismiss" aria-label={`Dismiss: ${text.headline}`} onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  )
}

export default LeaveReminders
