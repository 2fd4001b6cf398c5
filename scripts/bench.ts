// `npm run bench`: builds a bench page from the real db layer and app, drives it in Debian's Chromium, and prints
// medians (with p95 and ratios against a floor measured in the same browser). Raw samples go to .bench/results.json.
// Timings are never asserted anywhere: this prints figures for people to read.
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import { launchChromium, servePreview } from '../tests/e2e/harness'
import { median, percentile } from './bench/measure'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = resolve(ROOT, 'dist-bench')
const LARGE = 10_000 // sessions: ten days of a large conference, the scale target in PRODUCT.md
const IMPORT_RUNS = { small: 15, large: 5 } // fewer large runs: each writes ~13 MB to IndexedDB
const SEARCH_TEXT = 'observability' // 13 keystrokes in, 13 out
const FILTER_SELECTOR = 'input[type="checkbox"][name="type"]'

interface Row {
  figure: string
  median: number
  p95?: number
  unit: string
  target?: string
  note?: string
}

async function main(): Promise<void> {
  console.log('bench: building the bench page (production mode)…')
  await build({
    root: resolve(ROOT, 'scripts/bench'),
    configFile: false,
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir: OUT_DIR, emptyOutDir: true, target: 'es2022' },
  })
  const served = await servePreview(OUT_DIR)
  const browser = await launchChromium()
  const rows: Row[] = []
  const raw: Record<string, number[]> = {}
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`))
    await page.goto(served.url)
    await page.waitForFunction(() => document.title === 'Hallway bench ready')

    for (const [label, count, runs] of [['99', 99, IMPORT_RUNS.small], ['10,000', LARGE, IMPORT_RUNS.large]] as const) {
      console.log(`bench: import ${label} sessions × ${runs}…`)
      const dexie = await page.evaluate(([c, r]) => window.bench.importRuns(c, r), [count, runs] as const)
      const floor = await page.evaluate(([c, r]) => window.bench.rawIdbRuns(c, r), [count, runs] as const)
      raw[`import-${count}`] = dexie
      raw[`raw-idb-${count}`] = floor
      rows.push({
        figure: `import ${label} sessions into IndexedDB`,
        median: median(dexie),
        p95: percentile(dexie, 95),
        unit: 'ms',
        target: count === LARGE ? '< 2000 ms' : undefined,
        note: `${(median(dexie) / median(floor)).toFixed(2)}× raw IndexedDB puts in one transaction (${median(floor).toFixed(0)} ms)`,
      })
    }

    console.log(`bench: mounting the app on ${LARGE} sessions…`)
    const mounts: number[] = []
    for (let i = 0; i < 3; i++) mounts.push(await page.evaluate((c) => window.bench.mountApp(c), LARGE))
    raw['warm-mount'] = mounts
    rows.push({ figure: `warm start to first rows, ${LARGE} sessions in IndexedDB`, median: median(mounts), unit: 'ms', note: `${mounts.length} runs; read all rows + index + render` })

    const keys: number[] = []
    for (let round = 0; round < 3; round++) keys.push(...(await page.evaluate((t) => window.bench.typeSearch(t), SEARCH_TEXT)))
    raw['search-keystroke'] = keys
    rows.push({ figure: `search keystroke at ${LARGE} sessions`, median: median(keys), p95: percentile(keys, 95), unit: 'ms', target: '< 16 ms median', note: `${keys.length} keystrokes` })

    const filters = await page.evaluate(([sel, rounds]) => window.bench.toggleFilters(sel, rounds), [FILTER_SELECTOR, 3] as const)
    raw['filter-change'] = filters
    rows.push({ figure: `filter change at ${LARGE} sessions`, median: median(filters), p95: percentile(filters, 95), unit: 'ms', target: '< 16 ms median', note: `${filters.length} type-filter toggles` })
  } finally {
    await browser.close()
    await served.close()
  }

  const version = await (async () => {
    const b = await launchChromium()
    const v = b.version()
    await b.close()
    return v
  })()
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, Chromium ${version}`
  console.log(`\nHallway bench — ${machine}\n`)
  const fmt = (n: number | undefined) => (n === undefined ? '' : n < 10 ? n.toFixed(2) : n.toFixed(0))
  const table = [
    ['figure', 'median', 'p95', 'unit', 'target', 'note'],
    ...rows.map((r) => [r.figure, fmt(r.median), fmt(r.p95), r.unit, r.target ?? '', r.note ?? '']),
  ]
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)))
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd())
  await mkdir(resolve(ROOT, '.bench'), { recursive: true })
  await writeFile(resolve(ROOT, '.bench/results.json'), JSON.stringify({ machine, date: new Date().toISOString(), rows, raw }, null, 2))
  console.log('\nraw samples: .bench/results.json')
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`)
  process.exit(1)
})
