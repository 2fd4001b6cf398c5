// The timetable grid in real Chromium against the production build: on a 390 px phone it scrolls both ways inside
// its box with the room headers and the time gutter stuck in place, and never widens the page; on a desktop the
// switch, the remembered choice and the keyboard work.
import type { Page } from 'playwright-core'
import { usePhonePage } from './harness'

const { served, browser, page } = usePhonePage()

const FLUX = 'AI-Assisted GitOps With Flux MCP Server'

async function box(p: Page, selector: string) {
  const rect = await p.locator(selector).first().boundingBox()
  if (!rect) throw new Error(`${selector} is not on screen`)
  return rect
}

async function openGrid(p: Page, path = '/?view=grid') {
  await p.goto(`${served().url}${path}`)
  await p.locator('.tt-cell').first().waitFor()
}

describe('the timetable grid on a 390 px phone', () => {
  beforeEach(async () => {
    await page().setViewportSize({ width: 390, height: 844 })
  })

  it('scrolls both ways inside its box, headers and gutter stay put, columns are wide enough and the page never widens', async () => {
    const p = page()
    await openGrid(p)
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBe(390)
    // Long and all-day sessions in the band above, not over the talks.
    const band = p.getByRole('region', { name: 'All day and elsewhere' })
    await band.getByRole('link', { name: /^Badge Pick-Up/ }).waitFor()
    expect(await p.locator('.tt-scroll').getByRole('link', { name: /^Badge Pick-Up/ }).count()).toBe(0)

    const firstHead = await box(p, '.tt-head__col')
    expect(firstHead.width).toBeGreaterThanOrEqual(140)
    const size = await p.locator('.tt-scroll').evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight }))
    expect(size.sw).toBeGreaterThan(size.cw * 3)
    expect(size.sh).toBeGreaterThan(size.ch)

    // Bring the box up the page, then a finger's worth of wheel both ways inside it.
    await p.locator('.tt-scroll').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    const scroller = await box(p, '.tt-scroll')
    await p.mouse.move(scroller.x + scroller.width / 2, scroller.y + scroller.height / 2)
    await p.mouse.wheel(1200, 0)
    await p.mouse.wheel(0, 600)
    // The seed's Thursday is 810 px of grid: 600 px of wheel reaches its end.
    await expect
      .poll(() => p.locator('.tt-scroll').evaluate((el) => [el.scrollLeft > 1000, el.scrollTop > 0 && el.scrollTop >= el.scrollHeight - el.clientHeight - 1]))
      .toEqual([true, true])

    // The header row is still at the box's top, the gutter at its left, and both show what is beside them now.
    const head = await box(p, '.tt-head')
    const gutter = await box(p, '.tt-gutter')
    expect(Math.abs(head.y - scroller.y)).toBeLessThanOrEqual(2)
    expect(Math.abs(gutter.x - scroller.x)).toBeLessThanOrEqual(2)
    // …and the gutter's labels at the top of the view are the later hours, not 9 AM.
    const topLabel = await p.locator('.tt-gutter__tick').evaluateAll((ticks, below) =>
      ticks.find((t) => t.getBoundingClientRect().top >= below)?.textContent ?? '', head.y + head.height)
    expect(topLabel).not.toMatch(/^9 AM$|^9:30$/)
    // The rooms in view now are further along the venue, and cells fill the view (the virtualised range followed
    // the scroll) while most columns are not rendered at all.
    const roomsInView = await p.locator('.tt-head__col').evaluateAll((heads, [left, right]) =>
      heads.filter((h) => h.getBoundingClientRect().left >= left! - 1 && h.getBoundingClientRect().left < right!).map((h) => h.querySelector('.tt-head__room')!.textContent), [gutter.x + gutter.width, scroller.x + scroller.width])
    expect(roomsInView.length).toBeGreaterThan(0)
    expect(roomsInView).not.toContain('Exhibit Hall B2')
    expect(await p.locator('.tt-col').count()).toBeLessThan(size.sw / 144 - 2)
    const visibleCells = await p.locator('.tt-cell').evaluateAll((cells, [x, y, w, h]) =>
      cells.filter((c) => {
        const r = c.getBoundingClientRect()
        return r.right > x! && r.left < x! + w! && r.bottom > y! && r.top < y! + h!
      }).length, [scroller.x, scroller.y, scroller.width, scroller.height])
    expect(visibleCells).toBeGreaterThan(0)
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBe(390)
  })

  it('opens a session from a tapped cell, and Back returns to the grid where it was', async () => {
    const p = page()
    await openGrid(p)
    await p.getByRole('searchbox', { name: 'Search sessions' }).fill('flux mcp')
    await p.getByRole('link', { name: new RegExp(`^${FLUX}`) }).click()
    await p.getByRole('heading', { level: 1, name: FLUX }).waitFor()
    await p.getByRole('link', { name: /Back to schedule/ }).click()
    await p.locator('.tt-cell').first().waitFor()
    expect(new URL(p.url()).searchParams.get('view')).toBe('grid')
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent ?? '')).toContain(FLUX)
  })
})

describe('the timetable grid on a desktop', () => {
  it('is chosen with the switch, remembered after a reload, and driven by the keyboard', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } })
    const p = await context.newPage()
    try {
      await p.goto(served().url)
      await p.getByRole('link', { name: /^Badge Pick-Up/ }).waitFor()
      const grid = p.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'Grid' })
      await grid.click()
      expect(await grid.getAttribute('aria-pressed')).toBe('true')
      await p.locator('.tt-cell').first().waitFor()
      expect(new URL(p.url()).searchParams.get('view')).toBe('grid')

      // Remembered: the bare address opens the grid again.
      await p.goto(served().url)
      await p.locator('.tt-cell').first().waitFor()
      expect(await p.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'Grid' }).getAttribute('aria-pressed')).toBe('true')

      // One tab stop: focus it, then walk right past the rooms on screen; the box follows the focused cell.
      await p.locator('.tt-scroll .tt-cell__link[tabindex="0"]').focus()
      for (let i = 0; i < 8; i++) await p.keyboard.press('ArrowRight')
      for (let i = 0; i < 4; i++) await p.keyboard.press('ArrowDown')
      await expect.poll(() => p.locator('.tt-scroll').evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
      const focused = p.locator('.tt-cell__link:focus')
      const cell = await focused.boundingBox()
      const scroller = await box(p, '.tt-scroll')
      const head = await box(p, '.tt-head')
      const gutter = await box(p, '.tt-gutter')
      // Fully clear of the stuck header and gutter (focus visible), inside the box.
      expect(cell!.x).toBeGreaterThanOrEqual(gutter.x + gutter.width - 1)
      expect(cell!.x + cell!.width).toBeLessThanOrEqual(scroller.x + scroller.width + 1)
      expect(cell!.y).toBeGreaterThanOrEqual(head.y + head.height - 1)
      expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none')

      // "s" stars the focused cell, Enter opens it.
      const title = (await focused.locator('.tt-cell__title').textContent())!
      await p.keyboard.press('s')
      await p.getByRole('button', { name: `Must: ${title} (change to maybe)` }).waitFor()
      await p.keyboard.press('Enter')
      await p.getByRole('heading', { level: 1, name: title }).waitFor()
    } finally {
      await context.close()
    }
  })
})
