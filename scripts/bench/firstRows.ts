// Timing "first session rows visible" in a real page: an init script notes performance.now() the moment the first
// session link is in the DOM, so polling from the test driver adds nothing to the figure.
import type { BrowserContext, Page } from 'playwright-core'

/** Lighthouse's mobile profile slows the CPU 4×, roughly a mid-range phone against a desktop core. */
export const MOBILE_CPU_SLOWDOWN = 4

// Also, on the app's pages: the moment a tap on a card's star would work (React has attached the card's handlers: its
// props are on the button, whether rendered or hydrated; checked every frame), and the layout shifts since the start.
const RECORD_FIRST_ROWS = `(() => {
  const seen = () => document.querySelector('main a[href*="/session/"], [data-first-rows] a[href*="/session/"]')
  const mark = () => { if (window.__firstRowsAt === undefined && seen()) { window.__firstRowsAt = performance.now(); obs.disconnect() } }
  const obs = new MutationObserver(mark)
  obs.observe(document, { childList: true, subtree: true })
  document.addEventListener('DOMContentLoaded', mark)
  const live = () => {
    const star = document.querySelector('main .card__star button')
    if (star && Object.keys(star).some((k) => k.startsWith('__reactProps'))) window.__interactiveAt = performance.now()
    else requestAnimationFrame(live)
  }
  requestAnimationFrame(live)
  window.__layoutShift = 0
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__layoutShift += e.value
  }).observe({ type: 'layout-shift', buffered: true })
})()`

export async function instrument(context: BrowserContext): Promise<void> {
  await context.addInitScript(RECORD_FIRST_ROWS)
}

export async function throttleCpu(page: Page, rate = MOBILE_CPU_SLOWDOWN): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
}

/**
 * ms from navigation start to a star tap working on the first card, and the layout shift summed until then plus
 * `settleMs` (time-dependent badges and the user's data land just after); after {@link timeToFirstRows}.
 */
export async function interactiveAndShift(page: Page, settleMs = 1500): Promise<{ interactive: number; shift: number }> {
  await page.waitForFunction(() => (window as unknown as { __interactiveAt?: number }).__interactiveAt !== undefined, null, { timeout: 60_000, polling: 50 })
  await page.waitForTimeout(settleMs)
  return page.evaluate(() => {
    const w = window as unknown as { __interactiveAt: number; __layoutShift: number }
    return { interactive: w.__interactiveAt, shift: w.__layoutShift }
  })
}

/** Navigates (or reloads) and returns ms from navigation start to the first session rows in the DOM. */
export async function timeToFirstRows(page: Page, url: string | undefined): Promise<number> {
  if (url === undefined) await page.reload({ waitUntil: 'commit' })
  else await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(() => (window as unknown as { __firstRowsAt?: number }).__firstRowsAt !== undefined, null, {
    timeout: 60_000,
    polling: 50,
  })
  return page.evaluate(() => (window as unknown as { __firstRowsAt: number }).__firstRowsAt)
}
