// Two editions of one event (DemoCon 2020 and 2022) share an acronym. When a file's event id matches an event already
// on the device, how much the two have in common tells a newer version of that schedule (Replace) from another
// edition (add it beside): shared days and shared session IDs (which come from guids, or titles, so an update keeps
// most of them).
import type { EventId, Snapshot, VenueDay } from './model'
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
