// The plan in real Chromium against the production build: star from the list, see the overlap in My plan, resolve it
// with an alternative, undo; and a second tab that follows stars and walking settings live, without a reload.
import type { Page } from 'playwright-core'
import { collectPageErrors, starFromList, usePhonePage } from './harness'

const { served, context, page } = usePhonePage()

const FLUX = 'AI-Assisted GitOps With Flux MCP Server'
const FLAGS = 'Feature Flags Suck!'
const KUBEVIRT = 'High-Performance AI Workloads in KubeVirt VMs With NVIDIA GPUs: Challenges and Real-World Solutions'
const SPRING = 'Autoscaling Spring Boot Apps in Kubernetes With KEDA'
const SIG_API = 'SIG API Machinery and AI: What Comes Next?'

const planLink = (p: Page) => p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^My plan/ })

describe('the plan in Chromium', () => {
  it('stars from the list, shows the overlap in My plan, resolves it with an alternative, and undoes that', async () => {
    await page().goto(served().url)
    await starFromList(page(), FLUX)
    await starFromList(page(), FLAGS)
    await expect.poll(() => planLink(page()).getAttribute('href')).toBe('/plan')
    await page().getByRole('link', { name: 'My plan (2)', exact: true }).click()

    await page().getByRole('heading', { level: 1, name: 'My plan' }).waitFor()
    await page().getByText(`Overlaps with ${FLAGS} (11:00 – 11:30 AM EST)`).waitFor()
    expect(await page().getByText('Overlap:', { exact: true }).count()).toBe(2)

    await page().getByRole('button', { name: `Resolve overlap: ${FLUX} and ${FLAGS}`, exact: true }).click()
    const dialog = page().getByRole('dialog', { name: 'Resolve overlap' })
    await dialog.waitFor()
    // Same type (AI + ML) ranks first; it would still overlap the talk the user keeps, and says so.
    const first = dialog.locator('.resolve__alternatives > li').first()
    expect(await first.locator('.resolve__title').textContent()).toBe(KUBEVIRT)
    expect(await first.textContent()).toContain(`Would overlap: Overlaps with ${FLAGS}`)
    await dialog.getByRole('button', { name: `Pick ${KUBEVIRT} instead of ${FLUX}`, exact: true }).click()

    await page().getByText(`Picked ${KUBEVIRT} instead of ${FLUX}. ${FLUX} is now a maybe.`).waitFor()
    await page().getByRole('link', { name: 'My plan (3)', exact: true }).waitFor()
    await page().getByRole('link', { name: KUBEVIRT, exact: true }).waitFor()
    // Focus is on Undo (the Resolve button went with the overlap): Enter undoes.
    await expect.poll(() => page().evaluate(() => document.activeElement?.textContent)).toBe('Undo')
    await page().keyboard.press('Enter')

    await page().getByText('Undone.').waitFor()
    await page().getByRole('link', { name: 'My plan (2)', exact: true }).waitFor()
    await page().getByRole('button', { name: `Resolve overlap: ${FLUX} and ${FLAGS}`, exact: true }).waitFor()
    expect(await page().getByRole('link', { name: KUBEVIRT, exact: true }).count()).toBe(0)
  })

  it('shows stars and walking settings from another tab live, without a reload', async () => {
    await page().goto(served().url)
    await page().getByRole('searchbox', { name: 'Search sessions' }).waitFor()
    const other = await context().newPage()
    const otherErrors = collectPageErrors(other)
    await other.goto(`${served().url}/plan`)
    await other.getByText('Nothing in your plan yet').waitFor()
    // Interact in the first tab as a user would: in front. (A background tab gets no animation frames, which makes
    // every click wait on Chromium's throttling; the watching tab needs none to update.)
    await page().bringToFront()

    await starFromList(page(), SPRING)
    await starFromList(page(), SIG_API)
    await other.getByRole('link', { name: SPRING, exact: true }).waitFor()
    await other.getByRole('link', { name: 'My plan (2)', exact: true }).waitFor()
    // B4 → C3 in 15 minutes works at a normal pace…
    expect(await other.getByText(/Only 15 min to walk/).count()).toBe(0)

    // …and not at a relaxed one, set in the first tab.
    await page().getByRole('link', { name: 'Settings', exact: true }).click()
    await page().getByRole('radio', { name: /^Relaxed/ }).check()
    expect(await page().getByRole('radio', { name: /^Relaxed/ }).isChecked()).toBe(true)
    await other
      .getByText('Only 15 min to walk from Building B Level 4 to Building C Level 3 (≈17 min)')
      .first()
      .waitFor()
    expect(otherErrors).toEqual([])
  })

  it('keeps a note in IndexedDB across a reload, shows it in My plan, and a share link does not carry it', async () => {
    await page().goto(served().url)
    await starFromList(page(), FLUX)
    await page().getByRole('link', { name: new RegExp(`^${FLUX}`) }).first().click()
    await page().getByRole('button', { name: 'Add a note' }).click()
    await page().getByRole('textbox', { name: 'Private note on this session (never shared)' }).fill('sit near the door')
    await page().getByRole('button', { name: 'Save note' }).click()
    await page().getByText('Note saved. Only you can see it.').waitFor()
    await expect
      .poll(() =>
        page().evaluate(
          () =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open('hallway')
              open.onsuccess = () => {
                const get = open.result.transaction('notes').objectStore('notes').count()
                get.onsuccess = () => resolve(get.result)
              }
            }),
        ),
      )
      .toBe(1)

    await page().reload()
    await page().getByText('sit near the door').waitFor()
    await planLink(page()).click()
    await page().getByText('sit near the door').waitFor()
    await page().getByRole('button', { name: 'Share my plan' }).click()
    const link = await page().getByRole('textbox', { name: /link/i }).inputValue()
    expect(decodeURIComponent(link)).not.toContain('door')
  })
})
