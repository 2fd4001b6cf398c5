// My plan against the real app on real Dexie: the day's timeline with gaps and walks, background sessions apart,
// overlaps and tight walks in words on the plan, the card and the detail page, live walking settings, free slots,
// a starred lunch taking its time, remove + undo.
import { render, screen, waitFor, within } from '@testing-library/react'
import { Icon, type IconName } from '../../src/ui/common/Icons'
import { setStarLevel } from '../../src/db/stars'
import { indexedDbUserData } from '../../src/db/userDataStore'
import { kubeconSnapshot, makeSession } from '../fixtures/factories'
import { FLAGS, FLUX, planSnapshot, SIG_API, SPRING, usePlanTestKit } from './planFixtures'

const { star, levels, renderApp, getDb } = usePlanTestKit()

/** The plan's timeline, one line of text per entry. */
function timeline(): string[] {
  const list = document.querySelector('ol.timeline')
  if (!list) throw new Error('no timeline')
  return [...list.children].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim())
}

/** The drawing of the icon beside a conflict's words, to tell the kinds apart by shape. */
function iconOf(words: HTMLElement): string {
  return words.closest('.conflict__text')!.querySelector('svg')!.innerHTML
}

function iconShape(name: IconName): string {
  return render(<Icon name={name} />).container.querySelector('svg')!.innerHTML
}

describe('My plan', () => {
  it('lists the day in time order with free time, walks from the previous room, and background apart', async () => {
    await star(['Keynote: Beyond Operations', 'must'], [FLUX, 'must'], [SIG_API, 'maybe'], ['Dragonfly', 'must'])
    // Open all day: starred, it stays apart and takes no time (a starred coffee break or lunch would).
    const badge = makeSession({ title: 'Badge Pick-Up', from: '8:00am', to: '4:00pm', type: 'REGISTRATION', at: 'Building B | Level 4 | Registration Hall B' })
    await setStarLevel(indexedDbUserData(getDb()), planSnapshot.event.id, badge.id, 'must')
    await renderApp({ url: '/plan', snapshot: kubeconSnapshot([...planSnapshot.sessions, badge]) })
    expect(await screen.findByRole('heading', { level: 2, name: 'Thursday, Nov 13 5 sessions' })).toBeInTheDocument()

    const background = screen.getByRole('heading', { name: 'Also on your plan' }).parentElement!
    expect(within(background).getByRole('link', { name: 'Badge Pick-Up' })).toBeInTheDocument()

    expect(timeline()).toEqual([
      expect.stringMatching(/^Keynote: Beyond Operations.*9:07 – 9:23 AM EST/),
      // The keynote ends 9:23, Flux starts 11:00: free time, though only the coffee break (background) and a
      // 10:45–11:00 lounge talk (no time left to walk on to B206) fall in it.
      'Free 1 h 37 min · 9:23 AM – 11:00 AMNothing else fits',
      // The speaker's name (a link to their page) between the place and the walk.
      expect.stringMatching(/^AI-Assisted GitOps With Flux MCP Server.*Building B · Level 2 · B206Stefan Prodan 6 min walk to Level 2 from Exhibit Hall B2/),
      '15 min between sessions',
      expect.stringMatching(/^SIG API Machinery.*≈13 min walk to Building C from B206/),
      'Free 3 h · 12:15 PM – 3:15 PMNothing else fits',
      expect.stringMatching(/^Dragonfly v2\.3\.0.*Same room as before/),
    ])
    expect(screen.queryByText(/Overlap|Tight walk/)).not.toBeInTheDocument()
  })

  it('says how to start when the plan is empty', async () => {
    await renderApp({ url: '/plan' })
    expect(await screen.findByText('Nothing in your plan yet')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Browse the schedule' })).toHaveAttribute('href', '/')
  })

  it('shows a must + must overlap as an overlap, in words and its own icon, on the plan, the card and the detail page', async () => {
    await star([FLUX, 'must'], [FLAGS, 'must'])
    const { user } = await renderApp({ url: '/plan' })
    const words = 'Overlap: Overlaps with Feature Flags Suck! (11:00 – 11:30 AM EST)'
    const onPlan = await screen.findByText((_, el) => el?.tagName === 'SPAN' && el.textContent === words)
    expect(onPlan.closest('.conflict')).toHaveClass('conflict--hard', 'conflict--overlap')
    expect(iconOf(onPlan)).toBe(iconShape('overlap'))
    expect(screen.getByRole('heading', { level: 2, name: 'Thursday, Nov 13 2 sessions, 1 overlap' })).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: 'Schedule' }))
    const card = (await screen.findByRole('link', { name: new RegExp(`^${FLUX}`) })).closest('.card-wrap') as HTMLElement
    expect(within(card).getByText((_, el) => el?.tagName === 'SPAN' && el.textContent === words)).toBeInTheDocument()
    expect(within(card).getByRole('button', { name: `Resolve overlap: ${FLUX} and ${FLAGS}` })).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: new RegExp(`^${FLUX}`) }))
    await screen.findByRole('heading', { level: 1, name: FLUX })
    expect(screen.getByRole('heading', { level: 2, name: 'Overlaps in your plan' })).toBeInTheDocument()
    expect(screen.getByText((_, el) => el?.tagName === 'SPAN' && el.textContent === words)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: `Keep this one: ${FLUX} (${FLAGS} becomes a maybe)` })).toBeInTheDocument()
  })

  it('tells an overlap from a tight walk everywhere: words, icon, count, Resolve names and the session page', async () => {
    // Flux and Flags overlap at 11:00; SIG API Machinery ends 12:15 in Building C as Lunch starts in Building B.
    await star([FLUX, 'must'], [FLAGS, 'must'], [SIG_API, 'must'], ['Lunch', 'must'])
    const { user } = await renderApp({ url: '/plan' })
    expect(await screen.findByRole('heading', { level: 2, name: 'Thursday, Nov 13 4 sessions, 1 overlap, 1 tight walk' })).toBeInTheDocument()
    const tight = 'Tight walk: No time to walk from Building C Level 3 to Building B Level 1 (≈14 min)'
    const notices = screen.getAllByText((_, el) => el?.tagName === 'SPAN' && el.textContent === tight)
    expect(notices).toHaveLength(2) // on SIG API Machinery and on Lunch
    expect(notices[0]!.closest('.conflict')).toHaveClass('conflict--hard', 'conflict--tight')
    expect(iconOf(notices[0]!)).toBe(iconShape('tight-walk'))
    expect(iconOf(notices[0]!)).not.toBe(iconShape('overlap'))
    expect(screen.getAllByRole('button', { name: `Resolve tight walk: ${SIG_API} and Lunch 🍲` })).toHaveLength(1)
    expect(screen.getAllByRole('button', { name: `Resolve overlap: ${FLUX} and ${FLAGS}` })).toHaveLength(1)

    await user.click(screen.getByRole('link', { name: SIG_API }))
    expect(await screen.findByRole('heading', { level: 2, name: 'Tight walks in your plan' })).toBeInTheDocument()
  })

  it('counts a starred lunch as time taken: no free time over it, and the walk into it checked', async () => {
    await star([SIG_API, 'must'], ['Lunch', 'maybe'], ['Dragonfly', 'must'])
    await renderApp({ url: '/plan' })
    expect(await screen.findByRole('heading', { level: 2, name: 'Thursday, Nov 13 3 sessions, 1 possible tight walk' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Also on your plan' })).not.toBeInTheDocument()
    expect(timeline()).toEqual([
      expect.stringMatching(/^Free .*\(before your first session\)/),
      expect.stringMatching(/^SIG API Machinery/),
      // Nothing between them: the walk is flagged, and no free time is claimed over the 90 minutes of lunch.
      expect.stringMatching(/^Lunch 🍲.*≈14 min walk to Building B from Georgia Ballroom 2.*Possible tight walk: No time to walk/),
      'Free 1 h 30 min · 1:45 PM – 3:15 PMNothing else fits',
      expect.stringMatching(/^Dragonfly v2\.3\.0.*≈14 min walk to Building C from Exhibit Hall B3-B5/),
    ])
  })

  it('shows an overlap with a maybe as a possible overlap, worded and styled apart', async () => {
    await star([FLUX, 'must'], [FLAGS, 'maybe'])
    await renderApp({ url: '/plan' })
    const words = 'Possible overlap: Overlaps with Feature Flags Suck! (11:00 – 11:30 AM EST)'
    const notice = await screen.findByText((_, el) => el?.tagName === 'SPAN' && el.textContent === words)
    expect(notice.closest('.conflict')).toHaveClass('conflict--soft')
    // Keeping the must side removes the maybe (demoting it would change nothing).
    expect(screen.getByRole('button', { name: `Keep this one: ${FLUX} (removes ${FLAGS} from your plan)` })).toBeInTheDocument()
  })

  it('flags the B4 → C3 changeover once the walking pace is relaxed, and clears it again at normal', async () => {
    await star([SPRING, 'must'], [SIG_API, 'must'])
    const { user } = await renderApp({ url: '/plan' })
    await screen.findByRole('heading', { level: 2, name: 'Thursday, Nov 13 2 sessions' })
    expect(screen.queryByText(/Only 15 min/)).not.toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: 'Settings' }))
    await user.click(await screen.findByRole('radio', { name: /^Relaxed/ }))
    await waitFor(() => expect(screen.getByRole('radio', { name: /^Relaxed/ })).toBeChecked())
    await user.click(screen.getByRole('link', { name: /^My plan/ }))
    const tight = 'Tight walk: Only 15 min to walk from Building B Level 4 to Building C Level 3 (≈17 min)'
    expect(await screen.findAllByText((_, el) => el?.tagName === 'SPAN' && el.textContent === tight)).toHaveLength(2)

    await user.click(screen.getByRole('link', { name: 'Settings' }))
    await user.click(await screen.findByRole('radio', { name: /^Normal/ }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Extra time when changing rooms' }), '5 min')
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Extra time when changing rooms' })).toHaveValue('5'))
    await user.click(screen.getByRole('link', { name: /^My plan/ }))
    expect(
      await screen.findAllByText(
        (_, el) => el?.tagName === 'SPAN' && el.textContent === 'Tight walk: Only 15 min to walk from Building B Level 4 to Building C Level 3 (≈13 min + 5 min buffer)',
      ),
    ).toHaveLength(2)
  })

  it('offers sessions for a free slot, starred types first, and stars one straight from there', async () => {
    await star(['Keynote: Beyond Operations', 'must'], ['Dragonfly', 'must'])
    const { user } = await renderApp({ url: '/plan' })
    const toggle = await screen.findByRole('button', { name: /sessions fit$/ })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const list = document.getElementById(toggle.getAttribute('aria-controls')!)!
    const titles = within(list)
      .getAllByRole('link')
      .map((a) => a.textContent)
    // Dragonfly is a MAINTAINER TRACK talk, so the SIG API talk of that type ranks first; then schedule order.
    expect(titles[0]).toBe(SIG_API)
    expect(within(list).getByText('MAINTAINER TRACK · same type as 1 in your plan')).toBeInTheDocument()

    await user.click(within(list).getByRole('button', { name: `Star ${SIG_API}: add to plan as must` }))
    await waitFor(() => expect(timeline().some((line) => line.startsWith(SIG_API))).toBe(true))
    // Focus follows the session into the timeline.
    await waitFor(() => expect(screen.getByRole('button', { name: `Must: ${SIG_API} (change to maybe)` })).toHaveFocus())
    expect((await levels())[SIG_API]).toBe('must')
  })

  it('removes a maybe from the plan with an Undo that brings it back', async () => {
    await star(['Dragonfly', 'maybe'], [FLUX, 'must'])
    const { user } = await renderApp({ url: '/plan' })
    await user.click(await screen.findByRole('button', { name: 'Maybe: Dragonfly v2.3.0 (remove from plan)' }))
    const status = await screen.findByText('Removed Dragonfly v2.3.0 from your plan.')
    expect(status.closest('[role="status"]')).not.toBeNull()
    const undo = screen.getByRole('button', { name: 'Undo' })
    await waitFor(() => expect(undo).toHaveFocus())
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Dragonfly v2.3.0' })).not.toBeInTheDocument())

    await user.keyboard('{Enter}')
    expect(await screen.findByRole('link', { name: 'Dragonfly v2.3.0' })).toBeInTheDocument()
    expect(await levels()).toEqual({ 'Dragonfly v2.3.0': 'maybe', [FLUX]: 'must' })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Maybe: Dragonfly v2.3.0 (remove from plan)' })).toHaveFocus())
  })
})
