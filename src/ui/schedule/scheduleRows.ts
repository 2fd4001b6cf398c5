// The flat row model the virtualized list renders: a header per time slot, then that slot's sessions.
import type { Instant, Session, VenueDay } from '../../domain/model'

export type ScheduleRow =
  /** `day`: the venue day of the slot's sessions, for labelling its time in another zone ("5:15 AM (next day)"). */
  | { kind: 'slot'; key: string; start: Instant; day: VenueDay; count: number }
  | { kind: 'session'; key: string; session: Session }

/** Groups sessions (already in start order) under one header per distinct start time. */
export function rowsBySlot(sessions: readonly Session[]): ScheduleRow[] {
  const rows: ScheduleRow[] = []
  let header: { kind: 'slot'; key: string; start: Instant; day: VenueDay; count: number } | null = null
  for (const session of sessions) {
    if (header === null || header.start !== session.start) {
      header = { kind: 'slot', key: `slot:${session.start}`, start: session.start, day: session.day, count: 0 }
      rows.push(header)
    }
    header.count += 1
    rows.push({ kind: 'session', key: session.id, session })
  }
  return rows
}
