// Database helpers for tests: a fresh fake-indexeddb database, a held-back open, recorded writes. The data builders
// (sessions, events, snapshots) are the one set in tests/fixtures/factories.ts, re-exported here.
import { Dexie } from 'dexie'
import { afterEach, beforeEach, vi } from 'vitest'
import { indexedDB, IDBKeyRange } from 'fake-indexeddb'
import { HallwayDB } from '../../../src/db/HallwayDB'

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
/**
 * The open database's tables in Dexie's stores() syntax, read back from it: what "a newer Hallway" declares before its
 * own additions, so such tests never copy this build's schema (and go stale when it grows).
 */
export function storesOf(db: HallwayDB): Record<string, string> {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]))
}

export function holdOpen(db: HallwayDB): () => void {
  const realOpen = db.open.bind(db)
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  vi.spyOn(db, 'open').mockImplementation(() => Dexie.Promise.resolve(gate.then(realOpen)))
  return release
}

export { makeEvent, makeSession, makeSessionId, makeSnapshot, TEST_EVENT_ID } from '../../fixtures/factories'

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
