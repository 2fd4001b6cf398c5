// Schema upgrades on fake-indexeddb: a database written by Hallway's version-1 schema, with a real schedule, stars and
// settings in it, opened by this build. Everything the user had is still there, and the new table works at once.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Dexie } from 'dexie'
import { parseFrabSchedule } from '../../../src/domain/frabParser'
import type { EventId, Session, SessionId, Snapshot } from '../../../src/domain/model'
import { buildSnapshot } from '../../../src/domain/snapshotBuild'
import { speakerIndex } from '../../../src/domain/speakerIndex'
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
    expect(DB_VERSION).toBe(4)
    expect(db.backendDB().version).toBe(40) // Dexie's version × 10
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

/** The tables each earlier release added, as it declared them (version 1's are V1_STORES). */
const LATER_STORES: Record<number, Record<string, string>> = {
  2: { scheduleChanges: '[eventId+key], eventId' },
  3: { feeds: '&eventId' },
}

/**
 * A version-1 database taken through `version` as those releases declared it, with `rows` added there, then opened by
 * this build: what it kept of version 1's data is checked here, the rest by the caller.
 */
async function upgradedFrom(version: number, rows: Record<string, object>): Promise<{ db: HallwayDB; stars: StarRow[] }> {
  const { name, stars } = await makeV1Database()
  const old = new Dexie(name, fakeIdb)
  old.version(1).stores(V1_STORES)
  for (let v = 2; v <= version; v++) old.version(v).stores(LATER_STORES[v]!)
  for (const [table, row] of Object.entries(rows)) await old.table(table).add(row)
  old.close()

  const db = new HallwayDB(name, fakeIdb)
  await db.open()
  expect(db.backendDB().version).toBe(DB_VERSION * 10)
  expect(await db.sessions.count()).toBe(seed.sessions.length)
  expect(await db.stars.count()).toBe(stars.length)
  expect(await db.settings.get('walkingPace')).toEqual({ key: 'walkingPace', value: 'brisk' })
  return { db, stars }
}

describe('upgrading a version-2 database (schedule changes, no feeds)', () => {
  it('keeps the schedule, stars, settings and recorded changes, and adds the empty feeds table', async () => {
    const change = { eventId: EVENT, key: 'k1', change: { id: 'a0000001' }, acknowledged: false, recordedAt: '2025-11-13T09:00:00.000Z' }
    const { db } = await upgradedFrom(2, { scheduleChanges: change })
    expect(await db.scheduleChanges.toArray()).toEqual([change])
    expect(await db.feeds.count()).toBe(0)
    await db.feeds.put({ eventId: EVENT, url: 'https://example.org/schedule.json' })
    expect(await db.feeds.get(EVENT)).toEqual({ eventId: EVENT, url: 'https://example.org/schedule.json' })
    db.close()
  })
})

describe('upgrading a version-3 database (feeds, no notes)', () => {
  it('keeps the schedule, stars, settings, changes and feeds, and adds the empty notes table', async () => {
    const feed = { eventId: EVENT, url: 'https://example.org/schedule.json', lastSuccessAt: '2025-11-13T09:00:00.000Z' }
    const { db, stars } = await upgradedFrom(3, { feeds: feed })
    expect(await db.feeds.toArray()).toEqual([feed])
    expect(await db.notes.count()).toBe(0)
    const note = { eventId: EVENT, sessionId: stars[0]!.sessionId, text: 'room fills early', updatedAt: '2025-11-13T09:05:00.000Z' }
    await db.notes.put(note)
    expect(await db.notes.where('eventId').equals(EVENT).toArray()).toEqual([note])
    db.close()
  })
})

// Snapshot schema 2 (links, language, recording flag, speaker ids…) adds only optional fields to session rows, and no
// index: no Dexie version. What a schema-1 install left on the device must read as it is and update like any install.
describe('an event stored from a schema-1 snapshot', () => {
  /** The pretalx demo export as this build imports it, and as the schema-1 importer stored it (none of the new fields). */
  async function democon(): Promise<{ v2: Snapshot; v1Sessions: Session[] }> {
    const json = JSON.parse(readFileSync(join(__dirname, '../../fixtures/pretalx-democon.json'), 'utf8')) as unknown
    const r = parseFrabSchedule(json)
    if (!r.ok) throw new Error(JSON.stringify(r.problems))
    const v2 = await buildSnapshot(r.event, r.sessions, 'frab-json:pretalx-democon.json')
    const v1Sessions = v2.sessions.map(
      ({ subtitle: _s, abstract: _a, language: _l, doNotRecord: _d, url: _u, feedbackUrl: _f, links: _k, attachments: _t, ...rest }) => ({
        ...rest,
        speakers: rest.speakers.map(({ id: _id, ...speaker }) => speaker),
      }),
    )
    return { v2, v1Sessions }
  }

  async function storeV1(db: HallwayDB, snapshot: Snapshot, sessions: readonly Session[], stars: readonly StarRow[]): Promise<void> {
    const eventId = snapshot.event.id
    await db.transaction('rw', [db.events, db.sessions, db.stars], async () => {
      await db.events.add({ ...snapshot.event, contentHash: snapshot.contentHash, schemaVersion: 1, source: snapshot.source, installedAt: '2025-11-12T21:00:00.000Z' })
      await db.sessions.bulkAdd(sessions.map((s) => ({ ...s, eventId })))
      await db.stars.bulkAdd(stars)
    })
  }

  it('reads as before (speaker ids from names), and the bundled schema-2 snapshot takes over once, keeping every star', async () => {
    const { name, stars } = await makeV1Database()
    const db = new HallwayDB(name, fakeIdb)

    const stored = await db.readEventSchedule(EVENT)
    expect(stored?.event.schemaVersion).toBe(1)
    const index = speakerIndex(stored!.sessions)
    expect(index.find((e) => e.name === 'Jeremy Rickard')).toMatchObject({ id: 'n-jeremy-rickard', sessionIds: ['2720404f', 'abffed9b'] })

    // Same content, a newer schema: rewritten once (stars kept), then the usual 'unchanged' on every later start.
    expect(await installSnapshot(db, seed)).toBe('replaced')
    expect(await db.events.get(EVENT)).toMatchObject({ schemaVersion: 2, contentHash: seed.contentHash })
    expect(await db.events.get(EVENT)).not.toHaveProperty('sourceHash')
    expect(await db.stars.where('eventId').equals(EVENT).sortBy('sessionId')).toEqual([...stars].sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1)))
    expect(await db.scheduleChanges.count()).toBe(0)
    expect(await installSnapshot(db, seed)).toBe('unchanged')
    db.close()
  })

  it('a pretalx event imported by the old importer gets its links and speaker ids when its file is opened again', async () => {
    const { v2, v1Sessions } = await democon()
    const db = new HallwayDB(`hallway-v1-frab-${Date.now()}`, fakeIdb)
    names.push(db.name)
    const eventId = v2.event.id
    const starred = v2.sessions.slice(0, 3).map((s, i): StarRow => ({ eventId, sessionId: s.id, level: i === 0 ? 'maybe' : 'must', updatedAt: '2025-11-12T22:00:00.000Z' }))
    await storeV1(db, { ...v2, contentHash: 'a1b2c3d4e5f60718' }, v1Sessions, starred)

    const before = await db.readEventSchedule(eventId)
    expect(before?.sessions[0]).not.toHaveProperty('language')
    expect(speakerIndex(before!.sessions).find((e) => e.name === 'Stephanie Hudson')?.id).toBe('n-stephanie-hudson')

    expect(await installSnapshot(db, v2)).toBe('replaced')
    const after = await db.readEventSchedule(eventId)
    expect(after?.event.schemaVersion).toBe(2)
    expect(after?.sessions.map((s) => s.id)).toEqual(before?.sessions.map((s) => s.id))
    expect(after?.sessions.find((s) => s.title === 'Focused 5thgeneration hardware')).toMatchObject({ language: 'en', url: 'http://localhost/democon/talk/G9JGWY/' })
    expect(speakerIndex(after!.sessions).find((e) => e.name === 'Stephanie Hudson')?.id).toBe('c-N33EUY')
    expect(await db.stars.where('eventId').equals(eventId).sortBy('sessionId')).toEqual([...starred].sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1)))
    expect(await db.scheduleChanges.count()).toBe(0)
    db.close()
  })
})
