// The calendar export controls: the reminder choice (remembered in settings), "Export plan" on My plan, an export
// button per plan day, and "Add to calendar" on a session's page. Each downloads an .ics file (see calendarExport.ts)
// and says so in a toast; with nothing to export the button is disabled and the reason is next to it.
import { useCallback, useEffect, useId, useState } from 'react'
import type { Session, VenueDay } from '../../domain/model'
import { formatVenueDay } from '../../domain/time'
import { REMINDER_CHOICES, type CalendarReminder } from '../../db/settings'
import { useUiStore } from '../../store/uiStore'
import { downloadCalendar, type CalendarExportScope } from './calendarExport'
import { useCommands, useCommandToasts } from '../common/useCommands'
import { usePlan } from '../common/usePlan'
import { useSchedule } from '../common/useSchedule'
import { AnyIcon as Icon } from '../common/moreIcons'
import './calendarExport.css'

function reminderLabel(minutes: CalendarReminder): string {
  if (minutes === 'walk') return 'When to leave (counts the walk)'
  return minutes === null ? 'No reminder' : `${minutes} min before`
}

/** How the toast and the session page's hint name the reminder: "reminder 10 min before", "reminder when to leave". */
function reminderPhrase(minutes: CalendarReminder): string {
  if (minutes === 'walk') return 'a reminder when to leave (the walk from your previous session)'
  return minutes === null ? 'no reminder' : `a reminder ${minutes} min before`
}

function reminderFromValue(value: string): CalendarReminder {
  if (value === '') return null
  return value === 'walk' ? 'walk' : Number(value)
}

/** Downloads sessions as a calendar file and reports how it went; `busy` while the writer loads and runs. */
function useCalendarDownload(): { busy: boolean; download: (sessions: readonly Session[], scope: CalendarExportScope) => void } {
  const { event } = useSchedule()
  const { display, status, notes, plan, options } = usePlan()
  const pick = useUiStore((s) => s.reminderPick)
  const reminderMin = pick ? pick.minutes : display.reminderMin
  const showToast = useUiStore((s) => s.showToast)
  const [busy, setBusy] = useState(false)
  const download = useCallback(
    (sessions: readonly Session[], scope: CalendarExportScope) => {
      // Not before the settings are read (the reminder): the buttons are disabled until then.
      if (!event || busy || status !== 'ready') return
      setBusy(true)
      downloadCalendar(sessions, event, scope, reminderMin, notes, { plan, options })
        .then(({ fileName, count }) => {
          const what = count === 1 ? '1 session' : `${count} sessions`
          const reminder = reminderMin === null ? '' : `, each with ${reminderPhrase(reminderMin)}`
          showToast({ tone: 'info', message: `Downloaded ${fileName} (${what}${reminder}). Open it to add it to your calendar.` })
        })
        .catch((error: unknown) => {
          console.warn('Hallway: calendar export failed.', error)
          // The writer is a separate file: an app update mid-session can leave this tab asking for one that is gone.
          showToast({ tone: 'error', message: "The calendar file couldn't be made. Reload Hallway and try again." })
        })
        .finally(() => setBusy(false))
    },
    [event, busy, status, reminderMin, notes, plan, options, showToast],
  )
  return { busy, download }
}

/** The reminder every export adds, saved as a setting (the choice shows at once, the stored value follows). */
export function ReminderSelect({ describedBy }: { describedBy?: string }) {
  const id = useId()
  const { store, display } = usePlan()
  const commands = useCommands()
  const { report } = useCommandToasts()
  const pending = useUiStore((s) => s.reminderPick)
  const setPending = useUiStore((s) => s.pickReminder)
  useEffect(() => setPending(null), [display.reminderMin, setPending])
  const value = pending ? pending.minutes : display.reminderMin

  return (
    <div className="field reminder-field">
      <label htmlFor={id}>Reminder in your calendar</label>
      <select
        id={id}
        value={value === null ? '' : String(value)}
        disabled={!store}
        aria-describedby={describedBy}
        onChange={(e) => {
          const minutes = reminderFromValue(e.target.value)
          if (!store) return
          setPending({ minutes })
          void commands.setReminderMinutes(minutes).then((saved) => {
            if (!saved.ok) setPending(null)
            report(saved)
          })
        }}
      >
        {REMINDER_CHOICES.map((m) => (
          <option key={m ?? 'none'} value={m === null ? '' : String(m)}>
            {reminderLabel(m)}
          </option>
        ))}
      </select>
    </div>
  )
}

/** My plan's export section: the reminder, and the whole plan as one file. */
export function PlanCalendarExport() {
  const id = useId()
  const { plan, status } = usePlan()
  const { busy, download } = useCalendarDownload()
  const empty = plan.length === 0
  const days = new Set(plan.map((p) => p.session.day)).size
  return (
    <section className="calendar-export" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        <Icon name="calendar-add" /> Add to your calendar
      </h2>
      <p id={`${id}-hint`} className="muted calendar-export__hint">
        {empty
          ? 'Your plan is empty: star sessions first, then export them here.'
          : 'Downloads an .ics file with your starred sessions (musts and maybes) that Google Calendar, Apple Calendar, Outlook and Thunderbird open. Each day of your plan can also be exported on its own.'}
      </p>
      <div className="calendar-export__controls">
        <ReminderSelect />
        <button
          type="button"
          className="button button--primary"
          disabled={empty || status !== 'ready' || busy}
          aria-describedby={`${id}-hint`}
          onClick={() => download(plan.map((p) => p.session), { kind: 'plan' })}
        >
          <Icon name="calendar-add" /> Export plan
          {!empty && (
            <>
              {' '}
              <span className="calendar-export__count">
                ({plan.length === 1 ? '1 session' : `${plan.length} sessions`}
                {days > 1 ? `, ${days} days` : ''})
              </span>
            </>
          )}
        </button>
      </div>
    </section>
  )
}

/** The export button in a plan day's header: that day's starred sessions as one file. */
export function DayCalendarButton({ day }: { day: VenueDay }) {
  const { plan } = usePlan()
  const { busy, download } = useCalendarDownload()
  const sessions = plan.filter((p) => p.session.day === day).map((p) => p.session)
  if (sessions.length === 0) return null
  return (
    <button
      type="button"
      className="button button--small"
      disabled={busy}
      // Starts with the visible words (label in name), then says which day and what the file holds.
      aria-label={`Export day: ${formatVenueDay(day)} to your calendar (${sessions.length === 1 ? '1 session' : `${sessions.length} sessions`}, .ics file)`}
      onClick={() => download(sessions, { kind: 'day', day })}
    >
      <Icon name="calendar-add" /> Export day
    </button>
  )
}

/** "Add to calendar" on a session's page, with the reminder the user chose. */
export function SessionCalendarButton({ session }: { session: Session }) {
  const id = useId()
  const { display, status } = usePlan()
  const { busy, download } = useCalendarDownload()
  // The page can show (from the bundled snapshot) a moment before the settings are read: an export then would go
  // without the reminder the user chose, so it waits, and says what for.
  const loading = status !== 'ready'
  return (
    <div className="calendar-export calendar-export--session">
      <button
        type="button"
        className="button"
        disabled={busy || loading}
        aria-describedby={`${id}-hint`}
        onClick={() => download([session], { kind: 'session', session })}
      >
        <Icon name="calendar-add" /> Add to calendar
      </button>
      <span id={`${id}-hint`} className="muted calendar-export__hint">
        {loading
          ? 'Downloads an .ics file; reading your reminder setting…'
          : `Downloads an .ics file, ${reminderPhrase(display.reminderMin).replace(/^a /, '')} (set in Settings)`}
      </span>
    </div>
  )
}
