// Installability in real Chromium: no installability errors (read through CDP), a complete manifest whose icons
// are really there at their stated sizes (the maskable one full-bleed with its artwork in the safe zone), the
// "Install app" button wired to the browser's prompt, and Share-sheet steps on iOS Safari instead.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath, closeContexts, collectPageErrors, newPhoneContext, servePreview, sharedChromium, type Served } from './harness'

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1'
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0.7204.156 Mobile/15E148 Safari/604.1'

interface ManifestIcon {
  src: string
  sizes: string
  type: string
  purpose?: string
}

let served: Served
let profileDir: string
// A persistent profile: Chromium reports every incognito context (Playwright's default) as "in-incognito", which
// is not installable by definition.
let installable: BrowserContext
let page: Page
let errors: string[]

beforeAll(async () => {
  served = await servePreview()
  profileDir = mkdtempSync(join(tmpdir(), 'hallway-install-'))
  installable = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
  })
  page = installable.pages()[0] ?? (await installable.newPage())
  errors = collectPageErrors(page)
  await page.goto(served.url)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
})
afterAll(async () => {
  await installable?.close()
  await served?.close()
  if (profileDir) rmSync(profileDir, { recursive: true, force: true })
})
afterEach(() => {
  expect(errors).toEqual([])
})

describe('installing Hallway', () => {
  it('Chromium reports no installability errors and parses the manifest cleanly', async () => {
    const cdp = await installable.newCDPSession(page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    expect(installabilityErrors).toEqual([])
    const manifest = await cdp.send('Page.getAppManifest')
    expect(manifest.url).toBe(`${served.url}/manifest.webmanifest`)
    // Chromium reads the share target here too: it warned about a missing enctype before there was one.
    expect(manifest.errors).toEqual([])
    await cdp.detach()
  })

  it('has a complete manifest: names, start_url, scope, standalone, colours, icons and shortcuts', async () => {
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json())
    expect(manifest).toMatchObject({
      name: expect.stringContaining('Hallway'),
      short_name: 'Hallway',
      description: expect.stringMatching(/offline/i),
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    })
    const icons = manifest.icons as ManifestIcon[]
    const has = (sizes: string, purpose: string) => icons.some((i) => i.sizes === sizes && i.type === 'image/png' && i.purpose === purpose)
    expect(has('192x192', 'any')).toBe(true)
    expect(has('512x512', 'any')).toBe(true)
    expect(has('512x512', 'maskable')).toBe(true)
    const shortcuts = manifest.shortcuts as { name: string; url: string; icons: ManifestIcon[] }[]
    expect(shortcuts.map((s) => [s.name, new URL(s.url, `${served.url}/manifest.webmanifest`).pathname])).toEqual([
      ['My plan', '/plan'],
      ['Now', '/now'],
    ])
    for (const s of shortcuts) expect(s.icons.length).toBeGreaterThan(0)
    // In the share sheet once installed: GET to a route of the app, with the shared title, text and URL.
    expect(manifest.share_target).toEqual({
      action: './add-from-list',
      method: 'GET',
      enctype: 'application/x-www-form-urlencoded',
      params: { title: 'title', text: 'text', url: 'url' } })

    // index.html links the manifest and the iOS icon.
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest')
    expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')).toBe('/apple-touch-icon.png')
  })

  it('serves every icon at the size it claims; maskable and Apple icons are full-bleed, maskable art sits in the safe zone', async () => {
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json())
    const listed: ManifestIcon[] = [
      ...manifest.icons,
      ...manifest.shortcuts.flatMap((s: { icons: ManifestIcon[] }) => s.icons),
      { src: 'apple-touch-icon.png', sizes: '180x180', type: 'image/png', purpose: 'apple' },
    ]
    for (const icon of listed) {
      const size = Number(icon.sizes.split('x')[0])
      // Decoded in the page: its real pixel size, whether its corners are see-through, and (for maskable icons)
      // whether anything but the background colour lies outside the safe-zone circle (radius 40 % of the size).
      const result = await page.evaluate(async (src) => {
        const img = new Image()
        img.src = `/${src}`
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = img.naturalWidth
        canvas.height = img.naturalHeight
        const ctx = canvas.getContext('2d')!
        ctx.drawImage(img, 0, 0)
        const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height)
        const at = (x: number, y: number) => Array.from(data.slice((y * width + x) * 4, (y * width + x) * 4 + 4))
        const background = at(Math.floor(width / 2), 1)
        let outsideSafeZone = 0
        let artPixels = 0
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const [r, g, b, a] = at(x, y)
            const same = Math.abs(r! - background[0]!) + Math.abs(g! - background[1]!) + Math.abs(b! - background[2]!) < 12 && a === 255
            if (same) continue
            const dx = x + 0.5 - width / 2
            const dy = y + 0.5 - height / 2
            if (Math.hypot(dx, dy) > 0.4 * width) outsideSafeZone++
            else artPixels++
          }
        }
        return { width, height, cornerAlpha: at(0, 0)[3], outsideSafeZone, artPixels }
      }, icon.src)

      expect([icon.src, result.width, result.height]).toEqual([icon.src, size, size])
      expect(result.artPixels, icon.src).toBeGreaterThan(0.05 * size * size) // the drawing is there, not a blank tile
      if (icon.purpose === 'maskable' || icon.purpose === 'apple') {
        expect([icon.src, result.cornerAlpha]).toEqual([icon.src, 255])
      } else {
        // Rounded tile: the corner is see-through, so launchers don't show a square behind the rounding.
        expect([icon.src, result.cornerAlpha]).toEqual([icon.src, 0])
      }
      if (icon.purpose === 'maskable') expect([icon.src, result.outsideSafeZone]).toEqual([icon.src, 0])
    }
  })

  it('offers "Install app" once Chromium allows it, and the button opens the browser prompt', async () => {
    const banner = page.getByRole('region', { name: /Install Hallway/ })
    await banner.getByRole('button', { name: 'Install app' }).waitFor()

    // Headless Chromium answers the prompt at once with "dismissed", which is enough to show the button really
    // called prompt(): userChoice never settles otherwise.
    await page.goto(`${served.url}/settings`)
    const section = page.getByRole('region', { name: 'Install', exact: true })
    await section.getByRole('button', { name: 'Install app' }).click()
    await section.getByRole('status').getByText('Not installed. You can install Hallway here any time.').waitFor()
  })

  it('arrives without moving the list: it sits over the bottom edge, and no layout shift is recorded', async () => {
    await page.goto(served.url)
    await page.locator('.schedule__count').waitFor()
    // buffered: every shift since the navigation began, the app's first render included.
    await page.addScriptTag({
      content: `window.__shift = 0; window.__moved = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) { window.__shift += e.value; for (const s of e.sources) window.__moved.push(Math.round(e.startTime) + ' ' + (s.node && s.node.outerHTML || '?').slice(0, 80) + ' ' + s.previousRect.y + '→' + s.currentRect.y) } }).observe({ type: 'layout-shift', buffered: true })`,
    })
    const banner = page.getByRole('region', { name: /Install Hallway/ })
    await banner.getByRole('button', { name: 'Install app' }).waitFor()
    expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe('fixed')
    await page.waitForTimeout(300) // ms: a shift is reported in the frame after it happens
    const { shift, moved } = await page.evaluate(() => {
      const w = window as unknown as { __shift: number; __moved: string[] }
      return { shift: w.__shift, moved: w.__moved }
    })
    expect(shift, moved.join('\n')).toBe(0)
  })

  it('"Not now" puts the banner away, and it stays away after a reload', async () => {
    await page.goto(served.url)
    const banner = page.getByRole('region', { name: /Install Hallway/ })
    await banner.getByRole('button', { name: 'Not now' }).click()
    await banner.waitFor({ state: 'detached' })
    await page.reload()
    await page.locator('.schedule__count').waitFor()
    expect(await banner.count()).toBe(0)
    // Settings still offer it.
    await page.goto(`${served.url}/settings`)
    await page.getByRole('region', { name: 'Install', exact: true }).getByRole('button', { name: 'Install app' }).waitFor()
  })
})

describe('installing on iOS', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await sharedChromium()
  })
  afterAll(async () => {
    await closeContexts(browser)
  })

  it('iOS Safari gets Share → Add to Home Screen steps instead of a button', async () => {
    const context = await newPhoneContext(browser, { userAgent: IPHONE_SAFARI, isMobile: true, hasTouch: true })
    const tab = await context.newPage()
    const tabErrors = collectPageErrors(tab)
    await tab.goto(served.url)
    const banner = tab.getByRole('region', { name: /Install Hallway/ })
    const how = banner.getByRole('button', { name: 'How to install' })
    await how.waitFor()
    expect(await banner.getByRole('button', { name: 'Install app' }).count()).toBe(0)
    expect(await how.getAttribute('aria-expanded')).toBe('false')
    await how.click()
    expect(await how.getAttribute('aria-expanded')).toBe('true')
    await banner.getByText('Add to Home Screen').waitFor()
    await banner.getByText(/Tap\s+Share/).waitFor()

    await tab.goto(`${served.url}/settings`)
    await tab.getByRole('region', { name: 'Install', exact: true }).getByText('Add to Home Screen').waitFor()
    await context.close()
    expect(tabErrors).toEqual([])
  })

  it('Chrome on iOS is not Safari: no banner, and settings say where to look instead', async () => {
    const context = await newPhoneContext(browser, { userAgent: IPHONE_CHROME, isMobile: true, hasTouch: true })
    const tab = await context.newPage()
    await tab.goto(`${served.url}/settings`)
    await tab.getByRole('region', { name: 'Install', exact: true }).getByText(/isn’t offering to install Hallway/).waitFor()
    expect(await tab.getByRole('region', { name: /Install Hallway/ }).count()).toBe(0)
    await context.close()
  })
})
