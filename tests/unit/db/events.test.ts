// The events on a device (src/db/events.ts) on real Dexie (fake-indexeddb): adding a schedule file's event (new,
// unchanged, another version, the bundled id), switching, removing with its stars, each all or nothing; and the same
// library in memory for when storage is off.
import type { EventId, Instant, Snapshot } from '../../../src/domain/model'
import { BUNDLED_EVENT_ID } from '../../../src/db/bundledSnapshot'
import { countStars, memoryEventOf, MemoryEventLibrary } from '../../../src/db/eventLibrary'
import { addEvent, listInstalledEvents, removeEvent, switchEvent } from '../../../src/db/events'
import { SETTING_CURRENT_EVENT_ID } from '../../../src/db/HallwayDB'
import { SETTING_WALKING_PACE, setWalkingPace } from '../../../src/db/settings'
import { installSnapshot } from '../../../src/db/snapshotInstall'
import { setStarLevel } from '../../../src/db/stars'
import { indexedDbUserData } from '../../../src/db/userDataStore'
import { makeEvent, makeSession, makeSnapshot, useInstrumentedDB } from './factories'

const { db, probe } = useInstrumentedDB()

const DEMO = 'democon' as EventId
const T = new Date('2025-11-13T06:00:00Z')

function bundledSnapshot(): Snapshot {
  return makeSnapshot([makeSession({ title: 'Keynote' }), makeSession({ title: 'Lunch' })], {
    event: makeEvent({ id: BUNDLED_EVENT_ID, title: 'KubeCon + CloudNativeCon North America 2025' }),
  })
}

function demoSnapshot(titles: string[] = ['Opening', 'Closing'], overrides: Partial<Snapshot['event']> = {}): Snapshot {
  return makeSnapshot(
    titles.map((title) => makeSession({ title })),
    { event: makeEvent({ id: DEMO, title: 'DemoCon', timeZone: 'UTC', ...overrides }) },
  )
}

async function currentSetting(): Promise<unknown> {
  return (await db().settings.get(SETTING_CURRENT_EVENT_ID))?.value
}

beforeEach(async () => {
  await installSnapshot(db(), bundledSnapshot(), T)
  probe().writes.length = 0
})

describe('adding an event', () => {
  it('installs a new event, makes it current, and lists it after the bundled one with its session count', async () => {
    const demo = demoSnapshot(['Opening', 'Talk', 'Closing'])
    expect(await addEvent(db(), demo, { replace: false }, T)).toEqual({ kind: 'added' })

    expect(await currentSetting()).toBe(DEMO)
    expect(await db().storedCurrentEventId(BUNDLED_EVENT_ID)).toBe(DEMO)
    const list = await listInstalledEvents(db())
    expect(list.map((e) => [e.id, e.title, e.sessionCount, e.bundled])).toEqual([
      [BUNDLED_EVENT_ID, 'KubeCon + CloudNativeCon North America 2025', 2, true],
      [DEMO, 'DemoCon', 3, false],
    ])
    expect(list[1]).toMatchObject({ timeZone: 'UTC', contentHash: demo.contentHash, source: demo.source })
  })

  it('the same schedule again: nothing installed, only made current', async () => {
    const demo = demoSnapshot()
    await addEvent(db(), demo, { replace: false }, T)
    await switchEvent(db(), BUNDLED_EVENT_ID)
    probe().writes.length = 0

    expect(await addEvent(db(), structuredClone(demo), { replace: false }, T)).toEqual({ kind: 'unchanged' })

    expect(probe().writes).toEqual([{ table: 'settings', type: 'put' }])
    expect(await currentSetting()).toBe(DEMO)
  })

  it('another version of an event already here: refused without replace, nothing written', async () => {
    await addEvent(db(), demoSnapshot(), { replace: false }, T)
    await switchEvent(db(), BUNDLED_EVENT_ID)
    probe().writes.length = 0

    expect(await addEvent(db(), demoSnapshot(['Opening', 'New talk']), { replace: false }, T)).toEqual({ kind: 'exists' })

    expect(probe().writes).toEqual([])
    expect(await currentSetting()).toBe(BUNDLED_EVENT_ID)
  })

  it('replacing keeps the stars, as a schedule update does, and records what moved', async () => {
    const v1 = demoSnapshot(['Opening', 'Closing'])
    await addEvent(db(), v1, { replace: false }, T)
    const [opening, closing] = v1.sessions
    const store = indexedDbUserData(db())
    await setStarLevel(store, DEMO, opening!.id, 'must', T)
    await setStarLevel(store, DEMO, closing!.id, 'maybe', T)
    const moved = { ...closing!, start: '2025-11-13T17:00:00Z' as Instant, end: '2025-11-13T17:30:00Z' as Instant }
    const v2 = makeSnapshot([opening!, moved], { event: v1.event })

    expect(await addEvent(db(), v2, { replace: true }, T)).toEqual({ kind: 'replaced' })

    const stars = await db().stars.where('eventId').equals(DEMO).toArray()
    expect(stars.map((s) => [s.sessionId, s.level]).sort()).toEqual([[opening!.id, 'must'], [closing!.id, 'maybe']].sort())
    expect((await db().sessions.get([DEMO, closing!.id]))?.start).toBe('2025-11-13T17:00:00Z')
    const changes = await db().scheduleChanges.where('eventId').equals(DEMO).toArray()
    expect(changes.map((c) => [c.change.id, c.acknowledged])).toEqual([[closing!.id, false]])
  })

  it('a file with the bundled event’s id is refused: the app keeps its own copy', async () => {
    const imposter = makeSnapshot([makeSession({ title: 'Not the real thing' })], { event: makeEvent({ id: BUNDLED_EVENT_ID }) })
    expect(await addEvent(db(), imposter, { replace: true }, T)).toEqual({ kind: 'bundled' })
    expect(probe().writes).toEqual([])
  })

  it('is one transaction: a failing install leaves no event, no sessions and the current event as it was', async () => {
    probe().failWith = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    await expect(addEvent(db(), demoSnapshot(), { replace: false }, T)).rejects.toBeDefined()

    expect(await db().events.get(DEMO)).toBeUndefined()
    expect(await db().sessions.where('eventId').equals(DEMO).count()).toBe(0)
    expect(await currentSetting()).toBeUndefined()
  })
})

describe('switching', () => {
  it('remembers the event for the next start', async () => {
    await addEvent(db(), demoSnapshot(), { replace: false }, T)
    await switchEvent(db(), BUNDLED_EVENT_ID)
    expect(await db().storedCurrentEventId(BUNDLED_EVENT_ID)).toBe(BUNDLED_EVENT_ID)
    await switchEvent(db(), DEMO)
    expect(await db().storedCurrentEventId(BUNDLED_EVENT_ID)).toBe(DEMO)
  })

  it('refuses an event that is not installed, and changes nothing', async () => {
    await expect(switchEvent(db(), 'fosdem-2026' as EventId)).rejects.toThrow('The event fosdem-2026 isn’t on this device.')
    expect(probe().writes).toEqual([])
  })
})

describe('removing', () => {
  it('deletes the event, its sessions, stars and changes; others’ rows and the shared settings stay', async () => {
    await addEvent(db(), demoSnapshot(['Opening', 'Talk', 'Closing']), { replace: false }, T)
    const store = indexedDbUserData(db())
    const demoSessions = await db().sessions.where('eventId').equals(DEMO).toArray()
    await setStarLevel(store, DEMO, demoSessions[0]!.id, 'must', T)
    await setStarLevel(store, DEMO, demoSessions[1]!.id, 'maybe', T)
    const kube = await db().sessions.where('eventId').equals(BUNDLED_EVENT_ID).first()
    await setStarLevel(store, BUNDLED_EVENT_ID, kube!.id, 'must', T)
    await setWalkingPace(store, 'brisk')
    await db().scheduleChanges.put({
      eventId: DEMO,
      key: 'k',
      change: { id: demoSessions[0]!.id } as never,
      acknowledged: false,
      recordedAt: T.toISOString(),
    })
    expect(await countStars(store, DEMO)).toBe(2)

    expect(await removeEvent(db(), DEMO)).toEqual({ existed: true, sessions: 3, stars: 2 })

    expect(await db().events.get(DEMO)).toBeUndefined()
    expect(await db().sessions.where('eventId').equals(DEMO).count()).toBe(0)
    expect(await db().stars.where('eventId').equals(DEMO).count()).toBe(0)
    expect(await db().scheduleChanges.where('eventId').equals(DEMO).count()).toBe(0)
    // The event was current: the setting goes, so the bundled event shows.
    expect(await currentSetting()).toBeUndefined()
    expect(await db().storedCurrentEventId(BUNDLED_EVENT_ID)).toBe(BUNDLED_EVENT_ID)
    expect(await db().stars.where('eventId').equals(BUNDLED_EVENT_ID).count()).toBe(1)
    expect(await db().sessions.where('eventId').equals(BUNDLED_EVENT_ID).count()).toBe(2)
    expect((await db().settings.get(SETTING_WALKING_PACE))?.value).toBe('brisk')
  })

  it('keeps the current event when removing another one', async () => {
    await addEvent(db(), demoSnapshot(), { replace: false }, T)
    await switchEvent(db(), BUNDLED_EVENT_ID)
    await removeEvent(db(), DEMO)
    expect(await currentSetting()).toBe(BUNDLED_EVENT_ID)
  })

  it('refuses the bundled event and writes nothing', async () => {
    await expect(removeEvent(db(), BUNDLED_EVENT_ID)).rejects.toThrow('The bundled schedule comes with the app and can’t be removed.')
    expect(probe().writes).toEqual([])
    expect(await db().events.get(BUNDLED_EVENT_ID)).toBeDefined()
  })

  it('an event already removed (in another tab) is no error', async () => {
    expect(await removeEvent(db(), DEMO)).toEqual({ existed: false, sessions: 0, stars: 0 })
  })
})

describe('in memory (storage off)', () => {
  function library() {
    return new MemoryEventLibrary([memoryEventOf(bundledSnapshot())])
  }

  it('adds, switches and removes like the stored one, and tells subscribers each time', async () => {
    const lib = library()
    const heard = vi.fn()
    lib.subscribe(heard)
    const first = lib.snapshot()
    expect(lib.snapshot()).toBe(first)
    expect(first.current.event.id).toBe(BUNDLED_EVENT_ID)

    expect(await lib.add(demoSnapshot(['B talk', 'A talk']), { replace: false })).toEqual({ kind: 'added' })
    const added = lib.snapshot()
    expect(added).not.toBe(first)
    expect(added.current.event.id).toBe(DEMO)
    // Display order (start, room, title), frozen once.
    expect(added.current.sessions.map((s) => s.title)).toEqual(['A talk', 'B talk'])
    expect(Object.isFrozen(added.current.sessions)).toBe(true)
    expect(added.events.map((e) => [e.id, e.sessionCount, e.bundled])).toEqual([
      [BUNDLED_EVENT_ID, 2, true],
      [DEMO, 2, false],
    ])

    await lib.switchTo(BUNDLED_EVENT_ID)
    expect(lib.snapshot().current.event.id).toBe(BUNDLED_EVENT_ID)
    await expect(lib.switchTo('nope' as EventId)).rejects.toThrow('The event nope isn’t loaded in this tab.')

    await lib.switchTo(DEMO)
    expect(await lib.remove(DEMO)).toEqual({ existed: true, sessions: 2, stars: 0 })
    expect(lib.snapshot().current.event.id).toBe(BUNDLED_EVENT_ID)
    expect(lib.snapshot().events).toHaveLength(1)
    expect(heard).toHaveBeenCalledTimes(4)
  })

  it('decides like the stored one: unchanged, exists, replaced, bundled', async () => {
    const lib = library()
    const demo = demoSnapshot()
    await lib.add(demo, { replace: false })
    expect(await lib.add(structuredClone(demo), { replace: false })).toEqual({ kind: 'unchanged' })
    expect(await lib.add(demoSnapshot(['Other']), { replace: false })).toEqual({ kind: 'exists' })
    expect(lib.snapshot().current.sessions.map((s) => s.title)).toEqual(['Opening', 'Closing'].sort())
    expect(await lib.add(demoSnapshot(['Other']), { replace: true })).toEqual({ kind: 'replaced' })
    expect(lib.snapshot().current.sessions.map((s) => s.title)).toEqual(['Other'])
    expect(await lib.add(bundledSnapshot(), { replace: true })).toEqual({ kind: 'bundled' })
    await expect(lib.remove(BUNDLED_EVENT_ID)).rejects.toThrow('can’t be removed')
  })

  it('never removes the last schedule of a tab whose bundled snapshot failed to load', async () => {
    const lib = new MemoryEventLibrary([memoryEventOf(demoSnapshot())])
    await expect(lib.remove(DEMO)).rejects.toThrow('This is the only schedule in this tab, so it can’t be removed.')
    expect(lib.snapshot().current.event.id).toBe(DEMO)
  })
})
