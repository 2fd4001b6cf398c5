// The web app manifest and the icon files it names. Build-time only: vite.config.ts hands it to vite-plugin-pwa,
// scripts/icons.ts renders every PNG listed in ICON_RENDERS from public/icon.svg, and the build test reads both.
import type { ManifestOptions } from 'vite-plugin-pwa'

/** How scripts/icons.ts draws one PNG from public/icon.svg (or, for shortcuts, a glyph on the icon's background). */
export type IconVariant =
  /** The icon as drawn: rounded corners, transparent outside them. */
  | 'any'
  /** Square and full-bleed, artwork shrunk into the safe zone (a circle of 40 % of the size around the centre). */
  | 'maskable'
  /** Square and full-bleed at full size: iOS rounds the corners itself and would fill transparency with black. */
  | 'apple'
  | 'shortcut-plan'
  | 'shortcut-now'

export interface IconRender {
  /** Path under public/ (and so under the site root). */
  file: string
  /** Pixels, square. */
  size: number
  variant: IconVariant
}

export const ICON_RENDERS: readonly IconRender[] = [
  // 192 and 512 are the two sizes Chromium's installability check and Android's splash screen ask for.
  { file: 'icons/icon-192.png', size: 192, variant: 'any' },
  { file: 'icons/icon-512.png', size: 512, variant: 'any' },
  { file: 'icons/maskable-192.png', size: 192, variant: 'maskable' },
  { file: 'icons/maskable-512.png', size: 512, variant: 'maskable' },
  // 180: the iPhone home-screen size (@3x of 60 pt); iOS scales it for iPad.
  { file: 'apple-touch-icon.png', size: 180, variant: 'apple' },
  // 96: the size Chromium asks for in shortcut menus (it warns about smaller ones).
  { file: 'icons/shortcut-plan-96.png', size: 96, variant: 'shortcut-plan' },
  { file: 'icons/shortcut-now-96.png', size: 96, variant: 'shortcut-now' },
]

/** Matches the page background in light mode (index.html's theme-color and --bg), so the splash and title bar
 *  don't flash a different colour before the app paints. */
export const LIGHT_BACKGROUND = '#f7f7fb'

function png(file: string, purpose?: 'any' | 'maskable') {
  const size = ICON_RENDERS.find((r) => r.file === file)?.size
  if (size === undefined) throw new Error(`webManifest: ${file} is not in ICON_RENDERS`)
  return { src: file, sizes: `${size}x${size}`, type: 'image/png', ...(purpose ? { purpose } : {}) }
}

/**
 * The manifest. URLs are relative to the manifest, which vite-plugin-pwa writes to the site root, so the app also
 * works from a sub-path. start_url and scope are left to the plugin: it sets both to Vite's base.
 */
export const WEB_MANIFEST: Partial<ManifestOptions> = {
  // A stable identity, so a later change of start_url does not make browsers treat it as a different app.
  id: './',
  name: 'Hallway — conference agenda',
  short_name: 'Hallway',
  description: 'Your conference agenda, offline: browse the schedule, star talks into a plan, see overlaps and tight walks, even with no Wi-Fi.',
  display: 'standalone',
  orientation: 'any',
  lang: 'en',
  dir: 'ltr',
  categories: ['productivity', 'events'],
  theme_color: LIGHT_BACKGROUND,
  background_color: LIGHT_BACKGROUND,
  icons: [
    png('icons/icon-192.png', 'any'),
    png('icons/icon-512.png', 'any'),
    png('icons/maskable-192.png', 'maskable'),
    png('icons/maskable-512.png', 'maskable'),
  ],
  shortcuts: [
    {
      name: 'My plan',
      short_name: 'Plan',
      description: 'The sessions you starred, with overlaps and tight walks',
      url: './plan',
      icons: [png('icons/shortcut-plan-96.png')],
    },
    {
      name: 'Now',
      short_name: 'Now',
      description: "What's on now and next",
      url: './now',
      icons: [png('icons/shortcut-now-96.png')],
    },
  ],
  // Hallway in the phone's share sheet (Web Share Target, once installed): shared text opens "Add from a list…"
  // filled in, and a shared Hallway link opens the shared plan. GET, so the target is an ordinary route of the app
  // (no file extension): the service worker serves it from the precache like any other, and it works offline.
  share_target: {
    action: './add-from-list',
    method: 'GET',
    // The spec's default, said out loud: Chromium warns when it is left out.
    enctype: 'application/x-www-form-urlencoded',
    params: { title: 'title', text: 'text', url: 'url' },
  },
}
