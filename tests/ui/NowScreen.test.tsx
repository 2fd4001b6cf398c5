// Now & next with a fixed clock and with the ?at= preview: in-progress sessions stay until they end, starred first,
// with rooms, the walk from where the plan says the user is and a plan session's overlaps and tight walks; previews
// are clearly marked.
import { screen, waitFor, within } from '@testing-library/react'
import { est } from './factories'
import { FLUX, SIG_API, usePlanTestKit } from './planFixtures'

const { star, renderApp } = usePlanTestKit()

function section(name: RegExp | string) {
  return screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement
}

function rowTitles(el: HTMLElement): string[] {
  return within(el)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '')
}

describe('Now & next', () => {
  it('at 11:10 shows what is on (starred first, with time left) and what is next, with walks from where you are', async () => {
    await star([FLUX, 'must'], [SIG_API, 'must'])
    await renderApp({ url: '/now', now: est('11:10am') })
    await waitFor(() => expect(screen.getByText(/^You are at/)).toHaveTextContent(`You are at ${FLUX} (B206). Walks are from there.`))
    expect(screen.queryByText(/not the real time/)).not.toBeInTheDocument()

    const onNow = section(/^On now/)
    const titles = rowTitles(onNow)
    expect(titles[0]).toBe(FLUX)
    // Everything running at 11:10: four 30-minute talks from 11:00, and the 75-minute Contribfest.
    expect(titles).toHaveLength(5)
    expect(within(onNow).getAllByText('Ends in 20 min')).toHaveLength(4)
    expect(within(onNow).getByText('Ends in 1 h 5 min')).toBeInTheDocument()
    const flags = within(onNow).getByRole('link', { name: 'Feature Flags Suck!' }).closest('.srow') as HTMLElement
    expect(flags).toHaveTextContent('Building B · Level 5 · Thomas Murphy Ballroom 2-3')
    expect(flags).toHaveTextContent('8 min walk to Level 5') // 3 min + 3 to change level + 1 per extra level (L2 → L5)

    const yours = section('Your next · 11:45 AM')
    expect(rowTitles(yours)).toEqual([SIG_API])
    expect(yours).toHaveTextContent('In 35 min')
    expect(yours).toHaveTextContent('≈13 min walk to Building C')
  })

  it('says when to leave for the next plan session, counting the walk from the last one', async () => {
    await star([FLUX, 'must'], [SIG_API, 'maybe'])
    await renderApp({ url: '/now', now: est('11:26am') })
    // B206 (Building B, Level 2) → Building C, Level 3: ≈13 min, so leave at 11:32 for 11:45.
    const line = await screen.findByText(/^Leave in/, { selector: 'strong' })
    expect(line.closest('p')).toHaveTextContent(
      `Leave in 6 min for Georgia Ballroom 2 (Building C · Level 3): ≈13 min walk from B206. Starts 11:45 AM. ${SIG_API}`,
    )
  })

  it('before the day’s first plan session, the lead time: no walk to count', async () => {
    await star([FLUX, 'must'])
    await renderApp({ url: '/now', now: est('10:45am') })
    const line = await screen.findByText(/^Leave in/, { selector: 'strong' })
    expect(line.closest('p')).toHaveTextContent(`Leave in 5 min for B206 (Building B · Level 2): Starts 11:00 AM, in 15 min. ${FLUX}`)
  })

  it('says what is wrong with a plan session in the plan’s words: a tight walk on to a starred lunch', async () => {
    await star([SIG_API, 'must'], ['Lunch', 'must'])
    await renderApp({ url: '/now', now: est('12:00pm') })
    await screen.findAllByRole('button', { name: `Resolve tight walk: ${SIG_API} and Lunch 🍲` })
    const onNow = section(/^On now/)
    const sigApi = within(onNow).getByRole('link', { name: SIG_API }).closest('li') as HTMLElement
    expect(sigApi.querySelector('.conflict')).toHaveTextContent(
      'Tight walk: No time to walk from Building C Level 3 to Building B Level 1 (≈14 min)',
    )
    expect(within(sigApi).getByRole('button', { name: `Resolve tight walk: ${SIG_API} and Lunch 🍲` })).toBeInTheDocument()
    // The starred lunch is the user's next, like any plan session, with the same words.
    const yours = section('Your next · 12:15 PM')
    expect(rowTitles(yours)).toEqual(['Lunch 🍲'])
    expect(yours.querySelector('.conflict')).toHaveTextContent(/^Tight walk: /)
  })

  it('keeps a session that is still running on the list until it ends', async () => {
    await renderApp({ url: '/now', now: est('12:10pm') })
    const onNow = await waitFor(() => section(/^On now/))
    expect(rowTitles(onNow)).toEqual([
      '🚨 Contribfest: Level up Your Open Source Journey: Hands-On Backstage Contributions!',
      SIG_API,
    ])
    expect(within(onNow).getAllByText('Ends in 5 min')).toHaveLength(2)
  })

  it('previews another moment from ?at=, and says it is not the real time', async () => {
    await renderApp({ url: `/now?at=${est('3:20pm')}`, now: est('8:00am') })
    expect(await screen.findByText(/as if it were Thursday, Nov 13, 3:20 PM EST\. This is not the real time\./)).toBeInTheDocument()
    expect(rowTitles(section(/^On now/))).toContain('Dragonfly v2.3.0')
    expect(screen.getByRole('link', { name: 'Back to the real time' })).toHaveAttribute('href', '/now')
  })

  it('sets the preview from the form, in venue time', async () => {
    const { user } = await renderApp({ url: '/now', now: est('8:00am') })
    const input = await screen.findByLabelText(/^Preview as if it were/)
    expect(input).toHaveValue('2025-11-13T08:00')
    await user.clear(input)
    await user.type(input, '2025-11-13T11:10')
    await user.click(screen.getByRole('button', { name: 'Preview' }))
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('at')).toBe('2025-11-13T16:10:00Z'))
    expect(await screen.findByText(/as if it were Thursday, Nov 13, 11:10 AM EST/)).toBeInTheDocument()
  })

  it('is offered at the top of the list while the day is on, not before', async () => {
    await star([SIG_API, 'must'])
    const { unmount } = await renderApp({ now: est('11:10am') })
    const summary = await screen.findByRole('region', { name: 'Now & next' })
    await waitFor(() => expect(summary).toHaveTextContent(`Your next: ${SIG_API}, Building C · Level 3 · Georgia Ballroom 2, in 35 min`))
    expect(summary).toHaveTextContent('5 on now · next at 11:45 AM')
    expect(within(summary).getByRole('link', { name: 'Open Now & next' })).toHaveAttribute('href', '/now')
    unmount()

    await renderApp({ now: est('7:00am') })
    expect(screen.queryByRole('region', { name: 'Now & next' })).not.toBeInTheDocument()
  })
})
