// Calendar export from the real app on the real KubeCon Thursday: My plan (whole plan and one day) and a session's
// page each download an .ics file named for what it holds, with the reminder chosen (and remembered) in the app;
// ical.js reads every file back. jsdom cannot download, so the Blob and the link's click are caught on their way out;
// the e2e test (tests/e2e/calendar.test.ts) downloads for real in Chromium.
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import ICAL from 'ical.js'
import { vi } from 'vitest'
import { SETTING_REMINDER_MIN } from '../../src/db/settings'
import { setStarLevel } from '../../src/db/stars'
import { installSnapshot } from '../../src/db/snapshotInstall'
import { indexedDbUserData } from '../../src/db/userDataStore'
import { holdOpen } from '../unit/db/factories'
import { byTitle, loadSeed } from '../fixtures/seedUpdate'
import { useFreshDB } from './planFixtures'
import { renderApp } from './renderApp'

const getDb = useFreshDB()
const seed = loadSeed()
const DRAGONFLY = byTitle(seed.sessions, 'Dragonfly v2.3.0') // 3:15–3:45 PM EST
const FLUX = byTitle(seed.sessions, 'AI-Assisted GitOps With Flux MCP Server') // 11:00–11:30 AM EST

interface Download {
  fileName: string
  text: string
}

/** Catches what the app hands the browser to download: the Blob behind the object URL, and the link's file name. */
function catchDownloads(): { files: () => Promise<Download[]> } {
  const blobs = new Map<string, Blob>()
  const caught: Promise<Download>[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:hallway-test/${blobs.size + 1}`
    blobs.set(url, blob as Blob)
    return url
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)
    if (blob) caught.push(blob.text().then((text) => ({ fileName: this.download, text })))
  })
  return { files: () => Promise.all(caught) }
}

function events(ics: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(ics) as any[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
}

async function starred(...entries: Array<[typeof DRAGONFLY, 'must' | 'maybe']>): Promise<void> {
  const db = getDb()
  await installSnapshot(db, seed)
  for (const [session, level] of entries) await setStarLevel(indexedDbUserData(db), seed.event.id, session.id, level)
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('calendar export', () => {
  it('is disabled on an empty plan, and says why', async () => {
    await starred()
    await renderApp({ snapshot: seed, db: getDb(), url: '/plan' })
    const section = await screen.findByRole('region', { name: 'Add to your calendar' })
    const button = within(section).getByRole('button', { name: /^Export plan/ })
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription('Your plan is empty: star sessions first, then export them here.')
  })

  it('exports the whole plan with the reminder the user picks, and remembers the pick', async () => {
    await starred([DRAGONFLY, 'must'], [FLUX, 'maybe'])
    const downloads = catchDownloads()
    const { user } = await renderApp({ snapshot: seed, db: getDb(), url: '/plan' })
    const section = await screen.findByRole('region', { name: 'Add to your calendar' })

    await user.selectOptions(within(section).getByRole('combobox', { name: 'Reminder in your calendar' }), '10 min before')
    await waitFor(async () => expect(await getDb().settings.get(SETTING_REMINDER_MIN)).toEqual({ key: SETTING_REMINDER_MIN, value: 10 }))
    await user.click(within(section).getByRole('button', { name: /^Export plan \(2 sessions\)/ }))

    await screen.findByText('Downloaded hallway-kubecon-na-2025-plan.ics (2 sessions, each with a reminder 10 min before). Open it to add it to your calendar.')
    const [file] = await downloads.files()
    expect(file!.fileName).toBe('hallway-kubecon-na-2025-plan.ics')
    const parsed = events(file!.text)
    expect(parsed.map((e) => [e.summary, e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual([
      [FLUX.title, '2025-11-13T16:00:00.000Z', '2025-11-13T16:30:00.000Z'],
      [DRAGONFLY.title, '2025-11-13T20:15:00.000Z', '2025-11-13T20:45:00.000Z'],
    ])
    for (const e of parsed) {
      const alarm = e.component.getFirstSubcomponent('valarm')!
      expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-PT10M')
      expect(e.description).toContain(`In Hallway: ${window.location.origin}/session/`)
    }

    // Remembered: the session page says which reminder its export will carry.
    await user.click(screen.getByRole('link', { name: DRAGONFLY.title }))
    expect(await screen.findByRole('button', { name: 'Add to calendar' })).toHaveAccessibleDescription(
      'Downloads an .ics file, reminder 10 min before (set in Settings)',
    )
  })

  it('an export right after picking a reminder carries it, before the pick is read back from storage', async () => {
    await starred([DRAGONFLY, 'must'])
    const downloads = catchDownloads()
    await renderApp({ snapshot: seed, db: getDb(), url: '/plan' })
    const section = await screen.findByRole('region', { name: 'Add to your calendar' })
    const exportButton = await within(section).findByRole('button', { name: /^Export plan \(1 session\)/ })
    await waitFor(() => expect(exportButton).toBeEnabled())

    // In one go, as a quick hand (or a slow phone's storage) makes it: the pick is not yet read back when export runs.
    fireEvent.change(within(section).getByRole('combobox', { name: 'Reminder in your calendar' }), { target: { value: '15' } })
    fireEvent.click(exportButton)

    await screen.findByText(/^Downloaded hallway-kubecon-na-2025-plan\.ics \(1 session, each with a reminder 15 min before\)/)
    const [file] = await downloads.files()
    const alarm = events(file!.text)[0]!.component.getFirstSubcomponent('valarm')!
    expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-PT15M')
  })

  it('exports one day from its header, and one session from its page, with no reminder by default', async () => {
    await starred([DRAGONFLY, 'must'], [FLUX, 'must'])
    const downloads = catchDownloads()
    const { user } = await renderApp({ snapshot: seed, db: getDb(), url: '/plan' })

    await user.click(await screen.findByRole('button', { name: 'Export day: Thursday, Nov 13 to your calendar (2 sessions, .ics file)' }))
    await screen.findByText(/^Downloaded hallway-kubecon-na-2025-thursday\.ics \(2 sessions\)/)

    await user.click(screen.getByRole('link', { name: DRAGONFLY.title }))
    await user.click(await screen.findByRole('button', { name: 'Add to calendar' }))
    await screen.findByText(/^Downloaded hallway-kubecon-na-2025-dragonfly-v2-3-0\.ics \(1 session\)/)

    const [day, one] = await downloads.files()
    expect(day!.fileName).toBe('hallway-kubecon-na-2025-thursday.ics')
    expect(events(day!.text)).toHaveLength(2)
    expect(day!.text).toContain('X-WR-CALNAME:KubeCon + CloudNativeCon North America 2025: Thursday')
    expect(one!.fileName).toBe('hallway-kubecon-na-2025-dragonfly-v2-3-0.ics')
    const [event] = events(one!.text)
    expect(event!.uid).toBe(`${DRAGONFLY.id}@kubecon-na-2025.hallway`)
    expect(event!.location).toBe('Georgia Ballroom 2, Building C, Level 3')
    expect(event!.component.getFirstSubcomponent('valarm')).toBeNull()
    expect(one!.text).not.toContain('X-WR-CALNAME')
  })

  it("on a session's page shown before storage has opened, waits for the remembered reminder and says so", async () => {
    await starred()
    await indexedDbUserData(getDb()).transact((tx) => tx.putSetting(SETTING_REMINDER_MIN, 10))
    const release = holdOpen(getDb())
    const downloads = catchDownloads()
    const { user } = await renderApp({ snapshot: seed, db: getDb(), url: `/session/${DRAGONFLY.id}` })

    const button = await screen.findByRole('button', { name: 'Add to calendar' })
    // The page shows from the bundled snapshot: the reminder is not known yet, so no export can be right.
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription(/reading your reminder setting/)

    release()
    await waitFor(() => expect(button).toBeEnabled())
    expect(button).toHaveAccessibleDescription(/reminder 10 min before/)
    await user.click(button)
    await screen.findByText(/^Downloaded hallway-kubecon-na-2025-dragonfly-v2-3-0\.ics \(1 session, each with a reminder 10 min before\)/)
    const [one] = await downloads.files()
    expect(events(one!.text)[0]!.component.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger')!.toString()).toBe('-PT10M')
  })
})
