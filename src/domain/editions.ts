// Two editions of one event (DemoCon 2020 and 2022) share an acronym. When a file's event id matches an event already
// on the device, how much the two have in common tells a newer version of that schedule (Replace) from another
// edition (add it beside): shared days and shared session IDs (which come from guids, or titles, so an update keeps
// most of them).
import { MAX_EVENT_ID_LENGTH, type EventId, type Snapshot, type VenueDay } from './model'
import { contentHashOf } from './snapshotBuild'

export interface EditionOverlap {
  sharedDays: number
  commonSessions: number
  /** True when the two look like different editions: no day in common, or fewer than half the sessions. */
  barely: boolean
}

/** How much a stored event and a file for the same id have in common. */
export function editionOverlap(
  stored: { days: readonly VenueDay[]; sessionIds: readonly string[] },
  file: { days: readonly VenueDay[]; sessionIds: readonly string[] },
): EditionOverlap {
  const days = new Set(stored.days)
  const sharedDays = file.days.filter((d) => days.has(d)).length
  const ids = new Set(stored.sessionIds)
  const commonSessions = file.sessionIds.filter((id) => ids.has(id)).length
  const smaller = Math.min(stored.sessionIds.length, file.sessionIds.length)
  return { sharedDays, commonSessions, barely: sharedDays === 0 || commonSessions * 2 < smaller }
}

/** `snapshot` as the event `id` (its sessions keep their IDs: those never depend on the edition). */
export async function snapshotAsEvent(snapshot: Snapshot, id: EventId): Promise<Snapshot> {
  const event = { ...snapshot.event, id }
  return { ...snapshot, event, contentHash: await contentHashOf(event, snapshot.sessions) }
}

const DAY_LENGTH = '2020-12-14'.length
// An edition id's last part: its first day.
const EDITION_DAY = /-(\d{4}-\d{2}-\d{2})$/

/**
 * The id of an edition of an event: `base` (the acronym, or a Sched listing's title) and its first day, so DemoCon
 * 2020 and DemoCon 2022 are two events, each with its own stars. A base that already ends in that day stays as it is.
 */
export function editionEventId(base: string, firstDay: VenueDay): EventId {
  if (base.endsWith(firstDay)) return base as EventId
  const room = MAX_EVENT_ID_LENGTH - DAY_LENGTH - 1
  return `${base.slice(0, room).replace(/[-._]+$/, '')}-${firstDay}` as EventId
}

/** The parts of an edition id (`democon-2020-12-27` → democon, 2020-12-27); undefined for an id without a day. */
export function editionParts(id: string): { base: string; firstDay: VenueDay } | undefined {
  const m = EDITION_DAY.exec(id)
  return m ? { base: id.slice(0, m.index), firstDay: m[1] as VenueDay } : undefined
}
