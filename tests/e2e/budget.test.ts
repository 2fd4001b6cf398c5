// The first view's byte budget, gated in CI because it is deterministic (timings are not: `npm run bench` measures
// those and never fails a build). Read from the production build globalSetup made: the JS index.html loads before the
// list can render must stay under 120 KB gzip, the heavy parts must stay lazy, and the list must really render with
// nothing but that JS.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inject } from 'vitest'
import { FIRST_VIEW_JS_BUDGET, firstViewJsFiles, kb, sumBy } from '../../scripts/bench/bytes'
import { collectPageErrors, newPhoneContext, usePhonePage } from './harness'

const dist = inject('distDir')
const firstView = firstViewJsFiles(dist)

/** Strings only found in each lazy part's code: a first-view file holding one means the split was undone. */
const LAZY_PARTS: Record<string, string> = {
  'Dexie (the IndexedDB layer)': 'Transaction has already completed',
  'the calendar (.ics) writer': 'BEGIN:VCALENDAR',
  'the QR code generator': 'bad maskPattern',
  'the schedule file importers': 'the conference has neither a title nor an acronym',
  'the iCalendar reader (ical.js)': 'Missing parameter value in',
}

describe('the first view', () => {
  it(`downloads under ${kb(FIRST_VIEW_JS_BUDGET)} of JS (gzip) before the list can render`, () => {
    const total = sumBy(firstView)
    const breakdown = firstView.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')
    expect(firstView.length, 'index.html names no script').toBeGreaterThan(0)
    expect(total, `first-view JS is ${kb(total)}: ${breakdown}`).toBeLessThan(FIRST_VIEW_JS_BUDGET)
  })

  it.each(Object.entries(LAZY_PARTS))('leaves %s to a chunk of its own', (_part, marker) => {
    const holders = firstView.filter((f) => readFileSync(join(dist, f.file), 'utf8').includes(marker)).map((f) => f.file)
    expect(holders).toEqual([])
    // And the marker is real: some lazy chunk of the build has it (else this test could never fail).
    const chunks = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'))
    expect(chunks.some((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes(marker))).toBe(true)
  })

  describe('in the browser', () => {
    // The usual server and browser; this test makes its own context (service workers blocked).
    const { served, browser } = usePhonePage()

    it('lists the sessions with every other chunk refused, says plainly that nothing will be saved, and stays usable', async () => {
      // No service worker, so every request reaches page.route.
      const context = await newPhoneContext(browser(), { serviceWorkers: 'block' })
      const page = await context.newPage()
      const errors = collectPageErrors(page)
      const snapshotRequests: string[] = []
      page.on('request', (r) => {
        if (/snapshot-[\w-]+\.json$/.test(r.url())) snapshotRequests.push(r.url())
      })
      const preloadWarnings: string[] = []
      page.on('console', (m) => {
        if (/preload/i.test(m.text())) preloadWarnings.push(m.text())
      })
      const allowed = new Set(firstView.map((f) => `/${f.file}`))
      const refused: string[] = []
      await page.route(/\.js(\?|$)/, (route) => {
        const path = new URL(route.request().url()).pathname
        if (allowed.has(path)) return route.continue()
        refused.push(path)
        return route.abort('failed')
      })
      try {
        await page.goto(served().url)
        await page.getByRole('link', { name: /^Badge Pick-Up/ }).waitFor()
        expect(await page.locator('.schedule__count').textContent()).toBe('99 sessions')
        // index.html preloads the snapshot, and the app's own fetch takes that response: one download.
        expect(snapshotRequests).toHaveLength(1)
        // The storage layer was asked for and refused: the list stayed, and the notice says what to do.
        await page.getByText(/didn't finish downloading/).waitFor()
        expect(refused.some((p) => /\/assets\/connect-[\w-]+\.js$/.test(p))).toBe(true)
        // The service worker's notices did not load either, and took nothing down with them.
        expect(await page.locator('.schedule__count').textContent()).toBe('99 sessions')
        // A screen whose chunk is refused says so, and the header and navigation stay usable.
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My plan/ }).click()
        await page.getByRole('heading', { name: "This part of Hallway didn't download" }).waitFor()
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Schedule/ }).click()
        await page.getByRole('link', { name: /^Badge Pick-Up/ }).waitFor()
        expect(errors.filter((e) => !/Failed to fetch dynamically imported module|net::ERR_FAILED/.test(e))).toEqual([])
        expect(preloadWarnings).toEqual([])
      } finally {
        await context.close()
      }
    })
  })
})
