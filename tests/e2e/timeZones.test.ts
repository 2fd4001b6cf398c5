// Time zones in real Chromium with the device in Tokyo (timezoneId), against the production build: the list reads in
// venue time (EST) by default, whatever the device zone, and in device time (JST, with "(next day)") once chosen,
// while sessions stay under the venue's day.
import type { BrowserContext } from 'playwright-core'
import { axeViolations, collectPageErrors, newPhoneContext, usePhonePage } from './harness'

const { served, browser } = usePhonePage()

let context: BrowserContext | undefined
afterEach(async () => {
  await context?.close()
})

describe('a device in Tokyo', () => {
  it('shows 3:15 PM EST for Dragonfly by default, and 5:15 AM JST (next day) in device time', async () => {
    context = await newPhoneContext(browser(), { timezoneId: 'Asia/Tokyo' })
    const p = await context.newPage()
    const errors = collectPageErrors(p)
    await p.goto(`${served().url}/?q=dragonfly`)
    // The device really is in Tokyo: UTC+9, and its own name for the zone.
    expect(await p.evaluate(() => [new Date().getTimezoneOffset(), Intl.DateTimeFormat().resolvedOptions().timeZone])).toEqual([-540, 'Asia/Tokyo'])

    const card = p.locator('.card-wrap', { has: p.getByRole('link', { name: /^Dragonfly v2\.3\.0/ }) })
    expect(await card.locator('.card__time').textContent()).toBe('3:15 – 3:45 PM EST')
    await p.getByRole('heading', { level: 1, name: 'Thursday, Nov 13' }).waitFor()

    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await p.getByRole('radio', { name: /^Venue time \(EST\)/ }).waitFor()
    expect(await p.getByRole('radio', { name: /^Venue time \(EST\)/ }).isChecked()).toBe(true)
    await p.getByRole('radio', { name: /^This device's time \(JST\)/ }).check()
    expect(await axeViolations(p)).toEqual([])

    await p.goto(`${served().url}/?q=dragonfly`)
    await expect.poll(() => card.locator('.card__time').textContent()).toBe('5:15 – 5:45 AM JST (next day)')
    await p.getByRole('heading', { level: 2, name: '5:15 AM (next day) 2 sessions' }).waitFor()
    // Still the venue's Thursday, with the same sessions in it.
    await p.getByRole('heading', { level: 1, name: 'Thursday, Nov 13' }).waitFor()
    expect(await p.locator('.schedule__count').textContent()).toBe('3 sessions')
    expect(errors).toEqual([])
  })
})
