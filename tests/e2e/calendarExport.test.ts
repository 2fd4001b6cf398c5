// Calendar export in real Chromium against the production build: the files really download (page.waitForEvent
// ('download')), and ical.js (Thunderbird's parser) reads them back in Node with the snapshot's times, stable UIDs,
// the chosen reminder and links to the app on the origin it was served from.
import { readFile } from 'node:fs/promises'
import ICAL from 'ical.js'
import type { Download, Page } from 'playwright-core'
import { byTitle, loadSeed } from '../fixtures/seedUpdate'
import { axeViolations, starFromList, usePhonePage } from './harness'

const { served, page } = usePhonePage()
const seed = loadSeed()
const DRAGONFLY = byTitle(seed.sessions, 'Dragonfly v2.3.0')
const FLUX = byTitle(seed.sessions, 'AI-Assisted GitOps With Flux MCP Server')
const FLAGS = byTitle(seed.sessions, 'Feature Flags Suck!')

/** Clicks, waits for the browser's download, and returns its name and text. */
async function download(p: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = (await Promise.all([p.waitForEvent('download'), click()])) as [Download, void]
  const path = await file.path()
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') }
}

function events(ics: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(ics) as any[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
}

describe('calendar export in Chromium', () => {
  it('downloads the plan, a day and a session as .ics files that ical.js reads with the right times, UIDs and reminder', async () => {
    const p = page()
    await p.goto(served().url)
    for (const s of [DRAGONFLY, FLUX, FLAGS]) await starFromList(p, s.title)
    await p.getByRole('link', { name: 'My plan (3)', exact: true }).click()
    const section = p.getByRole('region', { name: 'Add to your calendar' })
    await section.getByRole('combobox', { name: 'Reminder in your calendar' }).selectOption({ label: '10 min before' })

    const plan = await download(p, () => section.getByRole('button', { name: 'Export plan (3 sessions)' }).click())
    expect(plan.name).toBe('hallway-kubecon-na-2025-plan.ics')
    expect(plan.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    const planEvents = events(plan.text)
    expect(planEvents.map((e) => e.uid).sort()).toEqual([DRAGONFLY, FLUX, FLAGS].map((s) => `${s.id}@kubecon-na-2025.hallway`).sort())
    for (const e of planEvents) {
      const s = seed.sessions.find((x) => `${x.id}@kubecon-na-2025.hallway` === e.uid)!
      expect(e.summary).toBe(s.title)
      expect(e.startDate.toJSDate().getTime()).toBe(Date.parse(s.start))
      expect(e.endDate.toJSDate().getTime()).toBe(Date.parse(s.end))
      expect(e.component.getFirstPropertyValue('url')).toBe(`${served().url}/session/${s.id}`)
      const alarm = e.component.getFirstSubcomponent('valarm')!
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY')
      expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-PT10M')
    }
    // 3:15pm EST is 20:15 UTC, written in UTC.
    expect(plan.text).toContain('\r\nDTSTART:20251113T201500Z\r\n')
    await p.getByRole('status').filter({ hasText: 'Downloaded hallway-kubecon-na-2025-plan.ics (3 sessions, each with a reminder 10 min before)' }).waitFor()

    const day = await download(p, () => p.getByRole('button', { name: 'Export day: Thursday, Nov 13 to your calendar (3 sessions, .ics file)' }).click())
    expect(day.name).toBe('hallway-kubecon-na-2025-thursday.ics')
    expect(events(day.text)).toHaveLength(3)

    // The reminder was remembered: a reload and a session page later, the single export carries it too.
    await p.goto(`${served().url}/session/${DRAGONFLY.id}`)
    const one = await download(p, () => p.getByRole('button', { name: 'Add to calendar' }).click())
    expect(one.name).toBe('hallway-kubecon-na-2025-dragonfly-v2-3-0.ics')
    const [event] = events(one.text)
    expect(event!.uid).toBe(`${DRAGONFLY.id}@kubecon-na-2025.hallway`)
    expect(event!.location).toBe('Georgia Ballroom 2, Building C, Level 3')
    expect(event!.component.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger')!.toString()).toBe('-PT10M')
  })

  it('offers no export of an empty plan, and says why', async () => {
    const p = page()
    await p.goto(`${served().url}/plan`)
    const button = p.getByRole('region', { name: 'Add to your calendar' }).getByRole('button', { name: 'Export plan' })
    expect(await button.isDisabled()).toBe(true)
    expect(await button.getAttribute('aria-describedby')).not.toBeNull()
    await p.getByText('Your plan is empty: star sessions first, then export them here.').waitFor()
    expect(await axeViolations(p)).toEqual([])
  })

  it('keeps the calendar writer out of the first view: its chunk loads on the first export only', async () => {
    const p = page()
    const scripts: string[] = []
    p.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
    })
    await p.goto(`${served().url}/session/${FLUX.id}`)
    await p.getByRole('button', { name: 'Add to calendar' }).waitFor()
    expect(scripts.filter((s) => /\/ics-[\w-]+\.js$/.test(s))).toEqual([])
    await download(p, () => p.getByRole('button', { name: 'Add to calendar' }).click())
    expect(scripts.filter((s) => /\/ics-[\w-]+\.js$/.test(s))).toHaveLength(1)
  })
})
