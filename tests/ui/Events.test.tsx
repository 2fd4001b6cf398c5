// Other conferences in the real app on real Dexie (fake-indexeddb): opening a schedule file (a frab export, a Sched
// listing with its zone chosen, every kind of bad file, an event already here), the event switcher, each event's own
// stars, removing an event, a shared plan for another event, and the same without storage.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import type { EventId, SessionId } from '../../src/domain/model'
import { shareUrl } from '../../src/domain/shareCodec'
import { addEvent } from '../../src/db/events'
import { SETTING_CURRENT_EVENT_ID } from '../../src/db/HallwayDB'
import { setStarLevel } from '../../src/db/stars'
import { indexedDbUserData } from '../../src/db/userDataStore'
import { snapshotAsEvent } from '../../src/domain/editions'
import { readScheduleFile } from '../../src/domain/scheduleFile'
import { deviceTimeZone } from '../../src/ui/common/timeLabels'
import { instrumentWrites } from '../unit/db/factories'
import { FLUX, planSnapshot, usePlanTestKit } from './planFixtures'
import { renderApp as renderMemoryApp } from './renderApp'

const { getDb, star, levels, renderApp } = usePlanTestKit()

const DEMOCON_TEXT = readFileSync(join(__dirname, '../fixtures/pretalx-democon.json'), 'utf8')
const DEMO = 'democon-2020-12-14' as EventId
const KUBECON = planSnapshot.event.title
const DEMO_TALK = 'Focused 5thgeneration hardware'

const LISTING = [
  'Tiny Con 2026#',
  'Tuesday, March 3, 2026#',
  'Welcome#',
  'Time: 9:00am EST - 9:30am EST',
  'Venue: Hall A, Boston, MA, USA',
  'Type: KEYNOTE',
  'Wrap-up#',
  'Time: 5:00pm EST - 5:15pm EST',
  'Venue: Hall A, Boston, MA, USA',
  '',
].join('\n')

function file(text: string, name: string): File {
  return new File([text], name, { type: name.endsWith('.json') ? 'application/json' : 'text/plain' })
}

/** A democon export with some changes, as another version of the same event. */
function democonWith(change: (doc: any) => void): string {
  const doc = JSON.parse(DEMOCON_TEXT)
  change(doc)
  return JSON.stringify(doc)
}

async function openDialogFromSettings(user: UserEvent) {
  await user.click(screen.getByRole('link', { name: 'Settings' }))
  // Disabled until storage has opened (adding waits for it): a click before then does nothing.
  const open = await screen.findByRole('button', { name: 'Open another schedule…' })
  await waitFor(() => expect(open).toBeEnabled())
  await user.click(open)
  return screen.findByRole('dialog', { name: 'Open another schedule' })
}

async function pick(user: UserEvent, dialog: HTMLElement, f: File) {
  await user.upload(within(dialog).getByLabelText('Schedule file'), f)
}

/** A name matcher for links whose name goes on after the title (times, room, speakers). */
const startsWith = (prefix: string) => (name: string) => name.startsWith(prefix)
const status = (dialog: HTMLElement) => within(dialog).getByRole('status')
const switcher = () => screen.getByRole('button', { name: /^Event: / })
const problemItems = (dialog: HTMLElement) =>
  [...dialog.querySelectorAll('.open-schedule__problems li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' '))

async function eventIds(): Promise<string[]> {
  return (await getDb().events.toArray()).map((e) => e.id).sort()
}

describe('opening a frab/pretalx schedule', () => {
  it('previews it (title, days, sessions, zone, warnings), then adds it and switches every screen to it', async () => {
    const { user } = await renderApp({ url: '/settings' })
    const dialog = await openDialogFromSettings(user)
    await pick(user, dialog, file(DEMOCON_TEXT, 'pretalx-democon.json'))

    await waitFor(() => expect(status(dialog)).toHaveTextContent('pretalx-democon.json: DemoCon, 36 sessions.'))
    const facts = [...dialog.querySelectorAll('.open-schedule__facts dd')].map((dd) => dd.textContent)
    expect(facts.slice(0, 3)).toEqual(['DemoCon (democon-2020-12-14)', '3 days: Monday, Dec 14 – Wednesday, Dec 16, 2020', '36'])
    expect(within(dialog).getByLabelText('Venue time zone')).toHaveDisplayValue('As the file says: UTC')
    expect(within(dialog).getByRole('heading', { name: 'Worth knowing about this file' })).toBeInTheDocument()
    expect(within(dialog).getByText(/the offset \+01:00 differs from UTC/)).toBeInTheDocument()
    // Nothing is written before the user confirms.
    expect(await eventIds()).toEqual(['kubecon-na-2025'])

    await user.click(within(dialog).getByRole('button', { name: 'Add and switch to it' }))

    // The first install in a test file also loads Dexie's write path and Web Crypto's digest: give it time.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await screen.findByText('Added DemoCon (36 sessions). Now showing it.')).toBeInTheDocument()
    await waitFor(() => expect(switcher()).toHaveAccessibleName('Event: DemoCon'))
    // The list now: DemoCon's first day.
    expect(await screen.findByRole('heading', { level: 1, name: /Monday, Dec 14/ })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: startsWith(DEMO_TALK) })).toBeInTheDocument()
    expect(window.location.pathname).toBe('/')
    expect(await eventIds()).toEqual([DEMO, 'kubecon-na-2025'])
    expect((await getDb().settings.get(SETTING_CURRENT_EVENT_ID))?.value).toBe(DEMO)
  })

  it('a file of an event already here: Cancel changes nothing, Replace keeps its stars', async () => {
    const first = await readScheduleFile({ name: 'schedule.json', text: DEMOCON_TEXT })
    if (!first.ok) throw new Error('fixture')
    await addEvent(getDb(), first.snapshot, { replace: false })
    const talk = first.snapshot.sessions.find((s) => s.title === DEMO_TALK)!
    await setStarLevel(indexedDbUserData(getDb()), DEMO, talk.id, 'must')
    const { user } = await renderApp({ url: '/settings' })
    const newer = democonWith((doc) => {
      doc.schedule.conference.days[0].rooms['Gray Room'][0].duration = '00:45'
    })

    let dialog = await openDialogFromSettings(user)
    await pick(user, dialog, file(newer, 'schedule.json'))
    expect(await within(dialog).findByText(/You already have/)).toHaveTextContent(
      'You already have DemoCon (democon-2020-12-14, 36 sessions) on this device. Replace it with this file? Your stars for it stay',
    )
    expect(within(dialog).queryByRole('button', { name: 'Add and switch to it' })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect((await getDb().events.get(DEMO))?.contentHash).toBe(first.snapshot.contentHash)
    // Focus is back on the button that opened the dialog.
    expect(screen.getByRole('button', { name: 'Open another schedule…' })).toHaveFocus()

    dialog = await openDialogFromSettings(user)
    await pick(user, dialog, file(newer, 'schedule.json'))
    await user.click(await within(dialog).findByRole('button', { name: 'Replace' }))
    expect(await screen.findByText('Updated DemoCon from the file. Your stars for it stay.')).toBeInTheDocument()
    expect((await getDb().events.get(DEMO))?.contentHash).not.toBe(first.snapshot.contentHash)
    expect(await getDb().stars.get([DEMO, talk.id])).toMatchObject({ level: 'must' })
    await waitFor(() => expect(switcher()).toHaveAccessibleName('Event: DemoCon'))
  })

  it('the very same file again offers to switch to it; a file with the bundled event’s id is refused', async () => {
    const first = await readScheduleFile({ name: 'schedule.json', text: DEMOCON_TEXT })
    if (!first.ok) throw new Error('fixture')
    await addEvent(getDb(), first.snapshot, { replace: false })
    await getDb().settings.put({ key: SETTING_CURRENT_EVENT_ID, value: planSnapshot.event.id })
    const { user } = await renderApp({ url: '/settings' })

    let dialog = await openDialogFromSettings(user)
    await pick(user, dialog, file(DEMOCON_TEXT, 'schedule.json'))
    expect(await within(dialog).findByText(/This exact schedule is already on this device/)).toHaveTextContent(
      'This exact schedule is already on this device: DemoCon.',
    )
    await user.click(within(dialog).getByRole('button', { name: 'Switch to it' }))
    await waitFor(() => expect(switcher()).toHaveAccessibleName('Event: DemoCon'))

    dialog = await openDialogFromSettings(user)
    const imposter = democonWith((doc) => {
      doc.schedule.conference.acronym = 'kubecon-na-2025'
    })
    await pick(user, dialog, file(imposter, 'kubecon.json'))
    expect(await within(dialog).findByText(/the schedule that comes with/)).toHaveTextContent(
      `This file is for ${KUBECON} (kubecon-na-2025), the schedule that comes with Hallway. The app keeps its own copy up to date, so a file can’t replace it.`,
    )
    // It can't replace the bundled event, but it can go beside it, as an event of its own (acronym and first day).
    expect(within(dialog).queryByRole('button', { name: /^(Add and switch|Replace)/ })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Add as a separate event' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await eventIds()).toEqual([DEMO, 'kubecon-na-2025', 'kubecon-na-2025-2020-12-14'])
  })
})

describe('editions of one event', () => {
  /** DemoCon two years on (Dec 26–28, 2022): other days, other talks (pretalx gives every talk a new guid). */
  const DEMOCON_2022 = DEMOCON_TEXT.replace(/2020-12-1([456])/g, (_m, d: string) => `2022-12-2${Number(d) + 2}`).replace(
    /"guid": "([0-9a-f]{8})/g,
    (_m, head: string) => `"guid": "${head.split('').reverse().join('')}`,
  )

  /** DemoCon 2020 as an earlier Hallway stored it: under its acronym alone, with a star. */
  async function storedAsBefore() {
    const read = await readScheduleFile({ name: 'schedule.json', text: DEMOCON_TEXT })
    if (!read.ok) throw new Error('fixture')
    const old = await snapshotAsEvent(read.snapshot, 'democon' as EventId)
    await addEvent(getDb(), old, { replace: false })
    const talk = old.sessions.find((s) => s.title === DEMO_TALK)!
    await setStarLevel(indexedDbUserData(getDb()), 'democon' as EventId, talk.id, 'must')
    return { old, talk }
  }

  it('another edition: says what differs, and adds it beside the one here, whose stars stay', async () => {
    const { old, talk } = await storedAsBefore()
    const { user } = await renderApp({ url: '/settings' })
    const dialog = await openDialogFromSettings(user)
    await pick(user, dialog, file(DEMOCON_2022, 'democon-2022.json'))

    const notice = await within(dialog).findByText(/looks like another edition/)
    expect(notice).toHaveTextContent('You already have an event with this id, DemoCon (democon), but this file looks like another edition of it:')
    const items = [...dialog.querySelectorAll('.open-schedule__existing li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' '))
    expect(items).toEqual([
      'Dates here: 3 days: Monday, Dec 14 – Wednesday, Dec 16, 2020. In the file: 3 days: Monday, Dec 26 – Wednesday, Dec 28, 2022 (no day in common).',
      '0 of the file’s 36 sessions are among the 36 here.',
    ])
    expect(within(dialog).getByRole('button', { name: 'Replace' })).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Add as a separate event' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await eventIds()).toEqual(['democon', 'democon-2022-12-26', 'kubecon-na-2025'])
    expect((await getDb().events.get('democon' as EventId))?.contentHash).toBe(old.contentHash)
    expect(await getDb().stars.get(['democon', talk.id])).toMatchObject({ level: 'must' })
    expect((await getDb().settings.get(SETTING_CURRENT_EVENT_ID))?.value).toBe('democon-2022-12-26')
  })

  it('a newer version of the same edition still replaces the event stored under its acronym, stars kept', async () => {
    const { talk } = await storedAsBefore()
    const { user } = await renderApp({ url: '/settings' })
    const dialog = await openDialogFromSettings(user)
    const newer = democonWith((doc) => {
      doc.schedule.conference.days[0].rooms['Gray Room'][0].duration = '00:45'
    })
    await pick(user, dialog, file(newer, 'schedule.json'))
    expect(await within(dialog).findByText(/You already have/)).toHaveTextContent('You already have DemoCon (democon, 36 sessions) on this device.')
    expect(within(dialog).queryByRole('button', { name: 'Add as a separate event' })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Replace' }))
    expect(await screen.findByText('Updated DemoCon from the file. Your stars for it stay.')).toBeInTheDocument()
    expect(await eventIds()).toEqual(['democon', 'kubecon-na-2025'])
    expect(await getDb().stars.get(['democon', talk.id])).toMatchObject({ level: 'must' })
  })
})

describe('frab XML and the zone a file gives only as offsets', () => {
  it('reads an XML schedule on the page, names the format, and shows Etc/GMT-1 as UTC+1', async () => {
    const { user } = await renderApp({ url: '/settings' })
    const dialog = await openDialogFromSettings(user)
    const xml = readFileSync(join(__dirname, '../fixtures/fosdem-2023-excerpt.xml'), 'utf8').replace(
      /<start>(\d\d:\d\d)<\/start>/g,
      '<date>2023-02-04T$1:00+01:00</date><start>$1</start>',
    )
    await pick(user, dialog, new File([xml], 'schedule.xml', { type: 'application/xml' }))
    await waitFor(() => expect(status(dialog)).toHaveTextContent('schedule.xml: FOSDEM 2023, 2 sessions. This is a frab XML schedule.'))
    const facts = [...dialog.querySelectorAll('.open-schedule__facts dd')].map((dd) => dd.textContent)
    expect(facts[3]).toBe('UTC+1 (the file gives only offsets)')
    expect(within(dialog).getByLabelText('Venue time zone')).toHaveDisplayValue('As the file says: UTC+1 (the file gives only offsets)')
  })

  it('a broken XML file says what it is and where it breaks', async () => {
    const { user } = await renderApp({ url: '/settings' })
    const dialog = await openDialogFromSettings(user)
    const xml = readFileSync(join(__dirname, '../fixtures/fosdem-2023-excerpt.xml'), 'utf8').replace('<duration>00:50</duration>', '<duration>fifty</duration>')
    await pick(user, dialog, new File([xml], 'schedule.xml', { type: 'application/xml' }))
    await waitFor(() => expect(status(dialog)).toHaveTextContent('schedule.xml can’t be opened. This is a frab XML schedule, with the problems below.'))
    expect(problemItems(dialog)).toContain(
      'schedule/day[1]/room[@name="Janson"]/event[2]/duration: expected hours and minutes like "01:30" (or "48:00", "1:30", "01:30:00"), found "fifty"',
    )
  })
})

describe('opening a Sched listing', () => {
  it('asks for the venue zone (the device’s first), checks the file’s "EST" against it, and adds it', async () => {
    const { user } = await renderApp({ url: '/settings' })
    const dialog = await openDialogFromSettings(user)
    await pick(user, dialog, file(LISTING, 'tiny.txt'))
    const zone = await within(dialog).findByLabelText('Venue time zone')
    expect(zone).toHaveValue(deviceTimeZone())
    expect(within(zone).getByRole('option', { name: `${deviceTimeZone()} (this device)` })).toBeInTheDocument()

    await user.selectOptions(zone, 'Europe/Berlin')
    await waitFor(() => expect(status(dialog)).toHaveTextContent('tiny.txt can’t be opened.'))
    expect(problemItems(dialog)).toEqual([
      'line 4: time zone "EST" does not match Europe/Berlin, which is CET on that date',
      'line 8: time zone "EST" does not match Europe/Berlin, which is CET on that date',
    ])
    expect(within(dialog).getByText('2 problems. The first 2:')).toBeInTheDocument()
    expect(within(dialog).getByText('Some of these are about the time zone: choose the one the event is in, above.')).toBeInTheDocument()

    await user.selectOptions(zone, 'America/New_York')
    await waitFor(() => expect(status(dialog)).toHaveTextContent('tiny.txt: Tiny Con 2026, 2 sessions.'))
    expect(dialog.querySelector('.open-schedule__facts dd')).toHaveTextContent('Tiny Con 2026 (tiny-con-2026-2026-03-03)')
    await user.click(within(dialog).getByRole('button', { name: 'Add and switch to it' }))

    await waitFor(() => expect(switcher()).toHaveAccessibleName('Event: Tiny Con 2026'))
    // 9:00 EST is 14:00 UTC: the zone chosen is the one the times were read in.
    const welcome = await getDb().sessions.where('eventId').equals('tiny-con-2026-2026-03-03').first()
    expect(welcome).toMatchObject({ title: 'Welcome', start: '2026-03-03T14:00:00Z' })
    expect((await getDb().events.get('tiny-con-2026-2026-03-03' as EventId))?.timeZone).toBe('America/New_York')
  })
})

describe('bad files change nothing and say exactly why', () => {
  async function refusal(user: UserEvent, f: File) {
    const dialog = await openDialogFromSettings(user)
    await pick(user, dialog, f)
    await waitFor(() => expect(status(dialog)).toHaveTextContent(`${f.name} can’t be opened.`))
    expect(within(dialog).getByText('Nothing was added or changed.')).toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: /^(Add|Replace)/ })).not.toBeInTheDocument()
    const items = problemItems(dialog)
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    return { items, text: dialog.textContent ?? '' }
  }

  it('empty, too big, not JSON, not a listing, broken lines and paths (first five, and a count)', async () => {
    const { user } = await renderApp({ url: '/settings' })
    const starsBefore = await getDb().stars.toArray()

    expect((await refusal(user, file('', 'empty.json'))).items).toEqual(['The file is empty.'])

    const huge = file('{}', 'huge.json')
    Object.defineProperty(huge, 'size', { value: 25 * 1024 * 1024 })
    expect((await refusal(user, huge)).items).toEqual([
      'The file is 25.0 MB; Hallway opens schedule files up to 20.0 MB (about 10,000 sessions).',
    ])

    const notJson = await refusal(user, file('{"schedule": {', 'schedule.json'))
    expect(notJson.items).toHaveLength(1)
    expect(notJson.items[0]).toMatch(/^Not valid JSON \(.+\)$/)

    expect((await refusal(user, file('Packing list\n- charger\n', 'notes.txt'))).items).toEqual([
      'This is not a schedule Hallway can read: not frab/pretalx JSON or XML, not c3voc schedule v2, not iCalendar, nor a Sched listing (a title line ending in "#", then "Time:", "Venue:"… lines).',
    ])

    const broken = democonWith((doc) => {
      for (const room of ['Gray Room', 'Tan Room']) for (const e of doc.schedule.conference.days[0].rooms[room]) e.title = null
    })
    const many = await refusal(user, file(broken, 'broken.json'))
    expect(many.items).toHaveLength(5)
    expect(many.items[0]).toBe('schedule.conference.days[0].rooms["Gray Room"][0].title: missing title')
    expect(many.text).toContain('12 problems. The first 5:')
    expect(many.text).toContain('…and 7 more.')
    expect(many.text).not.toContain('about the time zone')

    expect(await eventIds()).toEqual(['kubecon-na-2025'])
    expect(await getDb().stars.toArray()).toEqual(starsBefore)
    expect(switcher()).toHaveAccessibleName(`Event: ${KUBECON}`)
  })
})

describe('a full disk', () => {
  it('says the schedule could not be saved (not the stars), and nothing changed', async () => {
    const probe = instrumentWrites(getDb())
    await star([FLUX, 'must'])
    const { user } = await renderApp({ url: '/settings' })
    // Storage open, the bundled schedule written and the star read, before writes start failing: the start-up's own
    // first write of the sessions must not be the one that meets the full disk (it was, once, on a loaded machine:
    // the app then rightly carried on in memory, and the add gave no alert).
    await screen.findByRole('link', { name: 'My plan (1)' })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const dialog = await openDialogFromSettings(user)
    await pick(user, dialog, file(DEMOCON_TEXT, 'pretalx-democon.json'))
    const add = await within(dialog).findByRole('button', { name: 'Add and switch to it' })
    probe.failWith = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

    await user.click(add)

    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent(
      'Adding the schedule didn’t work. There isn’t enough storage on this device to save this schedule. Nothing was added or changed; your stars and settings are as they were.',
    )
    expect(warn).toHaveBeenCalled()
    expect(await eventIds()).toEqual(['kubecon-na-2025'])
    expect(await levels()).toEqual({ [FLUX]: 'must' })
    expect(switcher()).toHaveAccessibleName(`Event: ${KUBECON}`)
  })
})

describe('the event switcher', () => {
  async function withDemocon() {
    const read = await readScheduleFile({ name: 'schedule.json', text: DEMOCON_TEXT })
    if (!read.ok) throw new Error('fixture')
    await addEvent(getDb(), read.snapshot, { replace: false })
    await getDb().settings.put({ key: SETTING_CURRENT_EVENT_ID, value: planSnapshot.event.id })
    return read.snapshot
  }

  it('lists the events, switches with one tap (keyboard too), and each event keeps its own plan', async () => {
    const demo = await withDemocon()
    const demoTalk = demo.sessions.find((s) => s.title === DEMO_TALK)!
    await setStarLevel(indexedDbUserData(getDb()), DEMO, demoTalk.id, 'must')
    await star([FLUX, 'must'])
    const { user } = await renderApp({ url: '/plan?x=1' })
    expect(await screen.findByRole('link', { name: 'My plan (1)' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: startsWith(FLUX) })).toBeInTheDocument()

    const toggle = switcher()
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const panel = screen.getByRole('group', { name: 'Events on this device' })
    const choices = within(within(panel).getByRole('list')).getAllByRole('button')
    expect(choices.map((b) => b.textContent)).toEqual([
      `${KUBECON}Showing · 1 day: Thursday, Nov 13, 2025 · ${planSnapshot.sessions.length} sessions`,
      'DemoCon3 days: Monday, Dec 14 – Wednesday, Dec 16, 2020 · 36 sessions',
    ])
    expect(choices[0]).toHaveAttribute('aria-current', 'true')

    await user.click(within(panel).getByRole('button', { name: /^DemoCon/ }))
    expect(toggle).toHaveFocus()
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await waitFor(() => expect(switcher()).toHaveAccessibleName('Event: DemoCon'))
    expect(await screen.findByText('Now showing DemoCon.')).toBeInTheDocument()
    // Still My plan, now DemoCon's: its one star, not KubeCon's; the old query is gone.
    expect(window.location.pathname + window.location.search).toBe('/plan')
    expect(await screen.findByRole('link', { name: startsWith(DEMO_TALK) })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: startsWith(FLUX) })).not.toBeInTheDocument()
    expect((await getDb().settings.get(SETTING_CURRENT_EVENT_ID))?.value).toBe(DEMO)

    // Keyboard only: Enter opens, Tab reaches KubeCon, Enter switches back; Escape closes and returns focus.
    await user.keyboard('{Enter}')
    await user.tab()
    expect(document.activeElement).toHaveTextContent(KUBECON)
    await user.keyboard('{Enter}')
    await waitFor(() => expect(switcher()).toHaveAccessibleName(`Event: ${KUBECON}`))
    expect(await screen.findByRole('link', { name: startsWith(FLUX) })).toBeInTheDocument()
    await user.keyboard('{Enter}')
    expect(switcher()).toHaveAttribute('aria-expanded', 'true')
    await user.tab()
    await user.keyboard('{Escape}')
    expect(switcher()).toHaveAttribute('aria-expanded', 'false')
    expect(switcher()).toHaveFocus()
  })

  it('leaves a session page of the old event for the new event’s list', async () => {
    await withDemocon()
    const { user } = await renderApp({ url: `/session/${planSnapshot.sessions[0]!.id}` })
    await user.click(switcher())
    await user.click(screen.getByRole('button', { name: /^DemoCon/ }))
    await waitFor(() => expect(window.location.pathname).toBe('/'))
    expect(await screen.findByRole('heading', { level: 1, name: /Monday, Dec 14/ })).toBeInTheDocument()
  })

  it('opens a schedule from the menu, and focus comes back to the switcher', async () => {
    const { user } = await renderApp()
    await user.click(switcher())
    await user.click(screen.getByRole('button', { name: 'Open another schedule…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Open another schedule' })
    expect(within(dialog).getByRole('heading', { name: 'Open another schedule' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(switcher()).toHaveFocus()
  })
})

describe('removing an event', () => {
  it('asks first, saying how many stars go with it; then deletes it and shows the bundled event', async () => {
    const read = await readScheduleFile({ name: 'schedule.json', text: DEMOCON_TEXT })
    if (!read.ok) throw new Error('fixture')
    await addEvent(getDb(), read.snapshot, { replace: false })
    await setStarLevel(indexedDbUserData(getDb()), DEMO, read.snapshot.sessions[0]!.id, 'maybe')
    await star([FLUX, 'must'])
    const { user } = await renderApp({ url: '/settings' })
    expect(screen.queryByRole('button', { name: `Remove ${KUBECON}…` })).not.toBeInTheDocument()

    await user.click(await screen.findByRole('button', { name: 'Remove DemoCon…' }))
    let dialog = await screen.findByRole('dialog', { name: 'Remove DemoCon?' })
    expect(dialog).toHaveTextContent('its schedule (36 sessions)')
    expect(dialog).toHaveTextContent('your 1 starred session for it')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(await eventIds()).toEqual([DEMO, 'kubecon-na-2025'])

    await user.click(screen.getByRole('button', { name: 'Remove DemoCon…' }))
    dialog = await screen.findByRole('dialog', { name: 'Remove DemoCon?' })
    await user.click(within(dialog).getByRole('button', { name: 'Remove DemoCon' }))

    expect(await screen.findByText(`Removed DemoCon and 1 starred session. Now showing ${KUBECON}.`)).toBeInTheDocument()
    await waitFor(() => expect(switcher()).toHaveAccessibleName(`Event: ${KUBECON}`))
    expect(await eventIds()).toEqual(['kubecon-na-2025'])
    expect(await getDb().stars.where('eventId').equals(DEMO).count()).toBe(0)
    expect(await getDb().stars.where('eventId').equals(planSnapshot.event.id).count()).toBe(1)
    expect(screen.getByRole('button', { name: 'Open another schedule…' })).toHaveFocus()
  })
})

describe('a shared plan for another event', () => {
  it('switches to that event when this device has it, and says so', async () => {
    const read = await readScheduleFile({ name: 'schedule.json', text: DEMOCON_TEXT })
    if (!read.ok) throw new Error('fixture')
    await addEvent(getDb(), read.snapshot, { replace: false })
    await getDb().settings.put({ key: SETTING_CURRENT_EVENT_ID, value: planSnapshot.event.id })
    const talk = read.snapshot.sessions.find((s) => s.title === DEMO_TALK)!
    const link = shareUrl(
      { eventId: DEMO, stars: new Map([[talk.id as SessionId, 'must']]), name: "Ana's DemoCon" },
      read.snapshot.sessions.map((s) => s.id),
      '/share',
    )
    await renderApp({ url: link })

    expect(await screen.findByRole('heading', { level: 1, name: "Ana's DemoCon" })).toBeInTheDocument()
    expect(screen.getByText(/so Hallway switched to it/)).toHaveTextContent(
      `This plan is for DemoCon, so Hallway switched to it (you were looking at ${KUBECON}). The event menu at the top switches back.`,
    )
    expect(switcher()).toHaveAccessibleName('Event: DemoCon')
    expect(window.location.hash).toMatch(/^#p=/)
  })

  it('for an event not on this device, opens its schedule file from there and then shows the plan', async () => {
    const read = await readScheduleFile({ name: 'schedule.json', text: DEMOCON_TEXT })
    if (!read.ok) throw new Error('fixture')
    const talk = read.snapshot.sessions.find((s) => s.title === DEMO_TALK)!
    const link = shareUrl({ eventId: DEMO, stars: new Map([[talk.id as SessionId, 'must']]) }, read.snapshot.sessions.map((s) => s.id), '/share')
    const { user } = await renderApp({ url: link })
    expect(screen.getByText(/This plan is for/)).toHaveTextContent(
      "This plan is for democon-2020-12-14, which isn't on this device. Open its schedule file first.",
    )

    await user.click(screen.getByRole('button', { name: 'Open a schedule file…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Open another schedule' })
    await pick(user, dialog, file(DEMOCON_TEXT, 'pretalx-democon.json'))
    await user.click(await within(dialog).findByRole('button', { name: 'Add and switch to it' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'A shared plan' })).toBeInTheDocument()
    expect(window.location.pathname).toBe('/share')
    expect(await screen.findByRole('button', { name: `Add to my plan: ${DEMO_TALK} (as must)` })).toBeInTheDocument()
  })
})

describe('without storage', () => {
  it('adds and switches within the tab, and says it will not be kept', async () => {
    const { user } = await renderMemoryApp({ snapshot: planSnapshot, url: '/settings' })
    const dialog = await openDialogFromSettings(user)
    expect(within(dialog).getByText(/stays only until you close this tab/)).toBeInTheDocument()
    await pick(user, dialog, file(DEMOCON_TEXT, 'pretalx-democon.json'))
    await user.click(await within(dialog).findByRole('button', { name: 'Add and switch to it' }))
    expect(await screen.findByText('Added DemoCon (36 sessions). Now showing it. It lasts until you close this tab.')).toBeInTheDocument()
    await waitFor(() => expect(switcher()).toHaveAccessibleName('Event: DemoCon'))

    await user.click(switcher())
    expect(screen.getByText('Storage is unavailable: events you add or switch to last until this tab closes.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: (name) => name.startsWith(KUBECON) }))
    await waitFor(() => expect(switcher()).toHaveAccessibleName(`Event: ${KUBECON}`))
  })
})
