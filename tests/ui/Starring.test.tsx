// Starring against the real app on real Dexie (fake-indexeddb): one tap or one key cycles none → must → maybe →
// none from the list and the detail page, counts show at a glance, stars survive a reload, and memory mode works.
import { act, screen, waitFor, within } from '@testing-library/react'
import type { VenueDay } from '../../src/domain/model'
import { setStarLevel } from '../../src/db/stars'
import { indexedDbUserData } from '../../src/db/userDataStore'
import { holdOpen } from '../unit/db/factories'
import { est, makeSession } from './factories'
import { kubeconSnapshot } from '../fixtures/factories'
import { byTitle, FLUX, planSessions, usePlanTestKit } from './planFixtures'

const { getDb, levels: storedLevels, renderApp, star } = usePlanTestKit()

function navPlanLink() {
  return screen.getByRole('navigation', { name: 'Main' }).querySelector('a[href="/plan"]') as HTMLElement
}

describe('starring from the list', () => {
  it('cycles none → must → maybe → none with one tap each, saying state and action in the name', async () => {
    const { user } = await renderApp()
    expect(navPlanLink()).toHaveAccessibleName('My plan')

    const star = screen.getByRole('button', { name: `Star ${FLUX}: add to plan as must` })
    expect(star).toHaveAttribute('aria-pressed', 'false')
    await user.click(star)
    const must = await screen.findByRole('button', { name: `Must: ${FLUX} (change to maybe)` })
    expect(must).toHaveAttribute('aria-pressed', 'true')
    expect(must).toHaveTextContent('Must')
    // A tap while the plan is still being read shows at once, and is written a moment later.
    await waitFor(async () => expect(await storedLevels()).toEqual({ [FLUX]: 'must' }))
    expect(navPlanLink()).toHaveAccessibleName('My plan (1)')

    await user.click(must)
    const maybe = await screen.findByRole('button', { name: `Maybe: ${FLUX} (remove from plan)` })
    expect(maybe).toHaveTextContent('Maybe')
    expect(await storedLevels()).toEqual({ [FLUX]: 'maybe' })

    await user.click(maybe)
    await screen.findByRole('button', { name: `Star ${FLUX}: add to plan as must` })
    expect(await storedLevels()).toEqual({})
    expect(navPlanLink()).toHaveAccessibleName('My plan')
  })

  it('stars the focused card with the "s" key and announces the new state', async () => {
    const { user } = await renderApp()
    const link = screen.getByRole('link', { name: new RegExp(`^${FLUX}`) })
    link.focus()
    await user.keyboard('s')
    await screen.findByRole('button', { name: `Must: ${FLUX} (change to maybe)` })
    expect(screen.getByText(`${FLUX}: added to your plan as must`)).toBeInTheDocument()
    // Focus stays on the card, so the next press continues the cycle.
    expect(link).toHaveFocus()
    await user.keyboard('s')
    await screen.findByRole('button', { name: `Maybe: ${FLUX} (remove from plan)` })
    expect(screen.getByText(`${FLUX}: now a maybe`)).toBeInTheDocument()
  })

  it('keeps stars across a reload', async () => {
    const { user, unmount } = await renderApp()
    await user.click(screen.getByRole('button', { name: `Star ${FLUX}: add to plan as must` }))
    await screen.findByRole('button', { name: /^Must: / })
    unmount()

    await renderApp()
    expect(await screen.findByRole('button', { name: `Must: ${FLUX} (change to maybe)` })).toBeInTheDocument()
    expect(navPlanLink()).toHaveAccessibleName('My plan (1)')
  })

  it('counts stars on each day tab of a multi-day event', async () => {
    const friday = '2025-11-14' as VenueDay
    const fri = makeSession({ title: 'Friday talk', day: friday, start: est('9:00am', friday), end: est('9:30am', friday) })
    const twoDays = kubeconSnapshot([...planSessions, fri])
    const store = indexedDbUserData(getDb())
    await setStarLevel(store, twoDays.event.id, byTitle(FLUX).id, 'must')
    await setStarLevel(store, twoDays.event.id, byTitle('Dragonfly').id, 'maybe')
    await setStarLevel(store, twoDays.event.id, fri.id, 'must')
    await renderApp({ snapshot: twoDays })
    const days = screen.getByRole('navigation', { name: 'Days' })
    await waitFor(() => expect(within(days).getByRole('link', { name: /^Thu Nov 13/ })).toHaveAccessibleName('Thu Nov 13 2 in your plan'))
    expect(within(days).getByRole('link', { name: /^Fri Nov 14/ })).toHaveAccessibleName('Fri Nov 14 1 in your plan')
    expect(navPlanLink()).toHaveAccessibleName('My plan (3)')
  })

  it('asks the browser to keep storage on the first star only', async () => {
    let asked = 0
    const persist = async () => {
      asked += 1
      return true
    }
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { persist, persisted: async () => false } })
    try {
      const { user } = await renderApp()
      await user.click(screen.getByRole('button', { name: `Star ${FLUX}: add to plan as must` }))
      await screen.findByRole('button', { name: /^Must: / })
      await waitFor(() => expect(asked).toBe(1))
      // A second star, on a card near the top of the list (always rendered).
      await user.click(screen.getByRole('button', { name: /^Star Keynote: Beyond Operations/ }))
      await screen.findByRole('button', { name: /^Must: Keynote: Beyond Operations/ })
      expect(asked).toBe(1)
    } finally {
      delete (navigator as any).storage
    }
  })
})

describe('starring before storage has opened', () => {
  it('keeps a tap made while the list shows the bundled snapshot, shows it at once, and saves it once the plan is read', async () => {
    // The list shows before IndexedDB opens (the session's preview); open() here waits for the test.
    const release = holdOpen(getDb())
    const { user } = await renderApp()

    const star = screen.getByRole('button', { name: new RegExp(`^Star ${FLUX}: add to plan as must`) })
    // Its saved state is not known yet, and the button says so.
    expect(star).toHaveAccessibleDescription(/still loading/)
    await user.click(star)
    expect(await screen.findByRole('button', { name: new RegExp(`^Must: ${FLUX}`) })).toHaveAttribute('aria-pressed', 'true')

    release()
    expect(await screen.findByRole('button', { name: `Must: ${FLUX} (change to maybe)` })).toHaveAttribute('aria-pressed', 'true')
    await waitFor(async () => expect(await storedLevels()).toEqual({ [FLUX]: 'must' }))
  })

  it('keeps a tap made on the list when the user moves to My plan before storage opens', async () => {
    const release = holdOpen(getDb())
    const { user } = await renderApp()
    await user.click(screen.getByRole('button', { name: new RegExp(`^Star ${FLUX}`) }))
    await user.click(navPlanLink())
    release()
    expect(await screen.findByRole('link', { name: FLUX })).toBeInTheDocument()
    await waitFor(async () => expect(await storedLevels()).toEqual({ [FLUX]: 'must' }))
  })

  it('never demotes a Must tapped while its saved state was not yet known', async () => {
    await star([FLUX, 'must'])
    const release = holdOpen(getDb())
    const { user } = await renderApp()
    await user.click(screen.getByRole('button', { name: new RegExp(`^Star ${FLUX}`) }))
    release()
    // Once the saved stars are read, a tap is written after anything the early tap wrote (one transaction after another).
    await waitFor(() => expect(screen.getByRole('button', { name: /^Star Keynote: Beyond Operations/ })).not.toHaveAccessibleDescription())
    await user.click(screen.getByRole('button', { name: /^Star Keynote: Beyond Operations/ }))
    await waitFor(async () =>
      expect(await storedLevels()).toEqual({ [FLUX]: 'must', [byTitle('Keynote: Beyond Operations').title]: 'must' }),
    )
    expect(screen.getByRole('button', { name: `Must: ${FLUX} (change to maybe)` })).toBeInTheDocument()
  })
})

describe('starring on the detail page', () => {
  it('cycles with the button and with "s", and the list shows the same star', async () => {
    const flux = byTitle(FLUX)
    const { user } = await renderApp({ url: `/session/${flux.id}` })
    await user.click(await screen.findByRole('button', { name: `Star ${FLUX}: add to plan as must` }))
    await screen.findByRole('button', { name: `Must: ${FLUX} (change to maybe)` })
    await user.keyboard('s')
    await screen.findByRole('button', { name: `Maybe: ${FLUX} (remove from plan)` })
    // The button shows the tap at once; the write lands a moment later (slower on a busy machine).
    await waitFor(async () => expect(await storedLevels()).toEqual({ [FLUX]: 'maybe' }))

    await user.click(screen.getByRole('link', { name: /Back to schedule/ }))
    expect(await screen.findByRole('button', { name: `Maybe: ${FLUX} (remove from plan)` })).toBeInTheDocument()
  })

  it('does not take "s" typed into a text field', async () => {
    const flux = byTitle(FLUX)
    const { user } = await renderApp({ url: `/session/${flux.id}` })
    await screen.findByRole('button', { name: /^Star / })
    const input = document.createElement('input')
    document.body.append(input)
    input.focus()
    await user.keyboard('s')
    input.remove()
    await act(() => new Promise((r) => setTimeout(r, 50)))
    expect(await storedLevels()).toEqual({})
  })
})

describe('without IndexedDB', () => {
  it('stars for the session in memory and says plainly that nothing is saved', async () => {
    const { user } = await renderApp({ db: null })
    expect(screen.getByText(/stars and settings won't be kept/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: `Star ${FLUX}: add to plan as must` }))
    await screen.findByRole('button', { name: `Must: ${FLUX} (change to maybe)` })
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'My plan (1)' }))
    expect(await screen.findByText(/Your plan lasts until you close this tab/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: FLUX })).toBeInTheDocument()
  })
})
