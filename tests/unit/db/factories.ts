// Small builders for db tests: a valid Session / Snapshot with only the fields a test cares about spelled out.
import { Dexie } from 'dexie'
import { afterEach, beforeEach, vi } from 'vitest'
import { indexedDB, IDBKeyRange } from 'fake-indexeddb'
import {
  SNAPSHOT_SCHEMA_VERSION,
  type EventId,
  type EventInfo,
  type Instant,
  type Session,
  type SessionId,
  type Snapshot,
  type VenueDay,
} from '../../../src/domain/model'
import { HallwayDB } from '../../../src/db/HallwayDB'

export const TEST_EVENT_ID = 'test-con-2025' as EventId

/** Dexie options that point at fake-indexeddb, without touching globals. */
export const fakeIdb = { indexedDB, IDBKeyRange }

let dbCounter = 0
/** A fresh, empty database per test: a unique name, so tests never see each other's rows. */
export function makeTestDB(): HallwayDB {
  dbCounter += 1
  return new HallwayDB(`hallway-test-${dbCounter}-${Date.now()}`, fakeIdb)
}

/**
 * Makes `db.open()` wait (from now on) until the returned `release` is called: the moment before IndexedDB has
 * opened, when the list already shows the bundled snapshot (the storage session's preview).
 */
export function holdOpen(db: HallwayDB): () => void {
  const realOpen = db.open.bind(db)
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  vi.spyOn(db, 'open').mockImplementation(() => Dexie.Promise.resolve(gate.then(realOpen)))
  return release
}

let sessionCounter = 0
/** Ids are 8 lowercase hex digits, as parseSnapshot requires. */
export function makeSessionId(n: number): SessionId {
  return n.toString(16).padStart(8, '0') as SessionId
}

export function makeSession(overrides: Partial<Session> = {}): Session {
  sessionCounter += 1
  return {
    id: makeSessionId(sessionCounter),
    title: `Session ${sessionCounter}`,
    start: '2025-11-13T15:00:00Z' as Instant,
    end: '2025-11-13T15:30:00Z' as Instant,
    day: '2025-11-13' as VenueDay,
    type: 'Talk',
    description: '',
    speakers: [],
    speakersRaw: '',
    venue: { room: 'Room 1', raw: 'Room 1' },
    ...overrides,
  }
}

export function makeEvent(overrides: Partial<EventInfo> = {}): EventInfo {
  return {
    id: TEST_EVENT_ID,
    title: 'Test Con 2025',
    timeZone: 'America/New_York',
    days: ['2025-11-13' as VenueDay],
    ...overrides,
  }
}

/**
 * A snapshot of `sessions`. The contentHash is derived from the content (FNV-1a, enough to tell test snapshots
 * apart), so changing a session changes the hash unless a test pins one.
 */
export function makeSnapshot(sessions: Session[], overrides: Partial<Snapshot> = {}): Snapshot {
  const event = overrides.event ?? makeEvent()
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    event,
    contentHash: fnv1a(JSON.stringify({ event, sessions })),
    source: 'test:factories',
    sessions,
    ...overrides,
  }
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5 // FNV-1a 32-bit offset basis
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0 // FNV 32-bit prime
  }
  return hash.toString(16).padStart(8, '0')
}

export interface RecordedWrite {
  table: string
  type: string
}

/**
 * Records every write that reaches IndexedDB (Dexie's lowest layer, DBCore), so a test can prove that something
 * wrote nothing, or touched only some tables. `failWith`, when set, makes writes to `failTable` fail with that
 * error, as a full disk would (only `failType` writes, so the range delete before the bulkAdd goes through and
 * must be rolled back). Must be called before the database is opened.
 */
export function instrumentWrites(db: HallwayDB): {
  writes: RecordedWrite[]
  failTable: string
  failType: string
  failWith: (() => unknown) | undefined
} {
  const probe = {
    writes: [] as RecordedWrite[],
    failTable: 'sessions',
    failType: 'add',
    failWith: undefined as (() => unknown) | undefined,
  }
  db.use({
    stack: 'dbcore',
    name: 'testWriteProbe',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name)
        return {
          ...table,
          mutate: (req) => {
            probe.writes.push({ table: name, type: req.type })
            if (probe.failWith && name === probe.failTable && req.type === probe.failType) return Promise.reject(probe.failWith())
            return table.mutate(req)
          },
        }
      },
    }),
  })
  return probe
}

/**
 * A fresh database per test of the calling file, with its writes recorded (see {@link instrumentWrites}), deleted
 * after each test. Call at the top level; the getters work inside tests.
 */
export function useInstrumentedDB(): { db: () => HallwayDB; probe: () => ReturnType<typeof instrumentWrites> } {
  let db: HallwayDB | undefined
  let probe: ReturnType<typeof instrumentWrites> | undefined
  beforeEach(() => {
    db = makeTestDB()
    probe = instrumentWrites(db)
  })
  afterEach(async () => {
    await db?.delete()
  })
  const get = <T,>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useInstrumentedDB: no test is running')
    return value
  }
  return { db: () => get(db), probe: () => get(probe) }
}
