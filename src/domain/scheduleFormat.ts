// The schedule file formats Hallway reads, and how every message names them ("This is a frab XML schedule"). Apart
// from the importers (scheduleFile.ts), so the open-schedule dialog can name a format without loading them.

export type ScheduleFormat = 'sched-text' | 'frab-json' | 'c3voc-v2' | 'frab-xml' | 'ical'

export const FORMAT_NAMES: Record<ScheduleFormat, string> = {
  'sched-text': 'a Sched listing',
  'frab-json': 'a frab/pretalx JSON schedule',
  'c3voc-v2': 'a c3voc schedule v2 (hub) file',
  'frab-xml': 'a frab XML schedule',
  ical: 'an iCalendar file',
}
