// The one Dexie database of the app: its schema versions, row types and the app-wide singleton.
// Every read and write of IndexedDB goes through this class; the UI never opens IndexedDB itself.
import { Dexie, liveQuery, type DexieOptions, type Observable, type Table } from 'dexie'
import type { FeedProblem } from '../domain/feedPolicy'
import type { EventId, EventInfo, Session, SessionId, Snapshot } from '../domain/model'
import type { StarredChange } from '../domain/scheduleDiff'
import type { StarLevel } from '../domain/stars'

export const DB_NAME = 'hallway'
/** The newest schema version this build knows. Bump it together with a new `this.version(n)` below. */
export const DB_VERSION = 4
/** IndexedDB version numbers are Dexie's times ten (Dexie reserves the last digit for its own schema patches). */
const NATIVE_VERSION_FACTOR = 10

/** Settings key holding the EventId the user is looking at; unset means the bundled event. */
export const SETTING_CURRENT_EVENT_ID = 'currentEventId'

/** An installed event, plus what is needed to tell whether a snapshot is already installed. */
export type StoredEvent = EventInfo & {
  /** The snapshot file's contentHash, or when the install kept IDs of an earlier version, that and a hash of them. */
  contentHash: string
  /** The snapshot file's contentHash, when it differs from contentHash (see snapshotInstall.ts). */
  sourceHash?: string
  schemaVersion: number
  /** Where the snapshot came from (Snapshot.source). */
  source: string
  /** ISO instant of the install, for diagnostics. */
  installedAt: string
}

/**
 * A session row. Snapshot schema 2 only added optional properties (links, language, Speaker.id…) and no index, so it
 * needed no Dexie version: rows stored from a version 1 snapshot read as sessions without them.
 */
export type StoredSession = Session & { eventId: EventId }

export type { StarLevel }

/** A user's star on a session. User data: snapshot installs never touch this table. */
export interface StarRow {
  eventId: EventId
  sessionId: SessionId
  level: StarLevel
  /** ISO instant of the last change. */
  updatedAt: string
}

/** A user setting. User data: snapshot installs never touch this table. */
export interface SettingRow {
  key: string
  value: unknown
}

/**
 * What a schedule update did to one starred session (moved, retimed, renamed, cancelled), kept until the user
 * acknowledges it and afterwards, so the same change is not announced twice. User data: written only in the
 * install's transaction and by acknowledging. Since schema version 2.
 */
export interface ScheduleChangeRow {
  eventId: EventId
  /** starredChangeKey(change): the session and where it is now, so a further change gets a new row. */
  key: string
  change: StarredChange
  acknowledged: boolean
  /** ISO instant of the update that found it. */
  recordedAt: string
}

/**
 * An event's schedule feed: the web address its schedule is fetched from again (src/db/feeds.ts), and how the last
 * checks went. The bundled event's feed URL is the app's own (BUNDLED_FEED_URL); its row holds only the status. Since
 * schema version 3.
 */
export interface FeedRow {
  eventId: EventId
  /** Absent for the bundled event, whose feed is always the app's own file. */
  url?: string
  /** ISO instant of the last check that left the schedule current (applied, or the same file, or a 304). */
  lastSuccessAt?: string
  /** ISO instant of the last check that ended, whatever it found. */
  lastCheckedAt?: string
  /** Why the last check left the schedule as it was; absent when it went through. */
  problem?: FeedProblem
  /** A file that lost most of its sessions, kept until the user applies it or the feed serves another. */
  held?: Snapshot
  /** FNV-1a of the text of the last file that went through: the same text again (a 304) needs no reading. */
  textHash?: string
}

/**
 * The user's private note on a session. User data: never in a share link; a schedule update only moves it with a
 * renamed session, like a star. Since schema version 4.
 */
export interface NoteRow {
  eventId: EventId
  sessionId: SessionId
  text: string
  /** ISO instant of the last change. */
  updatedAt: string
}

export class HallwayDB extends Dexie {
  // `declare`, not `!`: with ES2022 class fields a plain field would be re-initialised to undefined after
  // super(), on top of the table that version().stores() puts there.
  declare readonly events: Table<StoredEvent, EventId>
  declare readonly sessions: Table<StoredSession, [EventId, SessionId]>
  declare readonly stars: Table<StarRow, [EventId, SessionId]>
  declare readonly settings: Table<SettingRow, string>
  declare readonly scheduleChanges: Table<ScheduleChangeRow, [EventId, string]>
  declare readonly feeds: Table<FeedRow, EventId>
  declare readonly notes: Table<NoteRow, [EventId, SessionId]>

  /**
   * True once another tab upgraded (or deleted) the database and this connection let go for good. From then on
   * every read and write fails with DatabaseClosedError: this build must not write rows in a schema it no longer
   * owns. Only reloading (which loads the newer Hallway) gets storage back.
   */
  superseded = false
  private readonly supersededListeners = new Set<() => void>()

  /** `name` and `options` exist for tests: a fresh name per test, and fake-indexeddb's indexedDB/IDBKeyRange. */
  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options)
    // Another tab opens a newer version (or deletes the database) and is waiting on this connection. Dexie's
    // default handler closes it so the other tab is not blocked, but leaves auto-open on: the next query here would
    // quietly re-open the database (re-creating it after a delete) and let this older code write into it. Close for
    // good instead, and tell whoever listens so the UI can ask for a reload. Returning false skips Dexie's default
    // handler (it runs after this one and would switch auto-open back on).
    this.on('versionchange', () => {
      this.close({ disableAutoOpen: true })
      if (!this.superseded) {
        this.superseded = true
        for (const listener of [...this.supersededListeners]) listener()
      }
      return false
    })
    this.version(1).stores({
      // One row per installed event, looked up by id.
      events: '&id',
      // [eventId+id]: primary key; session ids are only unique within an event, and a share link or a star
      //   names a session by (event, id).
      // eventId: "all of this event's sessions" when order does not matter (counting, removing an event).
      //   Snapshot replacement does NOT use it: it deletes by a [eventId+id] primary-key range, which Dexie turns
      //   into one native range delete (see snapshotInstall.ts).
      // [eventId+start]: reading one event's sessions already in time order (the agenda's main read).
      sessions: '[eventId+id], eventId, [eventId+start]',
      // [eventId+sessionId]: one star per session, written and read by (event, session).
      // eventId: all stars of the current event at once (agenda view, share links).
      stars: '[eventId+sessionId], eventId',
      // Plain key/value; read by key.
      settings: '&key',
    })
    // Version 2 adds one table and changes no other, so the upgrade only creates it: the rows of version 1 stay as
    // they are and need no upgrade function.
    this.version(2).stores({
      // [eventId+key]: one row per change to one starred session (see ScheduleChangeRow.key).
      // eventId: an event's changes, read with its stars (the plan) and when an update folds in earlier ones.
      scheduleChanges: '[eventId+key], eventId',
    })
    // Version 3, likewise, only adds a table: an event's feed lives beside its row, not in it, because installing a
    // snapshot rewrites the event row wholesale (snapshotInstall.ts) and must not drop the URL.
    this.version(3).stores({
      // eventId: one feed per event, read and written by event.
      feeds: '&eventId',
    })
    this.version(4).stores({
      // A new table only: an older database gains it empty, and nothing else is touched.
      // eventId: an event's notes, read with its stars, and deleted with the event.
      notes: '[eventId+sessionId], eventId',
    })
    // Dexie 4 no longer fails with VersionError when the device holds a newer database: it quietly opens it at
    // that version. Rows written by a newer Hallway may have a shape this build does not know, so refuse
    // instead and let the app say "reload to get the latest version". Nothing is deleted; the one thing Dexie
    // may already have done by now is add a table or index this build declares and the newer one lacks.
    // Sticky (third argument), so it also runs when Dexie re-opens after a versionchange.
    this.on(
      'ready',
      (vipDb) => {
        const installed = Math.floor(vipDb.backendDB().version / NATIVE_VERSION_FACTOR)
        if (installed > DB_VERSION) {
          throw new Dexie.VersionError(
            `The database on this device is version ${installed}; this Hallway only knows up to version ${DB_VERSION}.`,
          )
        }
      },
      true,
    )
  }

  /** Calls `listener` once this connection is superseded (see {@link superseded}). Returns an unsubscribe. */
  onSuperseded(listener: () => void): () => void {
    this.supersededListeners.add(listener)
    return () => this.supersededListeners.delete(listener)
  }

  /**
   * The event to show if this device has it: the user's current event (settings), else `fallback`.
   * Undefined when neither is installed (first run).
   */
  async storedCurrentEventId(fallback: EventId): Promise<EventId | undefined> {
    const setting = await this.settings.get(SETTING_CURRENT_EVENT_ID)
    const candidates = [setting?.value, fallback].filter((v): v is EventId => typeof v === 'string' && v !== '')
    for (const id of candidates) {
      if ((await this.events.get(id)) !== undefined) return id
    }
    return undefined
  }

  /**
   * An event row and its sessions in start order, read in one transaction so both come from the same install.
   * Undefined when the event is not installed.
   */
  async readEventSchedule(eventId: EventId): Promise<{ event: StoredEvent; sessions: StoredSession[] } | undefined> {
    return this.transaction('r', this.events, this.sessions, async () => {
      const event = await this.events.get(eventId)
      if (!event) return undefined
      const sessions = await this.sessions
        .where('[eventId+start]')
        .between([eventId, Dexie.minKey], [eventId, Dexie.maxKey], true, true)
        .toArray()
      return { event, sessions }
    })
  }

  /**
   * `query` as a live query: Dexie runs it now and again whenever a write (in any tab) touches what it read. A
   * method, so the storage session (session.ts) can subscribe without importing Dexie itself: the first view renders
   * before this module has downloaded.
   */
  live<T>(query: () => Promise<T>): Observable<T> {
    return liveQuery(query)
  }
}

let appDb: HallwayDB | undefined

/** The app's database. Created on first use; opening happens lazily (Dexie opens on the first query or open()). */
export function getHallwayDB(): HallwayDB {
  appDb ??= new HallwayDB()
  return appDb
}
