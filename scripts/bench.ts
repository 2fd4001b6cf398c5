// `npm run bench`: Hallway's speed and quality figures, measured in Debian's Chromium with the CPU slowed 4× (the
// Lighthouse mobile profile). Every time is the median of several runs; ratios compare against a floor measured
// in the same browser, in the same process. Prints a table and writes .bench/results.json.
// Timings are never asserted anywhere: machines here are noisy, so these are figures for people to read.
// `npm run bench -- --quick` skips Lighthouse and uses fewer runs; `-- --grid` measures only the timetable grid, and
// `-- --list` only the list's interactions at 10,000 sessions (warm start, search, filters, scroll), and `-- --start` only
// the app's starts, bytes and Lighthouse.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import type { Browser, Page } from 'playwright-core'
import { buildProduction, launchChromium, servePreview, chromiumPath, CHROMIUM_ARGS } from '../tests/e2e/harness'
import { median, percentile } from './bench/measure'
import { FIRST_VIEW_JS_BUDGET, firstViewJsFiles, firstVisitFiles, kb, sumBy } from './bench/bytes'
import { instrument, interactiveAndShift, MOBILE_CPU_SLOWDOWN, throttleCpu, timeToFirstRows } from './bench/firstRows'
import type { InteractionTiming } from './bench/benchPage'
import { benchListMatch } from './bench/listMatch'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const APP_DIR = resolve(ROOT, 'dist-bench-app')
const PAGE_DIR = resolve(ROOT, 'dist-bench')
const QUICK = process.argv.includes('--quick')
// Only the timetable grid's figures (no app build, starts, list figures, axe or Lighthouse): a few minutes, not ten.
const GRID_ONLY = process.argv.includes('--grid')
// Only the list's interaction figures at 10,000 sessions (warm start, search, filters, scroll): no imports, no grid.
const LIST_ONLY = process.argv.includes('--list')
// Only the app's starts, bytes and Lighthouse (no 10,000-session page, no axe).
const START_ONLY = process.argv.includes('--start')
const GRID_DAYS = 14 // 10,000 sessions over 14 days is 715 a day in 60 rooms (src/domain/synthetic.ts)
const LARGE = 10_000 // sessions: ten days of a large conference, the scale target in PRODUCT.md
const IMPORT_RUNS = QUICK ? { small: 5, large: 3 } : { small: 15, large: 5 } // large runs each write ~13 MB
const START_RUNS = QUICK ? 3 : 7
const LIGHTHOUSE_RUNS = 3
const SEARCH_TEXT = 'observability' // 13 keystrokes in, 13 out
const FILTER_SELECTOR = 'input[type="checkbox"][name="type"]'
// Thursday of KubeCon NA 2025, mid-afternoon at the venue: sessions on now, the Now & next summary showing.
const EVENT_RUNNING = new Date('2025-11-13T19:10:00Z')
/** An init script: Date (and Date.now) read as if now were `target` ms, ticking on; performance.now is untouched. */
const SHIFT_DATE = (target: number) => {
  const RealDate = Date
  const offset = target - RealDate.now()
  class ShiftedDate extends RealDate {
    constructor(...args: [] | ConstructorParameters<DateConstructor>) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...(args as ConstructorParameters<DateConstructor>))
    }
    static override now() {
      return RealDate.now() + offset
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor
}
const SCROLL_STEP_PX = 400 // per frame: a brisk fling, about half a phone screen every 16 ms

interface Row {
  section: string
  figure: string
  value: number
  p95?: number
  unit: string
  target?: string
  ok?: boolean
  note?: string
}

const rows: Row[] = []
const raw: Record<string, unknown> = {}
const log = (msg: string) => console.log(`bench: ${msg}`)

async function bytes(): Promise<void> {
  const files = firstVisitFiles(APP_DIR)
  raw.bytes = files
  const jsFirst = sumBy(firstViewJsFiles(APP_DIR))
  rows.push(
    { section: 'bytes', figure: 'first view JS (index.html scripts + preloads), gzip', value: jsFirst / 1000, unit: 'KB', target: `< ${kb(FIRST_VIEW_JS_BUDGET)}`, ok: jsFirst < FIRST_VIEW_JS_BUDGET },
    { section: 'bytes', figure: 'first visit JS incl. precached chunks + sw, gzip', value: sumBy(files, 'js') / 1000, unit: 'KB' },
    { section: 'bytes', figure: 'first visit CSS, gzip', value: sumBy(files, 'css') / 1000, unit: 'KB' },
    { section: 'bytes', figure: 'schedule snapshot, gzip as served', value: sumBy(files, 'snapshot') / 1000, unit: 'KB', note: `${files.find((f) => f.kind === 'snapshot')?.raw ?? 0} bytes raw` },
    { section: 'bytes', figure: 'everything a first visit downloads, gzip', value: sumBy(files) / 1000, unit: 'KB', note: `${files.length} files` },
  )
}

/**
 * A static page with the same header and first rows the app shows, and its CSS: the physical floor of a start. Read
 * from the running app; main() then builds again with it as floor.html, so the service worker precaches it and a warm
 * offline start of the floor is served exactly as the app's is (service worker, Cache Storage, no network).
 */
async function floorPageHtml(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  await page.goto(url)
  await page.locator('main a[href*="/session/"]').first().waitFor()
  const html = await page.evaluate(() => {
    const css = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.outerHTML).join('')
    const header = document.querySelector('header')?.outerHTML ?? ''
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement
    main.setAttribute('data-first-rows', '')
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>floor</title>${css}</head><body>${header}${main.outerHTML}</body></html>`
  })
  await context.close()
  return html
}

/** A Vite plugin adding floor.html to the build, before vite-plugin-pwa writes the precache manifest. */
function emitFloorPage(html: string): Plugin {
  return {
    name: 'hallway-bench-floor-page',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'floor.html', source: html })
    },
  }
}

/**
 * Warm offline starts of `path`: in a fresh browser context, the app's first visit installs the service worker and
 * precaches everything (floor.html included); then `path` is opened, the CPU slowed and the network cut, and each
 * reload's first rows timed.
 */
async function warmOfflineStarts(
  browser: Browser,
  url: string,
  path: string,
  { clock, app = path === '/' }: { clock?: Date; app?: boolean } = {},
): Promise<{ samples: number[]; interactive: number[]; shift: number[]; servedBySw: boolean }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  await instrument(context)
  const page = await context.newPage()
  // Not page.clock: it fakes performance.now too, and the timings would run on across reloads.
  if (clock) await page.addInitScript(SHIFT_DATE, clock.getTime())
  await page.goto(url)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
  await page.locator('main a[href*="/session/"]').first().waitFor()
  if (path !== '/') {
    await page.goto(`${url}${path}`)
    await page.locator('[data-first-rows] a[href*="/session/"], main a[href*="/session/"]').first().waitFor()
  }
  await throttleCpu(page)
  await context.setOffline(true)
  const samples: number[] = []
  const interactive: number[] = []
  const shift: number[] = []
  for (let i = 0; i < START_RUNS; i++) {
    samples.push(await timeToFirstRows(page, undefined))
    if (!app) continue
    const after = await interactiveAndShift(page)
    interactive.push(after.interactive)
    shift.push(after.shift)
  }
  const servedBySw = await page.evaluate(() => navigator.serviceWorker.controller !== null)
  await context.close()
  return { samples, interactive, shift, servedBySw }
}

async function starts(browser: Browser, url: string): Promise<void> {
  log(`cold first visits × ${START_RUNS} (CPU ${MOBILE_CPU_SLOWDOWN}× slower)…`)
  const cold: number[] = []
  for (let i = 0; i < START_RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    await instrument(context)
    const page = await context.newPage()
    await throttleCpu(page)
    cold.push(await timeToFirstRows(page, url))
    await context.close()
  }
  raw['cold-first-visit'] = cold
  rows.push({ section: 'start', figure: 'cold first visit → first rows visible', value: median(cold), p95: percentile(cold, 95), unit: 'ms', note: `${START_RUNS} fresh profiles, network on localhost` })

  log(`warm offline starts × ${START_RUNS} against the static floor page…`)
  // Each in a browser context of its own: two tabs of one origin share a renderer process, and with the floor page
  // open beside it the app's start measured ~100 ms slower, and the floor's slower still in proportion.
  const { samples: warm, interactive, shift } = await warmOfflineStarts(browser, url, '/')
  const { samples: floor, servedBySw: floorServedBySw } = await warmOfflineStarts(browser, url, '/floor.html')
  if (!floorServedBySw) throw new Error('bench: the floor page was not served by the service worker; the ratio would be unfair')
  raw['warm-offline-start'] = warm
  raw['warm-offline-interactive'] = interactive
  raw['warm-offline-shift'] = shift
  raw['static-floor'] = floor
  const ratio = median(warm) / median(floor)
  rows.push({
    section: 'start',
    figure: 'warm offline start → first rows visible',
    value: median(warm),
    p95: percentile(warm, 95),
    unit: 'ms',
    target: '< 1.5× floor',
    ok: ratio < 1.5,
    note: `${ratio.toFixed(2)}× a static page with the same rows, also offline from the service worker (${median(floor).toFixed(0)} ms)`,
  })
  rows.push({
    section: 'start',
    figure: 'warm offline start → a star tap works (hydrated)',
    value: median(interactive),
    p95: percentile(interactive, 95),
    unit: 'ms',
    note: `${(median(interactive) / median(floor)).toFixed(2)}× the static floor; the first card's star has its handler`,
  })
  rows.push({ section: 'start', figure: 'warm offline start, layout shift (after the event)', value: median(shift), unit: 'score', target: '≤ 0.02', ok: median(shift) <= 0.02, note: `runs: ${shift.map((v) => v.toFixed(3)).join(', ')}` })

  log(`warm offline starts × ${START_RUNS} with the clock during the event…`)
  const during = await warmOfflineStarts(browser, url, '/', { clock: EVENT_RUNNING })
  raw['warm-offline-start-during-event'] = during.samples
  raw['warm-offline-shift-during-event'] = during.shift
  rows.push(
    { section: 'start', figure: 'warm offline start during the event → first rows (the shell, then React)', value: median(during.samples), p95: percentile(during.samples, 95), unit: 'ms', note: `${(median(during.samples) / median(floor)).toFixed(2)}× the static floor` },
    { section: 'start', figure: 'warm offline start during the event, layout shift', value: median(during.shift), unit: 'score', target: '≤ 0.02', ok: median(during.shift) <= 0.02, note: `runs: ${during.shift.map((v) => v.toFixed(3)).join(', ')}` },
  )
}

async function scale(browser: Browser): Promise<void> {
  // A production build, like the app's: React's development build is several times slower.
  await buildProduction({
    root: resolve(ROOT, 'scripts/bench'),
    configFile: false,
    plugins: [react()],
    build: { outDir: PAGE_DIR, emptyOutDir: true, target: 'es2022' },
  })
  const served = await servePreview(PAGE_DIR)
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`))
    await page.goto(served.url)
    await page.waitForFunction(() => document.title === 'Hallway bench ready')
    await throttleCpu(page)

    if (!GRID_ONLY) await listFigures(page)
    if (!LIST_ONLY) await gridFigures(page)
  } finally {
    await served.close()
  }
}

/** Import, update, warm start, search, filters and the list's scroll, at 10,000 sessions, on the bench page. */
async function listFigures(page: Page): Promise<void> {
  if (!LIST_ONLY) await storageFigures(page)
  await interactionFigures(page)
}

/** Import and update at 99 and 10,000 sessions, against raw IndexedDB. */
async function storageFigures(page: Page): Promise<void> {
  for (const [label, count, runs] of [['99', 99, IMPORT_RUNS.small], ['10,000', LARGE, IMPORT_RUNS.large]] as const) {
    log(`import ${label} sessions × ${runs}, and the raw IndexedDB floor…`)
    const dexie = await page.evaluate(([c, r]) => window.bench.importRuns(c, r), [count, runs] as const)
    const floor = await page.evaluate(([c, r]) => window.bench.rawIdbRuns(c, r), [count, runs] as const)
    raw[`import-${count}`] = dexie
    raw[`raw-idb-${count}`] = floor
    const ratio = median(dexie) / median(floor)
    rows.push({
      section: 'scale',
      figure: `import ${label} sessions into IndexedDB`,
      value: median(dexie),
      p95: percentile(dexie, 95),
      unit: 'ms',
      target: count === LARGE ? '< 1.3× floor' : undefined,
      ok: count === LARGE ? ratio < 1.3 : undefined,
      note: `${ratio.toFixed(2)}× raw IndexedDB puts in one transaction (${median(floor).toFixed(0)} ms)`,
    })
  }

  log(`schedule update of ${LARGE} sessions with 200 stars × ${IMPORT_RUNS.large}…`)
  const update = await page.evaluate(([c, r]) => window.bench.updateRuns(c, r), [LARGE, IMPORT_RUNS.large] as const)
  raw['update-10k'] = update
  rows.push({
    section: 'scale',
    figure: `schedule update over ${LARGE} sessions (diff, stars carried over, changes recorded, replace)`,
    value: median(update.update),
    p95: percentile(update.update, 95),
    unit: 'ms',
    note: `one transaction; the diff alone ${median(update.diff).toFixed(0)} ms; ${update.changes} starred changes recorded`,
  })

}

/** Warm start, search keystrokes, filter changes and the whole day scrolled, on the list at 10,000 sessions. */
async function interactionFigures(page: Page): Promise<void> {
  log(`warm start of the app on ${LARGE} sessions…`)
  const mounts: number[] = []
  for (let i = 0; i < 3; i++) mounts.push(await page.evaluate((c) => window.bench.mountApp(c), LARGE))
  raw['warm-mount-10k'] = mounts
  rows.push({ section: 'scale', figure: `warm start to first rows, ${LARGE} sessions in IndexedDB`, value: median(mounts), unit: 'ms', note: `${mounts.length} runs: read + index + render` })

  log('search keystrokes and filter changes…')
  const keys: InteractionTiming[] = []
  for (let round = 0; round < 3; round++) keys.push(...(await page.evaluate((t) => window.bench.typeSearch(t), SEARCH_TEXT)))
  const filters = await page.evaluate(([sel, rounds]) => window.bench.toggleFilters(sel, rounds), [FILTER_SELECTOR, 3] as const)
  const floor = await page.evaluate(() => window.bench.filterFloor())
  raw['filter-change-floor'] = floor
  for (const [what, samples, note] of [
    ['search keystroke', keys, `${keys.length} keystrokes`],
    ['filter change', filters, `${filters.length} type-filter toggles`],
  ] as const) {
    const input = samples.map((s) => s.input)
    const settled = samples.map((s) => s.settled)
    raw[what === 'search keystroke' ? 'search-keystroke' : 'filter-change'] = input
    raw[what === 'search keystroke' ? 'search-keystroke-settled' : 'filter-change-settled'] = settled
    rows.push(
      { section: 'scale', figure: `${what} at ${LARGE} sessions`, value: median(input), p95: percentile(input, 95), unit: 'ms', target: '< 16 ms median', ok: median(input) < 16, note: `${note}; event → its render + layout (the event's task and the next two)` },
      { section: 'scale', figure: `${what} at ${LARGE} sessions → list updated`, value: median(settled), p95: percentile(settled, 95), unit: 'ms', target: '< 16 ms median', ok: median(settled) < 16, note: 'event → last DOM change it caused + its layout, deferred renders included' },
    )
  }
  rows.push({
    section: 'scale',
    figure: 'filter change floor: the same rows swapped in as static HTML',
    value: median(floor),
    p95: percentile(floor, 95),
    unit: 'ms',
    note: `the browser's own parse, style and layout of each toggle's rows, timed alike; the app takes ${(median(filters.map((f) => f.input)) / median(floor)).toFixed(2)}× it`,
  })

  log('scrolling the whole day list…')
  const scroll = await page.evaluate((step) => window.bench.scrollWholeList(step), SCROLL_STEP_PX)
  raw.scroll = scroll
  const worst = scroll.longTasks.length ? Math.max(...scroll.longTasks) : 0
  rows.push({
    section: 'scale',
    figure: `scroll a whole day (${LARGE / 10} sessions), longest task`,
    value: worst,
    unit: 'ms',
    target: 'no task > 50 ms',
    ok: scroll.longTasks.length === 0,
    note: `${scroll.longTasks.length} long tasks over ${scroll.frames} frames, ${scroll.scrolledPx} px`,
  })
  rows.push({
    section: 'scale',
    figure: `scroll a whole day (${LARGE / 10} sessions), frames painted with blank space`,
    value: scroll.blankFrames,
    unit: 'frames',
    target: '0',
    ok: scroll.blankFrames === 0,
    note: `of ${scroll.frames}; worst ${scroll.worstBlankPx} px of the screen without rows`,
  })
}

/**
 * The timetable grid at 10,000 sessions over 14 days (715 a day in 60 rooms, the scale): one day scrolled
 * diagonally from the top-left corner to the bottom-right, as a phone would fling it.
 */
async function gridFigures(page: Page): Promise<void> {
  log(`timetable grid: warm start and a diagonal scroll of one day (${LARGE} sessions over ${GRID_DAYS} days)…`)
  const mount = await page.evaluate(([c, d]) => window.bench.mountApp(c, { days: d, grid: true }), [LARGE, GRID_DAYS] as const)
  const scroll = await page.evaluate((step) => window.bench.scrollGridDiagonal(step), SCROLL_STEP_PX)
  raw['grid-mount'] = mount
  raw['grid-scroll'] = scroll
  const worst = scroll.longTasks.length ? Math.max(...scroll.longTasks) : 0
  const perDay = Math.ceil(LARGE / GRID_DAYS)
  rows.push(
    { section: 'scale', figure: `grid: warm start to first cells, ${perDay} sessions a day in 60 rooms`, value: mount, unit: 'ms', note: 'one run: read + index + grid geometry + render' },
    {
      section: 'scale',
      figure: `grid: scroll a whole day diagonally (${perDay} sessions, 60 rooms), longest task`,
      value: worst,
      unit: 'ms',
      target: 'no task > 50 ms',
      ok: scroll.longTasks.length === 0,
      note: `${scroll.longTasks.length} long tasks over ${scroll.frames} frames, to ${scroll.scrolled.map((n) => Math.round(n)).join(' × ')} px; at most ${scroll.cellsInDom} cells in the DOM`,
    },
    {
      section: 'scale',
      figure: `grid: scroll a whole day diagonally, frames painted with blank space`,
      value: scroll.blankFrames,
      unit: 'frames',
      target: '0',
      ok: scroll.blankFrames === 0,
      note: `of ${scroll.frames}; worst ${(scroll.worstBlankShare * 100).toFixed(0)}% of the grid's view not rendered`,
    },
  )
}

async function lighthouseScores(url: string): Promise<void> {
  log(`Lighthouse (mobile profile) × ${LIGHTHOUSE_RUNS}…`)
  const require = createRequire(import.meta.url)
  const { launch } = require('chrome-launcher') as typeof import('chrome-launcher')
  const lighthouse = (await import('lighthouse')).default
  const scores: Record<string, number[]> = { performance: [], accessibility: [], 'best-practices': [] }
  // The metrics behind the performance score (ms, CLS unitless), per run: which one costs the points.
  const metricIds = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const
  const metrics: Record<string, number[]> = Object.fromEntries(metricIds.map((id) => [id, []]))
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const chrome = await launch({
      chromePath: chromiumPath(),
      chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
      logLevel: 'silent',
    })
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(scores),
      })
      for (const key of Object.keys(scores)) scores[key]!.push(result?.lhr.categories[key]?.score ?? Number.NaN)
      for (const id of metricIds) metrics[id]!.push(result?.lhr.audits[id]?.numericValue ?? Number.NaN)
      if (i === 0 && result) raw['lighthouse-audits-failing'] = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id)
    } finally {
      chrome.kill()
    }
  }
  raw.lighthouse = scores
  raw['lighthouse-metrics'] = metrics
  const targets: Record<string, number> = { performance: 0.97, accessibility: 1, 'best-practices': 1 }
  for (const [key, values] of Object.entries(scores)) {
    rows.push({ section: 'lighthouse', figure: `Lighthouse ${key}`, value: median(values), unit: 'score', target: `≥ ${targets[key]}`, ok: median(values) >= targets[key]!, note: `runs: ${values.join(', ')}` })
  }
  for (const id of metricIds) {
    const values = metrics[id]!
    const cls = id === 'cumulative-layout-shift'
    rows.push({ section: 'lighthouse', figure: `Lighthouse ${id.replaceAll('-', ' ')} (simulated slow 4G)`, value: median(values), unit: cls ? 'score' : 'ms', note: `runs: ${values.map((v) => (cls ? v.toFixed(3) : v.toFixed(0))).join(', ')}` })
  }
}

async function axeCounts(browser: Browser, url: string): Promise<void> {
  log('axe-core on each view…')
  const require = createRequire(import.meta.url)
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  const sessions = JSON.parse(await readFile(join(ROOT, 'data/kubecon-na-2025.snapshot.json'), 'utf8')).sessions as { id: string }[]
  const views = ['/', `/session/${sessions[40]!.id}`, '/plan', '/now?at=2025-11-13T16:10:00Z', '/settings', '/share']
  for (const path of views) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await page.goto(`${url}${path}`)
    await page.locator('h1, main a').first().waitFor()
    await page.addScriptTag({ content: axeSource })
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: { id: string }[] }> } }).axe
      return (await axe.run(document)).violations.map((v) => v.id)
    })
    rows.push({ section: 'axe', figure: `axe violations on ${path}`, value: violations.length, unit: 'count', target: '0', ok: violations.length === 0, note: violations.join(', ') })
    await context.close()
  }
}

function listMatching(): void {
  if (START_ONLY) return
  const lines = 100
  log(`matching a pasted list of ${lines} lines against ${LARGE} sessions…`)
  const f = benchListMatch(LARGE, lines, QUICK ? 5 : 15)
  raw['list-match'] = f
  rows.push({
    section: 'scale',
    figure: `"Add from a list…": ${lines} lines against ${LARGE} sessions, per line (Node, unthrottled)`,
    value: f.perLine,
    unit: 'ms',
    target: '< 4 ms (a 16 ms frame at 4× CPU)',
    ok: f.perLine * MOBILE_CPU_SLOWDOWN < 16,
    note: `${(f.perLine / f.floorPerLine).toFixed(2)}× a bare includes scan (${f.floorPerLine.toFixed(2)} ms); tables built in ${f.build.toFixed(0)} ms; ${f.sure} sure`,
  })
}

/** Everything: the app built twice (the second time with the floor page), then each section in turn. */
async function allFigures(): Promise<void> {
  listMatching()
  log('building the app for production…')
  await buildProduction({ build: { outDir: APP_DIR, emptyOutDir: true } })
  await bytes()
  const browser = await launchChromium()
  let served = await servePreview(APP_DIR)
  try {
    const floorHtml = await floorPageHtml(browser, served.url)
    await served.close()
    log('building again with the static floor page in the precache…')
    await buildProduction({ build: { outDir: APP_DIR, emptyOutDir: true }, plugins: [emitFloorPage(floorHtml)] })
    served = await servePreview(APP_DIR)
    await starts(browser, served.url)
    if (!START_ONLY) {
      await scale(browser)
      await axeCounts(browser, served.url)
    }
    if (!QUICK) await lighthouseScores(served.url)
  } finally {
    await browser.close()
    await served.close()
  }
}

async function main(): Promise<void> {
  if (GRID_ONLY || LIST_ONLY) {
    const browser = await launchChromium()
    try {
      await scale(browser)
    } finally {
      await browser.close()
    }
  } else {
    await allFigures()
  }

  const version = await (async () => {
    const b = await launchChromium()
    const v = b.version()
    await b.close()
    return v
  })()
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}, Chromium ${version}, CPU throttled ${MOBILE_CPU_SLOWDOWN}×`
  console.log(`\nHallway bench — ${machine}\n`)
  const fmt = (n: number | undefined, unit: string) =>
    n === undefined ? '' : unit === 'score' ? n.toFixed(2) : unit === 'count' || unit === 'frames' ? String(n) : n < 10 ? n.toFixed(2) : n.toFixed(0)
  const table = [
    ['figure', 'median', 'p95', 'unit', 'target', '', 'note'],
    ...rows.map((r) => [r.figure, fmt(r.value, r.unit), fmt(r.p95, r.unit), r.unit, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'ok' : 'MISS', r.note ?? '']),
  ]
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)))
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd())
  await mkdir(resolve(ROOT, '.bench'), { recursive: true })
  await writeFile(resolve(ROOT, '.bench/results.json'), JSON.stringify({ machine, date: new Date().toISOString(), quick: QUICK, rows, raw }, null, 2))
  console.log('\nKB = 1,000 bytes. Raw samples: .bench/results.json')
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  process.exit(1)
})
