// The production build's service worker and manifest, read from dist/ (built once by globalSetup): what is
// precached, how navigations fall back to the shell, and that updates wait for the user (prompt mode).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { inject } from 'vitest'
import { ICON_RENDERS, WEB_MANIFEST } from '../../src/pwa/webManifest'

const dist = inject('distDir')
const sw = readFileSync(join(dist, 'sw.js'), 'utf8')

/** Precache entries from sw.js, minified (`url:"…"`) or not (`"url": "…"`). */
const precached = [...sw.matchAll(/["']?url["']?\s*:\s*["']([^"']+)["']/g)].map((m) => m[1]!)

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(dist, path).split('\\').join('/')]
  })
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

describe('dist/sw.js', () => {
  it('precaches the shell, the manifest, the snapshot, and the JS and CSS index.html loads', () => {
    expect(precached).toContain('index.html')
    expect(precached).toContain('manifest.webmanifest')
    expect(precached.filter((u) => /^assets\/kubecon-na-2025\.snapshot-[\w-]+\.json$/.test(u))).toHaveLength(1)
    const html = readFileSync(join(dist, 'index.html'), 'utf8')
    const linked = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!)
    expect(linked.length).toBeGreaterThanOrEqual(2) // the entry script and the stylesheet
    for (const asset of linked) expect(precached).toContain(asset)
  })

  it('precaches the schedule reader’s worker, so a schedule file opens offline', () => {
    const workers = readdirSync(join(dist, 'assets')).filter((f) => /^scheduleReader\.worker-[\w-]+\.js$/.test(f))
    expect(workers).toHaveLength(1)
    expect(precached).toContain(`assets/${workers[0]}`)
  })

  it('precaches every icon the manifest, its shortcuts and index.html name', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8'))
    const icons = [...manifest.icons, ...manifest.shortcuts.flatMap((s: { icons: unknown[] }) => s.icons)].map((i) => i.src)
    expect(icons.length).toBeGreaterThanOrEqual(6)
    for (const src of [...icons, 'apple-touch-icon.png', 'icon.svg']) expect(precached).toContain(src)
  })

  it('leaves nothing the app uses out, and puts nothing in that does not exist (source maps stay out)', () => {
    const files = filesUnder(dist)
    for (const url of precached) expect(files).toContain(url)
    // Everything else in dist is the service worker itself, its Workbox runtime, a source map, or the bundled event's
    // schedule feed (fetched past the service worker to revalidate; the precache holds the build's hashed copy).
    const notPrecached = files.filter((f) => !precached.includes(f))
    for (const f of notPrecached) expect(f).toMatch(/^sw\.js$|^workbox-[\w-]+\.js$|\.map$|^data\/kubecon-na-2025\.snapshot\.json$/)
    expect(notPrecached).toContain('data/kubecon-na-2025.snapshot.json')
    expect(readFileSync(join(dist, 'data/kubecon-na-2025.snapshot.json'), 'utf8')).toBe(readFileSync('data/kubecon-na-2025.snapshot.json', 'utf8'))
    expect(precached.some((u) => u.endsWith('.map'))).toBe(false)
    expect(new Set(precached).size).toBe(precached.length) // no entry twice
  })

  it('serves index.html for every route, and sends only file-looking paths past it', () => {
    expect(sw).toMatch(/createHandlerBoundToURL\(["']index\.html["']\)/)
    const denylistSource = /denylist:\s*\[\s*\/(.+?)\/\s*\]/.exec(sw)?.[1]
    expect(denylistSource).toBeDefined()
    const denied = new RegExp(denylistSource!)
    // Workbox tests the pattern against pathname + search.
    // (A shared plan travels in the fragment, /share#p=…, which never reaches the service worker.)
    for (const route of ['/', '/?q=dragonfly', '/?q=dragonfly%20v2.3', '/?day=2025-11-13&type=Keynote', '/session/74e3874b', '/plan', '/now', '/settings', '/share']) {
      expect([route, denied.test(route)]).toEqual([route, false])
    }
    for (const file of ['/sw.js', '/manifest.webmanifest', '/assets/index-abc.js.map', '/icons/icon-192.png', '/notes.txt?x=1']) {
      expect([file, denied.test(file)]).toEqual([file, true])
    }
  })

  it('waits for the user before a new version takes over (prompt mode), but controls a first visit at once', () => {
    // skipWaiting only on request (the Reload button posts SKIP_WAITING), never unconditionally.
    expect(sw).toMatch(/SKIP_WAITING/)
    // Unminified: `if (event.data.type === 'SKIP_WAITING') self.skipWaiting()`; minified: `"SKIP_WAITING"===e.data.type&&self.skipWaiting()`.
    const guarded = /(?:if\s*\([^)]*SKIP_WAITING[^)]*\)\s*\{?\s*|"SKIP_WAITING"\s*===\s*\w+\.data\.type\s*&&\s*)self\.skipWaiting\(\)/
    expect(sw).toMatch(guarded)
    expect(sw.replace(guarded, '')).not.toMatch(/skipWaiting\(\)/)
    expect(sw).toMatch(/\.clientsClaim\(\)/)
    // No runtime caching: everything offline comes from the precache.
    expect(sw).not.toMatch(/registerRoute\((?!new \w+\.NavigationRoute)/)
  })
})

describe('dist/manifest.webmanifest and the icons', () => {
  it('is webManifest.ts with start_url and scope set to the base', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8'))
    expect(manifest).toMatchObject({ ...WEB_MANIFEST, start_url: '/', scope: '/' })
  })

  it('has every rendered icon in public/ at its size (npm run icons has been run)', () => {
    for (const { file, size } of ICON_RENDERS) {
      expect([file, ...pngSize(join('public', file))]).toEqual([file, size, size])
      expect([file, ...pngSize(join(dist, file))]).toEqual([file, size, size])
    }
  })
})
