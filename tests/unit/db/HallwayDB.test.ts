// The schema, and what happens when the device holds a database from a newer Hallway.
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_NAME, getHallwayDB, HallwayDB } from '../../../src/db/HallwayDB'
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
  it('has the four tables with the keys and indexes the queries rely on', async () => {
    const db = makeTestDB()
    opened.push(db)
    await db.open()
    expect(db.tables.map((t) => t.name).sort()).toEqual(['events', 'sessions', 'settings', 'stars'])
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
    newer.version(2).stores({
      events: '&id',
      sessions: '[eventId+id], eventId, [eventId+start]',
      stars: '[eventId+sessionId], eventId',
      settings: '&key',
      lists: '++id, eventId', // something only version 2 knows
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
    expect(newer.verno).toBe(2)
    expect(await newer.table('stars').count()).toBe(1)
    expect(await newer.table('settings').get('theme')).toEqual({ key: 'theme', value: 'dark' })
    expect(await newer.table('lists').count()).toBe(1)
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
