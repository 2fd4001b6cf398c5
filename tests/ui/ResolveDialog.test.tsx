// Resolving an overlap or a tight walk on real Dexie: the dialog lists alternatives (flagged when they would conflict
// too), picking one
// keeps it and demotes or removes the other, Undo puts everything back; "Keep" on either side; focus handling.
import { screen, waitFor, within } from '@testing-library/react'
import { FLAGS, FLUX, SIG_API, starTitles, usePlanTestKit } from './planFixtures'

const TOOLS = 'Tools and Strategies for Making the Most of Kubernetes Access Control'

const { getDb, levels, renderApp } = usePlanTestKit()
beforeEach(() => starTitles(getDb(), [FLUX, 'must'], [FLAGS, 'must']))

async function openResolve(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  const trigger = await screen.findByRole('button', { name: `Resolve overlap: ${FLUX} and ${FLAGS}` })
  await user.click(trigger)
  return { trigger, dialog: await screen.findByRole('dialog', { name: 'Resolve overlap' }) }
}

describe('resolving an overlap', () => {
  it('lists the alternatives, flags the ones that would overlap, picks one and undoes it', async () => {
    const { user } = await renderApp({ url: '/plan' })
    const { dialog } = await openResolve(user)
    expect(within(dialog).getByRole('heading', { name: 'Resolve overlap' })).toHaveFocus()
    expect(within(dialog).getByRole('heading', { name: `Instead of ${FLUX}` })).toBeInTheDocument()

    const alternatives = dialog.querySelector('.resolve__alternatives')! as HTMLElement
    const names = within(alternatives)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'))
    // Everything else that runs at 11:00 and is not starred; none is AI + ML, so topic words and time decide.
    expect(names).toHaveLength(3)
    expect(names).toContain(`Pick ${TOOLS} instead of ${FLUX}`)
    const tools = within(alternatives).getByRole('button', { name: `Pick ${TOOLS} instead of ${FLUX}` }).closest('li')!
    // Picking it would still overlap the other side, which the user keeps: it says so, with the reason.
    expect(tools).toHaveTextContent('Would overlap: Overlaps with Feature Flags Suck! (11:00 – 11:30 AM EST)')

    await user.click(within(dialog).getByRole('radio', { name: 'is removed from your plan' }))
    await user.click(within(tools).getByRole('button'))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(await screen.findByText(`Picked ${TOOLS} instead of ${FLUX}. Removed ${FLUX} from your plan.`)).toBeInTheDocument()
    const undo = screen.getByRole('button', { name: 'Undo' })
    await waitFor(() => expect(undo).toHaveFocus())
    expect(await levels()).toEqual({ [TOOLS]: 'must', [FLAGS]: 'must' })

    await user.click(undo)
    await screen.findByText('Undone.')
    expect(await levels()).toEqual({ [FLUX]: 'must', [FLAGS]: 'must' })
    expect(await screen.findByRole('link', { name: FLUX })).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: `Must: ${FLUX} (change to maybe)` })).toHaveFocus())
  })

  it('keeps one side from the dialog, demoting the other to maybe, which turns the overlap into a possible one', async () => {
    const { user } = await renderApp({ url: '/plan' })
    const { dialog } = await openResolve(user)
    expect(within(dialog).getByRole('radio', { name: 'becomes a maybe' })).toBeChecked()
    await user.click(within(dialog).getByRole('button', { name: `Keep ${FLAGS}` }))
    expect(await screen.findByText(`Kept ${FLAGS}. ${FLUX} is now a maybe.`)).toBeInTheDocument()
    expect(await levels()).toEqual({ [FLUX]: 'maybe', [FLAGS]: 'must' })
    expect(
      await screen.findByRole('button', { name: `Resolve possible overlap: ${FLUX} and ${FLAGS}` }),
    ).toBeInTheDocument()
  })

  it('keeps this one straight from the plan, and Undo brings the overlap back', async () => {
    const { user } = await renderApp({ url: '/plan' })
    await user.click(await screen.findByRole('button', { name: `Keep this one: ${FLUX} (${FLAGS} becomes a maybe)` }))
    await screen.findByText(`Kept ${FLUX}. ${FLAGS} is now a maybe.`)
    await waitFor(async () => expect(await levels()).toEqual({ [FLUX]: 'must', [FLAGS]: 'maybe' }))
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    await screen.findByText('Undone.')
    expect(await levels()).toEqual({ [FLUX]: 'must', [FLAGS]: 'must' })
    expect(await screen.findByRole('button', { name: `Resolve overlap: ${FLUX} and ${FLAGS}` })).toBeInTheDocument()
  })

  it('opens from a card in the list, keeps Tab inside, closes on Escape and returns focus', async () => {
    const { user } = await renderApp({})
    const { trigger, dialog } = await openResolve(user)
    expect(document.querySelector('[inert]')).not.toBeNull()
    const focusable = within(dialog).getAllByRole('button').concat(within(dialog).getAllByRole('radio'))
    for (let i = 0; i < focusable.length + 2; i++) {
      await user.tab()
      expect(dialog.contains(document.activeElement)).toBe(true)
    }
    await user.tab({ shift: true })
    expect(dialog.contains(document.activeElement)).toBe(true)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(document.querySelector('[inert]')).toBeNull()
    expect(trigger).toHaveFocus()
    expect(await levels()).toEqual({ [FLUX]: 'must', [FLAGS]: 'must' })
  })
})

describe('resolving a tight walk', () => {
  it('names it a tight walk in the heading and the words', async () => {
    // SIG API Machinery ends 12:15 in Building C as Lunch starts in Building B.
    await starTitles(getDb(), [SIG_API, 'must'], ['Lunch', 'must'])
    const { user } = await renderApp({ url: '/plan' })
    await user.click(await screen.findByRole('button', { name: `Resolve tight walk: ${SIG_API} and Lunch 🍲` }))
    const dialog = await screen.findByRole('dialog', { name: 'Resolve tight walk' })
    expect(dialog.querySelector('.conflict')).toHaveTextContent(
      'Tight walk: No time to walk from Building C Level 3 to Building B Level 1 (≈14 min)',
    )
    expect(dialog.querySelector('.conflict')).toHaveClass('conflict--tight')
  })
})
