// A schedule update as the user meets it, on the real app and real Dexie: the real KubeCon Thursday with five starred
// sessions is on the device, and the app starts with a modified copy bundled (moved, retimed, renamed, cancelled).
// "What changed" lists the four starred changes with badges on their rows and cards, the cancelled session stays in
// the plan until dismissed, and acknowledging clears them for good.
import { screen, waitFor, within } from '@testing-library/react'
import type { Snapshot } from '../../src/domain/model'
import { setStarLevel } from '../../src/db/stars'
import { installSnapshot } from '../../src/db/snapshotInstall'
import { indexedDbUserData } from '../../src/db/userDataStore'
import { byTitle, loadSeed, TITLES, updatedSeed } from '../fixtures/seedUpdate'
import { useFreshDB } from './planFixtures'
import { renderApp } from './renderApp'

const getDb = useFreshDB()
const seed = loadSeed()
let updated: Snapshot
beforeAll(async () => {
  updated = await updatedSeed(seed)
})

/** The device before the update: the seed installed, five sessions starred. */
async function starredBeforeUpdate(): Promise<void> {
  const db = getDb()
  await installSnapshot(db, seed)
  const store = indexedDbUserData(db)
  for (const title of [TITLES.moved, TITLES.retimed, TITLES.renamed, TITLES.cancelled, TITLES.unchanged]) {
    await setStarLevel(store, seed.event.id, byTitle(seed.sessions, title).id, 'must')
  }
}

/** The element's words as read in order, with a space between elements (textContent runs blocks together). */
function text(el: Element): string {
  const parts: string[] = []
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '')
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}

function whatChanged(): HTMLElement {
  return screen.getByRole('region', { name: 'What changed in the schedule' })
}

describe('a schedule update with starred sessions', () => {
  it('lists the four changes in words, keeps the cancelled session in the plan, and badges the changed rows', async () => {
    await starredBeforeUpdate()
    await renderApp({ snapshot: updated, db: getDb(), url: '/plan' })

    const section = await screen.findByRole('region', { name: 'What changed in the schedule' })
    expect(within(section).getByText(/4 sessions in your plan changed/)).toBeInTheDocument()
    const items = within(section).getAllByRole('listitem').filter((li) => li.classList.contains('change'))
    expect(items.map(text)).toEqual([
      `Moved to 11:45 AM ${TITLES.retimed} Now 11:45 AM – 12:15 PM EST (was 11:00 – 11:30 AM EST) Got it`,
      `Moved to Georgia Ballroom 2 ${TITLES.moved} Moved to Georgia Ballroom 2, Building C, Level 3 (was Thomas Murphy Ballroom 2-3, Building B, Level 5) Got it`,
      `Cancelled ${TITLES.cancelled} Cancelled: no longer in the schedule Was: Thursday, Nov 13 · 12:00 – 1:00 PM EST · Building B · Level 2 · Willow Garden Foyer Dismiss`,
      `Renamed ${TITLES.renamedTo} Renamed from "${TITLES.renamed}" Got it`,
    ])
    // The renamed session's star followed it: its row is in the plan, under its new title, with the badge.
    const renamedLink = within(section).getByRole('link', { name: TITLES.renamedTo })
    expect(renamedLink).toHaveAttribute('href', `/session/${updated.sessions.find((s) => s.title === TITLES.renamedTo)!.id}`)
    const timeline = document.querySelector('ol.timeline') as HTMLElement
    const renamedRow = within(timeline).getByRole('link', { name: TITLES.renamedTo }).closest('.srow') as HTMLElement
    expect(within(renamedRow).getByText('Renamed')).toBeInTheDocument()
    const movedRow = within(timeline).getByRole('link', { name: TITLES.moved }).closest('.srow') as HTMLElement
    expect(within(movedRow).getByText('Moved to Georgia Ballroom 2')).toBeInTheDocument()
    const unchangedRow = within(timeline).getByRole('link', { name: TITLES.unchanged }).closest('.srow') as HTMLElement
    expect(unchangedRow.querySelector('.badge')).toBeNull()

    // The cancelled session is not silently dropped: it stays in its day, as it was.
    const cancelled = screen.getByRole('heading', { name: 'No longer in the schedule' }).parentElement!
    expect(text(cancelled)).toBe(
      'No longer in the schedule Pet-a-Pup Cancelled 12:00 – 1:00 PM EST · Building B · Level 2 · Willow Garden Foyer Dismiss',
    )
    expect(screen.getByRole('link', { name: 'My plan (4)' })).toBeInTheDocument()
  })

  it('badges the card in the list and the session page, and points there from every other screen', async () => {
    await starredBeforeUpdate()
    const { user } = await renderApp({ snapshot: updated, db: getDb(), url: `/?q=${encodeURIComponent('Feature Flags Suck')}` })

    const notice = await screen.findByText((_, el) => el?.tagName === 'P' && text(el) === 'Schedule updated: 4 sessions in your plan changed.')
    const card = (await screen.findByRole('link', { name: new RegExp(`^${TITLES.moved}`) })).closest('.card-wrap') as HTMLElement
    await waitFor(() => expect(within(card).getByText('Moved to Georgia Ballroom 2')).toBeInTheDocument())
    expect(card.querySelector('.badge--changed svg[aria-hidden="true"]')).not.toBeNull() // icon and words

    await user.click(screen.getByRole('link', { name: new RegExp(`^${TITLES.moved}`) }))
    await screen.findByRole('heading', { level: 1, name: TITLES.moved })
    expect(screen.getByText('Moved to Georgia Ballroom 2').closest('.detail__change')).not.toBeNull()

    await user.click(within(notice.closest('.notice') as HTMLElement).getByRole('link', { name: 'See what changed' }))
    await screen.findByRole('region', { name: 'What changed in the schedule' })
    // On My plan itself the list is right there: no notice pointing at it.
    expect(screen.queryByRole('link', { name: 'See what changed' })).not.toBeInTheDocument()
  })

  it('takes each acknowledged change off for good; focus moves to the next one; the cancelled session goes when dismissed', async () => {
    await starredBeforeUpdate()
    const { user, unmount } = await renderApp({ snapshot: updated, db: getDb(), url: '/plan' })
    await screen.findByRole('region', { name: 'What changed in the schedule' })

    await user.click(screen.getByRole('button', { name: `Got it: ${TITLES.retimed}` }))
    await waitFor(() => expect(screen.queryByRole('button', { name: `Got it: ${TITLES.retimed}` })).not.toBeInTheDocument())
    await waitFor(() => expect(screen.getByRole('button', { name: `Got it: ${TITLES.moved}` })).toHaveFocus())
    expect(within(whatChanged()).getByText(/3 sessions in your plan changed/)).toBeInTheDocument()
    // Its badge went with it.
    const timeline = document.querySelector('ol.timeline') as HTMLElement
    expect(within(timeline).queryByText('Moved to 11:45 AM')).not.toBeInTheDocument()

    // Dismissing the cancelled session in its day removes it from the day and from the list.
    await user.click(screen.getByRole('button', { name: `Dismiss: ${TITLES.cancelled} (cancelled)` }))
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'No longer in the schedule' })).not.toBeInTheDocument())
    expect(within(whatChanged()).queryByText(TITLES.cancelled)).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Mark all 2 as seen' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'What changed in the schedule' })).not.toBeInTheDocument())
    expect(document.querySelector('.badge--changed, .badge--cancelled')).toBeNull()

    // For good: a restart of the app (same device, same update) shows nothing again.
    unmount()
    await renderApp({ snapshot: updated, db: getDb(), url: '/plan' })
    await screen.findByRole('heading', { level: 2, name: /^Thursday, Nov 13/ })
    expect(screen.queryByRole('region', { name: 'What changed in the schedule' })).not.toBeInTheDocument()
    expect(screen.queryByText('Schedule updated:', { exact: false })).not.toBeInTheDocument()
  })

  it('still shows a cancelled session when it was the only one in the plan', async () => {
    const db = getDb()
    await installSnapshot(db, seed)
    await setStarLevel(indexedDbUserData(db), seed.event.id, byTitle(seed.sessions, TITLES.cancelled).id, 'maybe')
    await renderApp({ snapshot: updated, db, url: '/plan' })

    await screen.findByRole('region', { name: 'What changed in the schedule' })
    const day = screen.getByRole('region', { name: 'Thursday, Nov 13' })
    expect(within(day).getByText(TITLES.cancelled)).toBeInTheDocument()
    expect(within(day).getByText('Cancelled')).toBeInTheDocument()
    expect(screen.getByText('Nothing in your plan yet')).toBeInTheDocument()
  })

  it('drops a change from the list when its session is un-starred, without acknowledging it', async () => {
    await starredBeforeUpdate()
    const { user } = await renderApp({ snapshot: updated, db: getDb(), url: '/plan' })
    await screen.findByRole('region', { name: 'What changed in the schedule' })

    // Must → maybe → none, from the plan row.
    await user.click(screen.getByRole('button', { name: `Must: ${TITLES.moved} (change to maybe)` }))
    await user.click(await screen.findByRole('button', { name: `Maybe: ${TITLES.moved} (remove from plan)` }))
    await waitFor(() => expect(within(whatChanged()).queryByText(TITLES.moved)).not.toBeInTheDocument())
    const rows = await getDb().scheduleChanges.toArray()
    expect(rows.find((r) => r.change.before.title === TITLES.moved)?.acknowledged).toBe(false)
  })
})
