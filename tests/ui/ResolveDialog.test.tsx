// Resolving a clash on real Dexie: the dialog lists alternatives (flagged when they would clash too), picking one
// keeps it and demotes or removes the other, Undo puts everything back; "Keep" on either side; focus handling.
import { screen, waitFor, within } from '@testing-library/react'
import { FLAGS, FLUX, starTitles, usePlanTestKit } from './planFixtures'

const TOOLS = 'Tools and Strategies for Making the Most of Kubernetes Access Control'

const { getDb, levels, renderApp } = usePlanTestKit()
beforeEach(() => starTitles(getDb(), [FLUX, 'must'], [FLAGS, 'must']))

async function openResolve(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  const trigger = await screen.findByRole('button', { name: `Resolve clash: ${FLUX} and ${FLAGS}` })
  await user.click(trigger)
  return { trigger, dialog: await screen.findByRole('dialog', { name: 'Resolve clash' }) }
}

describe('resolving a clash', () => {
  it('lists the alternatives, flags the ones that would clash, picks one and undoes it', async () => {
    const { user } = await renderApp({ url: '/plan' })
    const { dialog } = await openResolve(user)
    expect(within(dialog).getByRole('heading', { name: 'Resolve clash' })).toHaveFocus()
    expect(within(dialog).getByRole('heading', { name: `Instead of ${FLUX}` })).toBeInTheDocument()

    const alternatives = dialog.querySelector('.resolve__alternatives')! as HTMLElement
    const names = within(alternatives)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'))
    // Everything else that runs at 11:00 and is not starred; none is AI + ML, so topic words and time decide.
    expect(names).toHaveLength(3)
    expect(names).toContain(`Pick ${TOOLS} instead of ${FLUX}`)
    const tools = within(alternatives).getByRole('button', { name: `Pick ${TOOLS} instead of ${FLUX}` }).closest('li')!
    // Picking it would still clash with the other side, which the user keeps: it says so, with the reason.
    expect(tools).toHaveTextContent('Would clash: Overlaps with Feature Flags Suck! (11:00 – 11:30 AM EST)')

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

  it('keeps one side from the dialog, demoting the other to maybe, which turns the clash into a possible one', async () => {
    const { user } = await renderApp({ url: '/plan' })
    const { dialog } = await openResolve(user)
    expect(within(dialog).getByRole('radio', { name: 'becomes a maybe' })).toBeChecked()
    await user.click(within(dialog).getByRole('button', { name: `Keep ${FLAGS}` }))
    expect(await screen.findByText(`Kept ${FLAGS}. ${FLUX} is now a maybe.`)).toBeInTheDocument()
    expect(await levels()).toEqual({ [FLUX]: 'maybe', [FLAGS]: 'must' })
    expect(
      await screen.findByRole('button', { name: `Resolve possible clash: ${FLUX} and ${FLAGS}` }),
    ).toBeInTheDocument()
  })

  it('keeps this one straight from the plan, and Undo brings the clash back', async () => {
    const { user } = await renderApp({ url: '/plan' })
    await user.click(await screen.findByRole('button', { name: `Keep this one: ${FLUX} (${FLAGS} becomes a maybe)` }))
    await screen.findByText(`Kept ${FLUX}. ${FLAGS} is now a maybe.`)
    await waitFor(async () => expect(await levels()).toEqual({ [FLUX]: 'must', [FLAGS]: 'maybe' }))
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    await screen.findByText('Undone.')
    expect(await levels()).toEqual({ [FLUX]: 'must', [FLAGS]: 'must' })
    expect(await screen.findByRole('button', { name: `Resolve clash: ${FLUX} and ${FLAGS}` })).toBeInTheDocument()
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
