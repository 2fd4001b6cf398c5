// Settings → "Times and calendar": whose clock times show in (the venue's by default, or this device's), and the
// reminder calendar exports carry. Saved at once, like the walking settings; every screen follows live.
import { useEffect, useId, useState } from 'react'
import type { Instant } from '../../domain/model'
import { zoneAbbreviation } from '../../domain/time'
import type { TimeDisplay } from '../../db/settings'
import { useCommands, useCommandToasts } from '../common/useCommands'
import { usePlan } from '../common/usePlan'
import { useSchedule } from '../common/useSchedule'
import { deviceTimeZone, venueTimeLabel } from '../common/timeLabels'
import { ReminderSelect } from '../plan/CalendarExport'

/** When the event starts, for naming zones as they are during it (EST in November, not EDT). */
function eventMoment(first: Instant | undefined, days: readonly string[]): Instant {
  // Noon UTC of the first day when there is no session: the same date in every zone, so the same season.
  return first ?? (`${days[0] ?? new Date().toISOString().slice(0, 10)}T12:00:00Z` as Instant)
}

export function TimeAndCalendarSettings() {
  const uid = useId()
  const { event, sessions } = useSchedule()
  const { store, display, persistent } = usePlan()
  const commands = useCommands()
  const { report } = useCommandToasts()
  const [pending, setPending] = useState<TimeDisplay | null>(null)
  useEffect(() => setPending(null), [display.timeDisplay])
  if (!event) return null

  const chosen = pending ?? display.timeDisplay
  const device = deviceTimeZone()
  const at = eventMoment(sessions[0]?.start, event.days)
  const venueName = zoneAbbreviation(at, event.timeZone)
  const deviceName = zoneAbbreviation(at, device)
  const sameZone = venueName === deviceName && zoneOffsetsMatch(at, event.timeZone, device)
  // An example to check against the schedule: the event's first session start, in both zones.
  const first = sessions[0]
  const example = first
    ? `: ${venueTimeLabel(first.start, event.timeZone)} at the venue is ${venueTimeLabel(first.start, device, first.day)} here`
    : ''

  const choose = (next: TimeDisplay) => {
    if (!store) return
    setPending(next)
    void commands.setTimeDisplay(next).then((saved) => {
      if (!saved.ok) setPending(null)
      report(saved)
    })
  }

  const options: ReadonlyArray<{ value: TimeDisplay; label: string; hint: string }> = [
    {
      value: 'venue',
      label: `Venue time (${venueName})`,
      hint: `As on the printed schedule and the venue's signs (${event.timeZone}).`,
    },
    {
      value: 'device',
      label: `This device's time (${deviceName})`,
      hint: sameZone
        ? `This device is on venue time (${device}), so both read the same.`
        : `${device}${example}. Sessions stay under the venue's days.`,
    },
  ]

  return (
    <section className="settings__section" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`} className="section-title">
        Times and calendar
      </h2>
      {!persistent && <p className="muted">(Storage is unavailable: these settings last until you close this tab.)</p>}
      <fieldset className="choice-group" disabled={!store}>
        <legend>Show times in</legend>
        {options.map(({ value, label, hint }) => (
          <label key={value} className="choice card-row">
            <input
              type="radio"
              name={`${uid}-zone`}
              value={value}
              checked={chosen === value}
              aria-describedby={`${uid}-${value}-hint`}
              onChange={() => choose(value)}
            />
            <span className="choice__text">
              <span className="choice__label">{label}</span>
              <span id={`${uid}-${value}-hint`} className="choice__hint">
                {hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <ReminderSelect describedBy={`${uid}-reminder-hint`} />
      <p id={`${uid}-reminder-hint`} className="choice__hint">
        Added to every session when you export to your calendar (My plan, a day, or a session's page), so your phone
        reminds you.
      </p>
    </section>
  )
}

/** Whether two zones show the same wall clock at `at` (two names for one offset, e.g. America/Detroit and New_York). */
function zoneOffsetsMatch(at: Instant, a: string, b: string): boolean {
  const clock = (zone: string) => new Date(at).toLocaleString('en-US', { timeZone: zone, hour12: false })
  return clock(a) === clock(b)
}
