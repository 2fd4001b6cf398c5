// Hostile schedule text in real Chromium on a 320 px phone: words far wider than the screen (URLs, a 70-character
// identifier, German compounds) must wrap, never make a view scroll sideways; and text ending in an unclosed
// RIGHT-TO-LEFT OVERRIDE must stay inside its own isolate, never reversing the app's words around it. Both walk every
// view with the one schedule of tests/fixtures/hostileSchedule.ts, opened through the real file input.
import type { Locator, Page } from 'playwright-core'
import { DURING, HOSTILE, hostileScheduleJson, RLO } from '../fixtures/hostileSchedule'
import { usePhonePage } from './harness'

const { served, page } = usePhonePage()

// px: the narrowest phone in common use (iPhone SE 1st gen, small Androids).
const PHONE = { width: 320, height: 640 }

const switcher = (p: Page) => p.getByRole('button', { name: /^Event: / })

/** Opens the hostile file in the open-schedule dialog and waits for its preview; returns the dialog. */
async function previewHostile(p: Page, origin: string): Promise<Locator> {
  await p.setViewportSize(PHONE)
  await p.goto(origin)
  await switcher(p).click()
  await p.getByRole('button', { name: 'Open another schedule…' }).click()
  const dialog = p.getByRole('dialog', { name: 'Open another schedule' })
  await dialog
    .getByLabel('Schedule file')
    .setInputFiles({ name: HOSTILE.fileName, mimeType: 'application/json', buffer: Buffer.from(hostileScheduleJson()) })
  await dialog.getByRole('button', { name: 'Add and switch to it' }).waitFor()
  return dialog
}

/** Adds the previewed file and waits for its list. */
async function add(p: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Add and switch to it' }).click()
  await dialog.waitFor({ state: 'detached' })
  await p.locator('.card__title').first().waitFor()
}

/** Stars sessions from the list by the start of their titles: the two short hostile ones, then the two long ones. */
async function star(p: Page, titles = ['Opening', 'Rust', 'Read https', 'io.k8s']): Promise<void> {
  for (const title of titles) {
    // The accessible name starts with the title; the hostile ones end in a control character, so match the start.
    await p.getByRole('button', { name: new RegExp(`^Star ${title.replace(/\./g, '\\.')}`) }).click()
    await p.getByRole('button', { name: new RegExp(`^Must: ${title.replace(/\./g, '\\.')}`) }).waitFor()
  }
}

async function toPlan(p: Page): Promise<void> {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^My plan/ }).click()
  await p.getByRole('heading', { level: 1, name: 'My plan' }).waitFor()
  await p.locator('.conflict').first().waitFor()
}

/** The share link of the current plan, from the Share dialog (left open for the caller to check, then closed). */
async function shareLink(p: Page, check: () => Promise<void>): Promise<string> {
  await p.getByRole('button', { name: 'Share my plan' }).click()
  const share = p.getByRole('dialog', { name: 'Share your plan' })
  const link = await share.getByRole('textbox', { name: 'Link', exact: true }).inputValue()
  await check()
  await p.keyboard.press('Escape')
  await share.waitFor({ state: 'detached' })
  return link
}

/** Runs `check` with the filters panel open, then closes it. */
async function withFilters(p: Page, check: () => Promise<void>): Promise<void> {
  await p.getByRole('button', { name: /^Filters/ }).click()
  await p.getByRole('combobox').first().waitFor()
  await check()
  await p.getByRole('button', { name: /^Filters/ }).click()
}

/** Runs `check` with the event menu open, then closes it. */
async function withEventMenu(p: Page, check: () => Promise<void>): Promise<void> {
  await switcher(p).click()
  await p.getByRole('button', { name: 'Open another schedule…' }).waitFor()
  await check()
  await p.keyboard.press('Escape')
}

/** Runs `check` on Settings with the hostile event's Remove confirmation open, then cancels it. */
async function withRemoveDialog(p: Page, origin: string, check: () => Promise<void>): Promise<void> {
  await p.goto(`${origin}/settings`)
  await p.getByRole('button', { name: /^Remove / }).click()
  await p.getByRole('dialog').waitFor()
  await check()
  await p.getByRole('button', { name: 'Cancel' }).click()
}

/** Runs `check` with the resolve dialog of the first conflict whose Resolve button matches `name` open, then closes it. */
async function withResolveDialog(p: Page, name: RegExp, check: () => Promise<void>): Promise<void> {
  await p.getByRole('button', { name }).first().click()
  await p.getByRole('dialog').waitFor()
  await check()
  await p.keyboard.press('Escape')
}

/** Opens the speakers list from the main navigation, then the page of the speaker whose name starts with `name`. */
async function throughSpeakers(p: Page, name: string, checkList: () => Promise<void>): Promise<void> {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Speakers' }).click()
  await p.getByRole('heading', { level: 1, name: 'Speakers' }).waitFor()
  await checkList()
  await p.getByRole('link', { name: new RegExp(`^${name}`) }).click()
  await p.getByRole('heading', { level: 1, name: new RegExp(`^${name}`) }).waitFor()
}

async function toNow(p: Page, origin: string, at: string): Promise<void> {
  await p.goto(`${origin}/now?at=${at}`)
  await p.getByText(/^You are at/).waitFor()
}

/**
 * Why the page scrolls sideways, if it does: the document wider than the viewport, any element reaching past its
 * right edge (only the innermost of a nested run, so the report names the culprit), and any box scrolling sideways
 * inside itself (a dialog body that overflows would only move the problem).
 */
function sideways(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const width = document.documentElement.clientWidth
    const problems: string[] = []
    if (document.documentElement.scrollWidth > width) problems.push(`the page is ${document.documentElement.scrollWidth} px wide`)
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`
    const wide = new Set<Element>()
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect()
      // px: half a pixel of subpixel layout is not overflow.
      if (r.width > 0 && r.right > width + 0.5) wide.add(el)
      const style = getComputedStyle(el)
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${name(el)} scrolls sideways inside (${el.scrollWidth} px in ${el.clientWidth} px)`)
      }
    }
    for (const el of wide) {
      if ([...el.querySelectorAll('*')].some((child) => wide.has(child))) continue
      problems.push(`${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px: "${(el.textContent ?? '').slice(0, 40)}"`)
    }
    // Text can overflow a box that itself fits (an anonymous flex item around a bare text node). Text a box clips on
    // purpose does not count: the header's one-line event title (ellipsis), visually hidden labels.
    const clipped = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        if (['hidden', 'clip'].includes(getComputedStyle(e).overflowX)) return true
      }
      return false
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement
      if (!parent || wide.has(parent) || clipped(parent)) continue
      range.selectNodeContents(n)
      const right = range.getBoundingClientRect().right
      if (right > width + 0.5) problems.push(`text in ${name(parent)} reaches ${Math.round(right)} px: "${(n.textContent ?? '').slice(0, 40)}"`)
    }
    return problems
  })
}

/**
 * Schedule text whose RLO can reach the app's words. Every hostile field of the fixture ends in its RLO, so an RLO
 * followed by more text in the same text node means schedule text was joined with other words into one string. An
 * RLO at the end of a text node leaks unless its element is a <bdi>, has a dir, is computed `unicode-bidi: isolate`
 * or `plaintext`, or is a box holding nothing but that text (a block's text is its own bidi paragraph, which ends any
 * override). And no RLO may be left in a label people read (aria-label, title…) or the document's title, where no
 * element can isolate it.
 */
function bidiLeaks(p: Page): Promise<string[]> {
  return p.evaluate((rlo) => {
    const leaks: string[] = []
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text
      const el = text.parentElement
      if (!el || !text.data.includes(rlo)) continue
      const style = getComputedStyle(el)
      const isolated = el.tagName === 'BDI' || el.hasAttribute('dir') || ['isolate', 'plaintext', 'isolate-override'].includes(style.unicodeBidi)
      const ownBox = style.display !== 'inline' && style.display !== 'contents' && el.textContent === text.data
      const joined = text.data.trimEnd().indexOf(rlo) < text.data.trimEnd().length - 1
      if (joined || (!isolated && !ownBox)) leaks.push(`${name(el)}: ${JSON.stringify(el.textContent)}`)
    }
    // Read by people (or their screen readers); `value`, `href` and the like are not.
    const labels = ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'alt', 'placeholder', 'label']
    for (const el of document.querySelectorAll('*')) {
      for (const attr of labels) {
        const value = el.getAttribute(attr)
        if (value?.includes(rlo)) leaks.push(`${name(el)}[${attr}]: ${JSON.stringify(value)}`)
      }
    }
    if (document.title.includes(rlo)) leaks.push(`document.title: ${JSON.stringify(document.title)}`)
    return leaks
  }, RLO)
}

/**
 * Where each character of `word` (the app's own, in one text node of `root`) is drawn, left edge in px, in logical
 * order: increasing when the word reads left to right, decreasing when an override has reversed it.
 */
function glyphLefts(root: Locator, word: string): Promise<number[]> {
  return root.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text
      const at = text.data.indexOf(w)
      if (at < 0) continue
      const range = document.createRange()
      return Array.from({ length: w.length }, (_, i) => {
        range.setStart(text, at + i)
        range.setEnd(text, at + i + 1)
        return Math.round(range.getBoundingClientRect().left * 10) / 10
      })
    }
    return []
  }, word)
}

async function readsLeftToRight(root: Locator, word: string): Promise<string> {
  const lefts = await glyphLefts(root, word)
  if (lefts.length === 0) return `"${word}" not found`
  return lefts.every((x, i) => i === 0 || x > lefts[i - 1]!) ? 'left to right' : `reversed: ${lefts.join(', ')}`
}

describe('hostile schedule text in Chromium at 320 px', () => {
  it('never makes a view scroll sideways: long words wrap in every field on every screen', async () => {
    const p = page()
    const origin = served().url
    const found: Record<string, string[]> = {}
    const check = async (view: string) => {
      found[view] = await sideways(p)
    }

    const dialog = await previewHostile(p, origin)
    await check('open-schedule preview')
    await add(p, dialog)
    await check('schedule list')
    await withFilters(p, () => check('schedule list, filters open'))
    await star(p)
    await check('schedule list, starred')

    await withEventMenu(p, () => check('event menu'))

    await toPlan(p)
    await check('my plan')
    const link = await shareLink(p, () => check('share dialog'))
    await withResolveDialog(p, /^Resolve overlap: (io\.k8s|Read https)/, () => check('resolve dialog'))

    await p.locator('.srow__title', { hasText: 'Read https' }).first().click()
    await p.getByRole('heading', { level: 1, name: /^Read https/ }).waitFor()
    await check('session page (URL title, long room, track, speaker, URL in description)')
    await p.goBack()
    await p.locator('.srow__title', { hasText: 'io.k8s' }).first().click()
    await p.getByRole('heading', { level: 1, name: /^io\.k8s/ }).waitFor()
    await check('session page (identifier title)')
    await throughSpeakers(p, 'Maximiliane', () => check('speakers list'))
    await check('speaker page (long name and company, URL title)')

    await toNow(p, origin, DURING.long)
    await check('now')

    await withRemoveDialog(p, origin, () => check('settings, remove dialog'))

    await p.goto(link)
    await p.getByText(/^Read https/).first().waitFor()
    await check('shared plan')

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])))
  })

  it('keeps bidi controls in schedule text from reordering the app’s words, on every screen', async () => {
    const p = page()
    const origin = served().url
    const leaks: Record<string, string[]> = {}
    const order: Record<string, string> = {}
    const check = async (view: string) => {
      leaks[view] = await bidiLeaks(p)
    }

    const dialog = await previewHostile(p, origin)
    await check('open-schedule preview')
    // "Konferenz…‮.json: Donau…‮, 5 sessions." — the counts after the file name and title.
    order['open-schedule preview: the count'] = await readsLeftToRight(dialog.locator('.open-schedule__status'), 'sessions')
    await add(p, dialog)
    order['"Added …" toast'] = await readsLeftToRight(p.locator('.toast__message'), 'showing')
    await check('schedule list')
    // Genuine right-to-left text still reads right to left.
    const search = p.getByRole('searchbox', { name: 'Search sessions' })
    await search.fill('مقدمة')
    order['an Arabic title, right to left'] = await readsLeftToRight(p.locator('.card__title', { hasText: 'مقدمة' }), 'مقدمة').then(
      (result) => (result.startsWith('reversed') ? 'right to left' : result),
    )
    await search.fill('')
    await withFilters(p, () => check('schedule list, filters open'))
    await star(p, ['Opening', 'Rust'])
    await check('schedule list, starred')
    const openingCard = p.locator('.card-wrap', { has: p.locator('.card__title', { hasText: /^Opening/ }) })
    order['list: overlap line'] = await readsLeftToRight(openingCard.locator('.conflict__text'), '10:45')
    await star(p, ['Read https', 'io.k8s'])

    await withEventMenu(p, () => check('event menu'))

    await toPlan(p)
    await check('my plan')
    // The issue's "(CTU MA 03:01 – 00:01)".
    order['my plan: overlap line'] = await readsLeftToRight(p.locator('.conflict__text', { hasText: 'Overlaps with Rust' }), '10:45')
    const link = await shareLink(p, () => check('share dialog'))
    await withResolveDialog(p, /^Resolve overlap: Opening/, () => check('resolve dialog'))

    await p.locator('.srow__title', { hasText: 'Opening' }).first().click()
    await p.getByRole('heading', { level: 1, name: /^Opening/ }).waitFor()
    await check('session page')
    await throughSpeakers(p, 'Ada', () => check('speakers list'))
    await check('speaker page')

    await toNow(p, origin, DURING.rtl)
    await check('now')
    order['now: "Walks are from there."'] = await readsLeftToRight(p.locator('.now__here'), 'Walks')

    await withRemoveDialog(p, origin, () => check('settings, remove dialog'))

    await p.goto(link)
    await p.getByText(/^Opening/).first().waitFor()
    await check('shared plan')

    expect({ leaks, order }).toEqual({
      leaks: Object.fromEntries(Object.keys(leaks).map((view) => [view, []])),
      order: {
      'open-schedule preview: the count': 'left to right',
      '"Added …" toast': 'left to right',
      'an Arabic title, right to left': 'right to left',
      'list: overlap line': 'left to right',
      'my plan: overlap line': 'left to right',
      'now: "Walks are from there."': 'left to right',
      },
    })
  })
})
