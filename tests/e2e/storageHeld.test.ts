// A blocked IndexedDB open in real Chromium against the production build: another page of the same origin holds the
// 'hallway' database open at an older version (as a tab of an older Hallway would) and ignores `versionchange`, so
// the app's upgrade is blocked. The app says so, keeps a star tapped on the list through a move to My plan and through
// the reload it asks for (src/db/starJournal.ts), and saves it once the other page lets go.
import type { Page } from 'playwright-core'
import { byTitle, loadSeed } from '../fixtures/seedUpdate'
import { openVersionOne, readStars, starFromList, usePhonePage } from './harness'

const { served, context, page } = usePhonePage()
const FLUX = byTitle(loadSeed().sessions, 'AI-Assisted GitOps With Flux MCP Server')

const HELD = 'Another Hallway tab is holding the storage'

/** The app, open while another page holds the database; Flux starred on its list. `letGo` closes the holder's hold. */
async function starredWhileHeld(): Promise<{ p: Page; letGo: () => Promise<void> }> {
  // Any document of the origin will do; the icon is one that loads no app (which would open the database itself).
  const holder = await context().newPage()
  await holder.goto(`${served().url}/icon.svg`)
  // An older Hallway's connection, deaf to `versionchange`: the app's upgrade to IndexedDB version 20 is blocked.
  await openVersionOne(holder)

  const p = page()
  await p.goto(served().url)
  await p.getByRole('status').filter({ hasText: HELD }).waitFor()
  await starFromList(p, FLUX.title, { saved: false })
  const letGo = () => holder.evaluate(() => (window as unknown as { hallwayV1: IDBDatabase }).hallwayV1.close())
  return { p, letGo }
}

describe('a blocked IndexedDB open in Chromium', () => {
  it('says so, keeps a star tapped on the list on My plan, and saves it once the other tab lets go', async () => {
    const { p, letGo } = await starredWhileHeld()
    await p.getByRole('link', { name: 'My plan (1)', exact: true }).click()
    await p.getByRole('main').getByRole('link', { name: FLUX.title, exact: true }).waitFor()
    expect(await p.getByRole('status').filter({ hasText: HELD }).isVisible()).toBe(true)
    expect(await p.getByText('Loading your plan…').count()).toBe(0)

    // The other tab goes away: the open that waited goes through, and the star made meanwhile is in IndexedDB.
    await letGo()
    await p.getByRole('status').filter({ hasText: HELD }).waitFor({ state: 'detached' })
    await p.getByRole('main').getByRole('link', { name: FLUX.title, exact: true }).waitFor()
    expect(await readStars(p)).toEqual([expect.objectContaining({ sessionId: FLUX.id, level: 'must' })])
  })

  it('keeps a star tapped while held through a reload, and saves it once the other tab lets go', async () => {
    const { p, letGo } = await starredWhileHeld()
    // What the notice asks for. The other tab still holds the storage, so the star can only come from the journal.
    await p.reload()
    await p.getByRole('status').filter({ hasText: HELD }).waitFor()
    await p.getByRole('link', { name: 'My plan (1)', exact: true }).waitFor()

    await letGo()
    await p.getByRole('status').filter({ hasText: HELD }).waitFor({ state: 'detached' })
    await expect.poll(() => readStars(p), { timeout: 30_000 }).toEqual([expect.objectContaining({ sessionId: FLUX.id, level: 'must' })])
  })
})
