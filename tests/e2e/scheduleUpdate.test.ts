// A schedule update in real Chromium against the production build: the user stars five sessions on the bundled
// schedule, then the app starts with a different bundled snapshot (the request answered by page.route with a modified
// copy: moved, retimed, renamed, cancelled). The stars survive in IndexedDB, "What changed" lists the four, the
// cancelled session stays in the plan, and what the user acknowledges stays acknowledged after a reload.
// The service worker is blocked here: it would answer the snapshot request from its precache, past page.route.
import type { BrowserContext } from 'playwright-core'
import type { Snapshot } from '../../src/domain/model'
import { byTitle, idFor, loadSeed, TITLES, updatedSeed } from '../fixtures/seedUpdate'
import { axeViolations, collectPageErrors, newPhoneContext, readStars, starFromList, usePhonePage } from './harness'

const { served, browser } = usePhonePage()
const seed = loadSeed()
// The build's hashed copy, and the same file at its stable address, the bundled event's feed: a new build ships both.
const SNAPSHOT_REQUEST = /\/(assets\/kubecon-na-2025\.snapshot-[\w-]+|data\/kubecon-na-2025\.snapshot)\.json$/

let updated: Snapshot
let context: BrowserContext | undefined
beforeAll(async () => {
  updated = await updatedSeed(seed)
})
afterEach(async () => {
  await context?.close()
})

describe('a schedule update in Chromium', () => {
  it('keeps the stars, lists what changed until acknowledged, and keeps the cancelled session in the plan', async () => {
    context = await newPhoneContext(browser(), { serviceWorkers: 'block' })
    const p = await context.newPage()
    const errors = collectPageErrors(p)
    await p.goto(served().url)
    for (const title of [TITLES.moved, TITLES.retimed, TITLES.renamed, TITLES.cancelled, TITLES.unchanged]) await starFromList(p, title)
    await p.getByRole('link', { name: 'My plan (5)', exact: true }).waitFor()

    // The next start of the app brings a newer bundled schedule.
    await p.route(SNAPSHOT_REQUEST, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(updated) }))
    await p.goto(`${served().url}/plan`)

    const changes = p.getByRole('region', { name: 'What changed in the schedule' })
    await changes.waitFor()
    await changes.getByText('The schedule was updated, and 4 sessions in your plan changed. Your stars are kept.').waitFor()
    expect(await changes.locator('.change__title').allTextContents()).toEqual([TITLES.retimed, TITLES.moved, TITLES.cancelled, TITLES.renamedTo])
    expect(await changes.locator('.change .badge').allTextContents()).toEqual([
      'Moved to 11:45 AM',
      'Moved to Georgia Ballroom 2',
      'Cancelled',
      'Renamed',
    ])
    // Stars: the renamed session's moved to its new ID; the cancelled one's is kept (it is still shown).
    const id = (title: string) => byTitle(seed.sessions, title).id
    expect((await readStars(p)).map((r) => r.sessionId).sort()).toEqual(
      [id(TITLES.moved), id(TITLES.retimed), idFor(seed, TITLES.renamedTo), id(TITLES.cancelled), id(TITLES.unchanged)].sort(),
    )
    // The cancelled session is still in its day of the plan, as it was.
    const cancelled = p.locator('.plan-day__cancelled')
    await cancelled.getByText(TITLES.cancelled).waitFor()
    expect(await cancelled.textContent()).toContain('12:00 – 1:00 PM EST')
    await p.getByRole('link', { name: 'My plan (4)', exact: true }).waitFor()
    // The list, badges and the cancelled row pass axe in both themes.
    for (const colorScheme of ['light', 'dark'] as const) {
      await p.emulateMedia({ colorScheme })
      expect(await axeViolations(p), colorScheme).toEqual([])
    }

    // Acknowledge one, by keyboard; it stays acknowledged across a reload, the others stay listed.
    await p.getByRole('button', { name: `Got it: ${TITLES.retimed}` }).focus()
    await p.keyboard.press('Enter')
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Got it: ${TITLES.moved}`)
    await p.reload()
    await changes.waitFor()
    expect(await changes.locator('.change__title').allTextContents()).toEqual([TITLES.moved, TITLES.cancelled, TITLES.renamedTo])

    // Other screens point at the list.
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click()
    await p.getByRole('status').filter({ hasText: 'Schedule updated: 3 sessions in your plan changed.' }).waitFor()
    expect(await axeViolations(p)).toEqual([])

    expect(errors).toEqual([])
  })
})
