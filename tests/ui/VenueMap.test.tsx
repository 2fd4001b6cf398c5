// The venue map against the real app: "Where is it?" from a session page marks the room in words, and the walk from
// My plan shows the minutes the plan shows, at the user's pace and buffer.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { render, screen, waitFor, within } from '@testing-library/react'
import { parseFloorPlan } from '../../src/domain/floorPlan'
import { FloorPlanDrawing } from '../../src/ui/map/MapScreen'
import { byTitle, SIG_API, SPRING, usePlanTestKit } from './planFixtures'

const { star, renderApp } = usePlanTestKit()

/** The minutes in a walk line: "≈17 min walk to Building C from B406b-407" → 17. */
function minutesIn(text: string): number {
  const m = /(\d+) min walk/.exec(text)
  if (!m) throw new Error(`no walk in "${text}"`)
  return Number(m[1])
}

describe('Venue map', () => {
  it('opens from a session page at its room, marked in words, with where it is in the heading', async () => {
    const spring = byTitle(SPRING)
    const { user } = await renderApp({ url: `/session/${spring.id}` })
    const where = await screen.findByRole('link', { name: 'Where is it?' })
    expect(where).toHaveAttribute('href', '/map?room=B406b-407')
    await user.click(where)

    const heading = await screen.findByRole('heading', { level: 1, name: 'B406b-407 · Building B · Level 4' })
    await waitFor(() => expect(heading).toHaveFocus())
    // The lists say it, not only the drawing's outline and colour.
    const lists = screen.getByRole('region', { name: 'Buildings, levels and rooms' })
    const marked = within(lists).getByText('This room').closest('li')!
    expect(marked).toHaveTextContent(/^B406b-407 This room$/)
    expect(within(lists).getAllByText('This room')).toHaveLength(1)
    expect(screen.getByRole('img', { name: /This room: B406b-407, Level 4, Building B/ })).toBeInTheDocument()
    // Buildings, then levels, then rooms, as nested lists.
    const building = within(lists).getByText('Building B').closest('li')!
    expect(within(building).getByText('Level 4').closest('li')).toContainElement(marked)
  })

  it('says so for a room the schedule does not have, and shows the whole venue', async () => {
    await renderApp({ url: '/map?room=Room%20101' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Venue map' })).toBeInTheDocument()
    expect(screen.getByText(/There's no room/)).toHaveTextContent("There's no room Room 101 in this schedule")
    expect(screen.queryByText('This room')).not.toBeInTheDocument()
  })

  it('draws the walk between two plan sessions with the plan’s minutes, at the user’s pace and buffer', async () => {
    await star([SPRING, 'must'], [SIG_API, 'must'])
    const { user } = await renderApp({ url: '/settings' })
    await user.click(await screen.findByRole('radio', { name: /^Relaxed/ }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Extra time when changing rooms' }), '5 min')
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Extra time when changing rooms' })).toHaveValue('5'))
    await user.click(screen.getByRole('link', { name: /^My plan/ }))

    const link = await screen.findByRole('link', { name: 'Show on map: the walk from B406b-407 to Georgia Ballroom 2' })
    const planWalk = link.closest('.srow__walk')!.textContent!
    expect(planWalk).toMatch(/^ ?≈17 min walk to Building C from B406b-407/)
    await user.click(link)

    expect(await screen.findByRole('heading', { level: 1, name: 'Walk from B406b-407 to Georgia Ballroom 2' })).toBeInTheDocument()
    const words = document.querySelector('.map__walk-words')!.textContent!
    expect(words).toContain('≈17 min walk to Building C from B406b-407, plus your 5 min buffer: 22 min')
    expect(minutesIn(words)).toBe(minutesIn(planWalk))
    // The drawn route carries the same minutes.
    expect(document.querySelector('.map__route text')).toHaveTextContent(`${minutesIn(planWalk)} min`)
    const lists = screen.getByRole('region', { name: 'Buildings, levels and rooms' })
    expect(within(lists).getByText('Walk starts here').closest('li')).toHaveTextContent(/^B406b-407/)
    expect(within(lists).getByText('Walk ends here').closest('li')).toHaveTextContent(/^Georgia Ballroom 2/)
  })
})

describe('Floor plan', () => {
  it('pins the rooms on the image and names the marked one in words', () => {
    const text = readFileSync(join(__dirname, '../fixtures/floorplan/democon-2020-12-14.floorplan.json'), 'utf8')
    const result = parseFloorPlan(text)
    if (!result.ok) throw new Error(result.error)
    const { container } = render(<FloorPlanDrawing plan={result.plan} imageUrl="/assets/plan.svg" marks={new Map([['Hall 2', 'here']])} />)
    expect(screen.getByRole('img', { name: 'DemoCon, ground floor. This room: Hall 2' })).toBeInTheDocument()
    expect(container.querySelector('image')).toHaveAttribute('href', '/assets/plan.svg')
    expect(container.querySelectorAll('.map__plan-dot')).toHaveLength(2)
    const marked = container.querySelector('[data-marked="true"]')!
    expect(marked).toHaveTextContent('Hall 2: This room')
    expect(marked.querySelector('text')).toHaveAttribute('x', String(320 + 10))
  })
})
