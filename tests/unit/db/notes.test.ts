// The user's private notes on real Dexie (fake-indexeddb) and in memory: saved, trimmed, capped, undone, carried to a
// renamed session by a schedule update like its star, kept on a cancelled one, and deleted with their event.
import type { Snapshot } from '../../../src/domain/model'
import type { HallwayDB } from '../../../src/db/HallwayDB'
import { removeEvent } from '../../../src/db/events'
import { cleanNote, NOTE_MAX_CHARS, restoreNote, saveNote } from '../../../src/db/notes'
import { installSnapshot } from '../../../src/db/snapshotInstall'
import { indexedDbUserData, MemoryUserData, readUserData, type UserDataStore } from '../../../src/db/userDataStore'
import { byTitle, idFor, loadSeed, TITLES, updatedSeed } from '../../fixtures/seedUpdate'
import { makeTestDB } from './factories'

const seed = loadSeed()
const EVENT = seed.event.id
const id = (title: string) => byTitle(seed.sessions, title).id
const T0 = new Date('2025-11-12T22:00:00Z')

let db: HallwayDB
let updated: Snapshot

beforeAll(async () => {
  updated = await updatedSeed(seed)
})

beforeEach(async () => {
  db = makeTestDB()
  await installSnapshot(db, seed, T0)
})

afterEach(async () => {
  await db.delete()
})

const notes = async () =>
  Object.fromEntries((await readUserData(db, EVENT)).notes.map((n) => [n.sessionId, n.text]))

describe.each([
  ['IndexedDB', () => indexedDbUserData(db)],
  ['memory', () => new MemoryUserData()],
])('notes in %s', (_where, makeStore) => {
  let store: UserDataStore
  beforeEach(() => {
    store = makeStore()
  })
  const read = async (sessionId: string) => store.transact((tx) => tx.getNote(EVENT, sessionId as never))

  it('saves a note trimmed, replaces it, and an empty one removes it; each save can be undone', async () => {
    const flux = id(TITLES.unchanged)
    const first = await saveNote(store, EVENT, flux, '  ask about the GPU operator \n', T0)
    expect(first.text).toBe('ask about the GPU operator')
    expect((await read(flux))?.text).toBe('ask about the GPU operator')

    const second = await saveNote(store, EVENT, flux, 'room fills early', T0)
    expect((await read(flux))?.text).toBe('room fills early')
    await restoreNote(store, EVENT, flux, second.previous)
    expect((await read(flux))?.text).toBe('ask about the GPU operator')

    const removed = await saveNote(store, EVENT, flux, '   ', T0)
    expect(removed.text).toBe('')
    expect(await read(flux)).toBeUndefined()
    await restoreNote(store, EVENT, flux, removed.previous)
    expect((await read(flux))?.text).toBe('ask about the GPU operator')
  })
})

describe('cleanNote', () => {
  it(`keeps at most ${NOTE_MAX_CHARS} characters, never half an emoji`, () => {
    const long = `${'a'.repeat(NOTE_MAX_CHARS - 1)}🚨🚨`
    const kept = cleanNote(long)
    expect([...kept]).toHaveLength(NOTE_MAX_CHARS)
    expect(kept.endsWith('🚨')).toBe(true)
  })
})

describe('notes through a schedule update', () => {
  it('follow a renamed session to its new ID, stay on a cancelled one, and stay put on the others', async () => {
    const store = indexedDbUserData(db)
    await saveNote(store, EVENT, id(TITLES.renamed), 'ask about the roadmap', T0)
    await saveNote(store, EVENT, id(TITLES.cancelled), 'go early', T0)
    await saveNote(store, EVENT, id(TITLES.moved), 'bring laptop', T0)

    expect(await installSnapshot(db, updated, new Date('2025-11-13T06:00:00Z'))).toBe('replaced')

    expect(await notes()).toEqual({
      [idFor(seed, TITLES.renamedTo)]: 'ask about the roadmap',
      [id(TITLES.cancelled)]: 'go early',
      [id(TITLES.moved)]: 'bring laptop',
    })
  })

  it('are deleted with their event', async () => {
    const other = { ...seed, event: { ...seed.event, id: 'other-con' as typeof EVENT } }
    await installSnapshot(db, other, T0)
    const store = indexedDbUserData(db)
    await saveNote(store, other.event.id, other.sessions[0]!.id, 'mine', T0)
    await saveNote(store, EVENT, id(TITLES.moved), 'kept', T0)

    await removeEvent(db, other.event.id)
    expect(await db.notes.where('eventId').equals(other.event.id).count()).toBe(0)
    expect(await notes()).toEqual({ [id(TITLES.moved)]: 'kept' })
  })
})
