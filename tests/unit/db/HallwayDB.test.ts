// The schema, and what happens when the device holds a database from a newer Hallway.
import { Dexie } from 'dexie'
import { indexedDB as fakeIndexedDB } from 'fake-indexeddb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DB_NAME, DB_VERSION, getHallwayDB, HallwayDB } from '../../../src/db/HallwayDB'
import { toStorageProblem } from '../../../src/db/storageErrors'
import { fakeIdb, makeTestDB } from './factories'

const opened: Dexie[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

function indexNames(db: Dexie, table: string): string[] {
  const schema = db.table(table).schema
  return [schema.primKey.name, ...schema.indexes.map((i) => i.name)]
}

describe('HallwayDB', () => {
  it('has the seven tables with the keys and indexes the queries rely on', async () => {
    const db = makeTestDB()
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(DB_VERSION)
    expect(db.tables.map((t) => t.name).sort()).toEqual(['events', 'feeds', 'notes', 'scheduleChanges', 'sessions', 'settings', 'stars'])
    expect(indexNames(db, 'feeds')).toEqual(['eventId'])
    expect(indexNames(db, 'notes')).toEqual(['[eventId+sessionId]', 'eventId'])
    expect(indexNames(db, 'scheduleChanges')).toEqual(['[eventId+key]', 'eventId'])
    expect(indexNames(db, 'events')).toEqual(['id'])
    expect(indexNames(db, 'sessions')).toEqual(['[eventId+id]', 'eventId', '[eventId+start]'])
    expect(indexNames(db, 'stars')).toEqual(['[eventId+sessionId]', 'eventId'])
    expect(indexNames(db, 'settings')).toEqual(['key'])
  })

  it("the app singleton is one instance named 'hallway'", () => {
    expect(getHallwayDB()).toBe(getHallwayDB())
    expect(getHallwayDB().name).toBe(DB_NAME)
  })

  it("refuses a database from a newer Hallway with 'newer-version', and leaves it exactly as it was", async () => {
    const name = `hallway-newer-${Date.now()}`
    const newer = new Dexie(name, fakeIdb)
    opened.push(newer)
    newer.version(DB_VERSION + 1).stores({
      events: '&id',
      sessions: '[eventId+id], eventId, [eventId+start]',
      stars: '[eventId+sessionId], eventId',
      settings: '&key',
      scheduleChanges: '[eventId+key], eventId',
      lists: '++id, eventId', // something only the next version knows
    })
    await newer.table('stars').add({ eventId: 'e', sessionId: '0000abcd', level: 'must', updatedAt: '2025-11-01T00:00:00Z' })
    await newer.table('settings').add({ key: 'theme', value: 'dark' })
    await newer.table('lists').add({ eventId: 'e', name: 'Friday' })
    newer.close()

    const db = new HallwayDB(name, fakeIdb)
    const error = await db.open().then(
      () => undefined,
      (e: unknown) => e,
    )

    expect(error).toMatchObject({ name: 'VersionError' })
    const problem = toStorageProblem(error)
    expect(problem.kind).toBe('newer-version')
    expect(problem.message).toMatch(/newer version of Hallway/)
    expect(problem.message).toMatch(/Nothing was deleted/)
    expect(problem.message).toMatch(/Reload/)
    expect(db.isOpen()).toBe(false)

    await newer.open()
    expect(newer.verno).toBe(DB_VERSION + 1)
    expect(await newer.table('stars').count()).toBe(1)
    expect(await newer.table('settings').get('theme')).toEqual({ key: 'theme', value: 'dark' })
    expect(await newer.table('lists').count()).toBe(1)
  })

  it('lets another tab upgrade at once, says so once, and never reads or writes again', async () => {
    const db = makeTestDB()
    opened.push(db)
    await db.stars.put({ eventId: 'e' as never, sessionId: '0000abcd' as never, level: 'must', updatedAt: '2025-11-13T15:00:00Z' })
    const heard = vi.fn()
    db.onSuperseded(heard)

    // A newer Hallway in another tab: a plain IndexedDB open at the next native version (Dexie's version × 10).
    const events: string[] = []
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = fakeIndexedDB.open(db.name, (DB_VERSION + 1) * 10)
      request.onblocked = () => events.push('blocked')
      request.onupgradeneeded = () => {
        events.push('upgrade')
        request.result.createObjectStore('lists', { autoIncrement: true })
      }
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })

    expect(events).toEqual(['upgrade']) // never 'blocked': this connection let go in its versionchange
    expect(heard).toHaveBeenCalledTimes(1)
    expect(db.superseded).toBe(true)
    expect(db.isOpen()).toBe(false)
    // No quiet re-open at the newer version: reads and writes fail, and nothing reaches the upgraded database.
    await expect(db.stars.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' })
    await expect(
      db.stars.put({ eventId: 'e' as never, sessionId: '0000beef' as never, level: 'maybe', updatedAt: '2025-11-13T16:00:00Z' }),
    ).rejects.toMatchObject({ name: 'DatabaseClosedError' })
    const count = await new Promise<number>((resolve) => {
      const request = upgraded.transaction('stars').objectStore('stars').count()
      request.onsuccess = () => resolve(request.result)
    })
    expect(count).toBe(1)
    upgraded.close()
  })

  it('does not re-create a database another tab deleted', async () => {
    const db = makeTestDB()
    opened.push(db)
    await db.settings.put({ key: 'k', value: 1 })
    await new Promise<void>((resolve, reject) => {
      const request = fakeIndexedDB.deleteDatabase(db.name)
      request.onsuccess = () => resolve()
      request.onerror = () => reject(request.error)
    })

    expect(db.superseded).toBe(true)
    await expect(db.settings.put({ key: 'k', value: 2 })).rejects.toMatchObject({ name: 'DatabaseClosedError' })
    const names = (await fakeIndexedDB.databases()).map((d) => d.name)
    expect(names).not.toContain(db.name)
  })

  it('opens a database this version created, again and again', async () => {
    const db = makeTestDB()
    opened.push(db)
    await db.settings.put({ key: 'k', value: 1 })
    db.close()
    const again = new HallwayDB(db.name, fakeIdb)
    await again.open()
    expect(await again.settings.get('k')).toEqual({ key: 'k', value: 1 })
    again.close()
  })
})
