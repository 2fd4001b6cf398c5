// A private note on a session, on the real app and a real Dexie database: written on the session page, shown in the
// plan row, found by the schedule search, undoable, kept out of a share link, and kept across a reload.
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { readUserData } from '../../src/db/userDataStore'
import { byTitle, FLUX, planSnapshot, usePlanTestKit } from './planFixtures'
import { resultCount } from './renderApp'

const { star, getDb, renderApp } = usePlanTestKit()
const NOTE = 'Ask about the GPU operator; room fills early'

async function storedNotes(): Promise<Record<string, string>> {
  const { notes } = await readUserData(getDb(), planSnapshot.event.id)
  return Object.fromEntries(notes.map((n) => [n.sessionId, n.text]))
}

async function writeNote(user: Awaited<ReturnType<typeof renderApp>>['user'], text: string) {
  await user.click(await screen.findByRole('button', { name: /^(Add a note|Edit note)$/ }))
  const box = screen.getByRole('textbox', { name: 'Private note on this session (never shared)' })
  await waitFor(() => expect(box).toHaveFocus())
  await user.clear(box)
  if (text !== '') await user.type(box, text)
  await user.click(screen.getByRole('button', { name: 'Save note' }))
}

describe('a note on a session', () => {
  it('is written on the session page, saved, shown in the plan row, and survives a reload', async () => {
    const flux = byTitle(FLUX)
    await star([FLUX, 'must'])
    const { user } = await renderApp({ url: `/session/${flux.id}` })
    expect(await screen.findByText(/Only you see your notes/)).toBeInTheDocument()
    await writeNote(user, NOTE)

    await screen.findByText('Note saved. Only you can see it.')
    const section = screen.getByRole('region', { name: 'Your note' })
    expect(within(section).getByText(NOTE)).toBeInTheDocument()
    await waitFor(async () => expect(await storedNotes()).toEqual({ [flux.id]: NOTE }))

    await user.click(screen.getByRole('link', { name: /My plan/ }))
    const row = (await screen.findByText('Your note:')).closest('li')!
    expect(row).toHaveTextContent(`Your note: ${NOTE}`)
    expect(within(row).getByRole('link', { name: new RegExp(`^${FLUX}`) })).toBeInTheDocument()

    cleanup()
    await renderApp({ url: `/session/${flux.id}` })
    expect(await screen.findByText(NOTE)).toBeInTheDocument()
  })

  it('is found by the schedule search, and removing it (with Undo) takes it out again', async () => {
    const flux = byTitle(FLUX)
    const { user } = await renderApp({ url: `/session/${flux.id}` })
    await writeNote(user, 'zanzibar corridor')
    await waitFor(async () => expect(Object.values(await storedNotes())).toEqual(['zanzibar corridor']))

    await user.click(screen.getByRole('link', { name: /Back to schedule/ }))
    await user.type(await screen.findByRole('searchbox', { name: /Search/ }), 'zanzibar')
    await waitFor(() => expect(resultCount()).toBe('1 session'))
    await user.click(screen.getByRole('link', { name: new RegExp(`^${FLUX}`) }))

    await writeNote(user, '')
    await screen.findByText('Note removed.')
    await waitFor(async () => expect(await storedNotes()).toEqual({}))
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(async () => expect(await storedNotes()).toEqual({ [flux.id]: 'zanzibar corridor' }))
  })

  it('never goes into a share link', async () => {
    const flux = byTitle(FLUX)
    await star([FLUX, 'must'])
    const { user } = await renderApp({ url: `/session/${flux.id}` })
    await writeNote(user, NOTE)
    await waitFor(async () => expect(Object.keys(await storedNotes())).toHaveLength(1))

    await user.click(screen.getByRole('link', { name: /My plan/ }))
    await user.click(await screen.findByRole('button', { name: 'Share my plan' }))
    const link = (await screen.findByRole('textbox', { name: /link/i })) as HTMLInputElement
    const decoded = decodeURIComponent(link.value)
    expect(decoded).not.toContain('GPU')
    // The link carries the plan in a few bytes: one star, no text of the user's.
    expect(link.value.length).toBeLessThan(200)
  })
})
