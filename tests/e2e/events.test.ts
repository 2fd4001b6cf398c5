// Other conferences in real Chromium against the production build: a bad file says why and changes nothing; the
// pretalx democon export goes in through the real file input (preview, add), the importers' worker loads only then;
// each event keeps its own stars and plan across switches and a reload; and a plan shared from the second event names
// that event in its link.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { decodePlan } from '../../src/domain/shareCodec'
import { starFromList, usePhonePage } from './harness'

const { served, context, page } = usePhonePage()

const KUBECON = 'KubeCon + CloudNativeCon North America 2025'
const FLUX = 'AI-Assisted GitOps With Flux MCP Server'
const DEMO_TALK = 'Focused 5thgeneration hardware'

const switcher = (p: Page) => p.getByRole('button', { name: /^Event: / })

async function switchTo(p: Page, title: string) {
  await switcher(p).click()
  await p.getByRole('group', { name: 'Events on this device' }).getByRole('button', { name: new RegExp(`^${escape(title)}`) }).click()
  await p.getByRole('button', { name: `Event: ${title}`, exact: true }).waitFor()
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

async function openDialog(p: Page) {
  await switcher(p).click()
  await p.getByRole('button', { name: 'Open another schedule…' }).click()
  const dialog = p.getByRole('dialog', { name: 'Open another schedule' })
  await dialog.waitFor()
  return dialog
}

/** The session titles on My plan, in order. */
async function planTitles(p: Page): Promise<string[]> {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^My plan/ }).click()
  await p.getByRole('heading', { level: 1, name: 'My plan' }).waitFor()
  await p.locator('.timeline .srow__title').first().waitFor()
  return p.locator('.timeline .srow__title').allTextContents()
}

describe('other conferences in Chromium', () => {
  it('opens the democon file, keeps each event’s stars apart, shares from it with its id; a bad file changes nothing', async () => {
    const p = page()
    const importerRequests: string[] = []
    p.on('request', (r) => {
      // The importers run in the schedule reader's worker (its script bundles them).
      if (/\/assets\/scheduleReader\.worker-[^/]*\.js$/.test(r.url())) importerRequests.push(r.url())
    })
    await p.goto(served().url)
    await switcher(p).waitFor()
    expect(await switcher(p).textContent()).toContain(KUBECON)
    // The importers are not part of the first view.
    expect(importerRequests).toEqual([])

    // A bad file: its message, and nothing else happens.
    let dialog = await openDialog(p)
    await dialog.getByLabel('Schedule file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schedule": [') })
    await dialog.getByText('broken.json can’t be opened.').waitFor()
    expect(await dialog.locator('.open-schedule__problems li').allTextContents()).toEqual([
      expect.stringMatching(/^Not valid JSON \(.+\)$/),
    ])
    await dialog.getByText('Nothing was added or changed.').waitFor()
    expect(importerRequests).toHaveLength(1)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await switcher(p).click()
    expect(await p.getByRole('group', { name: 'Events on this device' }).getByRole('list').getByRole('button').count()).toBe(1)
    await p.keyboard.press('Escape')

    // The real file through the real input: preview, then add.
    dialog = await openDialog(p)
    await dialog.getByLabel('Schedule file').setInputFiles('tests/fixtures/pretalx-democon.json')
    await dialog.getByText('pretalx-democon.json: DemoCon, 36 sessions.').waitFor()
    expect(await dialog.locator('.open-schedule__facts dd').allTextContents()).toEqual([
      'DemoCon (democon-2020-12-14)',
      '3 days: Monday, Dec 14 – Wednesday, Dec 16, 2020',
      '36',
      'UTC',
    ])
    expect(await dialog.getByLabel('Venue time zone').locator('option:checked').textContent()).toBe('As the file says: UTC')
    await dialog.getByRole('heading', { name: 'Worth knowing about this file' }).waitFor()
    await dialog.getByRole('button', { name: 'Add and switch to it' }).click()
    await p.getByText('Added DemoCon (36 sessions). Now showing it.').waitFor()
    await p.getByRole('button', { name: 'Event: DemoCon', exact: true }).waitFor()
    await p.getByRole('heading', { level: 1, name: /Monday, Dec 14/ }).waitFor()

    // A star in each event; each plan shows only its own.
    await starFromList(p, DEMO_TALK)
    await switchTo(p, KUBECON)
    await starFromList(p, FLUX)
    expect(await planTitles(p)).toEqual([FLUX])
    await switchTo(p, 'DemoCon')
    expect(await planTitles(p)).toEqual([DEMO_TALK])

    // The choice outlives a reload (the current event is stored), and so do both plans.
    await p.reload()
    await p.getByRole('button', { name: 'Event: DemoCon', exact: true }).waitFor()
    expect(await planTitles(p)).toEqual([DEMO_TALK])

    // Sharing from DemoCon: the link names its event id.
    await context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served().url })
    await p.getByRole('button', { name: 'Share my plan' }).click()
    const share = p.getByRole('dialog', { name: 'Share your plan' })
    const link = await share.getByRole('textbox', { name: 'Link', exact: true }).inputValue()
    const decoded = decodePlan(new URL(link).hash)
    expect(decoded.ok && decoded.plan.eventId).toBe('democon-2020-12-14')
    expect(decoded.ok && decoded.plan.sessions).toHaveLength(1)
  })

  it('opens a frab XML file (read on the page with DOMParser) and an iCalendar file (ical.js), each named, and adds them', async () => {
    const p = page()
    await p.goto(served().url)
    await switcher(p).waitFor()

    // FOSDEM's XML with each talk's date at +01:00 and no zone name: the zone the offsets give, as a person reads it.
    const xml = readFileSync('tests/fixtures/fosdem-2023-excerpt.xml', 'utf8').replace(
      /<start>(\d\d:\d\d)<\/start>/g,
      '<date>2023-02-04T$1:00+01:00</date><start>$1</start>',
    )
    let dialog = await openDialog(p)
    await dialog.getByLabel('Schedule file').setInputFiles({ name: 'schedule.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) })
    await dialog.getByText('schedule.xml: FOSDEM 2023, 2 sessions. This is a frab XML schedule.').waitFor()
    expect(await dialog.locator('.open-schedule__facts dd').allTextContents()).toEqual([
      'FOSDEM 2023 (fosdem-2023-2023-02-04)',
      '1 day: Saturday, Feb 4, 2023',
      '2',
      'UTC+1 (the file gives only offsets)',
    ])
    await dialog.getByRole('button', { name: 'Add and switch to it' }).click()
    await p.getByRole('button', { name: 'Event: FOSDEM 2023', exact: true }).waitFor()
    await p.getByRole('link', { name: /^Welcome to FOSDEM 2023/ }).waitFor()

    // A broken XML file: what it is, and nothing added.
    dialog = await openDialog(p)
    await dialog.getByLabel('Schedule file').setInputFiles({ name: 'cut.xml', mimeType: 'application/xml', buffer: Buffer.from('<schedule><conference>') })
    await dialog.getByText('cut.xml can’t be opened.').waitFor()
    expect(await dialog.locator('.open-schedule__problems li').allTextContents()).toEqual([
      expect.stringMatching(/^This looks like an XML file, but it is not well-formed XML \(.+\)$/),
    ])
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    // The calendar (ical.js, in a chunk of its own: see budget.test.ts).
    dialog = await openDialog(p)
    await dialog.getByLabel('Schedule file').setInputFiles('tests/fixtures/democon-pretalx.ics')
    await dialog.getByText('democon-pretalx.ics: DemoCon 2026, 3 sessions. This is an iCalendar file.').waitFor()
    expect(await dialog.locator('.open-schedule__facts dd').nth(3).textContent()).toBe('Europe/Berlin')
    await dialog.getByRole('button', { name: 'Add and switch to it' }).click()
    await p.getByRole('button', { name: 'Event: DemoCon 2026', exact: true }).waitFor()
    await p.getByRole('link', { name: /^Opening ceremony/ }).waitFor()
  })
})
