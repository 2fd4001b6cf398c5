// The first screen prerendered into index.html at build time (src/prerender): rows from the HTML before any module
// has run, taken over by hydration (the same nodes, no error, stars work), and the shell instead whenever that screen
// is not the one this start shows: a query, a remembered grid, another event or version, or the event running.
import type { Page } from 'playwright-core'
import { readStars, usePhonePage, waitForListApp } from './harness'

const t = usePhonePage()

// 2025-11-13 at the venue (America/New_York): the event's one day runs 8:00–16:15 EST.
const BEFORE_EVENT = new Date('2025-11-01T12:00:00Z')
const DURING_EVENT = new Date('2025-11-13T16:10:00Z')
const AFTER_EVENT = new Date('2025-11-20T12:00:00Z')

interface AtParse {
  cards: number
  ended: number
  prerendered: boolean
  shell: boolean
}

/**
 * Notes what the page holds the moment parsing ends (readyState "interactive"), before any module script has run, and
 * marks the first card's link so a later look can tell whether React kept that very node (hydration) or replaced it.
 */
async function watchParse(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return
      const root = document.getElementById('root')!
      const w = window as unknown as { atParse: AtParse; __hallwayPrerender?: unknown }
      w.atParse = {
        cards: root.querySelectorAll('.card').length,
        ended: root.querySelectorAll('.card--ended .badge--ended').length,
        prerendered: w.__hallwayPrerender !== undefined,
        shell: root.querySelector('.loading') !== null,
      }
      const link = root.querySelector('a[data-session-id]') as (HTMLElement & { fromHtml?: boolean }) | null
      if (link) link.fromHtml = true
    })
  })
}

const atParse = (page: Page) => page.evaluate(() => (window as unknown as { atParse: AtParse }).atParse)
const firstLinkFromHtml = (page: Page) =>
  page.evaluate(() => (document.querySelector('#root a[data-session-id]') as (HTMLElement & { fromHtml?: boolean }) | null)?.fromHtml === true)

/** Sums the layout shifts the page has had (not those right after input), from the start. */
async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { shift: number }
    w.shift = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.shift += entry.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
}

/**
 * Taps the first card's star once the app has taken the page over (it sizes the list then), and waits for it to take.
 * (A tap on the HTML's star before that is played again once it has: see "keeps what is tapped and typed" below.)
 */
async function starFirstCard(page: Page): Promise<void> {
  await waitForListApp(page)
  const star = page.locator('.card__star button').first()
  await star.click()
  await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true')
}

describe('the prerendered first screen', () => {
  it('is in the HTML itself, rows readable without JavaScript', async () => {
    const html = await (await fetch(t.served().url)).text()
    expect(html.match(/data-session-id=/g)?.length ?? 0).toBeGreaterThanOrEqual(8)
    expect(html).toContain('Skip to sessions')

    const context = await t.browser().newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(t.served().url)
    const links = page.locator('#root a[data-session-id]')
    expect(await links.count()).toBeGreaterThanOrEqual(8)
    // In flow, one under another (the app places rows absolutely only once it has measured them).
    const tops = await links.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top))
    for (let i = 1; i < tops.length; i++) expect(tops[i]!).toBeGreaterThan(tops[i - 1]!)
    await context.close()
  })

  it('is taken over by hydration after the event: ended from the first paint, the same nodes, no shift, stars work', async () => {
    const page = t.page()
    await page.clock.setFixedTime(AFTER_EVENT)
    await watchParse(page)
    await watchShifts(page)
    await page.goto(t.served().url)
    await starFirstCard(page)
    const parsed = await atParse(page)
    expect(parsed.prerendered).toBe(true)
    expect(parsed.cards).toBeGreaterThanOrEqual(8)
    expect(parsed.ended).toBe(parsed.cards)
    expect(await firstLinkFromHtml(page)).toBe(true)
    // Reloaded, from the service worker's copy of index.html: the star the device saved arrives after hydration.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await page.reload()
    await expect.poll(() => page.locator('.card__star button').first().getAttribute('aria-pressed')).toBe('true')
    expect((await atParse(page)).prerendered).toBe(true)
    expect(await firstLinkFromHtml(page)).toBe(true)
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.02)
  })

  it('keeps the room of the "Ready to work offline" note from the first paint of a first visit: nothing moves', async () => {
    const page = t.page()
    await watchShifts(page)
    await page.goto(t.served().url)
    await page.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor({ timeout: 30_000 })
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.02)
    // Dismissed, it gives its room back; a reload (the page now controlled) keeps none.
    await page.getByRole('button', { name: 'Dismiss offline notice' }).click()
    expect(await page.evaluate(() => document.documentElement.classList.contains('hw-installing'))).toBe(false)
    await page.reload()
    await page.locator('main h1').waitFor()
    expect(await page.evaluate(() => document.documentElement.classList.contains('hw-installing'))).toBe(false)
  })

  it('before the event: every session upcoming, hydrated as it was rendered', async () => {
    const page = t.page()
    await page.clock.setFixedTime(BEFORE_EVENT)
    await watchParse(page)
    await page.goto(t.served().url)
    await starFirstCard(page)
    expect(await atParse(page)).toMatchObject({ prerendered: true, ended: 0 })
    expect(await firstLinkFromHtml(page)).toBe(true)
    expect(await page.locator('.badge--ended, .badge--now').count()).toBe(0)
  })

  it('while the event runs, shows the shell and then the live list, never the prerendered rows', async () => {
    const page = t.page()
    await page.clock.setFixedTime(DURING_EVENT)
    await watchParse(page)
    await page.goto(t.served().url)
    await page.getByRole('heading', { name: /Now & next/ }).waitFor()
    expect(await atParse(page)).toMatchObject({ prerendered: false, cards: 0, shell: true })
    expect(await page.locator('.badge--now').count()).toBeGreaterThan(0)
    await starFirstCard(page)
  })

  it.each([
    ['a query in the address', '/?q=observability', () => {}],
    ['the grid remembered', '/', () => localStorage.setItem('hallway:schedule-layout', 'grid')],
    ['another version of the event last shown', '/', () => {
      localStorage.setItem('hallway:shown-event', 'kubecon-na-2025')
      localStorage.setItem('hallway:shown-schedule', 'an-older-version')
    }],
    ['another event last shown', '/', () => {
      localStorage.setItem('hallway:shown-event', 'democon-2020-12-14')
      localStorage.setItem('hallway:shown-schedule', 'whatever')
    }],
  ])('with %s, shows the shell first', async (_what, path, prepare) => {
    const page = t.page()
    await page.clock.setFixedTime(AFTER_EVENT)
    await page.addInitScript(prepare)
    await watchParse(page)
    await page.goto(`${t.served().url}${path}`)
    await page.locator('main h1').waitFor()
    expect(await atParse(page)).toMatchObject({ prerendered: false, cards: 0, shell: true })
  })

  it('keeps what is tapped and typed on the prerendered screen before the app has taken it over', async () => {
    const page = t.page()
    await page.clock.setFixedTime(AFTER_EVENT)
    // The app's entry script is held back: the screen from the HTML is all there is until it is released.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
      await held
      await route.continue()
    })
    // Not until "load", nor DOMContentLoaded: the held module script holds both back.
    await page.goto(t.served().url, { waitUntil: 'commit' })
    const star = page.locator('.card__star button').first()
    const sessionId = await star.getAttribute('data-star-for')
    await star.click()
    await page.getByRole('searchbox', { name: 'Search sessions' }).pressSequentially('keynote')
    expect(await star.getAttribute('aria-pressed')).toBe('false')
    release()
    await waitForListApp(page)
    // The tap counts (one tap: must), though the words typed after it have filtered that card out of the list.
    await expect.poll(async () => (await readStars(page)).find((r) => r.sessionId === sessionId)?.level, { timeout: 30_000 }).toBe('must')
    // And the words stay in the box and filter the list.
    const box = page.getByRole('searchbox', { name: 'Search sessions' })
    expect(await box.inputValue()).toBe('keynote')
    await expect.poll(() => page.evaluate(() => window.location.search)).toContain('q=keynote')
    await expect.poll(() => page.locator('#root a[data-session-id]').first().textContent()).toMatch(/^Keynote/)
    expect(await page.locator(`#root [data-card-for="${sessionId}"]`).count()).toBe(0)
  })

  it('opens offline from the service worker with the rows in the HTML', async () => {
    const page = t.page()
    await page.clock.setFixedTime(AFTER_EVENT)
    await watchParse(page)
    await page.goto(t.served().url)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await t.context().setOffline(true)
    await page.reload()
    await starFirstCard(page)
    // The schedule feed's check, which fails offline by design (the browser logs the refused request).
    const errors = t.errors()
    errors.splice(0, errors.length, ...errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)))
    expect(await atParse(page)).toMatchObject({ prerendered: true })
    expect((await atParse(page)).cards).toBeGreaterThanOrEqual(8)
    expect(await firstLinkFromHtml(page)).toBe(true)
  })
})
