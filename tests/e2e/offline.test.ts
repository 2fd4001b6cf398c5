// Offline from a cold start, in real Chromium against `vite preview` of the production build: after one online
// visit, the server is stopped and the browser taken offline, and every route and deep link still opens with its
// content, the schedule included (from the precache, even with IndexedDB wiped).
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { EventId, SessionId } from '../../src/domain/model'
import { shareUrl } from '../../src/domain/shareCodec'
import { closeContexts, collectPageErrors, newPhoneContext, servePreview, sharedChromium, type Served } from './harness'

// A fixed port: the service worker and IndexedDB belong to the origin, so the page must come back to the same one.
// (Not 4173, `npm start`'s port, nor 4180/4181, which other tools here use.)
const PORT = 4791

const snapshot = JSON.parse(readFileSync('data/kubecon-na-2025.snapshot.json', 'utf8')) as {
  sessions: { id: string; title: string }[]
}
const DRAGONFLY = snapshot.sessions.find((s) => s.title === 'Dragonfly v2.3.0')!

let browser: Browser
let served: Served | undefined
let context: BrowserContext
let page: Page
const errors: string[] = []

beforeAll(async () => {
  browser = await sharedChromium()
})
afterAll(async () => {
  await closeContexts(browser)
  await served?.close()
})

/** Opens `path` in a new tab (a cold start: nothing in memory, only what the browser stored) and returns it. */
async function coldOpen(path: string): Promise<Page> {
  const tab = await context.newPage()
  errors.push(...collectPageErrors(tab))
  await tab.goto(`http://localhost:${PORT}${path}`)
  return tab
}

const resultCount = (p: Page) => p.locator('.schedule__count').textContent()

describe('offline after one visit', () => {
  it('opens every route and deep link with the server down and the network off', async () => {
    served = await servePreview('dist', PORT)
    context = await newPhoneContext(browser)
    page = await context.newPage()
    errors.push(...collectPageErrors(page))
    // Counts registrations: a second one (from a render React threw away) never hears "installed", so the
    // "Ready to work offline" note would never come.
    await page.addInitScript(() => {
      const container = navigator.serviceWorker
      const register = container.register.bind(container)
      const counted = window as unknown as { registrations: number }
      counted.registrations = 0
      container.register = (...args: Parameters<ServiceWorkerContainer['register']>) => {
        counted.registrations++
        return register(...args)
      }
    })

    // The one online visit: the service worker installs, precaches, and takes control of this very page.
    await page.goto(served.url)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
    await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor()
    expect(await page.evaluate(() => (window as unknown as { registrations: number }).registrations)).toBe(1)
    await expect.poll(() => resultCount(page)).toBe('99 sessions')
    // Online, the offline tag is absent (its live region is there, empty).
    expect(await page.locator('.offline-indicator').textContent()).toBe('')

    await served.close()
    served = undefined
    await context.setOffline(true)

    // The open page says so, in words.
    await page.locator('.offline-indicator').getByText('Offline').waitFor()

    // A reload of the list, and the list with a query that has a dot in it (/?q=v2.3 must get the app shell,
    // not be mistaken for a file by the navigation denylist). Chromium 150's offline emulation does not carry
    // navigator.onLine over a reload (it reads true there, with the network off): the page is told it as a device with
    // no connection tells it, so what is checked is the app's, not the emulation's.
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false }))
    await page.reload()
    await expect.poll(() => resultCount(page)).toBe('99 sessions')
    // The list is in the HTML (prerendered); the tag comes with the app, once it has taken the page over.
    await expect.poll(() => page.locator('.offline-indicator').textContent()).toMatch(/^Offline/)

    const search = await coldOpen('/?q=dragonfly%20v2.3')
    await expect.poll(() => resultCount(search)).toBe('1 session')
    await search.getByRole('link', { name: /^Dragonfly v2\.3\.0/ }).waitFor()

    // The grid is a chunk of its own, precached like the rest.
    const grid = await coldOpen('/?view=grid')
    await grid.getByRole('list', { name: /^Exhibit Hall B2 Building B · Level 1/ }).getByRole('link', { name: /^Keynote: Welcome Back/ }).waitFor()

    const detail = await coldOpen(`/session/${DRAGONFLY.id}`)
    await detail.getByRole('heading', { level: 1, name: 'Dragonfly v2.3.0' }).waitFor()
    expect(await detail.getByText(/Georgia Ballroom 2/).count()).toBeGreaterThan(0)

    // The venue map is a route like the others, its chunk precached.
    const map = await coldOpen(`/map?room=${encodeURIComponent('B406b-407')}`)
    await map.getByRole('heading', { level: 1, name: 'B406b-407 · Building B · Level 4' }).waitFor()
    await map.getByRole('region', { name: 'Buildings, levels and rooms' }).getByText('This room').waitFor()

    const plan = await coldOpen('/plan')
    await plan.getByRole('heading', { level: 1, name: 'My plan' }).waitFor()

    // The share target: text shared from another app, with the network off, matched against the schedule.
    const list = await coldOpen(`/add-from-list?title=Must-watch&text=${encodeURIComponent('AI-Assisted GitOps With Flux MCP Server – Stefan Prodan\nSomething Else Entirely')}`)
    await list.getByRole('heading', { level: 1, name: 'Add from a list' }).waitFor()
    await list.getByRole('heading', { level: 2, name: '1 match · 2 not in this schedule' }).waitFor()
    expect(await list.getByRole('checkbox').count()).toBe(1)

    const speakers = await coldOpen('/speakers?q=prodan')
    await speakers.getByRole('link', { name: 'Stefan Prodan' }).waitFor()
    const speaker = await coldOpen('/speaker/n-stefan-prodan')
    await speaker.getByRole('heading', { level: 1, name: 'Stefan Prodan' }).waitFor()

    const now = await coldOpen('/now')
    await now.getByRole('heading', { level: 1, name: 'Now & next' }).waitFor()

    const settings = await coldOpen('/settings')
    await settings.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await settings.getByText('Ready. Hallway opens and works with no connection.').waitFor()
    // A schedule file opens too: the reader's worker comes from the precache.
    await settings.getByRole('button', { name: 'Open another schedule…' }).click()
    const dialog = settings.getByRole('dialog', { name: 'Open another schedule' })
    await dialog.getByLabel('Schedule file').setInputFiles('tests/fixtures/pretalx-democon.json')
    await dialog.getByText('pretalx-democon.json: DemoCon, 36 sessions.').waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // A shared plan: the plan rides in the fragment, so offline it is the shell's job to read it.
    const shared = shareUrl(
      { eventId: 'kubecon-na-2025' as EventId, stars: new Map([[DRAGONFLY.id as SessionId, 'must']]) },
      snapshot.sessions.map((s) => s.id as SessionId),
      '/share',
    )
    const share = await coldOpen(shared)
    await share.getByRole('heading', { level: 1, name: 'A shared plan' }).waitFor()
    expect(new URL(share.url()).hash).toBe(new URL(shared, 'http://x').hash)
    // Taking it into the plan works offline, and so does sharing it on: the QR code's lazily loaded chunk is in the
    // precache too.
    await share.getByRole('button', { name: 'Add to my plan: Dragonfly v2.3.0 (as must)' }).click()
    await share.getByRole('link', { name: 'My plan (1)', exact: true }).click()
    await share.getByRole('button', { name: 'Share my plan' }).click()
    await share.getByRole('img', { name: 'QR code of the link to your plan' }).waitFor()

    // An unknown route still gets the shell, which says there is no such page.
    const unknown = await coldOpen('/no/such/page')
    await unknown.getByRole('heading', { level: 1, name: "There's no page here" }).waitFor()
  })

  it('has the schedule itself in the precache: a cold start with IndexedDB wiped still lists all 99 sessions', async () => {
    // Close every tab first, so no open connection holds the database while it is cleared.
    for (const p of context.pages()) await p.close()
    const blank = await context.newPage()
    const cdp = await context.newCDPSession(blank)
    await cdp.send('Storage.clearDataForOrigin', { origin: `http://localhost:${PORT}`, storageTypes: 'indexeddb' })
    await blank.close()

    const fresh = await coldOpen('/')
    await expect.poll(() => resultCount(fresh)).toBe('99 sessions')
    const stored = () => fresh.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
    await expect.poll(stored).toContain('hallway') // installed again from the precached snapshot, offline
  })

  it('sends a file-looking path to the network instead of the app shell (the navigation denylist)', async () => {
    const tab = await context.newPage()
    // Offline, a path that is not precached and looks like a file must fail like any offline fetch; with the
    // shell served instead, it would "open" as Hallway's not-found page.
    const error = await tab.goto(`http://localhost:${PORT}/notes.txt`).then(
      () => null,
      (e: Error) => e.message,
    )
    expect(error).toMatch(/ERR_INTERNET_DISCONNECTED/)
    await tab.close()
    // A precached file is served as itself, not as the shell.
    const fileTab = await context.newPage()
    const manifest = await fileTab.goto(`http://localhost:${PORT}/manifest.webmanifest`)
    expect(JSON.parse((await manifest!.text()) || '{}')).toMatchObject({ short_name: 'Hallway' })
    await fileTab.close()
    await context.close()
    expect(errors).toEqual([])
  })
})
