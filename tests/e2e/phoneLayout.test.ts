// What a phone shows, in real Chromium against the production build: the "Ready to work offline" note takes its own
// room instead of lying over a card, and the "or press S" keyboard hint shows only where there is a keyboard.
import type { Page } from 'playwright-core'
import { newPhoneContext, usePhonePage } from './harness'

const { served, browser } = usePhonePage()

// px: the phone (iPhone 12–15 size CSS viewport).
const PHONE = { width: 390, height: 844 }

interface Box {
  top: number
  bottom: number
  left: number
  right: number
}

/** The viewport boxes of the offline note and of every session card on screen, read in one go. */
function boxes(p: Page): Promise<{ note: Box; cards: Array<Box & { title: string }> }> {
  return p.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect()
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }
    }
    const note = [...document.querySelectorAll('[role="status"]')].find((el) => el.textContent?.includes('Ready to work offline'))!
    const cards = [...document.querySelectorAll('.card-wrap')]
      .map((el) => ({ ...box(el), title: el.querySelector('.card__title')?.textContent ?? '' }))
      .filter((c) => c.bottom > 0 && c.top < window.innerHeight)
    return { note: box(note.firstElementChild!), cards }
  })
}

const overlaps = (a: Box, b: Box) => a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right

describe('on a 390 px phone', () => {
  it('shows "Ready to work offline" without covering a card, wherever the list is scrolled', async () => {
    const context = await newPhoneContext(browser(), { viewport: PHONE, hasTouch: true, isMobile: true })
    try {
      const p = await context.newPage()
      await p.goto(served().url)
      await p.getByRole('status').filter({ hasText: 'Ready to work offline' }).waitFor({ timeout: 30_000 })
      const atTop = await boxes(p)
      expect(atTop.cards.length).toBeGreaterThan(0)
      expect(atTop.cards.filter((c) => overlaps(c, atTop.note)).map((c) => c.title)).toEqual([])

      // Scrolled down the list, the note is not carried over the cards either.
      await p.mouse.wheel(0, 1500)
      await expect.poll(() => p.evaluate(() => window.scrollY)).toBeGreaterThan(1000)
      const scrolled = await boxes(p)
      expect(scrolled.cards.length).toBeGreaterThan(0)
      expect(scrolled.cards.filter((c) => overlaps(c, scrolled.note)).map((c) => c.title)).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('hides the "or press S" hint on a touch screen, and shows it with a mouse, or once a keyboard moves focus', async () => {
    const hint = async (options: Parameters<typeof newPhoneContext>[1], { tabToStar = false } = {}) => {
      const context = await newPhoneContext(browser(), options)
      try {
        const p = await context.newPage()
        await p.goto(`${served().url}/?q=dragonfly%20v2.3`)
        await p.getByRole('link', { name: /^Dragonfly v2\.3\.0/ }).click()
        await p.getByRole('heading', { level: 1, name: 'Dragonfly v2.3.0' }).waitFor()
        if (tabToStar) {
          // A keyboard attached to the tablet: Tab from the page's heading reaches the star.
          await p.keyboard.press('Tab')
          expect(await p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Star Dragonfly v2\.3\.0/)
        }
        return await p.getByText('or press S').isVisible()
      } finally {
        await context.close()
      }
    }
    expect(await hint({ viewport: PHONE, hasTouch: true, isMobile: true })).toBe(false)
    expect(await hint({ viewport: PHONE, hasTouch: true, isMobile: true }, { tabToStar: true })).toBe(true)
    expect(await hint({ viewport: { width: 1280, height: 800 } })).toBe(true)
  })
})
