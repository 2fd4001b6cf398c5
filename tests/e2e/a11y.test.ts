// axe-core on every view, light and dark, in real Chromium against the production build. Zero violations is the
// gate (deterministic, unlike timings), so a regression fails CI with the rule and the element named.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import type { EventId, SessionId } from '../../src/domain/model'
import { shareUrl } from '../../src/domain/shareCodec'
import { axeViolations, starFromList, usePhonePage } from './harness'

const { served, page } = usePhonePage()

const snapshot = JSON.parse(readFileSync('data/kubecon-na-2025.snapshot.json', 'utf8')) as { sessions: { id: string; title: string }[] }
const DRAGONFLY = snapshot.sessions.find((s) => s.title === 'Dragonfly v2.3.0')!
const FLUX = 'AI-Assisted GitOps With Flux MCP Server'
const FLAGS = 'Feature Flags Suck!'
// Their plan: Flags (overlaps Flux, which the viewer has) and Dragonfly; named, so the heading is the name.
const SHARED = shareUrl(
  {
    eventId: 'kubecon-na-2025' as EventId,
    stars: new Map([
      [snapshot.sessions.find((s) => s.title === FLAGS)!.id as SessionId, 'must'],
      [DRAGONFLY.id as SessionId, 'maybe'],
    ]),
    name: "Sam's Thursday",
  },
  snapshot.sessions.map((s) => s.id as SessionId),
  '/share',
)
// A plan for an event this device does not have.
const OTHER_EVENT = shareUrl(
  { eventId: 'fosdem-2026' as EventId, stars: new Map([[DRAGONFLY.id as SessionId, 'must']]) },
  snapshot.sessions.map((s) => s.id as SessionId),
  '/share',
)

// Each view in the state that shows the most: an overlap in the plan, filters open, a preview time on Now.
const VIEWS: Array<[string, (p: Page, base: string) => Promise<void>]> = [
  ['the schedule list', async (p, base) => {
    await p.goto(base)
    await p.getByRole('link', { name: /^Badge Pick-Up/ }).waitFor()
  }],
  ['the list with filters open and a search', async (p, base) => {
    await p.goto(`${base}/?q=kubernetes`)
    await p.getByRole('button', { name: /^Filters/ }).click()
    await p.getByRole('combobox', { name: 'Building' }).waitFor()
  }],
  ['the timetable grid with an overlap', async (p, base) => {
    await p.goto(base)
    await starFromList(p, FLUX)
    await starFromList(p, FLAGS)
    await p.goto(`${base}/?view=grid`)
    await p.locator('.tt-cell').first().waitFor()
    // Their room is off to the right on a phone: scroll the grid along until its cells are rendered.
    const clash = p.locator('.tt-cell__link', { hasText: FLUX }).getByText('Overlap')
    for (let i = 0; i < 40 && !(await clash.count()); i++) {
      await p.locator('.tt-scroll').evaluate((el) => el.scrollBy(288, 0))
      await p.waitForTimeout(50)
    }
    await clash.waitFor()
  }],
  ['the empty state', async (p, base) => {
    await p.goto(`${base}/?q=zzzxqj`)
    await p.getByText('No sessions match "zzzxqj"').waitFor()
  }],
  ['a session detail', async (p, base) => {
    await p.goto(`${base}/session/${DRAGONFLY.id}`)
    await p.getByRole('heading', { level: 1, name: 'Dragonfly v2.3.0' }).waitFor()
  }],
  ['My plan with an overlap', async (p, base) => {
    await p.goto(base)
    await starFromList(p, FLUX)
    await starFromList(p, FLAGS)
    await p.goto(`${base}/plan`)
    await p.getByText(`Overlaps with ${FLAGS} (11:00 – 11:30 AM EST)`).waitFor()
  }],
  ['Now & next (preview)', async (p, base) => {
    await p.goto(`${base}/now?at=2025-11-13T16:10:00Z`)
    await p.getByRole('heading', { level: 1, name: 'Now & next' }).waitFor()
  }],
  ['the speakers list', async (p, base) => {
    await p.goto(`${base}/speakers`)
    await p.getByRole('link', { name: 'Stefan Prodan' }).waitFor()
  }],
  ['a speaker page with a starred session', async (p, base) => {
    await p.goto(base)
    await starFromList(p, FLUX)
    await p.goto(`${base}/speaker/n-stefan-prodan`)
    await p.getByRole('button', { name: `Must: ${FLUX} (change to maybe)` }).waitFor()
  }],
  ['the venue map with a room marked', async (p, base) => {
    await p.goto(`${base}/map?room=${encodeURIComponent('B406b-407')}`)
    await p.getByRole('heading', { level: 1, name: 'B406b-407 · Building B · Level 4' }).waitFor()
  }],
  ['the venue map with the walk between two plan sessions', async (p, base) => {
    await p.goto(`${base}/map?from=${snapshot.sessions.find((s) => s.title === FLUX)!.id}&to=${DRAGONFLY.id}`)
    await p.locator('.map__route').waitFor()
  }],
  ['Settings', async (p, base) => {
    await p.goto(`${base}/settings`)
    await p.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  }],
  ['the share dialog with its QR code', async (p, base) => {
    await p.goto(base)
    await starFromList(p, FLUX)
    await p.goto(`${base}/plan`)
    await p.getByRole('button', { name: 'Share my plan' }).click()
    await p.getByRole('img', { name: 'QR code of the link to your plan' }).waitFor()
  }],
  ['a shared plan next to yours, with the overlaps adding would bring', async (p, base) => {
    await p.goto(base)
    await starFromList(p, FLUX)
    await p.goto(`${base}${SHARED}`)
    await p.getByRole('heading', { level: 1, name: "Sam's Thursday" }).waitFor()
    await p.getByRole('button', { name: 'Show them' }).click()
  }],
  ['a damaged share link', async (p, base) => {
    await p.goto(`${base}${SHARED.slice(0, -8)}`)
    await p.getByRole('heading', { level: 1, name: "This link can't be opened" }).waitFor()
  }],
  ['the event switcher, open', async (p, base) => {
    await p.goto(base)
    await p.getByRole('button', { name: /^Event: / }).click()
    await p.getByRole('group', { name: 'Events on this device' }).waitFor()
  }],
  ['a schedule file’s preview, with its warnings and zone', async (p, base) => {
    await openScheduleFile(p, base, 'tests/fixtures/pretalx-democon.json')
    await p.getByText('pretalx-democon.json: DemoCon, 36 sessions.').waitFor()
  }],
  ['a schedule file’s problems', async (p, base) => {
    const doc = JSON.parse(readFileSync('tests/fixtures/pretalx-democon.json', 'utf8'))
    for (const e of doc.schedule.conference.days[0].rooms['Gray Room']) e.title = null
    await openScheduleFile(p, base, { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) })
    await p.getByText('broken.json can’t be opened.').waitFor()
  }],
  ['Settings → Events, asking before removing an event', async (p, base) => {
    await openScheduleFile(p, base, 'tests/fixtures/pretalx-democon.json')
    await p.getByRole('button', { name: 'Add and switch to it' }).click()
    await p.getByRole('button', { name: 'Event: DemoCon', exact: true }).waitFor()
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await p.getByRole('button', { name: 'Remove DemoCon…' }).click()
    await p.getByRole('dialog', { name: 'Remove DemoCon?' }).waitFor()
  }],
  ['a shared plan for an event not on this device', async (p, base) => {
    await p.goto(`${base}${OTHER_EVENT}`)
    await p.getByRole('button', { name: 'Open a schedule file…' }).waitFor()
  }],
]

/** Opens "Open another schedule" from the event switcher and picks a file (a path, or a file made in the test). */
async function openScheduleFile(p: Page, base: string, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await p.goto(base)
  await p.getByRole('button', { name: /^Event: / }).click()
  await p.getByRole('button', { name: 'Open another schedule…' }).click()
  await p.getByRole('dialog', { name: 'Open another schedule' }).getByLabel('Schedule file').setInputFiles(file)
}

describe('axe-core finds no violations', () => {
  // Each view is opened once and checked in both colour schemes: the page reacts to prefers-color-scheme at once, so
  // a second load only cost time (this file was the suite's slowest).
  it.each(VIEWS)('on %s (light and dark)', async (_name, open) => {
    await page().emulateMedia({ colorScheme: 'light' })
    await open(page(), served().url)
    const light = await axeViolations(page())
    await page().emulateMedia({ colorScheme: 'dark' })
    const dark = await axeViolations(page())
    expect({ light, dark }).toEqual({ light: [], dark: [] })
  })
})
