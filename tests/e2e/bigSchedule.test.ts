// Big schedule files in real Chromium against the production build: a file over the 20,000-session cap is refused with
// the count and the cap; one under it is read off the page's thread, so the page shows progress and never freezes;
// and closing the dialog stops the reading. The files are made by the test (tests/fixtures/leanSchedule.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { leanFrab } from '../fixtures/leanSchedule'
import { usePhonePage } from './harness'

const { served, page } = usePhonePage()

/** sessions: far past the cap, yet only about 3 MB of lean frab JSON (well under the 20 MB file limit). */
const OVER_CAP = 30_000
/** sessions: under the cap, and enough to block the page for most of a second were it read on the page's thread. */
const BIG = 15_000

// Files on disk, not buffers: Playwright hands a path to the file input as it is, but sends a buffer through the page
// itself (base64, decoded there), which would be a long task of its own.
let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hallway-big-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The path of big.json with `count` lean sessions. */
function bigJson(count: number): string {
  const path = join(mkdtempSync(join(dir, `${count}-`)), 'big.json')
  writeFileSync(path, leanFrab(count))
  return path
}

async function openDialog(p: Page) {
  await p.goto(`${served().url}/settings`)
  await p.getByRole('button', { name: 'Open another schedule…' }).click()
  const dialog = p.getByRole('dialog', { name: 'Open another schedule' })
  await dialog.waitFor()
  return dialog
}

/** Records from now on every text the dialog's status shows. */
function watchStatus(p: Page): Promise<void> {
  return p.evaluate(() => {
    const w = window as unknown as { statuses: string[] }
    w.statuses = []
    const status = document.querySelector('[role="dialog"] [role="status"]')!
    new MutationObserver(() => w.statuses.push(status.textContent ?? '')).observe(status, { childList: true, subtree: true, characterData: true })
  })
}

const statusesSeen = (p: Page) => p.evaluate(() => (window as unknown as { statuses: string[] }).statuses)

/** The page's own requests for the importers' chunk, which reads a file on the page's thread (a worker's are its own). */
const importersLoadedByPage = (p: Page) =>
  p.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\/assets\/scheduleFile-[\w-]+\.js$/.test(name)))

async function eventsOnDevice(p: Page): Promise<number> {
  await p.getByRole('button', { name: /^Event: / }).click()
  const count = await p.getByRole('group', { name: 'Events on this device' }).getByRole('list').getByRole('button').count()
  await p.keyboard.press('Escape')
  return count
}

describe('big schedule files in Chromium', () => {
  it(`refuses ${OVER_CAP.toLocaleString('en-US')} sessions with the count and the cap, and adds nothing`, async () => {
    const p = page()
    const dialog = await openDialog(p)
    await dialog.getByLabel('Schedule file').setInputFiles(bigJson(OVER_CAP))
    await dialog.getByText('big.json can’t be opened.').waitFor()
    expect(await dialog.locator('.open-schedule__problems li').allTextContents()).toEqual([
      'The file holds 30,000 sessions; Hallway opens schedules of up to 20,000 sessions',
    ])
    await dialog.getByText('Nothing was added or changed.').waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await eventsOnDevice(p)).toBe(1)
  })

  // Whether the page stays responsive is a question of where the parsing runs, checked here; how long its tasks are is
  // a timing, which belongs in `npm run bench`, not in a test.
  it(`reads ${BIG.toLocaleString('en-US')} sessions in a worker, not on the page's thread, saying how far it has got`, async () => {
    const p = page()
    const dialog = await openDialog(p)
    await watchStatus(p)
    const worker = p.waitForEvent('worker')
    await dialog.getByLabel('Schedule file').setInputFiles(bigJson(BIG))
    expect((await worker).url()).toMatch(/\/assets\/scheduleReader\.worker-[\w-]+\.js$/)
    await dialog.getByText('big.json: Big, 15,000 sessions.').waitFor()
    // Progress: the count, and a share of the work done, while it reads.
    const statuses = await statusesSeen(p)
    expect(statuses.some((s) => /^Reading big\.json… \d+% of 15,000 sessions$/.test(s)), statuses.join(' | ')).toBe(true)
    expect(await dialog.getByRole('button', { name: 'Add and switch to it' }).isEnabled()).toBe(true)
    // The page never fetched its own copy of the parsers: it did none of the reading itself.
    expect(await importersLoadedByPage(p)).toEqual([])
  })

  it('stops reading when the dialog is closed: the worker ends, and nothing is added', async () => {
    const p = page()
    const dialog = await openDialog(p)
    const worker = p.waitForEvent('worker')
    await dialog.getByLabel('Schedule file').setInputFiles(bigJson(BIG))
    const reader = await worker
    const closed = new Promise<void>((resolve) => reader.once('close', () => resolve()))
    await dialog.getByText(/^Reading big\.json… \d+% of 15,000 sessions$/).waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await closed
    expect(await dialog.count()).toBe(0)
    expect(await eventsOnDevice(p)).toBe(1)
  })
})
