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
/** sessions: under the cap, and enough to block the page for most of a second when read on its thread. */
const BIG = 15_000
/**
 * ms: the longest main-thread task allowed while the big file is read. Generous (a frame is 16 ms), so a loaded 2-core
 * machine passes; a structural check that the reading is off the page's thread, not a speed benchmark.
 */
const LONGEST_TASK_MS = 500
/** ×: the CPU slowed as a mid-range phone's (as `npm run bench` does), so a read on the page's thread is plainly seen. */
const PHONE_CPU_SLOWDOWN = 4

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

interface Watched {
  longTasks: number[]
  statuses: string[]
}

/** Records from now on the page's long tasks (main-thread blocks over 50 ms) and every text the dialog's status shows. */
function watch(p: Page): Promise<void> {
  return p.evaluate(() => {
    const w = window as unknown as Watched
    w.longTasks = []
    w.statuses = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration))
    }).observe({ type: 'longtask', buffered: false })
    const status = document.querySelector('[role="dialog"] [role="status"]')!
    new MutationObserver(() => w.statuses.push(status.textContent ?? '')).observe(status, { childList: true, subtree: true, characterData: true })
  })
}

const watched = (p: Page) => p.evaluate(() => ({ ...(window as unknown as Watched) }))

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

  it(`reads ${BIG.toLocaleString('en-US')} sessions without freezing the page, saying how far it has got`, async () => {
    const p = page()
    const dialog = await openDialog(p)
    const cdp = await p.context().newCDPSession(p)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU_SLOWDOWN })
    await watch(p)
    await dialog.getByLabel('Schedule file').setInputFiles(bigJson(BIG))
    await dialog.getByText('big.json: Big, 15,000 sessions.').waitFor()
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    const { longTasks, statuses } = await watched(p)
    expect(Math.max(0, ...longTasks), `long tasks (ms): ${longTasks.join(', ')}`).toBeLessThan(LONGEST_TASK_MS)
    // Progress: the count, and a share of the work done, while it reads.
    expect(statuses.some((s) => /^Reading big\.json… \d+% of 15,000 sessions$/.test(s)), statuses.join(' | ')).toBe(true)
    expect(await dialog.getByRole('button', { name: 'Add and switch to it' }).isEnabled()).toBe(true)
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
