// Turning sessions into a downloaded .ics file: the whole plan, one day or one session. The calendar writer
// (src/domain/ics.ts) is loaded on the first export only, so it is not part of the first view's JavaScript; the
// service worker precaches its chunk like every other, so exporting works offline too.
import type { ConflictOptions, PlannedSession } from '../../domain/conflicts'
import type { EventInfo, Session, SessionId, VenueDay } from '../../domain/model'
import type { CalendarReminder } from '../../db/settings'
import { instantFromMs } from '../../domain/time'
import { dayTabLabel } from '../common/timeLabels'

// Vite's base ("/" or "/hallway/"), so links in the calendar open the app wherever it is hosted.
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '')

export type CalendarExportScope = { kind: 'plan' } | { kind: 'day'; day: VenueDay } | { kind: 'session'; session: Session }

// characters: a session title in a file name is cut here, at a word boundary; enough to recognise the talk in a
// downloads list, short enough for every file system (and for Android's download notification).
const MAX_TITLE_SLUG = 40
// ms: how long the file's object URL stays valid after the click; Safari reads the Blob asynchronously.
const REVOKE_AFTER_MS = 60_000

/** "Dragonfly v2.3.0: What's new?" → "dragonfly-v2-3-0-what-s-new" (ASCII letters and digits, hyphens between). */
export function slugOf(text: string, max = MAX_TITLE_SLUG): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents off: "Zoë" → "zoe"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max)
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut
}

/**
 * `hallway-kubecon-na-2025-plan.ics`, `hallway-kubecon-na-2025-thursday.ics` (the date instead when two days of the
 * event share a weekday), `hallway-kubecon-na-2025-dragonfly-v2-3-0.ics`.
 */
export function calendarFileName(event: EventInfo, scope: CalendarExportScope): string {
  let what: string
  if (scope.kind === 'plan') what = 'plan'
  else if (scope.kind === 'session') what = slugOf(scope.session.title) || scope.session.id
  else {
    const weekday = (day: VenueDay) => dayTabLabel(day).weekday
    const shared = event.days.filter((d) => weekday(d) === weekday(scope.day)).length > 1
    what = shared ? scope.day : fullWeekday(scope.day)
  }
  return `hallway-${slugOf(event.id, Infinity) || 'event'}-${what}.ics`
}

function fullWeekday(day: VenueDay): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  // Noon UTC names the same calendar date in every device zone.
  return new Date(Date.UTC(y, m - 1, d, 12)).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }).toLowerCase()
}

/** What an importing app names the new calendar, when it makes one (X-WR-CALNAME). None for a single session. */
function calendarName(event: EventInfo, scope: CalendarExportScope): string | undefined {
  if (scope.kind === 'plan') return `${event.title}: my plan`
  if (scope.kind === 'day') return `${event.title}: ${fullWeekday(scope.day).replace(/^./, (c) => c.toUpperCase())}`
  return undefined
}

/** The session's page in the app, absolute, on the origin the app is served from. */
export function sessionAppUrl(session: Session): string {
  return `${window.location.origin}${BASE}/session/${session.id}`
}

export interface CalendarFile {
  fileName: string
  /** Sessions in the file. */
  count: number
}

/**
 * Writes `sessions` as an .ics file and has the browser download it (a Blob behind an `<a download>`), which every
 * phone and desktop browser hands to the calendar app or keeps in Downloads. `sessions` must not be empty: RFC 5545
 * wants at least one event, so the UI disables export for an empty plan instead.
 */
export async function downloadCalendar(
  sessions: readonly Session[],
  event: EventInfo,
  scope: CalendarExportScope,
  reminder: CalendarReminder,
  notes: ReadonlyMap<SessionId, string> = new Map(),
  walkFrom: { plan: readonly PlannedSession[]; options: ConflictOptions } = { plan: [], options: {} },
): Promise<CalendarFile> {
  if (sessions.length === 0) throw new Error('There is nothing to export.')
  const [{ ICS_MIME_TYPE, plansToIcs }, { FIRST_SESSION_LEAD_MIN, leadMinutesBySession }] = await Promise.all([
    import('../../domain/ics'),
    import('../../domain/reminders'),
  ])
  // 'walk': each session's alarm at the same leave-now moment the in-app reminder uses, counted over the whole plan
  // (a one-day or one-session file still walks from the previous plan session); a session outside the plan has
  // no previous room, so it gets the lead time.
  const leads = reminder === 'walk' ? leadMinutesBySession(walkFrom.plan, walkFrom.options) : null
  const text = plansToIcs(sessions, event, {
    appUrl: sessionAppUrl,
    reminderMinutes: leads ? (s) => leads.get(s.id) ?? FIRST_SESSION_LEAD_MIN : (reminder as number | null),
    now: instantFromMs(Date.now()),
    calendarName: calendarName(event, scope),
    noteOf: (s) => notes.get(s.id),
  })
  const fileName = calendarFileName(event, scope)
  const url = URL.createObjectURL(new Blob([text], { type: ICS_MIME_TYPE }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    // The download has started by the time click() returns; revoking later still lets slow browsers read it.
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
  return { fileName, count: new Set(sessions.map((s) => s.id)).size }
}
