// The list screen against the real router, provider (memory mode) and virtual list, on seed-shaped data.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { vi } from 'vitest'
import type { Snapshot, VenueDay } from '../../src/domain/model'
import { SEARCH_URL_DELAY_MS } from '../../src/ui/schedule/useViewState'
import { est, seedSessions, syntheticSessions } from './factories'
import { kubeconSnapshot } from '../fixtures/factories'
import { renderApp, resultCount } from './renderApp'

const FLUX = 'AI-Assisted GitOps With Flux MCP Server'
const DRAGONFLY = 'Dragonfly v2.3.0'
const CONTRIBFEST = '🚨 Contribfest: Level up Your Open Source Journey: Hands-On Backstage Contributions!'

/** A session's title link in the list. */
function titleLink(title: string) {
  return screen.getByRole('link', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
}

/** The whole card of a session in the list: its title link, details, speakers and star. */
function card(title: string) {
  return titleLink(title).closest('.card-wrap') as HTMLElement
}

function search() {
  return screen.getByRole('searchbox', { name: 'Search sessions' })
}

/** The numbers of the synthetic "Session N: …" cards currently in the DOM. */
function renderedSessionNumbers(): number[] {
  return screen.queryAllByRole('link', { name: /^Session \d+/ }).map((a) => Number(/^Session (\d+)/.exec(a.textContent ?? '')![1]))
}

function params() {
  return new URLSearchParams(window.location.search)
}

async function openFilters(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.click(screen.getByRole('button', { name: /^Filters/ }))
  return screen.getByRole('region', { name: 'Filters' })
}

describe('the schedule list', () => {
  it('shows the day, the count, slot headers and session cards', async () => {
    await renderApp()
    expect(screen.getByRole('heading', { level: 1, name: 'Thursday, Nov 13' })).toBeInTheDocument()
    expect(resultCount()).toBe('12 sessions')
    expect(screen.getByRole('heading', { level: 2, name: '11:00 AM 4 sessions' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: '9:07 AM 1 session' })).toBeInTheDocument()

    expect(titleLink(FLUX)).toHaveAttribute('href', expect.stringMatching(/^\/session\/[0-9a-f]{8}$/))
    const flux = card(FLUX)
    expect(within(flux).getByText('11:00 – 11:30 AM EST')).toBeInTheDocument()
    expect(within(flux).getByText('Building B · Level 2 · B206')).toBeInTheDocument()
    // The speaker is a link of their own, beside the title link, never inside it.
    expect(flux.querySelector('.card__speakers')).toHaveTextContent(/^Stefan Prodan \(ControlPlane\)$/)
    expect(within(flux).getByRole('link', { name: 'Stefan Prodan' })).toHaveAttribute('href', '/speaker/n-stefan-prodan')
    expect(flux.querySelector('a a')).toBeNull()
    expect(within(flux).getByText('AI + ML')).toBeInTheDocument()
  })

  it('shows the area of a room, and raw speaker text when it could not be split', async () => {
    const { user } = await renderApp()
    expect(within(card('Learning Lounge: AI May Be')).getByText('Building B · Level 1 · Exhibit Hall B3-B5 · Learning Lounge')).toBeInTheDocument()
    // Further down than the rows jsdom's 768 px window renders: bring it up by searching.
    await user.type(search(), 'flags suck')
    expect(
      within(card('Feature Flags Suck!')).getByText(
        'The Problems With Feature Flagging and How To Avoid Them - Pete Hodgson (Software Delivery Consultant, PH1)',
      ),
    ).toBeInTheDocument()
  })

  it('narrows as you type, keeps the text in the URL once typing pauses, and replaces history instead of adding to it', async () => {
    const { user } = await renderApp()
    const before = window.history.length
    await user.type(search(), 'dragonfly')
    expect(resultCount()).toBe('2 sessions')
    expect(card(DRAGONFLY)).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: new RegExp(`^${FLUX}`) })).not.toBeInTheDocument()
    await waitFor(() => expect(params().get('q')).toBe('dragonfly'))
    expect(window.history.length).toBe(before)
    expect(search()).toHaveValue('dragonfly')
  })

  it('writes the search to the URL at once when the box loses focus or on Enter', async () => {
    const { user } = await renderApp()
    await user.type(search(), 'flux')
    await user.tab()
    expect(params().get('q')).toBe('flux')
    await user.click(search())
    await user.type(search(), ' mcp{Enter}')
    expect(params().get('q')).toBe('flux mcp')
    expect(resultCount()).toBe('1 session')
  })

  it('drops a search not yet in the URL when "Clear all filters" empties the box', async () => {
    const { user } = await renderApp({ url: '/?type=AI%20%2B%20ML' })
    await user.type(search(), 'ray')
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }))
    expect(search()).toHaveValue('')
    expect(resultCount()).toBe('12 sessions')
    // Longer than the pause after which typing is written: the cleared text must not come back.
    await act(() => new Promise((r) => setTimeout(r, SEARCH_URL_DELAY_MS + 100)))
    expect(window.location.search).toBe('')
    expect(search()).toHaveValue('')
  })

  it('finds speakers without their accents', async () => {
    const { user } = await renderApp()
    await user.type(search(), 'kaldstrom')
    expect(resultCount()).toBe('1 session')
    expect(card('Tools and Strategies for Making the Most of Kubernetes Access Control')).toBeInTheDocument()
  })

  it('filters by several types, including emoji types, and puts them in the URL', async () => {
    const { user } = await renderApp()
    const panel = await openFilters(user)
    // Each type's count is its description ("Sessions: 1"), not part of its name.
    expect(within(panel).getByRole('checkbox', { name: '🚨 CONTRIBFEST' })).toHaveAccessibleDescription('Sessions: 1')
    await user.click(within(panel).getByRole('checkbox', { name: '🚨 CONTRIBFEST' }))
    expect(resultCount()).toBe('1 session')
    expect(card(CONTRIBFEST)).toBeInTheDocument()
    await user.click(within(panel).getByRole('checkbox', { name: 'BREAKS' }))
    expect(resultCount()).toBe('3 sessions')
    // The URL follows once the frame has painted (see the next test).
    await waitFor(() => expect(params().getAll('type')).toEqual(['🚨 CONTRIBFEST', 'BREAKS']))
    // The toggle's name says how many filters are on.
    expect(screen.getByRole('button', { name: 'Filters, 2 active' })).toHaveAttribute('aria-expanded', 'true')
    await user.click(within(panel).getByRole('checkbox', { name: '🚨 CONTRIBFEST' }))
    expect(resultCount()).toBe('2 sessions')
  })

  it('shows a ticked filter at once and writes it to the URL after the frame, or first when a session opens', async () => {
    const { user } = await renderApp()
    const panel = await openFilters(user)
    // The list changes in the click's own task; the history write waits for the frame.
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'BREAKS' }))
    expect(resultCount()).toBe('2 sessions')
    expect(params().getAll('type')).toEqual([])
    await waitFor(() => expect(params().getAll('type')).toEqual(['BREAKS']))

    // Ticked and opened within one frame: the write lands before the session's entry is pushed, so Back returns
    // to the list as it was.
    await user.click(within(panel).getByRole('checkbox', { name: '🚨 CONTRIBFEST' }))
    await user.click(titleLink(CONTRIBFEST))
    expect(window.location.pathname).toMatch(/^\/session\//)
    await act(async () => {
      window.history.back()
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }))
    })
    expect(params().getAll('type')).toEqual(['BREAKS', '🚨 CONTRIBFEST'])
    expect(resultCount()).toBe('3 sessions')
  })

  it('filters by building, and by room (which also picks its building)', async () => {
    const { user } = await renderApp()
    const panel = await openFilters(user)
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Building' }), 'Building C')
    expect(resultCount()).toBe('1 session')
    expect(card(DRAGONFLY)).toBeInTheDocument()
    // The URL follows the filter after the frame (useViewState's deferred write).
    await waitFor(() => expect(params().get('building')).toBe('Building C'))

    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Building' }), '')
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Room' }), 'B206 (2)')
    expect(resultCount()).toBe('2 sessions')
    await waitFor(() => expect(params().get('building')).toBe('Building B'))
    expect(params().get('room')).toBe('B206')
    expect(window.location.search).toContain('building=Building%20B')
    expect(within(panel).getByRole('combobox', { name: 'Building' })).toHaveValue('Building B')
  })

  it('hides past sessions against the injected clock, keeping the ones in progress', async () => {
    const { user } = await renderApp({ now: est('11:40am') })
    expect(within(card(FLUX)).getByText('Ended')).toBeInTheDocument()
    await user.click(screen.getByRole('checkbox', { name: 'Hide past sessions' }))
    expect(resultCount()).toBe('6 sessions')
    expect(screen.queryByRole('link', { name: new RegExp(`^${FLUX}`) })).not.toBeInTheDocument()
    expect(within(card(CONTRIBFEST)).getByText('On now')).toBeInTheDocument()
    await waitFor(() => expect(params().get('past')).toBe('hide'))
  })

  it('drops sessions from the list as they end, as the clock moves on', async () => {
    let now = Date.parse(est('11:29am'))
    const clock = () => now
    await renderApp({ url: '/?past=hide', clock })
    expect(card(FLUX)).toBeInTheDocument()
    expect(within(card(FLUX)).getByText('On now')).toBeInTheDocument()
    now = Date.parse(est('11:31am'))
    // A phone waking up (or the 30-second tick) re-reads the clock.
    act(() => document.dispatchEvent(new Event('visibilitychange')))
    expect(screen.queryByRole('link', { name: new RegExp(`^${FLUX}`) })).not.toBeInTheDocument()
    expect(resultCount()).toBe('6 sessions')
  })

  it('says when everything matching has ended, and offers to show it', async () => {
    const { user } = await renderApp({ url: '/?q=flux&past=hide', now: est('5:00pm') })
    expect(screen.getByText('Every session matching "flux" has ended.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show past sessions' }))
    expect(resultCount()).toBe('1 session')
    expect(screen.getByRole('checkbox', { name: 'Hide past sessions' })).not.toBeChecked()
  })

  it('explains an empty result and "Clear filters" brings everything back', async () => {
    const { user } = await renderApp({ url: '/?type=SECURITY' })
    await user.type(search(), 'zzzxqj')
    expect(screen.getByText('No sessions match "zzzxqj"')).toBeInTheDocument()
    expect(resultCount()).toBe('0 sessions')
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(resultCount()).toBe('12 sessions')
    expect(window.location.search).toBe('')
    expect(search()).toHaveValue('')
    expect(search()).toHaveFocus()
  })

  it('restores the whole view from the URL on load', async () => {
    const { user } = await renderApp({ url: '/?q=ray&type=AI%20%2B%20ML&building=Building%20B&room=B206' })
    expect(search()).toHaveValue('ray')
    expect(resultCount()).toBe('1 session')
    expect(card('An Open Source AI Compute Stack')).toBeInTheDocument()
    const panel = await openFilters(user)
    expect(within(panel).getByRole('checkbox', { name: 'AI + ML' })).toBeChecked()
    expect(within(panel).getByRole('combobox', { name: 'Room' })).toHaveDisplayValue('B206 (2)')
  })

  it('follows browser Back and Forward through the view state', async () => {
    const { user } = await renderApp()
    const panel = await openFilters(user)
    // Clearing is a push, so Back brings the cleared filter back.
    await user.click(within(panel).getByRole('checkbox', { name: 'SECURITY' }))
    expect(resultCount()).toBe('1 session')
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }))
    expect(resultCount()).toBe('12 sessions')
    await act(async () => {
      window.history.back()
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }))
    })
    expect(resultCount()).toBe('1 session')
    expect(within(panel).getByRole('checkbox', { name: 'SECURITY' })).toBeChecked()
  })

  it('puts the search box back to the text of the history entry on Back and Forward', async () => {
    const { user } = await renderApp({ snapshot: kubeconSnapshot(syntheticSessions(40, 2)) })
    await user.type(search(), 'gitops')
    await waitFor(() => expect(params().get('q')).toBe('gitops'))
    // Switching day pushes an entry that keeps the search.
    await user.click(within(screen.getByRole('navigation', { name: 'Days' })).getByRole('link', { name: 'Fri Nov 14' }))
    await user.clear(search())
    await user.type(search(), 'wasm')
    await user.tab()
    expect(params().get('q')).toBe('wasm')
    await act(async () => {
      window.history.back()
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }))
    })
    expect(search()).toHaveValue('gitops')
    expect(params().get('day')).toBeNull()
    await act(async () => {
      window.history.forward()
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }))
    })
    expect(search()).toHaveValue('wasm')
    expect(params().get('day')).toBe('2025-11-14')
  })

  it('shows a notice when nothing can be saved, which can be dismissed for the session', async () => {
    const { user, unmount } = await renderApp()
    const notice = screen.getByText('Not saving on this device.').closest('[role="status"]')
    expect(notice).toHaveTextContent('Not saving on this device.')
    expect(notice).toHaveTextContent("This browser isn't letting Hallway save data")
    await user.click(screen.getByRole('button', { name: 'Dismiss storage notice' }))
    expect(screen.queryByText('Not saving on this device.')).not.toBeInTheDocument()
    unmount()
    // Still dismissed after a remount in the same tab (sessionStorage), as after a reload.
    expect(sessionStorage.getItem('hallway:storage-notice-dismissed')).toBe('1')
  })

  it('shows loading, then the schedule', async () => {
    let resolve: (s: Snapshot) => void = () => {}
    const pending = new Promise<Snapshot>((r) => (resolve = r))
    const loadBundled = () => pending
    await renderApp({ loadBundled, waitForReady: false })
    expect(await screen.findByText('Loading the schedule…')).toBeInTheDocument()
    await act(async () => resolve(kubeconSnapshot(seedSessions())))
    expect(await screen.findByRole('heading', { level: 1, name: 'Thursday, Nov 13' })).toBeInTheDocument()
  })

  it('shows the error when the schedule cannot be loaded', async () => {
    const loadBundled = () => Promise.reject(new Error('The bundled schedule could not be read: HTTP 404'))
    await renderApp({ loadBundled, waitForReady: false })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("The schedule couldn't be loaded")
    expect(alert).toHaveTextContent('The bundled schedule could not be read: HTTP 404')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })

  it('has a skip link that moves focus to the list', async () => {
    const { user } = await renderApp()
    await user.tab()
    const skip = screen.getByRole('link', { name: 'Skip to sessions' })
    expect(skip).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(document.getElementById('session-list')).toHaveFocus()
    await user.tab()
    expect(document.activeElement).toHaveAccessibleName(/^Keynote: Beyond Operations/)
  })
})

describe('days', () => {
  const friday = '2025-11-14' as VenueDay
  const twoDays = () => syntheticSessions(40, 2)

  it('shows day links when the event has several days, and switches day through the URL', async () => {
    const { user } = await renderApp({ snapshot: kubeconSnapshot(twoDays()) })
    const nav = screen.getByRole('navigation', { name: 'Days' })
    const thu = within(nav).getByRole('link', { name: 'Thu Nov 13' })
    expect(thu).toHaveAttribute('aria-current', 'page')
    expect(resultCount()).toBe('20 sessions')
    await user.click(within(nav).getByRole('link', { name: 'Fri Nov 14' }))
    expect(params().get('day')).toBe(friday)
    expect(screen.getByRole('heading', { level: 1, name: 'Friday, Nov 14' })).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Fri Nov 14' })).toHaveAttribute('aria-current', 'page')
    expect(card('Session 20: Practical')).toBeInTheDocument()
  })

  it('opens on today at the venue while the event is on', async () => {
    await renderApp({ snapshot: kubeconSnapshot(twoDays()), now: est('10:00am', friday) })
    expect(screen.getByRole('heading', { level: 1, name: 'Friday, Nov 14' })).toBeInTheDocument()
  })

  it('has no day links for a one-day event', async () => {
    await renderApp()
    expect(screen.queryByRole('navigation', { name: 'Days' })).not.toBeInTheDocument()
  })
})

describe('the virtual list', () => {
  it('measures a row once: a filter ticked and unticked again reads no row heights the second time', async () => {
    const { user } = await renderApp()
    const panel = await openFilters(user)
    const heights = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get')
    const rowReads = () => heights.mock.contexts.filter((el) => (el as HTMLElement).hasAttribute('data-index')).length
    const breaks = within(panel).getByRole('checkbox', { name: 'BREAKS' })
    await user.click(breaks)
    await user.click(breaks)
    expect(resultCount()).toBe('12 sessions')
    heights.mockClear()
    // Every row shown now was measured before (most at exactly the running average, which the virtualizer does not
    // keep as a measurement): none is read again, which in a browser would force a layout inside the click.
    await user.click(breaks)
    await user.click(breaks)
    expect(resultCount()).toBe('12 sessions')
    expect(rowReads()).toBe(0)
    heights.mockRestore()
  })

  it('renders only about a screenful of 2,000 sessions', async () => {
    await renderApp({ snapshot: kubeconSnapshot(syntheticSessions(2000)) })
    expect(resultCount()).toBe('2000 sessions')
    const links = screen.getAllByRole('link', { name: /^Session \d+/ })
    expect(links.length).toBeGreaterThan(3)
    expect(links.length).toBeLessThan(40)
  })

  it('keeps the focused card rendered when it scrolls far out of view, so Tab order is not lost', async () => {
    await renderApp({ snapshot: kubeconSnapshot(syntheticSessions(2000)) })
    const first = screen.getAllByRole('link', { name: /^Session \d+/ })[0]!
    act(() => first.focus())
    await act(async () => window.scrollTo(0, 50_000))
    // The rows around the new scroll position are rendered…
    await waitFor(() => expect(renderedSessionNumbers().some((n) => n > 300)).toBe(true))
    // …and the focused first card is still there, still focused, first in Tab order.
    expect(first).toBeInTheDocument()
    expect(first).toHaveFocus()
    expect(screen.getAllByRole('link', { name: /^Session \d+/ })[0]).toBe(first)
  })

  it('keeps the slot header of the rows at the top rendered and stuck while scrolling', async () => {
    await renderApp({ snapshot: kubeconSnapshot(syntheticSessions(2000)) })
    await act(async () => window.scrollTo(0, 20_000))
    await waitFor(() => expect(renderedSessionNumbers().some((n) => n > 100)).toBe(true))
    const stuck = document.querySelector<HTMLElement>('[data-stuck]')!
    expect(stuck.style.position).toBe('sticky')
    expect(within(stuck).getByRole('heading', { level: 2 })).toHaveTextContent(/^\d{1,2}:\d{2} [AP]M \d+ sessions$/)
    // It is the header of the slot at the top of the screen, not the first slot of the day.
    expect(stuck).not.toHaveTextContent(/^9:00 AM/)
  })
})

describe('search input', () => {
  it('Enter moves focus to the results', async () => {
    const { user } = await renderApp()
    await user.type(search(), 'flux{Enter}')
    expect(document.getElementById('session-list')).toHaveFocus()
    expect(params().get('q')).toBe('flux')
  })
})
