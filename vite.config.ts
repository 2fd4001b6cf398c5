// Build config: React, and the service worker + web app manifest (vite-plugin-pwa, Workbox generateSW) that make
// Hallway work offline from a cold start and installable. README "How offline works" explains the result.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { WEB_MANIFEST } from './src/pwa/webManifest.ts'

/**
 * The build shown in settings, so people (and the update test) can tell which version a tab runs. VITE_APP_BUILD
 * from the environment wins (CI, the update test); otherwise the commit. Deliberately no timestamp: two builds of
 * the same code must be byte-identical, or every redeploy would offer an "update" that changes nothing.
 */
function appBuildOf(): string {
  if (process.env.VITE_APP_BUILD) return process.env.VITE_APP_BUILD
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return 'unknown' // built from a tarball without git
  }
}
// Once per build: the app and its prerendered first screen name the same build.
const APP_BUILD = appBuildOf()

/**
 * Navigations that must reach the network (or fail) instead of getting the app shell: anything whose last path
 * segment has a dot is a file (/sw.js, /manifest.webmanifest, /assets/…json, /icons/…png), and opening one in a
 * tab should show that file. Workbox tests these against pathname + search, so the pattern stops at "?": a search
 * like /?q=v2.3 is a route and must still get the shell.
 */
const NAVIGATE_FALLBACK_DENYLIST = [/^[^?]*\/[^/?]*\.[^/?]*(?:\?.*)?$/]

/**
 * Everything the first view loads, in one chunk beside the entry: left to itself the bundler splits off each module a
 * lazy screen shares with the entry (time, search, conflicts, icons…) into a chunk of its own, about a dozen small files
 * that each compress alone and cost the first view ~2 KB gzip more than the same code in one file. A module goes here
 * when the entry reaches it through static imports only; whatever only a lazy import reaches keeps its own chunk.
 */
function firstViewChunk(moduleId: string, ctx: { getModuleInfo: (id: string) => { importers: readonly string[]; isEntry: boolean } | null }): string | null {
  const seen = new Set<string>()
  const reachesEntry = (id: string): boolean => {
    if (seen.has(id)) return false
    seen.add(id)
    const info = ctx.getModuleInfo(id)
    if (!info) return false
    if (info.isEntry) return true
    return info.importers.some(reachesEntry)
  }
  return reachesEntry(moduleId) ? 'app' : null
}

/**
 * `<link rel="preload" as="fetch">` for the bundled snapshot in index.html: the list's first rows come from it (see
 * the storage session, src/db/session.ts), so it downloads alongside the app's JS instead of after the JS has run
 * and asked for it.
 * loadBundledSnapshot's fetch (same URL, same-origin credentials) then takes the preloaded response.
 */
function preloadSnapshot(): Plugin {
  let base = '/'
  return {
    name: 'hallway-preload-snapshot',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const snapshot = Object.values(ctx.bundle ?? {}).find((f) => f.type === 'asset' && /snapshot-[\w-]+\.json$/.test(f.fileName))
        if (!snapshot) throw new Error('hallway-preload-snapshot: no snapshot asset in the bundle')
        return [{ tag: 'link', attrs: { rel: 'preload', href: `${base}${snapshot.fileName}`, as: 'fetch', crossorigin: 'anonymous' }, injectTo: 'head' }]
      },
    },
  }
}

/** index.html's root element, between the markers: the shell the dev server shows, and the build replaces. */
const FIRST_SCREEN_SLOT = /<!--first-screen-->[\s\S]*<!--\/first-screen-->/
/** Right after the root element: where the script that may swap the prerendered screen for the shell goes. */
const FIRST_SCREEN_SCRIPT_SLOT = '<!--first-screen-script-->'

/**
 * The first screen in index.html: the bundled event's schedule list rendered at build time by React on the server
 * (src/prerender/firstScreen.tsx, through Vite's SSR loader), so an attendee sees rows as soon as the HTML is parsed
 * and the app hydrates them. With it, the inline scripts that decide before the first paint whether it is the screen to
 * show, or the shell instead (src/prerender/firstScreenScript.ts). The service worker precaches this index.html like
 * any other, so an offline start gets the same.
 */
function prerenderFirstScreen(): Plugin {
  let base = '/'
  return {
    name: 'hallway-prerender-first-screen',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!FIRST_SCREEN_SLOT.test(html) || !html.includes(FIRST_SCREEN_SCRIPT_SLOT)) throw new Error('hallway-prerender-first-screen: no <!--first-screen--> slots in index.html')
        const server = await createServer({
          configFile: false,
          root: process.cwd(),
          base,
          logLevel: 'error',
          plugins: [react()],
          server: { middlewareMode: true, hmr: false, ws: false },
          appType: 'custom',
          // Node loads the dependencies as they are; nothing to pre-bundle for one render.
          optimizeDeps: { noDiscovery: true, include: [] },
          define: { 'import.meta.env.VITE_APP_BUILD': JSON.stringify(APP_BUILD) },
        })
        try {
          const { renderFirstScreen } = (await server.ssrLoadModule('/src/prerender/firstScreen.tsx')) as typeof import('./src/prerender/firstScreen')
          const script = (await server.ssrLoadModule('/src/prerender/firstScreenScript.ts')) as typeof import('./src/prerender/firstScreenScript')
          const snapshot: unknown = JSON.parse(readFileSync('data/kubecon-na-2025.snapshot.json', 'utf8'))
          const screen = await renderFirstScreen(snapshot, base)
          return html
            .replace(FIRST_SCREEN_SLOT, () => screen.html)
            .replace(FIRST_SCREEN_SCRIPT_SLOT, () => `<script>${script.bodyScript(screen.config)}</script>`)
            // Before the stylesheet's link: an inline script after it would wait for the stylesheet to download.
            .replace('<title>', () => `<script>${script.headScript(screen.config)}</script><style>${script.FIRST_SCREEN_CSS}</style><title>`)
        } finally {
          await server.close()
        }
      },
    },
  }
}

/**
 * The bundled event's schedule feed (BUNDLED_FEED_URL in src/db/bundledSnapshot.ts): the snapshot `npm run import`
 * writes, copied under a stable, unhashed name, so a deployer updates the schedule by uploading that one file, with no
 * rebuild. Not precached (globPatterns below): the app fetches it to revalidate, and the first open reads the hashed
 * copy the precache holds.
 */
function bundledFeedFile(): Plugin {
  return {
    name: 'hallway-bundled-feed',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'data/kubecon-na-2025.snapshot.json',
        source: readFileSync('data/kubecon-na-2025.snapshot.json'),
      })
    },
  }
}

export default defineConfig({
  define: {
    'import.meta.env.VITE_APP_BUILD': JSON.stringify(APP_BUILD),
  },
  plugins: [
    react(),
    preloadSnapshot(),
    prerenderFirstScreen(),
    bundledFeedFile(),
    VitePWA({
      // Prompt, never auto-reload: a new version waits until the user taps "Reload" (src/pwa/ServiceWorkerNotices.tsx),
      // so nobody loses a half-typed search or an open clash in the middle of a hallway.
      registerType: 'prompt',
      // src/pwa/serviceWorkerRegistration.ts registers through 'virtual:pwa-register'; no extra script in index.html.
      injectRegister: false,
      // Precached on top of globPatterns: the public/ files index.html links but the manifest does not name (the SVG
      // favicon, the iOS icon). The manifest itself and every icon it names, shortcut icons included, the plugin
      // adds by itself (includeManifestIcons), so the installed app's icons and shortcuts work offline too.
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: WEB_MANIFEST,
      workbox: {
        // Precache everything else the app can ever need offline, once, at install:
        // - html: the shell (index.html), served for every route by navigateFallback below;
        // - js, css: the whole app (hashed names, so Workbox skips cache-busting them);
        // - assets/*.json: the bundled schedule snapshot (a hashed `?url` asset; json is not in Workbox's default
        //   patterns, and without it a cold offline start has no schedule). Only assets/: a stray JSON in public/
        //   is not worth shipping to every device.
        // - assets/ images: an event's floor plan (data/<event>.floorplan.json names it; the venue map imports it as
        //   a hashed `?url` asset), so a real plan shows offline too. The KubeCon event ships none: nothing added.
        // Source maps (.map) stay out: 2 MB nobody needs offline.
        globPatterns: ['**/*.{html,js,css}', 'assets/*.{json,png,jpg,jpeg,webp,svg}'],
        // Every route (/, /session/:id, /plan, /now, /settings, a shared-plan link, with any query) is the same
        // single-page shell, so a deep link opened offline gets index.html from the precache.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: NAVIGATE_FALLBACK_DENYLIST,
        // Take control of the very first visit once installed, so going offline right after it already works.
        // Updates still wait: skipWaiting stays off until the user accepts the prompt.
        clientsClaim: true,
        // The one hand-written part of the worker: tapping a "leave now" notification opens its session
        // (public/sw-notifications.js). importScripts keeps generateSW; the file is precached like every .js.
        importScripts: ['sw-notifications.js'],
        // No runtimeCaching: Hallway fetches nothing at runtime that is not in the precache (no API, no CDN fonts)
        // except schedule feeds, which must reach the server (with the HTTP cache revalidating). The bundled feed's
        // offline copy is kept by the app itself, in Cache Storage, only once checked (src/db/bundledSnapshot.ts): a
        // runtime route would cache whatever the server answered, checked or not, in front of the next start.
      },
      // No service worker under `npm run dev`: it would cache unbundled dev modules and hide edits. Offline is
      // tested against production builds (tests/e2e), as the plugin's own tests do.
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: firstViewChunk, debugName: 'first view' }],
        },
      },
    },
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
})
