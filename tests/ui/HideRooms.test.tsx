// Hiding rooms and tracks against the real app on real Dexie (fake-indexeddb): from the filters and from a session's
// page, a starred session stays and says why, "N hidden · Show" brings everything back, and a reload keeps the choice.
import { screen, waitFor, within } from '@testing-library/react'
import { afterEach } from 'vitest'
import type { HallwayDB } from '../../src/db/HallwayDB'
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

const card = (title: string) => screen.queryByRole('link', { name: new RegExp(`^${title}`) })

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
