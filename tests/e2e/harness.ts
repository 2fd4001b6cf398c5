// Real Chromium (Debian's, driven by playwright-core) against `vite preview` of the production build.
import { existsSync, readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { build, preview, type InlineConfig, type PreviewServer } from 'vite'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium'
  if (!existsSync(path)) throw new Error(`No Chromium at ${path}. Install it with: apt-get install -y chromium (or set CHROME_PATH)`)
  return path
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
}

let shared: Promise<Browser> | undefined

/**
 * The browser of the test files one process runs, launched by the first: the e2e project does not isolate its files,
 * so the process and this module carry on from file to file (vitest.config.ts). A launch cost a second or two of a
 * busy 2-core machine per file, and every test opens a context of its own (own storage, service workers and cache)
 * in it anyway. Not closed by the files: Playwright closes it when the process exits.
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium().then(
    (browser) => {
      browser.on('disconnected', () => (shared = undefined))
      return browser
    },
    (error: unknown) => {
      shared = undefined
      throw error
    },
  )
  return shared
}

/** Closes what a test file left open in the shared browser, so the next file starts with none of it. */
export async function closeContexts(browser: Browser | undefined): Promise<void> {
  await Promise.all(browser?.contexts().map((c) => c.close()) ?? [])
}

/**
 * A production build, as shipped. Vitest runs with NODE_ENV=test, which would make Vite bundle React's
 * development build, so NODE_ENV is production for the duration of the build.
 */
export async function buildProduction(config: InlineConfig = {}): Promise<void> {
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ mode: 'production', logLevel: 'warn', ...config })
  } finally {
    // Assigning undefined would store the string "undefined", and a later build in the same process (the bench
    // page) would then bundle React's development build.
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
}

export interface Served {
  url: string
  close: () => Promise<void>
}

/** Serves a built bundle on a free port (0 lets the OS choose), so test files never collide. */
export async function servePreview(outDir = 'dist', port = 0): Promise<Served> {
  const server: PreviewServer = await preview({ logLevel: 'warn', build: { outDir }, preview: { port, strictPort: port !== 0, open: false } })
  const address = server.httpServer.address() as AddressInfo
  const url = `http://localhost:${address.port}`
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        const http = server.httpServer as Server
        // Open keep-alive sockets would otherwise keep the "stopped" server answering.
        http.closeAllConnections()
        http.close(() => resolve())
      }),
  }
}

/** A fresh browser context (own storage), sized like a mid-range phone unless told otherwise. */
export async function newPhoneContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, ...options })
}

/** Fails the test on any uncaught page error or console error, which would otherwise pass silently. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`)
  })
  return errors
}

interface AxeViolation {
  id: string
  impact: string
  help: string
  nodes: { target: string[] }[]
}

let axeSource: string | undefined

/** axe-core's violations on the page as it is now, one line each: rule, impact, help and the elements. */
export async function axeViolations(p: Page): Promise<string[]> {
  // Once per document: a second check of the same page (the other colour scheme) reuses it, not parsing its 650 KB
  // of script again.
  if (!(await p.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
    await p.addScriptTag({ content: axeSource })
  }
  const violations = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
  })
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/**
 * Waits until the app has taken over the schedule list (it sizes the list then). The first screen is prerendered into
 * index.html: its search box and stars are there before the app runs. What is typed or tapped on them before it has
 * taken the page over is kept and played again then (src/prerender/earlyInput.ts), so a test that reads the result
 * of its input at once waits for the app first.
 */
export async function waitForListApp(page: Page): Promise<void> {
  await page.waitForFunction(() => (document.getElementById('session-list')?.style.height ?? '') !== '')
}

/** Searches the list for `title` and stars it from its card (one tap: must). */
export async function starFromList(page: Page, title: string, { saved = true }: { saved?: boolean } = {}): Promise<void> {
  await waitForListApp(page)
  await page.getByRole('searchbox', { name: 'Search sessions' }).fill(title)
  await page.getByRole('button', { name: `Star ${title}: add to plan as must`, exact: true }).click()
  const starred = page.getByRole('button', { name: `Must: ${title} (change to maybe)`, exact: true })
  await starred.waitFor()
  if (!saved) return
  // A tap made before storage has opened shows at once and is saved once it opens (src/db/pendingStars.ts): tests
  // that reload or read IndexedDB next need it saved. `saved: false` where storage is held on purpose.
  const sessionId = await starred.getAttribute('data-star-for')
  // Not before the app has made its database: opening 'hallway' with no version would create an empty one first.
  const appDatabaseExists = () => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'hallway' && (d.version ?? 0) > 1))
  await expect
    .poll(async () => (await appDatabaseExists()) && (await readStars(page)).some((r) => r.sessionId === sessionId), { timeout: 30_000 })
    .toBe(true)
}

/** Rows in the stars table, read with plain IndexedDB (no version given, so it never upgrades anything). */
export function readStars(page: Page): Promise<{ sessionId: string; level: string }[]> {
  return page.evaluate(async () => {
    const request = indexedDB.open('hallway')
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const all = db.transaction('stars').objectStore('stars').getAll()
    const rows = await new Promise<{ sessionId: string; level: string }[]>((resolve) => (all.onsuccess = () => resolve(all.result)))
    db.close()
    return rows
  })
}

/**
 * Opens the 'hallway' database as the first release left it, with plain IndexedDB in `page` (a same-origin page that
 * is not the app): Dexie's version 1 (IndexedDB version 10: Dexie's versions × 10) with that version's object
 * stores. The connection stays open as `window.hallwayV1`, with no `versionchange` handler, as an older tab's would.
 */
export function openVersionOne(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('hallway', 10)
        request.onupgradeneeded = () => {
          const db = request.result
          db.createObjectStore('events', { keyPath: 'id' })
          const sessions = db.createObjectStore('sessions', { keyPath: ['eventId', 'id'] })
          sessions.createIndex('eventId', 'eventId')
          sessions.createIndex('[eventId+start]', ['eventId', 'start'])
          db.createObjectStore('stars', { keyPath: ['eventId', 'sessionId'] }).createIndex('eventId', 'eventId')
          db.createObjectStore('settings', { keyPath: 'key' })
        }
        request.onsuccess = () => {
          ;(window as unknown as { hallwayV1: IDBDatabase }).hallwayV1 = request.result
          resolve()
        }
        request.onerror = () => reject(request.error)
      }),
  )
}

export interface PhonePageFixture {
  served: () => Served
  browser: () => Browser
  context: () => BrowserContext
  page: () => Page
  /** Page errors collected so far on page() (checked after each test). */
  errors: () => string[]
}

/**
 * The usual set-up of a browser test file, registered at its top level: one preview server for the file, the shared
 * browser, a fresh phone-sized context and page per test, and a failure when that page logged an error.
 */
export function usePhonePage(): PhonePageFixture {
  let served: Served | undefined
  let browser: Browser | undefined
  let context: BrowserContext | undefined
  let page: Page | undefined
  let errors: string[] = []
  beforeAll(async () => {
    served = await servePreview()
    browser = await sharedChromium()
  })
  afterAll(async () => {
    await closeContexts(browser)
    await served?.close()
  })
  beforeEach(async () => {
    context = await newPhoneContext(browser!)
    page = await context.newPage()
    errors = collectPageErrors(page)
  })
  afterEach(async () => {
    await context?.close()
    expect(errors).toEqual([])
  })
  const get = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`usePhonePage: no ${what} outside a test`)
    return value
  }
  return {
    served: () => get(served, 'server'),
    browser: () => get(browser, 'browser'),
    context: () => get(context, 'context'),
    page: () => get(page, 'page'),
    errors: () => errors,
  }
}
