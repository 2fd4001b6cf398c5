// New versions while Hallway is open, in real Chromium: a second build served at the same origin is offered with
// "A new version is ready — reload", nothing reloads by itself (not even another tab when one tab accepts), and
// the reload keeps the user's stars and URL. Also: a newer Hallway in another tab upgrading the database is never
// blocked, and this tab stops writing and asks for a reload. And a database the first release wrote (schema version
// 1) is upgraded in place on the first open, the user's star and settings kept.
import { readFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DB_VERSION } from '../../src/db/HallwayDB'
import { buildProduction, closeContexts, collectPageErrors, newPhoneContext, openVersionOne, readStars, servePreview, sharedChromium, type Served } from './harness'

// Fixed: the update must come from the same origin the service worker was installed from. (Not 4173 or 4180/4181,
// nor offline.test.ts's 4791.)
const PORT = 4792
const UPDATE_DIR = 'dist-update'
const NEW_BUILD = 'update-test'

const snapshot = JSON.parse(readFileSync('data/kubecon-na-2025.snapshot.json', 'utf8')) as {
  sessions: { id: string; title: string }[]
}
const DRAGONFLY = snapshot.sessions.find((s) => s.title === 'Dragonfly v2.3.0')!
const STAR = 'Star Dragonfly v2.3.0: add to plan as must'
const STARRED = 'Must: Dragonfly v2.3.0 (change to maybe)'

let browser: Browser
/** The preview server of each build served so far, by its directory. */
const builds = new Map<string, Served>()
let current: Served | undefined
/**
 * The origin the app is installed from: a forwarder on PORT to the preview server of the build deployed now, so a deploy
 * switches builds without a moment in which the origin refuses a connection, as a real deploy does. Closing one
 * preview server and starting the other on the port left such a gap, and on a busy machine a request of the other tab
 * fell into it (net::ERR_CONNECTION_REFUSED, a page error).
 */
let origin: Server | undefined

beforeAll(async () => {
  // The "deployed later" version: the same app with another build id, which settings show. Lean: no source maps.
  await buildProduction({
    define: { 'import.meta.env.VITE_APP_BUILD': JSON.stringify(NEW_BUILD) },
    build: { outDir: UPDATE_DIR, emptyOutDir: true, sourcemap: false },
  })
  browser = await sharedChromium()
  origin = createServer((req, res) => {
    const forward = request(new URL(req.url ?? '/', current!.url), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    forward.on('error', (error) => res.destroy(error))
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => origin!.listen(PORT, resolve))
})
afterAll(async () => {
  await closeContexts(browser)
  origin?.closeAllConnections()
  await new Promise((resolve) => origin?.close(resolve) ?? resolve(undefined))
  await Promise.all([...builds.values()].map((b) => b.close()))
})

/** Deploys the build in `dir` at the origin and returns the origin's address. */
async function serve(dir: string): Promise<string> {
  let build = builds.get(dir)
  if (!build) builds.set(dir, (build = await servePreview(dir)))
  current = build
  return `http://localhost:${PORT}`
}

/** Marks the current document, so a test can tell whether the page was reloaded since. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { hallwayMark: boolean }).hallwayMark = true))
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { hallwayMark?: boolean }).hallwayMark === true)

describe('a new version while the app is open', () => {
  let context: BrowserContext

  afterEach(async () => {
    await context?.close()
  })

  it('is offered, not forced; Reload brings it in and keeps the stars and the URL; another tab is asked, not reloaded', async () => {
    const url = await serve('dist')
    context = await newPhoneContext(browser)
    const page = await context.newPage()
    const errors = collectPageErrors(page)

    await page.goto(`${url}/session/${DRAGONFLY.id}`)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
    await page.getByRole('button', { name: STAR }).click()
    await page.getByRole('button', { name: STARRED }).waitFor()
    const oldBuild = await buildShownInSettings(page, url)
    expect(oldBuild).not.toBe(NEW_BUILD)

    // The view to come back to: a search, in the URL. Reached inside the app, so this stays the document of the
    // very first visit (the one that installed the service worker), where Workbox reports no "update".
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click()
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill('dragonfly')
    await expect.poll(() => page.locator('.schedule__count').textContent()).toBe('3 sessions')
    await expect.poll(() => new URL(page.url()).search).toBe('?q=dragonfly')
    const viewUrl = page.url()
    // Another tab, opened once the app was installed, in the middle of something else.
    const other = await context.newPage()
    const otherErrors = collectPageErrors(other)
    await other.goto(`${url}/plan`)
    await other.getByRole('heading', { level: 1, name: 'My plan' }).waitFor()
    await mark(page)
    await mark(other)

    // Deploy: the same origin now serves the second build. Coming back to the app (visibilitychange) checks.
    await serve(UPDATE_DIR)
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    const prompt = page.getByRole('status').filter({ hasText: 'A new version is ready — reload' })
    await prompt.waitFor({ timeout: 30_000 })
    await other.getByRole('status').filter({ hasText: 'A new version is ready — reload' }).waitFor()
    // Offered, not forced: a moment later both tabs are still the same documents.
    await page.waitForTimeout(1000) // ms: long enough for any reload the update might trigger to have started
    expect(await stillMarked(page)).toBe(true)
    expect(await stillMarked(other)).toBe(true)

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()])
    expect(await stillMarked(page)).toBe(false)
    expect(page.url()).toBe(viewUrl)
    expect(await page.getByRole('searchbox', { name: 'Search sessions' }).inputValue()).toBe('dragonfly')
    await page.getByRole('button', { name: STARRED }).waitFor()
    expect(await readStars(page)).toEqual([expect.objectContaining({ sessionId: DRAGONFLY.id, level: 'must' })])
    expect(await buildShownInSettings(page, url)).toBe(NEW_BUILD)

    // The other tab kept its document and is told, rather than reloaded under the user's fingers.
    await other.getByRole('status').filter({ hasText: 'Hallway was updated in another tab — reload to use the new version' }).waitFor()
    expect(await stillMarked(other)).toBe(true)

    expect(errors).toEqual([])
    expect(otherErrors).toEqual([])
  })
})

/** The build id on the settings screen, reached through the app's own navigation (no reload). */
async function buildShownInSettings(page: Page, url: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const version = page.locator('dt', { hasText: 'Version' }).locator('xpath=following-sibling::dd[1]')
  const text = (await version.textContent()) ?? ''
  expect(page.url()).toBe(`${url}/settings`)
  return text.replace(/^Build /, '')
}

describe('a newer Hallway upgrading the database in another tab', () => {
  let context: BrowserContext

  afterEach(async () => {
    await context?.close()
  })

  it('is not blocked; this tab says "reload", stops writing to IndexedDB, and after a reload refuses the newer data', async () => {
    const url = await serve('dist')
    context = await newPhoneContext(browser)
    const page = await context.newPage()
    const errors = collectPageErrors(page)
    await page.goto(`${url}/session/${DRAGONFLY.id}`)
    await page.getByRole('button', { name: STAR }).waitFor()

    // The newer Hallway, reduced to what matters: open the database one version up, add a store. Any same-origin
    // document will do; the manifest keeps the app itself out of that tab.
    const newer = await context.newPage()
    await newer.goto(`${url}/manifest.webmanifest`)
    const upgrade = await newer.evaluate(async () => {
      const events: string[] = []
      const request = indexedDB.open('hallway')
      const current = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)))
      const next = current.version + 10 // Dexie's version × 10: the next Dexie version
      current.close()
      const upgrading = indexedDB.open('hallway', next)
      upgrading.onblocked = () => events.push('blocked')
      upgrading.onupgradeneeded = () => {
        events.push('upgrade')
        upgrading.result.createObjectStore('lists', { autoIncrement: true })
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        upgrading.onsuccess = () => resolve(upgrading.result)
        upgrading.onerror = () => reject(upgrading.error)
      })
      db.close()
      return { events, version: next }
    })
    expect(upgrade.events).toEqual(['upgrade'])
    // The app had the database at this build's schema version (Dexie's version × 10), and the newer one is one up.
    expect(upgrade.version).toBe((DB_VERSION + 1) * 10)

    // This tab: told at once, in words, with the schedule still there.
    const notice = page.getByRole('status').filter({ hasText: 'Hallway was updated in another tab' })
    await notice.waitFor()
    expect(await notice.textContent()).toMatch(/Reload this tab/)
    await page.getByRole('heading', { level: 1, name: 'Dragonfly v2.3.0' }).waitFor()

    // A star now lives in memory only: nothing reaches the upgraded database.
    await page.getByRole('button', { name: STAR }).click()
    await page.getByRole('button', { name: STARRED }).waitFor()
    expect(await readStars(newer)).toEqual([])

    // The notice's Reload loads this same (older) build here, which refuses the newer database rather than
    // touch it (deployed for real, the reload would bring the newer Hallway).
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()])
    await page.getByRole('status').filter({ hasText: 'data from a newer version of Hallway' }).waitFor()
    expect(await newer.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'hallway')?.version)).toBe(upgrade.version)
    expect(errors).toEqual([])
  })
})

describe('a device whose database the first release (schema version 1) wrote', () => {
  let context: BrowserContext

  afterEach(async () => {
    await context?.close()
  })

  it('is upgraded in place on the first open: the star is kept, the schedule works, the new table is there', async () => {
    const url = await serve('dist')
    context = await newPhoneContext(browser)
    // Version 1's object stores, written with plain IndexedDB from a same-origin page that is not the app (the
    // manifest), holding what a user of the first release had: a star and a walking setting.
    const setup = await context.newPage()
    await setup.goto(`${url}/manifest.webmanifest`)
    await openVersionOne(setup)
    await setup.evaluate(async (dragonfly) => {
      const db = (window as unknown as { hallwayV1: IDBDatabase }).hallwayV1
      const tx = db.transaction(['stars', 'settings'], 'readwrite')
      tx.objectStore('stars').put({ eventId: 'kubecon-na-2025', sessionId: dragonfly, level: 'must', updatedAt: '2025-11-12T22:00:00.000Z' })
      tx.objectStore('settings').put({ key: 'walkingPace', value: 'relaxed' })
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    }, DRAGONFLY.id)
    await setup.close()

    const page = await context.newPage()
    const errors = collectPageErrors(page)
    await page.goto(`${url}/session/${DRAGONFLY.id}`)
    await page.getByRole('button', { name: STARRED }).waitFor()
    await page.getByRole('link', { name: 'My plan (1)', exact: true }).waitFor()
    const after = await page.evaluate(async () => {
      const request = indexedDB.open('hallway')
      const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)))
      const names = [...db.objectStoreNames].sort()
      const version = db.version
      const get = db.transaction('settings').objectStore('settings').get('walkingPace')
      const pace = await new Promise<unknown>((resolve) => (get.onsuccess = () => resolve(get.result)))
      db.close()
      return { names, version, pace }
    })
    expect(after).toEqual({
      names: ['events', 'feeds', 'notes', 'scheduleChanges', 'sessions', 'settings', 'stars'],
      version: DB_VERSION * 10,
      pace: { key: 'walkingPace', value: 'relaxed' },
    })
    expect(await readStars(page)).toEqual([expect.objectContaining({ sessionId: DRAGONFLY.id, level: 'must' })])
    expect(errors).toEqual([])
  })
})
