// Schema upgrades on fake-indexeddb: a database written by Hallway's version-1 schema, with a real schedule, stars and
// settings in it, opened by this build. Everything the user had is still there, and the new table works at once.
import { Dexie } from 'dexie'
import type { EventId, Session, SessionId, Snapshot } from '../../../src/domain/model'
import { seedSnapshot } from '../../fixtures/seedSnapshot'
import { DB_VERSION, HallwayDB, type StarRow } from '../../../src/db/HallwayDB'
import { installSnapshot } from '../../../src/db/snapshotInstall'
import { fakeIdb } from './factories'

const seed: Snapshot = seedSnapshot()
const EVENT = seed.event.id

/** Version 1 exactly as the first release declared it (HallwayDB's `this.version(1)`). */
const V1_STORES = {
  events: '&id',
  sessions: '[eventId+id], eventId, [eventId+start]',
  stars: '[eventId+sessionId], eventId',
  settings: '&key',
}

function byTitle(prefix: string): Session {
  const hit = seed.sessions.find((s) => s.title.startsWith(prefix))
  if (!hit) throw new Error(`no session starts with ${prefix}`)
  return hit
}

const names: string[] = []
afterEach(async () => {
  for (const name of names.splice(0)) await new Dexie(name, fakeIdb).delete()
})

/** A version-1 database holding the seed schedule, three stars and two settings, closed again. */
async function makeV1Database(): Promise<{ name: string; stars: StarRow[] }> {
  const name = `hallway-v1-${names.length}-${Date.now()}`
  names.push(name)
  const v1 = new Dexie(name, fakeIdb)
  v1.version(1).stores(V1_STORES)
  const stars: StarRow[] = [
    { eventId: EVENT, sessionId: byTitle('Dragonfly v2.3.0').id, level: 'must', updatedAt: '2025-11-12T22:00:00.000Z' },
    { eventId: EVENT, sessionId: byTitle('Feature Flags Suck!').id, level: 'maybe', updatedAt: '2025-11-12T22:01:00.000Z' },
    { eventId: EVENT, sessionId: byTitle('Pet-a-Pup').id, level: 'must', updatedAt: '2025-11-12T22:02:00.000Z' },
  ]
  await v1.transaction('rw', v1.tables, async () => {
    await v1.table('events').add({ ...seed.event, contentHash: seed.contentHash, schemaVersion: 1, source: seed.source, installedAt: '2025-11-12T21:00:00.000Z' })
    await v1.table('sessions').bulkAdd(seed.sessions.map((s) => ({ ...s, eventId: EVENT })))
    await v1.table('stars').bulkAdd(stars)
    await v1.table('settings').bulkAdd([
      { key: 'walkingPace', value: 'brisk' },
      { key: 'currentEventId', value: EVENT },
    ])
  })
  expect(v1.verno).toBe(1)
  v1.close()
  return { name, stars }
}

describe('upgrading a version-1 database', () => {
  it('keeps every schedule row, star and setting, and adds the empty scheduleChanges table', async () => {
    const { name, stars } = await makeV1Database()

    const db = new HallwayDB(name, fakeIdb)
    await db.open()

    expect(db.verno).toBe(DB_VERSION)
    expect(DB_VERSION).toBe(2)
    expect(db.backendDB().version).toBe(20) // Dexie's version × 10
    expect(await db.sessions.count()).toBe(seed.sessions.length)
    const dragonfly = byTitle('Dragonfly v2.3.0')
    expect(await db.sessions.get([EVENT, dragonfly.id])).toEqual({ ...dragonfly, eventId: EVENT })
    expect(await db.events.get(EVENT)).toMatchObject({ contentHash: seed.contentHash })
    expect(await db.stars.orderBy('[eventId+sessionId]').toArray()).toEqual(
      [...stars].sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1)),
    )
    expect(await db.settings.get('walkingPace')).toEqual({ key: 'walkingPace', value: 'brisk' })
    expect(await db.storedCurrentEventId(EVENT)).toBe(EVENT)
    expect(await db.scheduleChanges.count()).toBe(0)
    // The agenda's main read still works on the upgraded indexes.
    expect((await db.readEventSchedule(EVENT))?.sessions).toHaveLength(seed.sessions.length)
    db.close()
  })

  it('is ready for the first schedule update right away: stars carried over, changes recorded', async () => {
    const { name } = await makeV1Database()
    const db = new HallwayDB(name, fakeIdb)
    const flags = byTitle('Feature Flags Suck!')
    const pup = byTitle('Pet-a-Pup')
    const moved = { ...flags, venue: { ...flags.venue, room: 'B206', level: 'Level 2' } }
    const newer: Snapshot = {
      ...seed,
      contentHash: `${seed.contentHash}-newer`,
      sessions: seed.sessions.filter((s) => s.id !== pup.id).map((s) => (s.id === flags.id ? moved : s)),
    }

    expect(await installSnapshot(db, newer)).toBe('replaced')

    const changes = await db.scheduleChanges.where('eventId').equals(EVENT).toArray()
    expect(changes.map((c) => [c.change.before.title, c.change.what, c.acknowledged]).sort()).toEqual([
      ['Feature Flags Suck!', ['moved'], false],
      ['Pet-a-Pup', ['cancelled'], false],
    ])
    // The cancelled session's star stays (see carryOverStars); nothing was lost in the upgrade or the update.
    expect(await db.stars.get([EVENT, pup.id as SessionId])).toMatchObject({ level: 'must' })
    expect(await db.stars.where('eventId').equals(EVENT as EventId).count()).toBe(3)
    db.close()
  })
})
