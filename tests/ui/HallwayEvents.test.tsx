// The storage session (src/db/session.ts) with more than one event, on real Dexie (fake-indexeddb), with other tabs acting on the same
// database: the shown event is this tab's own, an event removed elsewhere is no storage failure, and a tab that must
// let go of storage keeps the added event it was showing, next to the bundled one.
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Dexie } from 'dexie'
import type { EventId, Session, Snapshot } from '../../src/domain/model'
import { BUNDLED_EVENT_ID } from '../../src/db/bundledSnapshot'
import { addEvent, removeEvent, switchEvent } from '../../src/db/events'
import { DB_VERSION, SETTING_CURRENT_EVENT_ID, type HallwayDB } from '../../src/db/HallwayDB'
import { installSnapshot } from '../../src/db/snapshotInstall'
import { storageProblemOf } from '../../src/db/storageErrors'
import { useScheduleContext } from '../../src/ui/common/useSchedule'
import { TestHallway } from './renderApp'
import { fakeIdb, makeEvent, makeSession, makeSnapshot, makeTestDB, storesOf } from '../unit/db/factories'

const DEMO = 'democon' as EventId

const bundled = makeSnapshot([makeSession({ title: 'Bundled talk' })], { event: makeEvent({ id: BUNDLED_EVENT_ID, title: 'Bundled Con' }) })
const demo = makeSnapshot([makeSession({ title: 'Demo talk' })], { event: makeEvent({ id: DEMO, title: 'DemoCon', timeZone: 'UTC' }) })
// Kept by identity across renders, as the provider requires.
const loadBundled = async (): Promise<Snapshot> => bundled

const dbs: HallwayDB[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

async function deviceWithDemo(): Promise<HallwayDB> {
  const db = makeTestDB()
  dbs.push(db)
  await installSnapshot(db, bundled)
  await addEvent(db, demo, { replace: false })
  return db
}

function Probe() {
  const { state, events, library } = useScheduleContext()
  return (
    <div>
      <h1>{state.event?.title ?? state.status}</h1>
      <p data-testid="storage">{state.storage.kind}</p>
      <p data-testid="problem">{state.storage.kind === 'memory' ? state.storage.problem.message : ''}</p>
      <p data-testid="events">{events.map((e) => e.id).join(',')}</p>
      <ul>
        {state.sessions.map((s: Session) => (
          <li key={s.id}>{s.title}</li>
        ))}
      </ul>
      <button type="button" onClick={() => void library?.switchTo(BUNDLED_EVENT_ID)}>
        Switch to bundled
      </button>
    </div>
  )
}

function renderProvider(db: HallwayDB) {
  return render(
    <TestHallway db={db} loadBundled={loadBundled}>
      <Probe />
    </TestHallway>,
  )
}

const heading = () => screen.getByRole('heading', { level: 1 })

describe('events across tabs', () => {
  it('another tab switching events does not move this one; this tab’s own switch does', async () => {
    const db = await deviceWithDemo()
    renderProvider(db)
    await waitFor(() => expect(heading()).toHaveTextContent('DemoCon'))
    await waitFor(() => expect(screen.getByTestId('events')).toHaveTextContent(`${BUNDLED_EVENT_ID},${DEMO}`))

    await switchEvent(db, BUNDLED_EVENT_ID) // as another tab would
    // ms: time for a live query to re-run if the shown event were read from the setting
    await new Promise((r) => setTimeout(r, 50))
    expect(heading()).toHaveTextContent('DemoCon')

    await switchEvent(db, DEMO)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Switch to bundled' }))
    await waitFor(() => expect(heading()).toHaveTextContent('Bundled Con'))
    expect(screen.getByRole('listitem')).toHaveTextContent('Bundled talk')
    expect((await db.settings.get(SETTING_CURRENT_EVENT_ID))?.value).toBe(BUNDLED_EVENT_ID)
  })

  it('the shown event removed in another tab: this tab shows the device’s current event, still from IndexedDB', async () => {
    const db = await deviceWithDemo()
    renderProvider(db)
    await waitFor(() => expect(heading()).toHaveTextContent('DemoCon'))

    await removeEvent(db, DEMO)

    await waitFor(() => expect(heading()).toHaveTextContent('Bundled Con'))
    expect(screen.getByTestId('storage')).toHaveTextContent('indexeddb')
    expect(screen.getByTestId('events')).toHaveTextContent(BUNDLED_EVENT_ID)
    expect(screen.queryByText('Demo talk')).not.toBeInTheDocument()
  })

  it('when another tab upgrades the database, keeps showing the added event from memory, next to the bundled one', async () => {
    const db = await deviceWithDemo()
    renderProvider(db)
    await waitFor(() => expect(heading()).toHaveTextContent('DemoCon'))

    const newer = new Dexie(db.name, fakeIdb)
    // A newer Hallway: this build's tables, and one more.
    newer.version(DB_VERSION + 1).stores({ ...storesOf(db), lists: '++id' })
    await newer.open()
    newer.close()

    await waitFor(() => expect(screen.getByTestId('storage')).toHaveTextContent('memory'))
    expect(screen.getByTestId('problem')).toHaveTextContent(storageProblemOf('superseded').message)
    expect(heading()).toHaveTextContent('DemoCon')
    expect(screen.getByRole('listitem')).toHaveTextContent('Demo talk')
    expect(screen.getByTestId('events')).toHaveTextContent(`${BUNDLED_EVENT_ID},${DEMO}`)

    // Still switchable, within the tab.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Switch to bundled' }))
    await waitFor(() => expect(heading()).toHaveTextContent('Bundled Con'))
  })
})
