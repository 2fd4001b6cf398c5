// The session's commands: every failure becomes one user-facing message (run), and a star's undo puts it back.
import 'fake-indexeddb/auto'
import { BUNDLED_EVENT_ID } from '../../../src/db/bundledSnapshot'
import { hallwayCommands, run } from '../../../src/db/commands'
import { pendingStars } from '../../../src/db/pendingStars'
import { createHallwaySession, type HallwaySession, type HallwayState } from '../../../src/db/session'
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
