// Sharing a plan in real Chromium against the production build: star two sessions, take the link from the share
// dialog (copied to the real clipboard), open it in a fresh browser context with a plan of its own, compare, add
// one session, and check both plans; then a damaged link, which says so and leaves the plan alone.
import type { Page } from 'playwright-core'
import { collectPageErrors, newPhoneContext, starFromList, usePhonePage } from './harness'

const { served, browser, context, page } = usePhonePage()

const FLUX = 'AI-Assisted GitOps With Flux MCP Server'
const FLAGS = 'Feature Flags Suck!'
const DRAGONFLY = 'Dragonfly v2.3.0'

/** The session titles on My plan, in order. */
async function planTitles(p: Page): Promise<string[]> {
  await p.goto(`${served().url}/plan`)
  await p.getByRole('heading', { level: 1, name: 'My plan' }).waitFor()
  await p.locator('.timeline .srow__title').first().waitFor()
  return p.locator('.timeline .srow__title').allTextContents()
}

describe('sharing a plan in Chromium', () => {
  it('shares a plan by link, opens it in another browser, compares, adds one session; a damaged link changes nothing', async () => {
    // The sender: two sessions, then the link from the share dialog.
    await context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served().url })
    await page().goto(served().url)
    await starFromList(page(), FLUX)
    await starFromList(page(), DRAGONFLY)
    await page().getByRole('link', { name: 'My plan (2)', exact: true }).click()
    await page().getByRole('button', { name: 'Share my plan' }).click()
    const dialog = page().getByRole('dialog', { name: 'Share your plan' })
    await dialog.getByLabel('Name (optional)').fill("Sam's Thursday")
    await dialog.getByRole('button', { name: 'Copy link' }).click()
    await dialog.getByText('Link copied').waitFor()
    const link = await dialog.getByRole('textbox', { name: 'Link', exact: true }).inputValue()
    expect(link.startsWith(`${served().url}/share#p=`)).toBe(true)
    expect(link.length).toBeLessThan(200)
    expect(await page().evaluate(() => navigator.clipboard.readText())).toBe(link)
    // The QR code is drawn from the lazily loaded chunk.
    await dialog.getByRole('img', { name: 'QR code of the link to your plan' }).waitFor()

    // The receiver: a fresh browser context (its own storage) with one session of its own.
    const other = await newPhoneContext(browser())
    try {
      const receiver = await other.newPage()
      const errors = collectPageErrors(receiver)
      await receiver.goto(served().url)
      await starFromList(receiver, FLAGS)

      await receiver.goto(link)
      await receiver.getByRole('heading', { level: 1, name: "Sam's Thursday" }).waitFor()
      await receiver.getByText("2 sessions in this plan: none also in yours, 2 only in theirs. You have 1 session they don't.").waitFor()
      const fluxCard = receiver.locator('.cmp', { has: receiver.getByRole('link', { name: FLUX, exact: true }) })
      expect(await fluxCard.locator('.cmp__tag').textContent()).toContain('Only theirs')
      // The overlap adding it would make, said before adding.
      await fluxCard.getByText(`Overlaps with ${FLAGS} (11:00 – 11:30 AM EST)`).waitFor()
      expect(await fluxCard.getByText('Would overlap:').count()).toBe(1)
      await receiver.locator('.cmp', { has: receiver.getByRole('link', { name: FLAGS, exact: true }) }).getByText('Only yours').waitFor()

      await fluxCard.getByRole('button', { name: `Add to my plan: ${FLUX} (as must)` }).click()
      await receiver.getByText(`Added ${FLUX} to your plan.`).waitFor()
      await receiver.getByRole('link', { name: 'My plan (2)', exact: true }).waitFor()
      expect(await fluxCard.locator('.cmp__tag').textContent()).toContain('In both plans')

      // Both plans: the receiver's gained Flux and kept Flags; the sender's is as it was.
      // Flux and Flags both run 11:00–11:30: the order between them is the plan's business, not this test's.
      expect((await planTitles(receiver)).sort()).toEqual([FLUX, FLAGS].sort())
      expect(await planTitles(page())).toEqual([FLUX, DRAGONFLY])

      // A damaged link: one character changed in the middle of the plan.
      const at = link.indexOf('#p=') + 30
      const damaged = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1)
      await receiver.goto(damaged)
      await receiver.getByRole('heading', { level: 1, name: "This link can't be opened" }).waitFor()
      await receiver.getByText('This link is damaged, so the plan in it cannot be read. Ask for the link again.').waitFor()
      await receiver.getByText("Your own plan hasn't changed.").waitFor()
      expect(await receiver.getByRole('button', { name: /^Add/ }).count()).toBe(0)
      expect((await planTitles(receiver)).sort()).toEqual([FLUX, FLAGS].sort())
      expect(errors).toEqual([])
    } finally {
      await other.close()
    }
  })
})
