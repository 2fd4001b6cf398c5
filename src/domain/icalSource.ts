// iCalendar (`.ics` with VEVENTs, as Sched, Indico, pretalx and most CMSs export) → the frab JSON form frabParser.ts
// reads, so it goes through the same checks, IDs and mapping decisions. Read with ical.js, which scheduleFile.ts loads
// only for such a file (the app's lazy chunk). Problems name the VEVENT and the line it starts on.
//
// Mapping: SUMMARY is the title, LOCATION the room, CATEGORIES the type (several join with ", "), DESCRIPTION and URL
// as they are, UID the stable key. The calendar's X-WR-CALNAME (else NAME, else the file's name) is the event title.
// Times: UTC as they are; a TZID that names an IANA zone is read in that zone (the tz database, not the file's
// VTIMEZONE, which may be cut short); another TZID needs its VTIMEZONE in the file; a floating time is the venue's
// wall clock. The venue zone is X-WR-TIMEZONE, else the one TZID all events use, else what frabParser makes of the
// offsets. All-day events are left out with a warning (a day is not a session); an RRULE is expanded (EXDATE and
// RECURRENCE-ID overrides included) up to MAX_OCCURRENCES; a longer or endless series refuses the file. A cancelled
// event (STATUS:CANCELLED) is left out with a warning.
import ICAL from 'ical.js'
import { TZDate } from '@date-fns/tz'
import { DOCUMENT_PATH, type FrabImportProblem } from './frabParser'
import { SourceLocator } from './sourceLocator'
import { isValidTimeZone } from './time'

/** occurrences of one RRULE: a daily session over most of three years; more is a calendar, not a conference. */
export const MAX_OCCURRENCES = 1000

export type IcalConversion =
  | { ok: true; json: unknown; locate: (path: string) => string; warnings: string[]; count: number }
  | { ok: false; problems: FrabImportProblem[] }

type Json = Record<string, unknown>
type IcalComponent = InstanceType<typeof ICAL.Component>
type IcalTime = InstanceType<typeof ICAL.Time>

const MS_PER_MINUTE = 60_000

/** True when the text starts like an iCalendar file (a byte-order mark and blank lines allowed). */
export function looksLikeIcal(text: string): boolean {
  return /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text)
}

/** The line each VEVENT begins on, in order (ical.js keeps no positions). */
function veventLines(text: string): number[] {
  const lines: number[] = []
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (/^BEGIN:VEVENT\s*$/i.test(line)) lines.push(i + 1)
  })
  return lines
}

/** Reads `text` as iCalendar; `fallbackTitle` names the event when the calendar has no name. Never throws. */
export function icalToFrab(text: string, fallbackTitle: string): IcalConversion {
  let root: IcalComponent
  try {
    root = new ICAL.Component(ICAL.parse(text.replace(/^\uFEFF/, '')))
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    return { ok: false, problems: [{ path: DOCUMENT_PATH, message: `this looks like an iCalendar file, but it can't be read (${why})` }] }
  }
  const customZones: string[] = []
  try {
    // TZIDs that are no IANA name are defined by the file's VTIMEZONE: ical.js finds them through its registry.
    for (const vtz of root.getAllSubcomponents('vtimezone')) {
      const tzid = vtz.getFirstPropertyValue('tzid')
      if (typeof tzid === 'string' && !isValidTimeZone(tzid)) {
        ICAL.TimezoneService.register(vtz)
        customZones.push(tzid)
      }
    }
    return convert(root, text, fallbackTitle)
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    return { ok: false, problems: [{ path: DOCUMENT_PATH, message: `this looks like an iCalendar file, but it can't be read (${why})` }] }
  } finally {
    for (const tzid of customZones) ICAL.TimezoneService.remove(tzid)
  }
}

class Warnings {
  private readonly kinds = new Map<string, { first: string; count: number }>()
  add(kind: string, first: string): void {
    const entry = this.kinds.get(kind)
    if (entry) entry.count++
    else this.kinds.set(kind, { first, count: 1 })
  }
  list(): string[] {
    return [...this.kinds.values()].map(({ first, count }) => `${first}${count > 1 ? ` (and ${count - 1} more like it)` : ''}`)
  }
}

function convert(root: IcalComponent, text: string, fallbackTitle: string): IcalConversion {
  const vevents = root.getAllSubcomponents('vevent')
  if (vevents.length === 0) {
    const what = root.name === 'vcalendar' ? 'an iCalendar file with 0 events (no VEVENT)' : `an iCalendar file, but its first component is ${root.name.toUpperCase()}, not VCALENDAR`
    return { ok: false, problems: [{ path: DOCUMENT_PATH, message: `this looks like ${what}` }] }
  }
  const lines = veventLines(text)
  const placeOf = new Map<IcalComponent, string>(vevents.map((v, i) => [v, `VEVENT ${i + 1}${lines[i] !== undefined ? ` (line ${lines[i]})` : ''}`]))
  const where = new SourceLocator()
  const warnings = new Warnings()
  const problems: FrabImportProblem[] = []
  const rooms: Record<string, Json[]> = {}
  const usedZones = new Set<string>()
  const C = 'schedule.conference'
  where.set(`${C}.days`, 'VCALENDAR')
  where.set(`${C}.time_zone_name`, 'VCALENDAR X-WR-TIMEZONE')
  where.set(`${C}.title`, 'VCALENDAR X-WR-CALNAME')
  where.set(`${C}.acronym`, 'VCALENDAR X-WR-CALNAME')

  // RECURRENCE-ID overrides belong to their series; they are not events of their own.
  const masters = new Map<string, InstanceType<typeof ICAL.Event>>()
  const overrides: IcalComponent[] = []
  for (const v of vevents) {
    if (v.hasProperty('recurrence-id')) overrides.push(v)
    else masters.set(String(v.getFirstPropertyValue('uid') ?? ''), new ICAL.Event(v))
  }
  for (const o of overrides) masters.get(String(o.getFirstPropertyValue('uid') ?? ''))?.relateException(o)

  let count = 0
  const add = (v: IcalComponent, start: IcalTime, end: IcalTime, key: string | undefined) => {
    const place = placeOf.get(v) ?? 'VEVENT'
    const room = textOf(v, 'location')
    const list = (rooms[room] ??= [])
    const path = `${C}.days[0].rooms[${JSON.stringify(room)}][${list.length}]`
    where.set(path, place)
    for (const [field, prop] of [['date', 'DTSTART'], ['end', 'DTEND'], ['title', 'SUMMARY'], ['guid', 'UID'], ['url', 'URL'], ['description', 'DESCRIPTION']]) {
      where.set(`${path}.${field}`, `${place}, ${prop}`)
    }
    const startText = dateTimeText(start, v, 'dtstart', usedZones, problems, `${place}, DTSTART`)
    const endText = dateTimeText(end, v, v.hasProperty('dtend') ? 'dtend' : 'dtstart', usedZones, problems, `${place}, DTEND`)
    const categories = v.getAllProperties('categories').flatMap((p) => p.getValues().map(String)).map((c) => c.trim()).filter((c) => c !== '')
    const event: Json = {
      title: textOf(v, 'summary'),
      date: startText,
      end: endText,
      track: categories.join(', '),
      description: textOf(v, 'description'),
    }
    if (key !== undefined) event.guid = key
    const url = textOf(v, 'url')
    if (url !== '') event.url = url
    list.push(event)
    count++
  }

  for (const [uid, event] of masters) {
    const v = event.component
    const place = placeOf.get(v) ?? 'VEVENT'
    if (String(v.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
      warnings.add('cancelled', `${place}: STATUS:CANCELLED; the event is left out`)
      continue
    }
    const start = event.startDate
    if (!start) {
      problems.push({ path: `${place}, DTSTART`, message: 'missing: an event needs a start' })
      continue
    }
    if (start.isDate) {
      warnings.add('all-day', `${place}: an all-day event ("${textOf(v, 'summary')}") is a day, not a session; left out`)
      continue
    }
    const key = uid !== '' ? uid : undefined
    if (!event.isRecurring()) {
      add(v, start, event.endDate ?? start, key)
      continue
    }
    const it = event.iterator()
    const occurrences: Array<{ item: InstanceType<typeof ICAL.Event>; start: IcalTime; end: IcalTime }> = []
    let next = it.next()
    while (next && occurrences.length <= MAX_OCCURRENCES) {
      const details = event.getOccurrenceDetails(next)
      occurrences.push({ item: details.item, start: details.startDate, end: details.endDate })
      next = it.next()
    }
    if (occurrences.length > MAX_OCCURRENCES) {
      const rule = String(v.getFirstPropertyValue('rrule') ?? '')
      problems.push({
        path: `${place}, RRULE`,
        message: `"${rule}" repeats more than ${MAX_OCCURRENCES.toLocaleString('en-US')} times${/UNTIL|COUNT/i.test(rule) ? '' : ' (it has no end)'}; Hallway reads a conference's sessions, not an endless series: end the rule (COUNT or UNTIL) or export the event's dates`,
      })
      continue
    }
    warnings.add('rrule', `${place}: RRULE "${String(v.getFirstPropertyValue('rrule') ?? '')}" is read as ${occurrences.length} sessions`)
    for (const o of occurrences) {
      if (o.item.component.hasProperty('status') && String(o.item.component.getFirstPropertyValue('status')).toUpperCase() === 'CANCELLED') continue
      add(o.item.component, o.start, o.end, key === undefined ? undefined : `${key}#${o.start.toString()}`)
    }
  }
  if (problems.length > 0) return { ok: false, problems }
  if (count === 0) {
    return { ok: false, problems: [{ path: DOCUMENT_PATH, message: `this looks like an iCalendar file with ${vevents.length} events, but none is a timed session (${warnings.list().join('; ')})` }] }
  }

  const calName = textOf(root, 'x-wr-calname') || textOf(root, 'name') || fallbackTitle
  const calZone = textOf(root, 'x-wr-timezone')
  const zone = calZone !== '' ? calZone : usedZones.size === 1 ? [...usedZones][0] : undefined
  const conference: Json = { title: calName, days: [{ rooms }] }
  if (zone !== undefined) conference.time_zone_name = zone
  return { ok: true, json: { schedule: { conference } }, locate: where.locate, warnings: warnings.list(), count }
}

function textOf(c: IcalComponent, name: string): string {
  const v = c.getFirstPropertyValue(name)
  return v === null || v === undefined ? '' : String(v).trim()
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function offsetText(offsetMin: number): string {
  const a = Math.abs(offsetMin)
  return `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
}

/**
 * The frab form of a time: its wall clock with the offset it has (or none when floating). `prop` is the property it
 * came from, for its TZID.
 */
function dateTimeText(
  t: IcalTime,
  v: IcalComponent,
  prop: string,
  usedZones: Set<string>,
  problems: FrabImportProblem[],
  place: string,
): string | undefined {
  const clock = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`
  if (t.zone?.tzid === 'UTC') return `${clock}Z`
  const tzid = v.getFirstProperty(prop)?.getParameter('tzid')
  const zone = typeof tzid === 'string' ? tzid : undefined
  if (zone === undefined) return clock // floating: the venue's wall clock
  if (isValidTimeZone(zone)) {
    usedZones.add(zone)
    const ms = new TZDate(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, zone).getTime()
    return `${clock}${offsetText(-new TZDate(ms, zone).getTimezoneOffset())}`
  }
  if (t.zone && t.zone.tzid === zone) return `${clock}${offsetText(Math.round(t.utcOffset() / (MS_PER_MINUTE / 1000)))}`
  problems.push({ path: place, message: `TZID "${zone}" is neither a time zone name nor defined by a VTIMEZONE in the file` })
  return undefined
}
