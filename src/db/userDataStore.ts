// Where the user's own data (stars, notes, settings, acknowledged schedule changes) is written: IndexedDB through HallwayDB, or, when storage has
// failed, memory for the life of the tab. Both run a unit of work atomically, so stars.ts and settings.ts write
// their logic once for both, and a plan made in a private window still works until the tab closes.
import type { EventId, SessionId } from '../domain/model'
import type { HallwayDB, NoteRow, ScheduleChangeRow, SettingRow, StarRow } from './HallwayDB'

/** The reads and writes a unit of work may do. Everything inside one `transact` call commits or none of it. */
export interface UserDataTx {
  getStar(eventId: EventId, sessionId: SessionId): Promise<StarRow | undefined>
  /** Every star of one event, so a whole-plan change (replacing it with a shared plan) reads inside its unit of work. */
  listStars(eventId: EventId): Promise<StarRow[]>
  putStar(row: StarRow): Promise<void>
  deleteStar(eventId: EventId, sessionId: SessionId): Promise<void>
  getSetting(key: string): Promise<unknown>
  getNote(eventId: EventId, sessionId: SessionId): Promise<NoteRow | undefined>
  putNote(row: NoteRow): Promise<void>
  deleteNote(eventId: EventId, sessionId: SessionId): Promise<void>
  putSetting(key: string, value: unknown): Promise<void>
  /** Marks a recorded schedule change as seen; false when there is no such change (acknowledged in another tab…). */
  acknowledgeChange(eventId: EventId, key: string): Promise<boolean>
}

export interface UserDataStore {
  /** true when writes survive a reload (IndexedDB); false in memory mode. */
  readonly persistent: boolean
  /** Runs `work` atomically: if it throws, nothing it wrote is kept. */
  transact<T>(work: (tx: UserDataTx) => Promise<T>): Promise<T>
}

/** One event's stars, its unacknowledged schedule changes and every setting, read together so the UI never shows a
 * half-applied change (a star carried to a renamed session, and the change that explains it, arrive as one). */
export interface UserDataSnapshot {
  eventId: EventId
  stars: readonly StarRow[]
  notes: readonly NoteRow[]
  settings: ReadonlyMap<string, unknown>
  /** Unacknowledged only, in no particular order. */
  changes: readonly ScheduleChangeRow[]
}

/** The IndexedDB store: one read-write transaction over stars, notes, settings and scheduleChanges per unit of work. */
export function indexedDbUserData(db: HallwayDB): UserDataStore {
  const tx: UserDataTx = {
    getStar: (eventId, sessionId) => db.stars.get([eventId, sessionId]),
    listStars: (eventId) => db.stars.where('eventId').equals(eventId).toArray(),
    putStar: async (row) => {
      await db.stars.put(row)
    },
    deleteStar: (eventId, sessionId) => db.stars.delete([eventId, sessionId]),
    getSetting: async (key) => (await db.settings.get(key))?.value,
    getNote: (eventId, sessionId) => db.notes.get([eventId, sessionId]),
    putNote: async (row) => {
      await db.notes.put(row)
    },
    deleteNote: (eventId, sessionId) => db.notes.delete([eventId, sessionId]),
    putSetting: async (key, value) => {
      await db.settings.put({ key, value })
    },
    acknowledgeChange: async (eventId, key) => (await db.scheduleChanges.update([eventId, key], { acknowledged: true })) === 1,
  }
  return {
    persistent: true,
    transact: (work) => db.transaction('rw', [db.stars, db.notes, db.settings, db.scheduleChanges], () => work(tx)),
  }
}

/** The live read behind the UI's hooks: one event's stars, notes and changes, and all settings, in one read transaction. */
export function readUserData(db: HallwayDB, eventId: EventId): Promise<UserDataSnapshot> {
  return db.transaction('r', [db.stars, db.notes, db.settings, db.scheduleChanges], async () => {
    const stars = await db.stars.where('eventId').equals(eventId).toArray()
    const notes = await db.notes.where('eventId').equals(eventId).toArray()
    const settings = await db.settings.toArray()
    const changes = await db.scheduleChanges
      .where('eventId')
      .equals(eventId)
      .filter((c) => !c.acknowledged)
      .toArray()
    return { eventId, stars, notes, settings: new Map(settings.map((s) => [s.key, s.value])), changes }
  })
}

function starKey(eventId: EventId, sessionId: SessionId): string {
  // NUL cannot occur in either id, so the pair maps to one key unambiguously.
  return `${eventId}\u0000${sessionId}`
}

function changeKey(eventId: EventId, key: string): string {
  // An event id has no NUL, so the first one ends it (the change key itself may hold NULs: see starredChangeKey).
  return `${eventId}\u0000${key}`
}

/**
 * The memory store for when IndexedDB is unusable. Units of work run one at a time on copies and are swapped in
 * only when they finish, so they are as atomic as a transaction; subscribers (useSyncExternalStore) hear of each
 * commit.
 */
export class MemoryUserData implements UserDataStore {
  readonly persistent = false
  private stars = new Map<string, StarRow>()
  private notes = new Map<string, NoteRow>()
  private settings = new Map<string, unknown>()
  private changes = new Map<string, ScheduleChangeRow>()
  private queue: Promise<unknown> = Promise.resolve()
  private listeners = new Set<() => void>()
  private snapshots = new Map<EventId, UserDataSnapshot>()

  /** `initial`: what the user had before storage failed, so their plan does not vanish mid-session. */
  constructor(
    initial: {
      stars?: readonly StarRow[]
      notes?: readonly NoteRow[]
      settings?: readonly SettingRow[]
      changes?: readonly ScheduleChangeRow[]
    } = {},
  ) {
    for (const row of initial.stars ?? []) this.stars.set(starKey(row.eventId, row.sessionId), { ...row })
    for (const row of initial.notes ?? []) this.notes.set(starKey(row.eventId, row.sessionId), { ...row })
    for (const row of initial.settings ?? []) this.settings.set(row.key, row.value)
    for (const row of initial.changes ?? []) this.changes.set(changeKey(row.eventId, row.key), { ...row })
  }

  transact<T>(work: (tx: UserDataTx) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const stars = new Map(this.stars)
      const notes = new Map(this.notes)
      const settings = new Map(this.settings)
      const changes = new Map(this.changes)
      const result = await work({
        getStar: async (eventId, sessionId) => {
          const row = stars.get(starKey(eventId, sessionId))
          return row ? { ...row } : undefined
        },
        listStars: async (eventId) => [...stars.values()].filter((r) => r.eventId === eventId).map((r) => ({ ...r })),
        putStar: async (row) => {
          stars.set(starKey(row.eventId, row.sessionId), { ...row })
        },
        deleteStar: async (eventId, sessionId) => {
          stars.delete(starKey(eventId, sessionId))
        },
        getSetting: async (key) => structuredClone(settings.get(key)),
        getNote: async (eventId, sessionId) => {
          const row = notes.get(starKey(eventId, sessionId))
          return row ? { ...row } : undefined
        },
        putNote: async (row) => {
          notes.set(starKey(row.eventId, row.sessionId), { ...row })
        },
        deleteNote: async (eventId, sessionId) => {
          notes.delete(starKey(eventId, sessionId))
        },
        putSetting: async (key, value) => {
          settings.set(key, structuredClone(value))
        },
        acknowledgeChange: async (eventId, key) => {
          const row = changes.get(changeKey(eventId, key))
          if (row) changes.set(changeKey(eventId, key), { ...row, acknowledged: true })
          return row !== undefined
        },
      })
      this.stars = stars
      this.notes = notes
      this.settings = settings
      this.changes = changes
      this.snapshots.clear()
      for (const listener of this.listeners) listener()
      return result
    }
    // One unit at a time, like IndexedDB's overlapping read-write transactions; a failed one does not block the next.
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Every star and note (of every event) and setting held, for handing them to IndexedDB when it opens late. */
  contents(): { stars: StarRow[]; notes: NoteRow[]; settings: SettingRow[] } {
    return {
      stars: [...this.stars.values()].map((r) => ({ ...r })),
      notes: [...this.notes.values()].map((r) => ({ ...r })),
      settings: [...this.settings].map(([key, value]) => ({ key, value })),
    }
  }

  /** The current data for `eventId`; the same object until the next commit (as useSyncExternalStore requires). */
  snapshot(eventId: EventId): UserDataSnapshot {
    let snap = this.snapshots.get(eventId)
    if (!snap) {
      snap = {
        eventId,
        stars: [...this.stars.values()].filter((r) => r.eventId === eventId),
        notes: [...this.notes.values()].filter((r) => r.eventId === eventId),
        settings: new Map(this.settings),
        changes: [...this.changes.values()].filter((r) => r.eventId === eventId && !r.acknowledged),
      }
      this.snapshots.set(eventId, snap)
    }
    return snap
  }
}
