// Venue time and device time on the real app, with this test process's own clock set to Tokyo (process.env.TZ, which
// Node applies at once to Date and Intl): times read as the venue's (EST) until the user picks device time in
// Settings; then they read as JST with "(next day)" where the date differs, while days stay the venue's.
import { screen, waitFor, within } from '@testing-library/react'
import { SETTING_TIME_DISPLAY } from '../../src/db/settings'
import { installSnapshot } from '../../src/db/snapshotInstall'
import { byTitle, loadSeed } from '../fixtures/seedUpdate'
import { useFreshDB } from './planFixtures'
import { renderApp } from './renderApp'

const getDb = useFreshDB()
const seed = loadSeed()
const DRAGONFLY = byTitle(seed.sessions, 'Dragonfly v2.3.0') // 3:15–3:45 PM EST = 5:15–5:45 AM JST on Friday

let machineZone: string | undefined
beforeEach(() => {
  machineZone = process.env.TZ
  process.env.TZ = 'Asia/Tokyo'
})
afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ
  else process.env.TZ = machineZone
})

function cardOf(title: string): HTMLElement {
  return screen.getByRole('link', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).closest('.card-wrap') as HTMLElement
}

describe('time display on a device in Tokyo', () => {
  it('shows venue time by default, and device time once chosen, with the venue day kept', async () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Asia/Tokyo')
    await installSnapshot(getDb(), seed)
    const { user } = await renderApp({ snapshot: seed, db: getDb(), url: '/?q=dragonfly' })

    await screen.findByRole('heading', { level: 1, name: 'Thursday, Nov 13' })
    expect(within(cardOf(DRAGONFLY.title)).getByText('3:15 – 3:45 PM EST')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: '3:15 PM 2 sessions' })).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: 'Settings' }))
    const venue = await screen.findByRole('radio', { name: /^Venue time \(EST\)/ })
    expect(venue).toBeChecked()
    const device = screen.getByRole('radio', { name: /^This device's time \(JST\)/ })
    expect(device).toHaveAccessibleDescription('Asia/Tokyo: 8:00 AM at the venue is 10:00 PM here. Sessions stay under the venue\'s days.')
    await user.click(device)
    await waitFor(async () => expect((await getDb().settings.get(SETTING_TIME_DISPLAY))?.value).toBe('device'))

    await user.click(screen.getByRole('link', { name: 'Schedule' }))
    await screen.findByRole('heading', { level: 1, name: 'Thursday, Nov 13' }) // the venue day, as before
    await user.type(screen.getByRole('searchbox', { name: 'Search sessions' }), 'dragonfly')
    await waitFor(() => expect(within(cardOf(DRAGONFLY.title)).getByText('5:15 – 5:45 AM JST (next day)')).toBeInTheDocument())
    expect(screen.getByRole('heading', { level: 2, name: '5:15 AM (next day) 2 sessions' })).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: new RegExp(`^${DRAGONFLY.title}`) }))
    await screen.findByRole('heading', { level: 1, name: DRAGONFLY.title })
    const when = screen.getByText('When').nextElementSibling as HTMLElement
    expect(when.textContent?.replace(/\s+/g, ' ')).toBe(
      'Friday, Nov 14 · 5:15 – 5:45 AM JST (at the venue: Thursday, Nov 13 · 3:15 – 3:45 PM EST)',
    )
  })

  it('keeps every session under its venue day whichever zone is shown', async () => {
    await installSnapshot(getDb(), seed)
    await getDb().settings.put({ key: SETTING_TIME_DISPLAY, value: 'device' })
    await renderApp({ snapshot: seed, db: getDb(), url: '/' })
    // All 99 sessions of the venue's Thursday, though from 10 AM EST on they fall on Friday in Tokyo.
    await screen.findByRole('heading', { level: 1, name: 'Thursday, Nov 13' })
    expect(document.querySelector('.schedule__count')?.textContent).toBe(`${seed.sessions.length} sessions`)
    // 8:00 AM EST is 10:00 PM on Thursday in Tokyo too: no day note.
    expect(await screen.findByRole('heading', { level: 2, name: '10:00 PM 2 sessions' })).toBeInTheDocument()
  })
})
