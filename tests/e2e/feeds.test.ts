// Schedule feeds in real Chromium against the production build, with a feed server of its own on another origin
// (./feedServer.ts) whose answer changes between requests. The user subscribes to DemoCon's address ("Open another
// schedule…" → "From a web address"), stars four sessions, and then the feed: changes (a session moved, one renamed,
// one cancelled: listed under "What changed", stars kept), stays the same (a 304), loses its CORS header, fails with
// a 500, hangs, loses most of its sessions (asked, then applied on request), and breaks off as the device goes
// offline. For each: what Settings → Events says, and that every star is still there.
import type { Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import type { Snapshot } from '../../src/domain/model'
import { loadSeed, TITLES as SEED_TITLES, updatedSeed } from '../fixtures/seedUpdate'
import { readStars, starFromList, usePhonePage } from './harness'
import { startFeedServer, type FeedServer } from './feedServer'

const { served, page, errors } = usePhonePage()

/** ms: the feed timeout in this file (the app's is 10 s), set before the app loads. Long enough for a local answer. */
const TEST_TIMEOUT_MS = 2000

interface FrabTalk {
  title: string
  room: string
  start: string
  date: string
}
type Rooms = Record<string, FrabTalk[]>
const V1 = readFileSync('tests/fixtures/pretalx-democon.json', 'utf8')

const TITLES = {
  moved: 'Focused 5thgeneration hardware',
  renamed: 'Quality-focused 6thgeneration website',
  renamedTo: 'Quality-focused 7thgeneration website',
  cancelled: 'Secured mobile concept',
  unchanged: 'Focused contextually-based help-desk',
} as const

/** DemoCon with `edit` applied to each day's rooms. */
function democon(edit: (rooms: Rooms) => void): string {
  const doc = JSON.parse(V1) as { schedule: { conference: { days: Array<{ rooms: Rooms }> } } }
  for (const day of doc.schedule.conference.days) edit(day.rooms)
  return JSON.stringify(doc)
}

/** The next version: one talk moved to the Tan Room, one renamed, one cancelled. */
const V2 = democon((rooms) => {
  for (const [room, talks] of Object.entries(rooms)) {
    for (const t of [...talks]) {
      if (t.title === TITLES.moved && room !== 'Tan Room') {
        talks.splice(talks.indexOf(t), 1)
        t.room = 'Tan Room'
        ;(rooms['Tan Room'] ??= []).push(t)
      }
      if (t.title === TITLES.renamed) t.title = TITLES.renamedTo
      if (t.title === TITLES.cancelled) talks.splice(talks.indexOf(t), 1)
    }
  }
})

/** A version that lost most of its sessions: only the starred ones still there. */
const CUT = democon((rooms) => {
  for (const talks of Object.values(rooms)) {
    const keep = talks.filter((t) => [TITLES.moved, TITLES.renamed, TITLES.unchanged].includes(t.title as never))
    talks.splice(0, talks.length, ...keep)
  }
})

let feed: FeedServer
beforeAll(async () => {
  feed = await startFeedServer()
})
afterAll(async () => {
  await feed?.close()
})

/** Subscribes to the feed from Settings, and stars the four sessions the versions touch. */
async function subscribe(p: Page): Promise<void> {
  await p.addInitScript((ms) => ((window as unknown as { hallwayFeedTimeoutMs: number }).hallwayFeedTimeoutMs = ms), TEST_TIMEOUT_MS)
  feed.answer({ kind: 'file', body: V1 })
  await p.goto(`${served().url}/settings`)
  await p.getByRole('button', { name: 'Open another schedule…' }).click()
  const dialog = p.getByRole('dialog', { name: 'Open another schedule' })
  await dialog.getByRole('textbox', { name: 'Or from a web address' }).fill(feed.url)
  await dialog.getByRole('button', { name: 'Fetch' }).click()
  await dialog.getByText('schedule.json: DemoCon, 36 sessions.').waitFor()
  await dialog.getByRole('button', { name: 'Add and switch to it' }).click()
  await p.getByRole('link', { name: /^Focused 5thgeneration hardware/ }).waitFor()
  for (const title of [TITLES.moved, TITLES.renamed, TITLES.cancelled, TITLES.unchanged]) await starFromList(p, title)
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await feedSection(p).getByText(`Feed: ${feed.url}`).waitFor()
}

const feedSection = (p: Page) => p.locator('.events-settings__event').filter({ hasText: 'DemoCon' })

/** Checks DemoCon's feed from Settings, once whatever the app was doing with the feed is done. */
async function checkNow(p: Page): Promise<void> {
  const button = feedSection(p).getByRole('button', { name: 'Check DemoCon now' })
  await expect.poll(() => button.isEnabled()).toBe(true)
  await button.click()
}

/**
 * Takes out of the page's errors the ones Chromium itself logs for the failed request (the app logs nothing), so the
 * usual check that the page logged no error still holds for everything else.
 */
function allowNetworkErrors(pattern: RegExp): void {
  const list = errors()
  const others = list.filter((e) => !pattern.test(e))
  list.splice(0, list.length, ...others)
}

/** The four stars are still in IndexedDB, under the IDs they had (frab IDs follow the guid, so a rename keeps it). */
async function expectStarsKept(p: Page, before: string[]): Promise<void> {
  expect((await readStars(p)).map((r) => r.sessionId).sort()).toEqual(before)
}

describe('a schedule feed', () => {
  it('brings moved, renamed and cancelled sessions with the stars kept and the changes listed; the same file again is a 304', async () => {
    const p = page()
    await subscribe(p)
    const stars = (await readStars(p)).map((r) => r.sessionId).sort()
    expect(stars).toHaveLength(4)

    feed.answer({ kind: 'file', body: V2 })
    await checkNow(p)
    await p.getByText('DemoCon was updated from its feed. Your stars stay.').waitFor()
    await expectStarsKept(p, stars)

    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My plan/ }).click()
    const changes = p.getByRole('region', { name: 'What changed in the schedule' })
    await changes.waitFor()
    expect((await changes.locator('.change__title').allTextContents()).sort()).toEqual([TITLES.moved, TITLES.cancelled, TITLES.renamedTo].sort())

    // Unchanged: the browser revalidates its copy and the server answers 304.
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    const before = feed.requests.length
    await checkNow(p)
    await p.getByText('DemoCon is up to date.').waitFor()
    expect(feed.requests.slice(before)).toEqual([304])
    expect(await feedSection(p).locator('.events-settings__problem').count()).toBe(0)
    await expectStarsKept(p, stars)
  })

  it.each([
    [
      'without CORS headers',
      { kind: 'file', body: V2, cors: false } as const,
      /doesn’t allow other sites to read this file \(no CORS header\)\. Download the file and open it/,
      /blocked by CORS policy|net::ERR_FAILED/,
    ],
    [
      'with a 500 error',
      { kind: 'error', status: 500 } as const,
      /The server answered with an error \(HTTP 500\)\. The schedule stays as it was\./,
      /status of 500/,
    ],
    ['that hangs', { kind: 'hang' } as const, /The server didn’t answer within 2 seconds\. The schedule stays as it was\./, /ERR_ABORTED/],
  ])('keeps the schedule and every star when it answers %s, and says why in Settings', async (_what, answer, message, logged) => {
    const p = page()
    await subscribe(p)
    const stars = (await readStars(p)).map((r) => r.sessionId).sort()
    feed.answer(answer)
    await checkNow(p)
    await feedSection(p).locator('.events-settings__problem').filter({ hasText: message }).waitFor()
    await expectStarsKept(p, stars)
    // The schedule is still the first version: the cancelled session is there.
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click()
    await p.getByRole('link', { name: new RegExp(`^${TITLES.cancelled}`) }).waitFor()
    // The header says nothing about feeds.
    expect(await p.locator('header').textContent()).not.toMatch(/feed|server/i)
    allowNetworkErrors(logged)
  })

  it('asks before applying a file that lost most of its sessions, and applies it when told, stars kept', async () => {
    const p = page()
    await subscribe(p)
    const stars = (await readStars(p)).map((r) => r.sessionId).sort()
    feed.answer({ kind: 'file', body: CUT })
    await checkNow(p)
    await feedSection(p).getByText(/The new file has only 3 of the 36 sessions\. It may be cut off or a mistake, so it waits for you\./).waitFor()
    expect(await p.evaluate(() => document.querySelector('.events-settings__event[aria-current] .events-settings__meta')?.textContent)).toContain('36 sessions')
    await feedSection(p).getByRole('button', { name: 'Apply the new file anyway (3 sessions)' }).click()
    await p.getByText('Applied the new schedule of DemoCon. Your stars stay.').waitFor()
    await feedSection(p).getByText(/3 sessions ·/).waitFor()
    expect(await feedSection(p).locator('.events-settings__problem').count()).toBe(0)
    await expectStarsKept(p, stars)
  })

  it('keeps the schedule when the device goes offline in the middle of a fetch, and says it was offline', async () => {
    const p = page()
    await subscribe(p)
    const stars = (await readStars(p)).map((r) => r.sessionId).sort()
    feed.answer({ kind: 'stall', body: V2 })
    const before = feed.requests.length
    await checkNow(p)
    await expect.poll(() => feed.requests.length).toBe(before + 1)
    await p.context().setOffline(true)
    feed.breakOff()
    await feedSection(p).getByText(/This device was offline\. Hallway checks again when it is back online\./).waitFor()
    await expectStarsKept(p, stars)
    await p.context().setOffline(false)
    allowNetworkErrors(/ERR_CONTENT_LENGTH_MISMATCH|ERR_INTERNET_DISCONNECTED/)
  })
})

describe('the bundled event’s feed', () => {
  const FEED_PATH = '**/data/kubecon-na-2025.snapshot.json'
  let updated: Snapshot
  beforeAll(async () => {
    updated = await updatedSeed(loadSeed())
  })

  it('brings the file a deployer uploaded, with the stars kept, and the next start does not go back to the build’s copy', async () => {
    const p = page()
    await p.goto(served().url)
    for (const title of [SEED_TITLES.moved, SEED_TITLES.renamed, SEED_TITLES.cancelled]) await starFromList(p, title)
    const stars = (await readStars(p)).map((r) => r.sessionId)

    // The deployer ran `npm run import` and uploaded the one file; the app checks it at its next start.
    await p.route(FEED_PATH, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(updated) }))
    await p.goto(`${served().url}/plan`)
    const changes = p.getByRole('region', { name: 'What changed in the schedule' })
    await changes.getByText(SEED_TITLES.renamedTo).waitFor()
    expect((await readStars(p)).length).toBe(stars.length)

    // The feed out of reach: the start reads the checked copy the app kept, not the build's older one.
    await p.unroute(FEED_PATH)
    await p.route(FEED_PATH, (route) => route.abort('internetdisconnected'))
    await p.reload()
    await changes.getByText(SEED_TITLES.renamedTo).waitFor()
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click()
    await p.getByRole('searchbox', { name: 'Search sessions' }).fill(SEED_TITLES.renamedTo)
    await p.getByRole('link', { name: new RegExp(`^${SEED_TITLES.renamedTo.slice(0, 20)}`) }).waitFor()
    expect((await readStars(p)).length).toBe(stars.length)
    allowNetworkErrors(/ERR_INTERNET_DISCONNECTED/)
  })

  it('keeps the web address of a schedule already on the device as it is, instead of only offering to switch to it', async () => {
    const p = page()
    await p.goto(`${served().url}/settings`)
    // DemoCon opened from a file first: on the device, with no feed.
    await p.getByRole('button', { name: 'Open another schedule…' }).click()
    let dialog = p.getByRole('dialog', { name: 'Open another schedule' })
    await dialog.getByLabel('Schedule file').setInputFiles('tests/fixtures/pretalx-democon.json')
    await dialog.getByRole('button', { name: 'Add and switch to it' }).click()
    await p.getByRole('link', { name: /^Focused 5thgeneration hardware/ }).waitFor()
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    expect(await feedSection(p).getByText(/^Feed:/).count()).toBe(0)

    // The same file from its web address: nothing to add, and the address is kept as the feed.
    feed.answer({ kind: 'file', body: V1 })
    await p.getByRole('button', { name: 'Open another schedule…' }).click()
    dialog = p.getByRole('dialog', { name: 'Open another schedule' })
    await dialog.getByRole('textbox', { name: 'Or from a web address' }).fill(feed.url)
    await dialog.getByRole('button', { name: 'Fetch' }).click()
    await dialog.getByRole('button', { name: 'Keep its web address for updates' }).click()
    await p.getByText(/was already on this device\. Now showing it\. Hallway checks its web address for updates\./).waitFor()
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await feedSection(p).getByText(`Feed: ${feed.url}`).waitFor()
  })
})
