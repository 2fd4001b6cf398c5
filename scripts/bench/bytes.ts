// Byte accounting for a production build: gzip size of each file a first visit downloads, split by kind.
// Shared by `npm run bench` (prints it) and tests/e2e/budget.test.ts (gates the first view's JS in CI).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export type FileKind = 'js' | 'css' | 'snapshot' | 'html' | 'other'

export interface FileBytes {
  /** Path relative to the dist folder, e.g. "assets/index-abc.js". */
  file: string
  kind: FileKind
  raw: number
  gzip: number
}

/** Gzip at level 6, what static hosts and CDNs use by default. */
export function gzipBytes(content: Buffer | string): number {
  return gzipSync(content, { level: 6 }).length
}

export function kindOf(file: string): FileKind {
  if (/\.m?js$/.test(file)) return 'js'
  if (file.endsWith('.css')) return 'css'
  if (/snapshot.*\.json$/.test(file)) return 'snapshot'
  if (file.endsWith('.html')) return 'html'
  return 'other'
}

export function fileBytes(distDir: string, file: string): FileBytes {
  const content = readFileSync(join(distDir, file))
  return { file, kind: kindOf(file), raw: content.length, gzip: gzipBytes(content) }
}

/**
 * Everything a first visit downloads: the page's own requests plus what the service worker precaches at install
 * (read from the precache manifest inside dist/sw.js), plus sw.js itself.
 */
export function firstVisitFiles(distDir: string): FileBytes[] {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8')
  const urls = new Set<string>(['sw.js'])
  for (const m of sw.matchAll(/\burl:\s*"([^"]+)"/g)) urls.add(m[1]!)
  // The Workbox runtime that sw.js imports (workbox-<hash>.js next to it).
  for (const m of sw.matchAll(/"\.\/(workbox-[\w-]+)"/g)) urls.add(`${m[1]}.js`)
  return [...urls].sort().map((file) => fileBytes(distDir, file))
}

/** The first view's JS budget, gzip bytes: what a phone downloads before it can show the first rows. */
export const FIRST_VIEW_JS_BUDGET = 120_000

/**
 * The JS a first view downloads before the list can render: the scripts and module preloads index.html names. Lazy
 * chunks (other screens, the QR code, the importers, and the IndexedDB layer, which the list does not wait for)
 * are not in it.
 */
export function firstViewJsFiles(distDir: string): FileBytes[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.m?js)"/g)].map((m) => m[1]!)
  return [...new Set(files)].map((file) => fileBytes(distDir, file))
}

export function sumBy(files: readonly FileBytes[], kind?: FileKind): number {
  return files.filter((f) => kind === undefined || f.kind === kind).reduce((n, f) => n + f.gzip, 0)
}

/** "118.4 KB" (KB = 1,000 bytes, as budgets are usually quoted). */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`
}
