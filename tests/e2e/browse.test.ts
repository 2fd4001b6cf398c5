// The first-visit experience in real Chromium against the production build: sessions show, search narrows
// them, a session's URL opens its detail, and the schedule really lands in IndexedDB.
import type { Page } from 'playwright-core'
import { newPhoneContext, starFromList, usePhonePage, waitForListApp } from './harness'

const { served, browser, page } = usePhonePage()

const search = (p: Page) => p.getByRole('searchbox', { name: 'Search sessions' })
// The live result count under the search box ("99 sessions"), as opposed to slot headers' counts.
const resultCount = (p: Page) => p.locator('p[aria-live="polite"]').first().textContent()

describe('browsing the bundled KubeCon schedule', () => {
  it('opens on the day list with all 99 sessions, grouped by time slot', async () => {
    await page().goto(served().url)
    await expect.poll(() => resultCount(page())).toBe('99 sessions')
    // The first slot of the day and its sessions are on screen.
    await page().getByRole('link', { name: /^Badge Pick-Up/ }).waitFor()
    expect(await page().getByText(/8:00\s*AM/).count()).toBeGreaterThan(0)
    // The list is virtualized: far fewer cards in the DOM than sessions.
    const rendered = await page().locator('main a[href*="/session/"]').count()
    expect(rendered).toBeGreaterThan(3)
    expect(rendered).toBeLessThan(99)
  })

  it('narrows the list as you type, keeps the search in the URL, and survives a reload', async () => {
    await page().goto(served().url)
    await waitForListApp(page())
    // Two titles and one description mention Dragonfly; a second word narrows to the one talk.
    await search(page()).fill('dragonfly')
    await expect.poll(() => resultCount(page())).toBe('3 sessions')
    await search(page()).pressSequentially(' v2.3')
    await expect.poll(() => resultCount(page())).toBe('1 session')
    await page().getByRole('link', { name: /^Dragonfly v2\.3\.0/ }).waitFor()
    await expect.poll(() => new URL(page().url()).searchParams.get('q')).toBe('dragonfly v2.3')
    await page().reload()
    expect(await search(page()).inputValue()).toBe('dragonfly v2.3')
    expect(await resultCount(page())).toBe('1 session')
    await page().getByRole('link', { name: /^Dragonfly v2\.3\.0/ }).waitFor()
  })

  it('says what to do when nothing matches', async () => {
    await page().goto(`${served().url}/?q=zzzxqj`)
    await page().getByText('No sessions match "zzzxqj"').waitFor()
    await page().getByRole('button', { name: 'Clear filters', exact: true }).click()
    await expect.poll(() => resultCount(page())).toBe('99 sessions')
    expect(new URL(page().url()).search).toBe('')
  })

  it("opens a session's own URL on its detail, and gets there by tapping its card", async () => {
    await page().goto(served().url)
    await waitForListApp(page())
    await search(page()).fill('dragonfly')
    await page().getByRole('link', { name: /^Dragonfly v2\.3\.0/ }).click()
    await page().getByRole('heading', { level: 1, name: 'Dragonfly v2.3.0' }).waitFor()
    const detailUrl = page().url()
    expect(new URL(detailUrl).pathname).toMatch(/^\/session\/[0-9a-f]{8}$/)
    expect(await page().getByText(/3:15\s*–\s*3:45\s*PM EST/).count()).toBeGreaterThan(0)
    expect(await page().getByText(/Building C · Level 3 · Georgia Ballroom 2/).count()).toBeGreaterThan(0)
    expect(await page().getByText(/P2P technology within cloud-native architectures/).count()).toBe(1)

    // A cold open of the same URL in a fresh context lands straight on the detail.
    const other = await newPhoneContext(browser())
    const deepPage = await other.newPage()
    await deepPage.goto(detailUrl)
    await deepPage.getByRole('heading', { level: 1, name: 'Dragonfly v2.3.0' }).waitFor()
    await other.close()
  })

  it('opens the session from anywhere on its card, and a speaker’s page from their name on it; no link is inside another', async () => {
    const p = page()
    await p.goto(served().url)
    await search(p).fill('Flux MCP')
    await expect.poll(() => resultCount(p)).toBe('1 session')
    const card = p.locator('.card-wrap', { has: p.getByRole('link', { name: 'AI-Assisted GitOps With Flux MCP Server' }) })
    await card.waitFor()
    expect(await p.locator('#session-list a a').count()).toBe(0)

    // A tap on the card's room line (not on the title) reaches the title's link, stretched over the card.
    await card.locator('.card__room').click({ force: true })
    await p.getByRole('heading', { level: 1, name: 'AI-Assisted GitOps With Flux MCP Server' }).waitFor()
    await p.goBack()
    await card.getByRole('link', { name: 'Stefan Prodan' }).click()
    await p.getByRole('heading', { level: 1, name: 'Stefan Prodan' }).waitFor()
    expect(new URL(p.url()).pathname).toBe('/speaker/n-stefan-prodan')

    // The whole list, scrolled through (it is virtualized): every card seen, and no nested link in any.
    await p.goto(served().url)
    await expect.poll(() => resultCount(p)).toBe('99 sessions')
    // The count and the first rows are in the HTML (prerendered); the rest of the list comes with the app, which
    // sizes the list once it has taken the page over.
    await waitForListApp(p)
    const seen = new Set<string>()
    let nested = 0
    for (let last = -1; ; ) {
      nested += await p.locator('#session-list a a').count()
      for (const id of await p.locator('#session-list a.card__title').evaluateAll((as) => as.map((a) => a.getAttribute('data-session-id')))) seen.add(id!)
      const y = await p.evaluate(async () => {
        window.scrollBy(0, 500)
        // The list renders the rows of the new position from its scroll listener, and a frame fires its scroll events
        // before its animation-frame callbacks: once this one has run, the rows are there to be read. Without it a
        // busy machine read the old rows, and the next step scrolled past some (95 of 99 seen).
        await new Promise(requestAnimationFrame)
        return window.scrollY
      })
      if (y === last) break
      last = y
    }
    expect(seen.size).toBe(99)
    expect(nested).toBe(0)
  })

  it('stores the schedule in IndexedDB on first open', async () => {
    await page().goto(served().url)
    await page().getByRole('link', { name: /^Badge Pick-Up/ }).waitFor()
    // The list shows the bundled snapshot before Dexie has loaded; the install into IndexedDB follows.
    const storedCount = () =>
      page().evaluate(async () => {
        if (!(await indexedDB.databases()).some((d) => d.name === 'hallway')) return 0
        const open = indexedDB.open('hallway')
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          open.onsuccess = () => resolve(open.result)
          open.onerror = () => reject(open.error)
        })
        try {
          if (!db.objectStoreNames.contains('sessions')) return 0
          const count = db.transaction('sessions').objectStore('sessions').count()
          return await new Promise<number>((resolve) => (count.onsuccess = () => resolve(count.result)))
        } finally {
          db.close()
        }
      })
    await expect.poll(storedCount).toBe(99)
  })

  it('hides a room from the filters for good (a starred session in it stays, marked), and Show brings it back', async () => {
    const p = page()
    await p.goto(served().url)
    // B206 holds five sessions; one of them starred stays in the list.
    const starred = 'AI-Assisted GitOps With Flux MCP Server'
    await starFromList(p, starred)
    await search(p).fill('')
    await expect.poll(() => resultCount(p)).toBe('99 sessions')

    await p.getByRole('button', { name: /^Filters/ }).click()
    await p.getByLabel('Hide a room or type').selectOption('room:B206')
    await p.getByRole('button', { name: 'Hide', exact: true }).click()
    await expect.poll(() => resultCount(p)).toBe('95 sessions')
    const show = p.getByRole('button', { name: '1 hidden · Show' })
    await show.waitFor()

    await p.reload()
    await show.waitFor()
    await expect.poll(() => resultCount(p)).toBe('95 sessions')
    await search(p).fill('Flux MCP')
    await p.locator(`[data-card-for]`, { hasText: starred }).getByText('In a hidden room').waitFor()
    await search(p).fill('')

    await show.click()
    await expect.poll(() => resultCount(p)).toBe('99 sessions')
    expect(await p.getByRole('button', { name: /hidden · Show/ }).count()).toBe(0)
    await p.reload()
    await expect.poll(() => resultCount(p)).toBe('99 sessions')
    expect(await p.getByRole('button', { name: /hidden · Show/ }).count()).toBe(0)
  })
})
