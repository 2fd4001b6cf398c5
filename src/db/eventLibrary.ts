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
import type { FeedProblem } from '../domain/feedPolicy'
import type { EventId, EventInfo, Session, Snapshot } from '../domain/model'
import { compareSessions } from '../domain/snapshotBuild'
import { BUNDLED_EVENT_ID, BUNDLED_FEED_URL } from './bundledSnapshot'
import type { UserDataStore } from './userDataStore'

/** An event as the switcher and Settings list it. */
export interface InstalledEvent extends EventInfo {
  /** The contentHash of the snapshot file it was installed from, to tell the same file from a newer one. */
  contentHash: string
  /** Where its snapshot came from (Snapshot.source), e.g. "frab-json:schedule.json". */
  source: string
  sessionCount: number
  /** The event that ships with the app: it can't be removed, nor replaced from a file (the app would put it back). */
  bundled: boolean
  /** Where its schedule is fetched again, and how that last went; absent for a file opened from the device. */
  feed?: FeedStatus
}

/** An event's schedule feed as Settings → Events shows it (the stored FeedRow without the held file itself). */
export interface FeedStatus {
  url: string
  /** ISO instant of the last check that left the schedule current. */
  lastSuccessAt?: string
  lastCheckedAt?: string
  problem?: FeedProblem
  /** Sessions in a file that lost most of them, waiting for the user's word; absent when nothing waits. */
  heldSessions?: number
}

/**
 * What adding a snapshot did. Only 'added', 'replaced' and 'unchanged' wrote anything (and made it the current
 * event); 'exists' and 'bundled' changed nothing.
 */
export type AddEventOutcome =
  /** A new event: installed, and now the current one. */
  | { kind: 'added' }
  /** An event already here, replaced as a schedule update: stars kept (carried over to renamed sessions). */
  | { kind: 'replaced' }
  /** The very same schedule is already here: nothing to install, now the current one. */
  | { kind: 'unchanged' }
  /** Another version of an event already here, and replacing it was not asked for. */
  | { kind: 'exists' }
  /** The bundled event's id: the app's own copy wins, so a file can't replace it. */
  | { kind: 'bundled' }

export interface AddEventOptions {
  /** Replace an event of the same id when its schedule differs; without it, such a file is 'exists'. */
  replace: boolean
  /** The web address the schedule came from: kept as the event's feed (IndexedDB only; memory mode ignores it). */
  feedUrl?: string
}

/** What removing an event deleted. */
export interface RemovedEvent {
  /** false when it was already gone (removed in another tab). */
  existed: boolean
  sessions: number
  stars: number
}

/** The events on a device, in the one place both storage modes implement them. */
export interface EventLibrary {
  /** false in memory mode: added schedules last until the tab closes. */
  readonly persistent: boolean
  add(snapshot: Snapshot, options: AddEventOptions): Promise<AddEventOutcome>
  /** Makes `eventId` the current event; rejects when it is not on this device. */
  switchTo(eventId: EventId): Promise<void>
  /** Deletes the event, its sessions, its stars and its schedule changes; rejects for the bundled event. */
  remove(eventId: EventId): Promise<RemovedEvent>
  /** The IDs of an event's sessions (none when it is not here): what a file for it has in common with it. */
  sessionIds(eventId: EventId): Promise<string[]>
}

/** What adding `snapshot` over `existing` (the installed event of that id, if any) must do. Shared by both stores. */
export function addDecision(
  existing: Pick<InstalledEvent, 'contentHash'> | undefined,
  snapshot: Snapshot,
  options: AddEventOptions,
): AddEventOutcome['kind'] {
  if (snapshot.event.id === BUNDLED_EVENT_ID) return 'bundled'
  if (!existing) return 'added'
  if (existing.contentHash === snapshot.contentHash) return 'unchanged'
  return options.replace ? 'replaced' : 'exists'
}

/** Bundled first (it is always there), then by title. */
export function compareEvents(a: InstalledEvent, b: InstalledEvent): number {
  if (a.bundled !== b.bundled) return a.bundled ? -1 : 1
  return a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Why `eventId` can't be removed, if it can't. */
export function removalRefusal(eventId: EventId): Error | undefined {
  return eventId === BUNDLED_EVENT_ID ? new Error('The bundled schedule comes with the app and can’t be removed.') : undefined
}

/** The InstalledEvent row of an event, from either store. The bundled event's feed is the app's own file. */
export function installedEvent(
  event: EventInfo,
  contentHash: string,
  source: string,
  sessionCount: number,
  feed?: Omit<FeedStatus, 'url'> & { url?: string },
): InstalledEvent {
  const { id, title, timeZone, days } = event
  const bundled = id === BUNDLED_EVENT_ID
  const url = bundled ? BUNDLED_FEED_URL : feed?.url
  return {
    id,
    title,
    timeZone,
    days,
    contentHash,
    source,
    sessionCount,
    bundled,
    ...(url !== undefined && { feed: { ...feed, url } }),
  }
}

/** How many sessions of `eventId` the user starred, for the removal confirmation (any event, not only the shown one). */
export function countStars(store: UserDataStore, eventId: EventId): Promise<number> {
  return store.transact(async (tx) => (await tx.listStars(eventId)).length)
}

/** One event held in memory: what the schedule screens need, sessions already in display order. */
export interface MemoryEvent {
  event: EventInfo
  contentHash: string
  source: string
  sessions: readonly Session[]
}

export interface MemoryEventsSnapshot {
  current: MemoryEvent
  events: readonly InstalledEvent[]
}

/** A snapshot as a memory event: sorted and frozen once, so the screens' memoised work keeps across renders. */
export function memoryEventOf(snapshot: Snapshot): MemoryEvent {
  const { event, contentHash, source } = snapshot
  return { event, contentHash, source, sessions: Object.freeze([...snapshot.sessions].sort(compareSessions)) }
}

/**
 * The events when IndexedDB is unusable: held for the tab's life, switchable like the stored ones. The user's stars for
 * them live in MemoryUserData; removing an event here leaves those to the caller (see useEventActions).
 */
export class MemoryEventLibrary implements EventLibrary {
  readonly persistent = false
  private events = new Map<EventId, MemoryEvent>()
  private currentId: EventId
  private listeners = new Set<() => void>()
  private cached: MemoryEventsSnapshot | undefined

  /** `initial`: the first is current. */
  constructor(initial: readonly MemoryEvent[]) {
    const [first] = initial
    if (!first) throw new Error('A memory library needs at least one event.')
    for (const e of initial) this.events.set(e.event.id, e)
    this.currentId = first.event.id
  }

  async add(snapshot: Snapshot, options: AddEventOptions): Promise<AddEventOutcome> {
    const id = snapshot.event.id
    const kind = addDecision(this.events.get(id), snapshot, options)
    if (kind === 'exists' || kind === 'bundled') return { kind }
    // Stars are keyed by session ID, so a replacement keeps them as they are, on the IDs the sessions had here
    // (carryIds, as the stored install does; no carry-over to renamed sessions in memory: that needs its diff).
    const previous = this.events.get(id)
    if (kind === 'replaced' && previous) {
      // Loaded on demand: replacing an event in a tab without storage is rare, and the first view's JS budget is tight.
      const { carryIds } = await import('../domain/idCarry')
      const sessions = carryIds(id, previous.sessions, snapshot.sessions).sessions
      this.events.set(id, memoryEventOf({ ...snapshot, sessions }))
    } else if (kind !== 'unchanged') {
      this.events.set(id, memoryEventOf(snapshot))
    }
    this.currentId = id
    this.changed()
    return { kind }
  }

  async switchTo(eventId: EventId): Promise<void> {
    if (!this.events.has(eventId)) throw new Error(`The event ${eventId} isn’t loaded in this tab.`)
    this.currentId = eventId
    this.changed()
  }

  async sessionIds(eventId: EventId): Promise<string[]> {
    return (this.events.get(eventId)?.sessions ?? []).map((s) => s.id)
  }

  async remove(eventId: EventId): Promise<RemovedEvent> {
    const refusal = removalRefusal(eventId)
    if (refusal) throw refusal
    const gone = this.events.get(eventId)
    if (!gone) return { existed: false, sessions: 0, stars: 0 }
    // Only when the bundled snapshot itself failed to load is there no bundled event to fall back on.
    const next = this.events.has(BUNDLED_EVENT_ID) ? BUNDLED_EVENT_ID : [...this.events.keys()].find((id) => id !== eventId)
    if (next === undefined) throw new Error('This is the only schedule in this tab, so it can’t be removed.')
    this.events.delete(eventId)
    if (this.currentId === eventId) this.currentId = next
    this.changed()
    return { existed: true, sessions: gone.sessions.length, stars: 0 }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The schedules held, whole, and the current one: what storage must take over if it opens after all. */
  contents(): { current: MemoryEvent; events: MemoryEvent[] } {
    return { current: this.events.get(this.currentId)!, events: [...this.events.values()] }
  }

  /** The same object until the next change (as useSyncExternalStore requires). */
  snapshot = (): MemoryEventsSnapshot => {
    this.cached ??= {
      current: this.events.get(this.currentId)!,
      events: [...this.events.values()]
        .map((e) => installedEvent(e.event, e.contentHash, e.source, e.sessions.length))
        .sort(compareEvents),
    }
    return this.cached
  }

  private changed(): void {
    this.cached = undefined
    for (const listener of this.listeners) listener()
  }
}
