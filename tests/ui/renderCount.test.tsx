// A star re-renders the rows it changes, not the whole list: each row reads its own star, clash and change badge from
// the session store (useHallway selectors). Counted by wrapping the row components' bodies.
import { act, screen, waitFor } from '@testing-library/react'
import { createElement, memo, type ComponentType, type MemoExoticComponent } from 'react'
import { FLUX, usePlanTestKit } from './planFixtures'

const renders = new Map<string, number>()

/** The component's body, counted per session each time React runs it (a memo that holds does not count). */
function counted<P extends { session: { id: string } }>(component: ComponentType<P> | MemoExoticComponent<ComponentType<P>>) {
  const memoed = (component as { $$typeof?: symbol }).$$typeof === Symbol.for('react.memo')
  const body = (memoed ? (component as unknown as { type: (p: P) => unknown }).type : component) as (p: P) => unknown
  const Counted = (props: P) => {
    renders.set(props.session.id, (renders.get(props.session.id) ?? 0) + 1)
    return body(props) as ReturnType<typeof createElement>
  }
  return memoed ? memo(Counted, (component as unknown as { compare?: (a: P, b: P) => boolean }).compare ?? undefined) : Counted
}

vi.mock('../../src/ui/schedule/SessionCard', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/ui/schedule/SessionCard')>()
  return { ...real, SessionCard: counted(real.SessionCard as never) }
})
vi.mock('../../src/ui/common/SessionRow', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/ui/common/SessionRow')>()
  return { ...real, SessionRow: counted(real.SessionRow as never) }
})

const { star, renderApp } = usePlanTestKit()

function total(): number {
  return [...renders.values()].reduce((a, b) => a + b, 0)
}

describe('render counts', () => {
  it('starring one session in the list re-renders at most two of its cards', async () => {
    const { user } = await renderApp()
    const button = await screen.findByRole('button', { name: `Star ${FLUX}: add to plan as must` })
    // The saved stars have been read (the button is no longer dotted), so nothing else is still arriving.
    await waitFor(() => expect(button).not.toHaveAccessibleDescription(/still loading/))
    const cards = document.querySelectorAll('[data-card-for]').length
    expect(cards).toBeGreaterThanOrEqual(4)
    renders.clear()
    await user.click(button)
    await screen.findByRole('button', { name: `Must: ${FLUX} (change to maybe)` })
    await act(async () => {})
    expect(total()).toBeGreaterThanOrEqual(1) // the counter sees the row that changed
    expect(total()).toBeLessThanOrEqual(2)
  })

  it('changing one star on My plan re-renders at most two of its rows', async () => {
    await star(['Keynote: Beyond Operations', 'must'], [FLUX, 'must'], ['SIG API Machinery', 'maybe'], ['Dragonfly', 'must'], ['Feature Flags', 'must'])
    const { user } = await renderApp({ url: '/plan' })
    const button = await screen.findByRole('button', { name: `Must: ${FLUX} (change to maybe)` })
    expect(document.querySelectorAll('.srow').length).toBeGreaterThan(4)
    renders.clear()
    await user.click(button)
    await screen.findByRole('button', { name: new RegExp(`^Maybe: ${FLUX}`) })
    await act(async () => {})
    expect(total()).toBeGreaterThanOrEqual(1) // the counter sees the row that changed
    expect(total()).toBeLessThanOrEqual(2)
  })
})
