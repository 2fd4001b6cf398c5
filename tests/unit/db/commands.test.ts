// The session's commands: every failure becomes one user-facing message (run), and a star's undo puts it back.
// Hidden rooms and types are saved per event, kept through a schedule update and a restart, and deleted with the event.
import 'fake-indexeddb/auto'
import { BUNDLED_EVENT_ID } from '../../../src/db/bundledSnapshot'
import { hallwayCommands, run } from '../../../src/db/commands'
import { removeEvent } from '../../../src/db/events'
import { hiddenSettingKey } from '../../../src/db/hidden'
import { pendingStars } from '../../../src/db/pendingStars'
import { createHallwaySession, type HallwaySession, type HallwayState } from '../../../src/db/session'
import { installSnapshot } from '../../../src/db/snapshotInstall'
import { storageProblemOf } from '../../../src/db/storageErrors'
import type { HallwayDB } from '../../../src/db/HallwayDB'
import { holdOpen, makeEvent, makeSession, makeSnapshot, makeTestDB } from './factories'

const snapshot = makeSnapshot([makeSession({ title: 'Talk' })], { event: makeEvent({ id: BUNDLED_EVENT_ID }) })
const talk = snapshot.sessions[0]!.id

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  pendingStars.clear()
})

function startedOn(db: HallwayDB): HallwaySession {
  const session = createHallwaySession({ db, loadBundled: async () => snapshot })
  cleanups.push(() => db.delete(), session.start())
  return session
}

function until(session: HallwaySession, ok: (s: HallwayState) => boolean): Promise<HallwayState> {
  return new Promise((resolve) => {
    if (ok(session.getState())) return resolve(session.getState())
    const stop = session.subscribe((s) => {
      if (ok(s)) {
        stop()
        resolve(s)
      }
    })
  })
}

describe('run', () => {
  it('says what failed and what storage problem it was, once, for any command', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const full = await run('Saving your star', () => Promise.reject(new DOMException('full', 'QuotaExceededError')))
    expect(full).toEqual({ ok: false, message: `Saving your star didn’t work. ${storageProblemOf('quota').message}` })
    // Hallway's own refusals are already in words.
    const refused = await run('Removing the event', () => Promise.reject(new Error('It comes with the app.')))
    expect(refused).toEqual({ ok: false, message: 'Removing the event didn’t work. It comes with the app.' })
    expect(await run('Anything', async () => 42)).toEqual({ ok: true, value: 42 })
  })
})

describe('hallwayCommands', () => {
  it('cycles a star and hands back an undo that puts it back', async () => {
    const db = makeTestDB()
    const session = startedOn(db)
    await until(session, (s) => s.starsKnown && s.db !== null)
    const commands = hallwayCommands(session)
    const first = await commands.cycleStar(talk)
    expect(first.ok && first.value.level).toBe('must')
    await until(session, (s) => s.plan.stars.get(talk) === 'must')
    expect(first.ok && (await first.value.undo!())).toEqual({ ok: true, value: undefined })
    await until(session, (s) => !s.plan.stars.has(talk))
  })

  it('before the saved stars are read, a tap waits (no undo), and a resolution is refused in words', async () => {
    const db = makeTestDB()
    holdOpen(db)
    const session = startedOn(db)
    await until(session, (s) => s.schedule.status === 'ready')
    const commands = hallwayCommands(session)
    expect(await commands.cycleStar(talk)).toEqual({ ok: true, value: { level: 'must' } })
    expect(session.getState().plan.stars.get(talk)).toBe('must')
    expect(await commands.resolve({ keep: talk, keepLevel: 'must', drop: talk, dropTo: 'remove' })).toEqual({
      ok: false,
      message: 'Your saved plan is still loading. Try again in a moment.',
    })
  })
})

describe('hiding rooms and types', () => {
  it('saves the choice for this event, keeps it through an update and a restart, and undoes it', async () => {
    const db = makeTestDB()
    const session = startedOn(db)
    await until(session, (s) => s.starsKnown && s.db !== null)
    const commands = hallwayCommands(session)
    const room = await commands.hide('room', 'B206')
    const type = await commands.hide('type', 'Keynote Sessions')
    expect(room.ok && type.ok).toBe(true)
    await until(session, (s) => s.plan.hidden.rooms.length === 1 && s.plan.hidden.types.length === 1)
    expect((await db.settings.get(hiddenSettingKey(BUNDLED_EVENT_ID)))?.value).toEqual({ rooms: ['B206'], types: ['Keynote Sessions'] })
    // Another event has its own choices.
    expect(await db.settings.get(hiddenSettingKey(makeEvent({ id: 'other' as never }).id))).toBeUndefined()

    // A schedule update replaces the sessions, not the choices.
    await installSnapshot(db, makeSnapshot([makeSession({ title: 'Talk v2' })], { event: makeEvent({ id: BUNDLED_EVENT_ID }) }))
    const restarted = createHallwaySession({ db, loadBundled: async () => snapshot })
    cleanups.push(restarted.start())
    const after = await until(restarted, (s) => s.starsKnown && s.db !== null && s.plan.hidden.rooms.length === 1)
    expect(after.plan.hidden).toEqual({ rooms: ['B206'], types: ['Keynote Sessions'] })

    // The undo of the second hide brings back only what it hid.
    expect(type.ok && (await type.value.undo())).toEqual({ ok: true, value: undefined })
    await until(session, (s) => s.plan.hidden.types.length === 0)
    expect(session.getState().plan.hidden.rooms).toEqual(['B206'])
  })

  it('shows everything again in one command, with an undo', async () => {
    const db = makeTestDB()
    const session = startedOn(db)
    await until(session, (s) => s.starsKnown && s.db !== null)
    const commands = hallwayCommands(session)
    await commands.hide('room', 'B206')
    await commands.hide('room', 'B304-305')
    await until(session, (s) => s.plan.hidden.rooms.length === 2)
    const shown = await commands.showHidden()
    await until(session, (s) => s.plan.hidden.rooms.length === 0)
    expect(shown.ok && (await shown.value.undo()).ok).toBe(true)
    await until(session, (s) => s.plan.hidden.rooms.length === 2)
  })

  it('keeps the choices in memory for the tab when there is no IndexedDB', async () => {
    const session = createHallwaySession({ db: null, loadBundled: async () => snapshot })
    cleanups.push(session.start())
    await until(session, (s) => s.starsKnown)
    const out = await hallwayCommands(session).hide('type', 'AI + ML')
    expect(out.ok).toBe(true)
    await until(session, (s) => s.plan.hidden.types[0] === 'AI + ML')
  })

  it('goes when its event is removed', async () => {
    const db = makeTestDB()
    cleanups.push(() => db.delete())
    const other = makeSnapshot([makeSession({ title: 'Other' })], { event: makeEvent({ id: 'ffff0001' as never }) })
    await installSnapshot(db, other)
    await db.settings.put({ key: hiddenSettingKey(other.event.id), value: { rooms: ['B206'], types: [] } })
    await removeEvent(db, other.event.id)
    expect(await db.settings.get(hiddenSettingKey(other.event.id))).toBeUndefined()
  })
})
