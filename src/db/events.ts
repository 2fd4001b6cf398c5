// The events on this device: the bundled one (always there) and the schedules the user opened. Listing them, adding a
// schedule file's snapshot (or replacing one), switching, removing. Each change is one transaction.
//
// What belongs to an event and what to the person (decided here, for every table):
// - Per event, keyed by EventId: its sessions and event row (title, venue time zone, days), the user's stars and the
//   recorded schedule changes. Switching events switches all of them; removing an event deletes all of them.
// - The person's, shared by every event (the settings table): walking pace and extra time (how *you* walk does not
//   change with the venue; a new building's distances come from its own rooms), the calendar reminder, venue or
//   device time, and which event is on screen (SETTING_CURRENT_EVENT_ID).
// - Per event, though in the settings table: the rooms and types the user hid (hidden.ts, `hidden:<eventId>`),
//   since a room's or track's name means something only in its own event; removing the event deletes them.
import { Dexie } from 'dexie'
import type { EventId, Snapshot } from '../domain/model'
import { hiddenSettingKey } from './hidden'
import {
  addDecision,
  compareEvents,
  installedEvent,
  removalRefusal,
  type AddEventOptions,
  type AddEventOutcome,
  type EventLibrary,
  type FeedStatus,
  type InstalledEvent,
  type RemovedEvent,
} from './eventLibrary'
import { SETTING_CURRENT_EVENT_ID, type FeedRow, type HallwayDB, type StoredEvent } from './HallwayDB'
import { installedFileHash, installSnapshot } from './snapshotInstall'

function sessionsOf(db: HallwayDB, eventId: EventId) {
  // The primary key range: Dexie deletes it in one native call (see snapshotInstall.ts).
  return db.sessions.where('[eventId+id]').between([eventId, Dexie.minKey], [eventId, Dexie.maxKey], true, true)
}

/**
 * Every installed event with its session count, in one read transaction. Reads no stars: a live query of it re-runs
 * only when an event is installed or removed, never on a star.
 */
export function listInstalledEvents(db: HallwayDB): Promise<InstalledEvent[]> {
  return db.transaction('r', db.events, db.sessions, db.feeds, async () => {
    const rows = await db.events.toArray()
    const counts = await Promise.all(rows.map((r) => sessionsOf(db, r.id).count()))
    const feeds = new Map((await db.feeds.toArray()).map((f) => [f.eventId, feedStatusOf(f)]))
    return rows
      .map((r: StoredEvent, i) => installedEvent(r, installedFileHash(r), r.source, counts[i] ?? 0, feeds.get(r.id)))
      .sort(compareEvents)
  })
}

/** A feed row as the UI sees it: the held file only counted (it may be thousands of sessions). */
function feedStatusOf({ url, lastSuccessAt, lastCheckedAt, problem, held }: FeedRow): Omit<FeedStatus, 'url'> & { url?: string } {
  return {
    ...(url !== undefined && { url }),
    ...(lastSuccessAt !== undefined && { lastSuccessAt }),
    ...(lastCheckedAt !== undefined && { lastCheckedAt }),
    ...(problem !== undefined && { problem }),
    ...(held !== undefined && { heldSessions: held.sessions.length }),
  }
}

/**
 * Adds a schedule the user opened and makes it the current event, in one transaction (install, carry-over of stars
 * when replacing, and the current-event setting: all or nothing). See {@link AddEventOutcome}.
 */
export function addEvent(db: HallwayDB, snapshot: Snapshot, options: AddEventOptions, now: Date = new Date()): Promise<AddEventOutcome> {
  const eventId = snapshot.event.id
  return db.transaction('rw', [db.events, db.sessions, db.stars, db.notes, db.scheduleChanges, db.settings, db.feeds], async () => {
    const existing = await db.events.get(eventId)
    const kind = addDecision(existing && { contentHash: installedFileHash(existing) }, snapshot, options)
    if (kind === 'exists' || kind === 'bundled') return { kind }
    // A replacement goes the way of any schedule update: sessions swapped, stars carried, changes recorded.
    await installSnapshot(db, snapshot, now)
    await db.settings.put({ key: SETTING_CURRENT_EVENT_ID, value: eventId })
    // Opened from a web address: that address is its feed from now on, and this read was its first success. A file
    // from the device over an event with a feed leaves the feed as it was (the next check may bring the newer copy).
    if (options.feedUrl !== undefined) await db.feeds.put({ eventId, url: options.feedUrl, lastSuccessAt: now.toISOString(), lastCheckedAt: now.toISOString() })
    return { kind }
  })
}

/** Remembers `eventId` as the event on screen (the next start opens it). Rejects when it is not installed. */
export function switchEvent(db: HallwayDB, eventId: EventId): Promise<void> {
  return db.transaction('rw', db.events, db.settings, async () => {
    if (!(await db.events.get(eventId))) throw new Error(`The event ${eventId} isn’t on this device.`)
    await db.settings.put({ key: SETTING_CURRENT_EVENT_ID, value: eventId })
  })
}

/**
 * Removes an event the user added: its row, sessions, stars, notes, schedule changes and feed, in one transaction. When it was the
 * current event, the setting goes too, so the next start (and this one, through storedCurrentEventId) shows the bundled
 * event. Settings shared by all events stay.
 */
export function removeEvent(db: HallwayDB, eventId: EventId): Promise<RemovedEvent> {
  const refusal = removalRefusal(eventId)
  if (refusal) return Promise.reject(refusal)
  return db.transaction('rw', [db.events, db.sessions, db.stars, db.notes, db.scheduleChanges, db.settings, db.feeds], async () => {
    if (!(await db.events.get(eventId))) return { existed: false, sessions: 0, stars: 0 }
    await db.feeds.delete(eventId)
    const sessions = await sessionsOf(db, eventId).delete()
    const stars = await db.stars.where('eventId').equals(eventId).delete()
    await db.notes.where('eventId').equals(eventId).delete()
    await db.scheduleChanges.where('eventId').equals(eventId).delete()
    await db.events.delete(eventId)
    const current = await db.settings.get(SETTING_CURRENT_EVENT_ID)
    if (current?.value === eventId) await db.settings.delete(SETTING_CURRENT_EVENT_ID)
    await db.settings.delete(hiddenSettingKey(eventId))
    return { existed: true, sessions, stars }
  })
}

/** The IndexedDB library. `onCurrent` hears the event to show after an add or a switch has committed. */
export function indexedDbEventLibrary(db: HallwayDB, onCurrent: (eventId: EventId) => void): EventLibrary {
  return {
    persistent: true,
    add: async (snapshot, options) => {
      const outcome = await addEvent(db, snapshot, options)
      if (outcome.kind !== 'exists' && outcome.kind !== 'bundled') onCurrent(snapshot.event.id)
      return outcome
    },
    switchTo: async (eventId) => {
      await switchEvent(db, eventId)
      onCurrent(eventId)
    },
    remove: (eventId) => removeEvent(db, eventId),
    sessionIds: async (eventId) => (await sessionsOf(db, eventId).primaryKeys()).map(([, id]) => id),
  }
}

