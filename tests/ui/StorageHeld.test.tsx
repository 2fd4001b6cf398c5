// When IndexedDB will not open: blocked by another tab holding an older version open, hung (no event, no error), or
// holding a newer Hallway's data. The tab says so on every screen, keeps every star tapped meanwhile whichever screen
// the user moves to, saves them if storage opens after all, and never shows an empty plan in place of a saved one.
import { screen, waitFor, within } from '@testing-library/react'
import { Dexie } from 'dexie'
import { DB_VERSION, HallwayDB } from '../../src/db/HallwayDB'
import { holdOpen } from '../unit/db/factories'
import { byTitle, FLUX, planSnapshot, usePlanTestKit } from './planFixtures'

const { getDb, levels, renderApp } = usePlanTestKit()

const HELD = /Another Hallway tab is holding the storage/

function navPlanLink(name: string | RegExp = /^My plan/) {
  return within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name })
}

/**
 * A connection like an older Hallway tab's: Dexie version 1 (IndexedDB version 10, Dexie's ×10), with no
 * `versionchange` handler, so it never lets go and the app's upgrade to its own version is blocked.
 */
function holdOlderVersion(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 10)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

describe('a blocked open (another tab holds an older version)', () => {
  it('says so on every screen, keeps a star tapped on the list, and saves it once the other tab lets go', async () => {
    const older = await holdOlderVersion(getDb().name)
    const { user } = await renderApp()
    expect(await screen.findByText(HELD)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: new RegExp(`^Star ${FLUX}`) }))
    await screen.findByRole('button', { name: new RegExp(`^Must: ${FLUX}`) })
    await user.click(navPlanLink('My plan (1)'))
    expect(await screen.findByRole('link', { name: FLUX })).toBeInTheDocument()
    expect(screen.getByText(HELD)).toBeInTheDocument()
    expect(screen.queryByText('Loading your plan…')).not.toBeInTheDocument()

    // The other tab closes: the open that waited goes through, and the star made in memory is written to IndexedDB.
    older.close()
    await waitFor(() => expect(screen.queryByText(HELD)).not.toBeInTheDocument())
    await waitFor(async () => expect(await levels()).toEqual({ [FLUX]: 'must' }))
    expect(screen.getByRole('link', { name: FLUX })).toBeInTheDocument()
    expect(screen.queryByText(/Your plan lasts until you close this tab/)).not.toBeInTheDocument()
  })
})

describe('a hung open (no event, no error)', () => {
  it('says so once the wait is over, keeps stars in this tab, and My plan does not wait for ever', async () => {
    holdOpen(getDb()) // never released: open() never settles
    const { user } = await renderApp({ openTimeoutMs: 20 })
    expect(await screen.findByText(HELD)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: new RegExp(`^Star ${FLUX}`) }))
    await user.click(navPlanLink())
    expect(await screen.findByRole('link', { name: FLUX })).toBeInTheDocument()
    expect(screen.getByText(/Your plan lasts until you close this tab/)).toBeInTheDocument()
    expect(screen.queryByText('Loading your plan…')).not.toBeInTheDocument()
  })
})

describe('data from a newer Hallway', () => {
  it('My plan says the saved plan cannot be shown until Hallway is updated, rather than showing it empty', async () => {
    const name = getDb().name
    const newer = new Dexie(name)
    newer.version(DB_VERSION + 1).stores({ events: '&id', settings: '&key', stars: '[eventId+sessionId], eventId' })
    await newer.table('stars').bulkAdd(
      ['Dragonfly', 'Keynote: Beyond Operations', FLUX].map((title) => ({
        eventId: planSnapshot.event.id,
        sessionId: byTitle(title).id,
        level: 'must',
        updatedAt: '2025-11-01T00:00:00Z',
      })),
    )
    newer.close()

    await renderApp({ db: new HallwayDB(name), url: '/plan' })
    expect(await screen.findByText(/Your saved plan can’t be shown until Hallway is updated/)).toBeInTheDocument()
    expect(screen.queryByText('Nothing in your plan yet')).not.toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Reload' }).length).toBeGreaterThan(0)
  })
})
