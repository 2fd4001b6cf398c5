// The schedule's grid layout against the real app (router, provider in memory mode, the lazy grid chunk): the
// List | Grid switch and where the choice is kept, the cells and their markers, starring from a cell, the filters,
// and the keyboard.
import { act, screen, waitFor, within } from '@testing-library/react'
import { readWebStorage } from '../../src/db/webStorage'
import { isolateText } from '../../src/domain/bidiText'
import type { Session } from '../../src/domain/model'
import { buildTimetableGrid, gridNeighbour, type TimetableGrid } from '../../src/domain/timetableGrid'
import { makeSyntheticSnapshot } from '../../src/domain/synthetic'
import { kubeconSnapshot } from '../fixtures/factories'
import { est, makeSession, seedSessions, THURSDAY, TIME_ZONE, venue } from './factories'
import { renderApp } from './renderApp'

const FLUX = 'AI-Assisted GitOps With Flux MCP Server'
const FLAGS = 'Feature Flags Suck!'
const BADGES = 'Badge Pick-Up'

/** The seed's Thursday plus an all-day session, which belongs in the band above the grid. */
function sessions(): Session[] {
  return [
    ...seedSessions(),
    makeSession({
      title: BADGES,
      start: est('7:00am'),
      end: est('6:00pm'),
      type: 'REGISTRATION',
      venue: venue('Building B | Level 4 | Registration Hall B, Atlanta, GA, USA'),
    }),
  ]
}

function renderGrid(url = '/?view=grid') {
  return renderApp({ snapshot: kubeconSnapshot(sessions()), url })
}

function params() {
  return new URLSearchParams(window.location.search)
}

function layoutButton(name: 'List' | 'Grid') {
  return within(screen.getByRole('group', { name: 'Layout' })).getByRole('button', { name })
}

/** The grid's scroll box (the list's stands under the same id, but is no region of room lists). */
async function gridRegion(name: string | RegExp = 'Thursday, Nov 13') {
  const region = await screen.findByRole('region', { name })
  await waitFor(() => expect(region.querySelector('.tt-cell')).not.toBeNull())
  return region
}

function cellLink(title: string) {
  return screen.getByRole('link', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
}

function gridOf(snapshot: { sessions: readonly Session[] }): TimetableGrid {
  return buildTimetableGrid(snapshot.sessions, THURSDAY, TIME_ZONE)
}

// jsdom lays nothing out, so the grid takes the window's size for its viewport (TimetableGrid's sizeOr). Wide enough
// for every room of the seed's Thursday, so no test depends on which columns the virtualiser left out.
const JSDOM_WIDTH_PX = 1024
const WIDE_PX = 4000
beforeEach(() => {
  Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: WIDE_PX })
})
afterEach(() => {
  Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: JSDOM_WIDTH_PX })
})

describe('the List | Grid switch', () => {
  it('shows the list first, switches to the grid, keeps it in the URL and remembers it for the next visit', async () => {
    const first = await renderApp({ snapshot: kubeconSnapshot(sessions()) })
    expect(layoutButton('List')).toHaveAttribute('aria-pressed', 'true')
    expect(layoutButton('Grid')).toHaveAttribute('aria-pressed', 'false')
    expect(document.querySelector('.session-list')).not.toBeNull()

    await first.user.click(layoutButton('Grid'))
    expect(layoutButton('Grid')).toHaveAttribute('aria-pressed', 'true')
    expect(params().get('view')).toBe('grid')
    expect(readWebStorage('scheduleLayout')).toBe('grid')
    const region = await gridRegion()
    expect(within(region).getByRole('list', { name: /^B206 Building B · Level 2/ })).toBeInTheDocument()
    first.unmount()

    // A new visit to the bare address opens the grid, and says so in the URL.
    const second = await renderApp({ snapshot: kubeconSnapshot(sessions()), url: '/' })
    await gridRegion()
    expect(layoutButton('Grid')).toHaveAttribute('aria-pressed', 'true')
    await waitFor(() => expect(params().get('view')).toBe('grid'))

    await second.user.click(layoutButton('List'))
    expect(params().get('view')).toBeNull()
    expect(readWebStorage('scheduleLayout')).toBe('list')
    await waitFor(() => expect(document.querySelector('.session-list')).not.toBeNull())
    expect(document.querySelector('.tt-scroll')).toBeNull()
  })

  it('follows a link that names the layout over the one remembered', async () => {
    const first = await renderGrid('/?view=list')
    expect(layoutButton('List')).toHaveAttribute('aria-pressed', 'true')
    first.unmount()
    await renderGrid('/?view=grid')
    await gridRegion()
  })
})

describe('the grid', () => {
  it('puts each room in a column named by room, building and level, and long sessions in the band above', async () => {
    await renderGrid()
    const region = await gridRegion()
    const b206 = within(region).getByRole('list', { name: /^B206 Building B · Level 2/ })
    expect(within(b206).getByRole('link', { name: new RegExp(`^${FLUX}`) })).toHaveTextContent('11:00 – 11:30 AM EST')

    const band = screen.getByRole('region', { name: 'All day and elsewhere' })
    expect(within(band).getByRole('link', { name: new RegExp(`^${BADGES}`) })).toHaveTextContent('7:00 AM – 6:00 PM EST')
    expect(within(region).queryByRole('link', { name: new RegExp(`^${BADGES}`) })).toBeNull()
    // A link and its star side by side: no control inside another.
    for (const link of within(region).getAllByRole('link')) expect(link.querySelector('button, a')).toBeNull()
  })

  it('stars from a cell with the list\'s cycle, and marks starred and clashing cells in words', async () => {
    const { user } = await renderGrid()
    await gridRegion()
    await user.click(screen.getByRole('button', { name: `Star ${FLUX}: add to plan as must` }))
    const must = await screen.findByRole('button', { name: `Must: ${FLUX} (change to maybe)` })
    expect(must).toHaveTextContent('Must')

    // Feature Flags Suck! runs at the same time: both musts, a clash, said on both cells.
    await user.click(screen.getByRole('button', { name: `Star ${FLAGS}: add to plan as must` }))
    await waitFor(() => expect(cellLink(FLUX)).toHaveTextContent('Overlap'))
    expect(cellLink(FLAGS)).toHaveTextContent('Overlap')
    expect(cellLink(FLUX)).toHaveAccessibleName(expect.stringContaining('Overlap'))

    await user.click(must)
    const maybe = await screen.findByRole('button', { name: `Maybe: ${FLUX} (remove from plan)` })
    expect(maybe).toHaveTextContent('Maybe')
    await waitFor(() => expect(cellLink(FLUX)).toHaveTextContent('Possible overlap'))
    await user.click(maybe)
    await screen.findByRole('button', { name: `Star ${FLUX}: add to plan as must` })
    await waitFor(() => expect(cellLink(FLUX)).not.toHaveTextContent('overlap'))
  })

  it('opens the session page from a cell, as a list card does', async () => {
    const { user } = await renderGrid()
    await gridRegion()
    await user.click(cellLink(FLUX))
    expect(await screen.findByRole('heading', { level: 1, name: FLUX })).toBeInTheDocument()
    expect(window.location.pathname).toMatch(/^\/session\/[0-9a-f]{8}$/)
    // Back to schedule returns to the grid it came from.
    await user.click(screen.getByRole('link', { name: /Back to schedule/ }))
    await gridRegion()
    expect(params().get('view')).toBe('grid')
    await waitFor(() => expect(cellLink(FLUX)).toHaveFocus())
  })

  it('shows only what the search and filters leave, like the list', async () => {
    const { user } = await renderGrid()
    const region = await gridRegion()
    await user.type(screen.getByRole('searchbox', { name: 'Search sessions' }), 'flux')
    await waitFor(() => expect(within(region).getAllByRole('link')).toHaveLength(1))
    expect(cellLink(FLUX)).toBeInTheDocument()
    expect(within(region).getAllByRole('list')).toHaveLength(1)
    expect(screen.queryByRole('region', { name: 'All day and elsewhere' })).toBeNull()
    expect(screen.getByText('1 session')).toBeInTheDocument()
  })

  it('is one tab stop; arrows move as the grid core says, Home/End within the room, Enter opens and "s" stars', async () => {
    const { user, snapshot } = await renderGrid()
    const region = await gridRegion()
    const grid = gridOf(snapshot)
    const tabbable = () => within(region).getAllByRole('link').filter((a) => a.tabIndex === 0)
    expect(tabbable()).toHaveLength(1)

    const start = grid.columns[0]!.cells[0]!
    const linkOf = (id: string) => region.querySelector<HTMLElement>(`[data-cell-link="${id}"]`)!
    act(() => linkOf(start.id).focus())
    let at = start
    let moved = 0
    for (const [key, move] of [
      ['{ArrowRight}', 'right'],
      ['{ArrowRight}', 'right'],
      ['{ArrowDown}', 'down'],
      ['{ArrowLeft}', 'left'],
      ['{End}', 'end'],
      ['{Home}', 'home'],
    ] as const) {
      const next = gridNeighbour(grid, at.id, move)
      await user.keyboard(key)
      if (!next) continue
      await waitFor(() => expect(linkOf(next.id)).toHaveFocus())
      // Roving: the focused cell is the only one in the tab order.
      expect(tabbable()).toEqual([linkOf(next.id)])
      at = next
      moved += 1
    }
    expect(moved).toBeGreaterThanOrEqual(4)

    await user.keyboard('s')
    await screen.findByRole('button', { name: new RegExp(`^Must: `) })
    expect(screen.getByText(/: added to your plan as must$/)).toBeInTheDocument()
    expect(document.activeElement).toBe(linkOf(at.id))

    await user.keyboard('{Enter}')
    expect(await screen.findByRole('heading', { level: 1, name: at.session.title })).toBeInTheDocument()
  })
})

describe('the grid at scale', () => {
  const JSDOM_HEIGHT_PX = 768
  afterEach(() => {
    Object.defineProperty(window, 'innerHeight', { configurable: true, writable: true, value: JSDOM_HEIGHT_PX })
  })

  it('renders only the rooms and the time range near the viewport of a 60-room day, and follows the scroll (stars once it stops)', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: 390 })
    Object.defineProperty(window, 'innerHeight', { configurable: true, writable: true, value: 400 })
    // 10,000 sessions over 14 days: 715 a day in 60 rooms (src/domain/synthetic.ts).
    const snapshot = await makeSyntheticSnapshot({ count: 10_000, days: 14 })
    const day = snapshot.sessions[0]!.day
    await renderApp({ snapshot, url: `/?view=grid&day=${day}`, now: est('8:00am', day) })
    const region = await gridRegion(new RegExp(''))
    const grid = buildTimetableGrid(snapshot.sessions, day, TIME_ZONE)
    expect(grid.columns).toHaveLength(60)

    const rendered = () => ({ columns: region.querySelectorAll('.tt-col').length, cells: region.querySelectorAll('.tt-cell').length })
    const first = rendered()
    // 390 px less the gutter shows 3 columns of 144 px; react-virtual adds 3 beyond them (OVERSCAN_COLUMNS).
    expect(first.columns).toBeLessThanOrEqual(6)
    // Of the ~12 sessions each of those rooms has that day, the first screens' worth.
    const inThoseRooms = grid.columns.slice(0, first.columns).reduce((n, c) => n + c.cells.length, 0)
    expect(first.cells).toBeGreaterThan(0)
    expect(first.cells).toBeLessThan(inThoseRooms)
    const lastOfRoom0 = grid.columns[0]!.cells.at(-1)!
    expect(region.querySelector(`[data-cell-link="${lastOfRoom0.id}"]`)).toBeNull()

    // Scrolled to the end of the day and across: the rooms and talks there render, the first room's morning goes.
    act(() => {
      region.scrollTop = grid.height
      region.dispatchEvent(new Event('scroll'))
    })
    await waitFor(() => expect(region.querySelector(`[data-cell-link="${lastOfRoom0.id}"]`)).not.toBeNull())
    expect(region.querySelector(`[data-cell-link="${grid.columns[1]!.cells[0]!.id}"]`)).toBeNull()
    // A cell the scroll brought in shows its link at once and its star once the scrolling has stopped.
    const brought = region.querySelector<HTMLElement>(`[data-cell-for="${lastOfRoom0.id}"]`)!
    expect(within(brought).queryByRole('button')).toBeNull()
    const starName = `Star ${isolateText(lastOfRoom0.session.title)}: add to plan as must`
    expect(await within(brought).findByRole('button', { name: starName })).toBeInTheDocument()
  })
})
