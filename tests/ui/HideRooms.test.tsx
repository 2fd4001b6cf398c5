// Hiding rooms and tracks against the real app on real Dexie (fake-indexeddb): from the filters and from a session's
// page, a starred session stays and says why, "N hidden · Show" brings everything back, and a reload keeps the choice.
import { screen, waitFor, within } from '@testing-library/react'
import { afterEach } from 'vitest'
import type { HallwayDB } from '../../src/db/HallwayDB'
import { holdOpen } from '../unit/db/factories'
import { makeSession } from './factories'
import { kubeconSnapshot } from '../fixtures/factories'
import { freshTestDB, renderApp } from './renderApp'

const inB206 = makeSession({ title: 'Talk in B206', type: 'AI + ML' })
const inB304 = makeSession({ title: 'Talk in B304', type: 'AI + ML', at: 'Building B | Level 3 | B304-305' })
const starredB304 = makeSession({ title: 'Starred in B304', type: 'Keynote Sessions', at: 'Building B | Level 3 | B304-305' })
const snapshot = kubeconSnapshot([inB206, inB304, starredB304])

let db: HallwayDB
afterEach(async () => {
  await db?.delete()
})

/** A session's card in the list (found by its title link), or null. */
const card = (title: string) => screen.queryByRole('link', { name: new RegExp(`^${title}`) })?.closest<HTMLElement>('.card-wrap') ?? null

async function openFilters(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  const toggle = screen.getByRole('button', { name: /^Filters/ })
  if (toggle.getAttribute('aria-expanded') !== 'true') await user.click(toggle)
}

describe('hiding a room', () => {
  it('hides its sessions from the filters, keeps a starred one marked, shows them again in one tap, and survives a reload', async () => {
    db = freshTestDB()
    const first = await renderApp({ snapshot, db })
    const { user } = first
    await user.click(screen.getByRole('button', { name: 'Star Starred in B304: add to plan as must' }))
    await screen.findByRole('button', { name: /^Must: Starred in B304/ })
    // Storage is open and the star saved (a tap made before that waits in memory).
    await waitFor(async () => expect(await db.stars.count()).toBe(1))

    await openFilters(user)
    await user.selectOptions(screen.getByLabelText('Hide a room or type'), 'room:B304-305')
    await user.click(screen.getByRole('button', { name: 'Hide' }))
    await screen.findByRole('button', { name: '1 hidden · Show' })
    expect(card('Talk in B304')).toBeNull()
    expect(card('Talk in B206')).not.toBeNull()
    // The starred one stays, marked in words (not by colour alone).
    expect(within(card('Starred in B304')!).getByText('In a hidden room')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '1 hidden · Show' })).toBeInTheDocument()

    // A reload (a new session on the same database) keeps it hidden.
    first.unmount()
    const second = await renderApp({ snapshot, db })
    const show = await screen.findByRole('button', { name: '1 hidden · Show' })
    expect(card('Talk in B304')).toBeNull()

    await second.user.click(show)
    await waitFor(() => expect(card('Talk in B304')).not.toBeNull())
    expect(screen.queryByText('In a hidden room')).toBeNull()
    expect(screen.queryByRole('button', { name: /hidden · Show/ })).toBeNull()
  })
})

describe('hiding a track from a session page', () => {
  it('hides the sessions of its type in the list, and the page says the track is hidden', async () => {
    db = freshTestDB()
    const { user } = await renderApp({ snapshot, db, url: `/session/${inB206.id}` })
    await user.click(await screen.findByRole('button', { name: 'Hide this track' }))
    expect(await screen.findByText('In a hidden track')).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: /Back to schedule/ }))
    await screen.findByRole('button', { name: '1 hidden · Show' })
    expect(card('Talk in B206')).toBeNull()
    expect(card('Talk in B304')).toBeNull()
    expect(card('Starred in B304')).not.toBeNull()
  })
})

describe('a schedule update', () => {
  it('keeps the hidden room: a session moved into it, and one new in it, are hidden too', async () => {
    db = freshTestDB()
    const first = await renderApp({ snapshot, db, url: `/session/${inB304.id}` })
    await first.user.click(await screen.findByRole('button', { name: 'Hide this room' }))
    await screen.findByText('In a hidden room')
    first.unmount()

    // The next version of the schedule (another contentHash): the B206 talk moved to B304-305, a talk added there,
    // and one added elsewhere, to see that the update reached the list.
    const movedIn = { ...inB206, venue: inB304.venue }
    const newInB304 = makeSession({ title: 'New in B304', type: 'AI + ML', at: 'Building B | Level 3 | B304-305' })
    const newElsewhere = makeSession({ title: 'New in B206', type: 'AI + ML' })
    const updated = kubeconSnapshot([movedIn, inB304, starredB304, newInB304, newElsewhere])
    expect(updated.contentHash).not.toBe(snapshot.contentHash)
    await renderApp({ snapshot: updated, db })

    await waitFor(() => expect(card('New in B206')).not.toBeNull())
    expect(await screen.findByRole('button', { name: '1 hidden · Show' })).toBeInTheDocument()
    for (const title of ['Talk in B206', 'Talk in B304', 'Starred in B304', 'New in B304']) expect(card(title)).toBeNull()
    expect((await db.sessions.toArray()).map((s) => s.title)).toContain('New in B304')
  })
})

describe('before storage has opened', () => {
  it('offers no hiding while the saved choices are unread (a tap would be refused), and does once they are', async () => {
    db = freshTestDB()
    // The page shows from the bundled snapshot before IndexedDB opens (the session's preview); open() waits here.
    const release = holdOpen(db)
    const { user } = await renderApp({ snapshot, db, url: `/session/${inB304.id}` })
    await screen.findByRole('heading', { level: 1, name: 'Talk in B304' })
    expect(screen.queryByRole('button', { name: 'Hide this room' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Hide this track' })).toBeNull()

    release()
    await user.click(await screen.findByRole('button', { name: 'Hide this room' }))
    expect(await screen.findByText('In a hidden room')).toBeInTheDocument()
    expect(screen.queryByText(/didn’t work/)).toBeNull()
  })
})
