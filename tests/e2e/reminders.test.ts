// Leave-now reminders in real Chromium against the production build, on the browser's controlled clock (timers
// follow it, unlike the /now?at= preview): a few minutes before a plan session, a notification from the service
// worker, or the in-app banner, says when to leave and from where.
import type { Page } from 'playwright-core'
import { est } from '../fixtures/factories'
import { byTitle, loadSeed } from '../fixtures/seedUpdate'
import { starFromList, usePhonePage } from './harness'

const { served, context, page } = usePhonePage()
const seed = loadSeed()
const FLUX = byTitle(seed.sessions, 'AI-Assisted GitOps With Flux MCP Server') // 11:00–11:30, B206
const SIG_API = byTitle(seed.sessions, 'SIG API Machinery and AI: What Comes Next?') // 11:45, Georgia Ballroom 2

/** The service worker's notifications (title and body), or the banner's sentence when it took over. */
async function reminderShown(p: Page): Promise<string[]> {
  // Both places: Chromium headless shows real notifications when permission is granted, but a worker that is not
  // ready yet sends the reminder to the banner instead, and either is what the user would see.
  const notes = await p.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready
    return (await registration.getNotifications()).map((n) => `${n.title}: ${n.body}`)
  })
  const banner = await p.locator('.notice--leave .notice__text').allTextContents()
  return [...notes, ...banner.map((t) => t.trim())]
}

describe('leave-now reminders in Chromium', () => {
  it('on the controlled clock, says when to leave and from where, at the moment the walk asks for', async () => {
    const p = page()
    await context().grantPermissions(['notifications'], { origin: served().url })
    await p.clock.install({ time: new Date(est('10:40am')) })
    await p.goto(served().url)
    for (const s of [FLUX, SIG_API]) await starFromList(p, s.title)
    await p.getByRole('link', { name: 'Settings' }).first().click()
    await p.getByRole('radio', { name: 'Musts and maybes' }).check()
    await p.getByText(/^Reminders show as notifications while Hallway is open/).waitFor()
    await p.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
    expect(await reminderShown(p)).toEqual([])

    // 10:50: ten minutes before the day's first plan session (no walk to count).
    await p.clock.runFor('10:05')
    await expect.poll(() => reminderShown(p), { timeout: 10_000 }).toEqual([
      'Leave now for B206 (Building B · Level 2): Starts 11:00 AM, in 10 min. AI-Assisted GitOps With Flux MCP Server',
    ])

    // 11:32 is 13 minutes (the walk from B206 to Building C) before 11:45; a minute before, nothing new.
    await p.clock.runFor('41:00')
    expect(await reminderShown(p)).toHaveLength(1)
    await p.clock.runFor('01:05')
    // Chromium lists the worker's notifications newest first.
    await expect.poll(() => reminderShown(p), { timeout: 10_000 }).toContain(
      `Leave now for Georgia Ballroom 2 (Building C · Level 3): ≈13 min walk from B206. Starts 11:45 AM. ${SIG_API.title}`,
    )
  })
})
