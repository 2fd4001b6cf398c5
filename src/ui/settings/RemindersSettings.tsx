// Settings → "Reminders to leave": off, musts only, or musts and maybes. Notification permission is asked here, when
// the user turns reminders on, and never before; what happens instead when it is refused, and what a web app can't
// do once closed, is said plainly.
import { useEffect, useId, useState } from 'react'
import { FIRST_SESSION_LEAD_MIN, type ReminderScope } from '../../domain/reminders'
import { useCommands, useCommandToasts } from '../common/useCommands'
import { usePlan } from '../common/usePlan'
import { askForNotifications, notificationAccess, type NotificationAccess } from '../reminders/notifications'

const SCOPES: ReadonlyArray<{ value: ReminderScope; label: string }> = [
  { value: 'off', label: 'Off' },
  { value: 'musts', label: 'Musts only' },
  { value: 'all', label: 'Musts and maybes' },
]

/** Where the reminder shows, given what the browser allows. */
function deliveryText(access: NotificationAccess): string {
  switch (access) {
    case 'granted':
      return 'Reminders show as notifications while Hallway is open, in front or in a background tab. Tap one to open the session.'
    case 'denied':
      return 'Notifications are blocked for Hallway, so reminders show as a banner at the top of every Hallway screen instead. To get notifications, allow them for this site in your browser’s settings.'
    case 'unsupported':
      return 'This browser can’t show notifications from Hallway, so reminders show as a banner at the top of every Hallway screen instead.'
    case 'default':
      return 'Hallway will ask to show notifications when you turn reminders on. If you don’t allow them, reminders show as a banner at the top of every Hallway screen.'
  }
}

export function RemindersSettings() {
  const uid = useId()
  const { store, display } = usePlan()
  const commands = useCommands()
  const { report } = useCommandToasts()
  const [pending, setPending] = useState<ReminderScope | null>(null)
  const [access, setAccess] = useState<NotificationAccess>(notificationAccess)
  useEffect(() => setPending(null), [display.reminders])
  const chosen = pending ?? display.reminders

  const choose = (next: ReminderScope) => {
    if (!store) return
    setPending(next)
    // Asked here, from the tap that turns reminders on: the one moment the question makes sense to the user.
    if (next !== 'off' && access === 'default') void askForNotifications().then(setAccess)
    void commands.setLeaveReminders(next).then((saved) => {
      if (!saved.ok) setPending(null)
      report(saved)
    })
  }

  return (
    <section className="settings__section" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`} className="section-title">
        Reminders to leave
      </h2>
      <p className="muted" id={`${uid}-what`}>
        When it’s time to set off for a session in your plan: its start, minus the walk from your previous session’s
        room at your pace, plus your extra time. Before the day’s first session, {FIRST_SESSION_LEAD_MIN} min before it
        starts.
      </p>
      <fieldset className="choice-group" disabled={!store} aria-describedby={`${uid}-what`}>
        <legend>Remind me</legend>
        {SCOPES.map(({ value, label }) => (
          <label key={value} className="choice card-row">
            <input type="radio" name={`${uid}-scope`} value={value} checked={chosen === value} onChange={() => choose(value)} />
            <span className="choice__text">
              <span className="choice__label">{label}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="choice__hint" data-testid="reminder-delivery">
        {deliveryText(access)}
      </p>
      <p className="choice__hint">
        Only while Hallway is open: a closed web app can’t wake itself to notify you. (Notification Triggers, which
        would have allowed it, never shipped; Periodic Background Sync works only in Chromium browsers, at an interval
        the browser chooses.) For reminders with Hallway closed, export your plan to your calendar with the reminder
        “When to leave”, below.
      </p>
    </section>
  )
}
