// `npm run icons`: renders every PNG icon the manifest and index.html name (ICON_RENDERS in src/pwa/webManifest.ts)
// from the one source, public/icon.svg, in Debian's Chromium. The PNGs are committed; run this after editing the SVG.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ICON_RENDERS, type IconRender, type IconVariant } from '../src/pwa/webManifest'
import { launchChromium } from '../tests/e2e/harness'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const PUBLIC = resolve(ROOT, 'public')
const VIEWBOX = 512 // px: public/icon.svg's viewBox is 0 0 512 512
// The maskable safe zone is a circle of radius 0.4 × size around the centre (W3C manifest spec, "icon masks").
// The corridor's outermost corners sit 216 px from the centre (√(160² + 144²)); 0.8 brings them to 173 px, well
// inside the 205 px safe radius, so even Android's circle mask shows every wall whole.
const MASKABLE_SCALE = 0.8

// Shortcut glyphs, drawn over the icon's own background in the doorway's yellow, in the 512 × 512 space.
const SHORTCUT_GLYPHS: Partial<Record<IconVariant, string>> = {
  // A five-pointed star: starred sessions are the plan.
  'shortcut-plan':
    '<path fill="#ffcf5c" d="M256 92 L304 196 L418 208 L332 284 L357 396 L256 338 L155 396 L180 284 L94 208 L208 196 Z"/>',
  // A clock face: what is on now.
  'shortcut-now':
    '<circle cx="256" cy="256" r="158" fill="none" stroke="#ffcf5c" stroke-width="44"/>' +
    '<path d="M256 256 V162 M256 256 L318 300" stroke="#ffcf5c" stroke-width="40" stroke-linecap="round" fill="none"/>',
}

/** The SVG markup for one icon: the source, squared off and/or rescaled as the variant needs. */
function variantSvg(source: string, variant: IconVariant, size: number): string {
  const doc = source.replace(/<svg\b/, `<svg width="${size}" height="${size}"`)
  const square = (svg: string) => svg.replace(/(<rect id="background"[^>]*?)\s+rx="\d+"/, '$1')
  switch (variant) {
    case 'any':
      return doc
    case 'apple':
      return square(doc)
    case 'maskable': {
      const c = VIEWBOX / 2
      const transform = `translate(${c} ${c}) scale(${MASKABLE_SCALE}) translate(${-c} ${-c})`
      return square(doc).replace('<g id="artwork">', `<g id="artwork" transform="${transform}">`)
    }
    case 'shortcut-plan':
    case 'shortcut-now': {
      const glyph = SHORTCUT_GLYPHS[variant] ?? ''
      // Keep the background (rounded: shortcut menus show icons as they are), swap the corridor for the glyph.
      return doc.replace(/<g id="artwork">[\s\S]*?<\/g>/, `<g id="artwork">${glyph}</g>`)
    }
  }
}

async function main(): Promise<void> {
  const source = await readFile(resolve(PUBLIC, 'icon.svg'), 'utf8')
  for (const id of ['background', 'artwork']) {
    if (!source.includes(`id="${id}"`)) throw new Error(`public/icon.svg needs an element with id="${id}" (see the comment in it)`)
  }
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    for (const render of ICON_RENDERS) await renderOne(page, source, render)
  } finally {
    await browser.close()
  }
}

async function renderOne(page: import('playwright-core').Page, source: string, { file, size, variant }: IconRender): Promise<void> {
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${variantSvg(source, variant, size)}</body></html>`,
  )
  const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' })
  const out = resolve(PUBLIC, file)
  await mkdir(dirname(out), { recursive: true })
  await writeFile(out, png)
  console.log(`public/${file}: ${size}×${size} ${variant}, ${png.length} bytes`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
