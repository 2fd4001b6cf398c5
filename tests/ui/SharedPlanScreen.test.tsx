// A shared plan (/share#p=…) against the real app on real Dexie: the comparison marks, adding one or all (conflicts
// shown first), replacing with confirmation and Undo, sessions that moved or left the schedule, and every kind of
// bad link: a plain message, the user's plan untouched, the name only ever text.
import { screen, waitFor, within } from '@testing-library/react'
import type { StarLevel } from '../../src/domain/conflicts'
import type { EventId, SessionId } from '../../src/domain/model'
import { encodePlan, shareUrl } from '../../src/domain/shareCodec'
import { est } from './factories'
import { kubeconSnapshot } from '../fixtures/factories'
import { byTitle, FLAGS, FLUX, planSessions, planSnapshot, SIG_API, SPRING, usePlanTestKit } from './planFixtures'

const { star, levels, renderApp } = usePlanTestKit()

const DRAGONFLY = 'Dragonfly v2.3.0'
const PLAN_IDS = planSessions.map((s) => s.id)
/** A session the sender's schedule had and the receiver's does not. */
const GONE_ID = 'deadbeef' as SessionId

/** `/share#p=…` for a plan of these titles (or, for GONE_ID, that ID), written against the test schedule. */
function shareLink(entries: Array<[string, StarLevel]>, name?: string, eventId: string = planSnapshot.event.id): string {
  const stars = new Map(entries.map(([title, level]) => [title === GONE_ID ? GONE_ID : byTitle(title).id, level]))
  return shareUrl({ eventId: eventId as EventId, stars, ...(name === undefined ? {} : { name }) }, [...PLAN_IDS, GONE_ID], '/share')
}

/** The comparison card of a session. */
function card(title: string): HTMLElement {
  const el = screen.getByRole('link', { name: title }).closest('.cmp')
  if (!(el instanceof HTMLElement)) throw new Error(`no comparison card for ${title}`)
  return el
}

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()

/** Mine: Flux (must) and Spring Boot (maybe). Theirs, "Sam's Thursday": Flux (maybe), Flags and Dragonfly (must). */
async function openSamsPlan(name: string | undefined = "Sam's Thursday") {
  await star([FLUX, 'must'], [SPRING, 'maybe'])
  const rendered = await renderApp({ url: shareLink([[FLUX, 'maybe'], [FLAGS, 'must'], [DRAGONFLY, 'must']], name) })
  await screen.findByRole('link', { name: DRAGONFLY })
  return rendered
}

describe('a shared plan next to yours', () => {
  it('names the plan, and marks what both have, what only they have and what only you have, with levels and free time', async () => {
    await openSamsPlan()
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent("Sam's Thursday")
    expect(document.title).toBe("Sam's Thursday · Hallway")
    expect(screen.getByText(/^3 sessions in this plan/)).toHaveTextContent(
      "3 sessions in this plan: 1 also in yours, 2 only in theirs. You have 1 session they don't.",
    )
    expect(screen.getByRole('heading', { level: 2, name: 'Thursday, Nov 13 1 in both · 2 only theirs · 1 only yours' })).toBeInTheDocument()

    expect(text(card(FLUX))).toMatch(/^In both plans.*Theirs: maybe · yours: must$/)
    expect(text(card(FLAGS))).toMatch(/^Only theirs.*Theirs: must/)
    expect(text(card(DRAGONFLY))).toMatch(/^Only theirs.*3:15 – 3:45 PM EST.*Theirs: must/)
    expect(text(card(SPRING))).toMatch(/^Only yours.*Yours: maybe$/)
    // Only their sessions can be added; the others have nothing to add.
    expect(within(card(FLUX)).queryByRole('button')).not.toBeInTheDocument()
    expect(within(card(SPRING)).queryByRole('button')).not.toBeInTheDocument()

    // Free in both: from the day's first talk (9:07) to 11:00, and from 11:30 to 3:15.
    const free = [...document.querySelectorAll('.cmp-free')].map(text)
    expect(free).toEqual(['Both free · 9:07 AM – 11:00 AM (1 h 53 min)', 'Both free · 11:30 AM – 3:15 PM (3 h 45 min)'])
    // Sessions that start together line up in one slot: both first, then theirs, then yours.
    const slot = card(FLUX).closest('.cmp-slot')!
    expect([...slot.querySelectorAll('.cmp__title')].map(text)).toEqual([FLUX, FLAGS, SPRING])
  })

  it('shows the conflicts adding would bring, before adding: per session, and for "add all" behind a toggle', async () => {
    const { user } = await openSamsPlan()
    expect(text(within(card(FLAGS)).getByRole('list'))).toBe(
      `Would overlap: Overlaps with ${FLUX} (11:00 – 11:30 AM EST)` + `Would possibly overlap: Overlaps with ${SPRING} (11:00 – 11:30 AM EST)`,
    )
    expect(within(card(FLAGS)).getAllByRole('listitem')[0]).toHaveClass('fit--hard')
    expect(within(card(DRAGONFLY)).getByText('Fits your plan')).toBeInTheDocument()

    expect(screen.getByText('Adding all 2 would bring 1 overlap and 1 possible overlap.')).toBeInTheDocument()
    const toggle = screen.getByRole('button', { name: 'Show them' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    expect(screen.getByRole('button', { name: 'Hide them' })).toHaveAttribute('aria-expanded', 'true')
    const list = document.getElementById(toggle.getAttribute('aria-controls')!)!
    expect(text(list)).toContain(`Would overlap: ${FLAGS} · Overlaps with ${FLUX}`)
    // Nothing was written by looking.
    expect(await levels()).toEqual({ [FLUX]: 'must', [SPRING]: 'maybe' })
  })

  it('says a tight walk adding would bring apart from an overlap', async () => {
    // Mine: SIG API Machinery, ending 12:15 in Building C. Theirs: Lunch at 12:15 in Building B, and Flags.
    await star([FLUX, 'must'], [SIG_API, 'must'])
    await renderApp({ url: shareLink([['Lunch', 'must'], [FLAGS, 'must']]) })
    await screen.findByRole('link', { name: 'Lunch 🍲' })
    const lunch = within(card('Lunch 🍲')).getByRole('listitem')
    expect(text(lunch)).toBe('Would be a tight walk: No time to walk from Building C Level 3 to Building B Level 1 (≈14 min)')
    expect(lunch).toHaveClass('fit--tight')
    expect(text(within(card(FLAGS)).getByRole('listitem'))).toMatch(/^Would overlap: Overlaps with /)
    expect(screen.getByText('Adding all 2 would bring 1 overlap and 1 tight walk.')).toBeInTheDocument()
  })

  it('adds one session at their level, keeps yours as they are, and Undo takes it out again', async () => {
    const { user } = await openSamsPlan()
    await user.click(screen.getByRole('button', { name: `Add to my plan: ${DRAGONFLY} (as must)` }))

    await screen.findByText(`Added ${DRAGONFLY} to your plan.`)
    expect(await levels()).toEqual({ [FLUX]: 'must', [SPRING]: 'maybe', [DRAGONFLY]: 'must' })
    await waitFor(() => expect(text(card(DRAGONFLY))).toMatch(/^In both plans.*Both: must$/))
    // The Add button went with the change: focus is on Undo.
    const undo = screen.getByRole('button', { name: 'Undo' })
    expect(undo).toHaveFocus()
    await user.click(undo)

    await screen.findByText('Undone.')
    expect(await levels()).toEqual({ [FLUX]: 'must', [SPRING]: 'maybe' })
    await waitFor(() => expect(screen.getByRole('button', { name: `Add to my plan: ${DRAGONFLY} (as must)` })).toHaveFocus())
  })

  it('adds all of theirs without removing or demoting anything, undoably', async () => {
    const { user } = await openSamsPlan()
    await user.click(screen.getByRole('button', { name: 'Add all 2 of theirs to my plan' }))

    await screen.findByText("Added 2 sessions from Sam's Thursday to your plan.")
    // Flux stays a must, though they have it as a maybe; Spring Boot stays.
    expect(await levels()).toEqual({ [FLUX]: 'must', [SPRING]: 'maybe', [FLAGS]: 'must', [DRAGONFLY]: 'must' })
    expect(await screen.findByText('Every session of this plan is already in yours.')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Undo' }))
    await screen.findByText('Undone.')
    expect(await levels()).toEqual({ [FLUX]: 'must', [SPRING]: 'maybe' })
  })

  it('replaces your plan only after a confirmation that says what changes, keyboard only, and Undo restores it', async () => {
    const { user } = await openSamsPlan()
    const replace = screen.getByRole('button', { name: 'Replace my plan with this one…' })
    replace.focus()
    await user.keyboard('{Enter}')
    const dialog = screen.getByRole('dialog', { name: 'Replace your plan?' })
    expect(within(dialog).getByRole('heading', { name: 'Replace your plan?' })).toHaveFocus()
    expect(text(dialog)).toContain("Your plan will become exactly Sam's Thursday:")
    expect(within(dialog).getAllByRole('listitem').map(text)).toEqual([
      '1 session only you have will be removed.',
      '2 sessions will be added.',
      '1 session in both will take their level.',
    ])
    // Escape backs out: nothing changes, focus returns to the button.
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(replace).toHaveFocus()
    expect(await levels()).toEqual({ [FLUX]: 'must', [SPRING]: 'maybe' })

    await user.keyboard('{Enter}')
    // Tab stays in the dialog: from the heading to Close, Cancel, Replace, and round again.
    await user.tab()
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Replace my plan' })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus()
    await user.tab({ shift: true })
    await user.keyboard('{Enter}')

    await screen.findByText("Replaced your plan with Sam's Thursday: 2 added, 1 removed.")
    expect(await levels()).toEqual({ [FLUX]: 'maybe', [FLAGS]: 'must', [DRAGONFLY]: 'must' })
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus()
    await user.keyboard('{Enter}')
    await screen.findByText('Undone.')
    expect(await levels()).toEqual({ [FLUX]: 'must', [SPRING]: 'maybe' })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Replace my plan with this one…' })).toHaveFocus())
  })

  it('filters the comparison to one side, with the counts in the choices', async () => {
    const { user } = await openSamsPlan()
    await user.click(screen.getByRole('radio', { name: 'Only theirs (2)' }))
    expect([...document.querySelectorAll('.cmp__title')].map(text)).toEqual([FLAGS, DRAGONFLY])
    expect(document.querySelectorAll('.cmp-free')).toHaveLength(0)
    await user.click(screen.getByRole('radio', { name: 'Only yours (1)' }))
    expect([...document.querySelectorAll('.cmp__title')].map(text)).toEqual([SPRING])
    await user.click(screen.getByRole('radio', { name: 'In both plans (1)' }))
    expect([...document.querySelectorAll('.cmp__title')].map(text)).toEqual([FLUX])
    await user.click(screen.getByRole('radio', { name: 'Everything' }))
    expect(document.querySelectorAll('.cmp__title')).toHaveLength(4)
  })

  it('works against a newer schedule: a moved session at its new time, a removed one listed as gone', async () => {
    const moved = planSessions.map((s) => (s.title === DRAGONFLY ? { ...s, start: est('4:00pm'), end: est('4:30pm') } : s))
    await renderApp({
      snapshot: kubeconSnapshot(moved),
      url: shareLink([[DRAGONFLY, 'must'], [GONE_ID, 'maybe']], 'Old link'),
    })
    expect(text(await screen.findByRole('link', { name: DRAGONFLY }).then((l) => l.closest('.cmp')!))).toContain('4:00 – 4:30 PM EST')
    expect(screen.getByText(/no longer in the schedule/)).toHaveTextContent('1 session of this plan is no longer in the schedule (1 maybe).')
  })

  it('an empty plan says so', async () => {
    await renderApp({ url: shareLink([], 'Nothing') })
    expect(await screen.findByText('This plan is empty.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^(Add|Replace)/ })).not.toBeInTheDocument()
  })

  it('a plan whose sessions have all left the schedule says so', async () => {
    await renderApp({ url: shareLink([[GONE_ID, 'must']], 'Long ago') })
    expect(await screen.findByText('None of the sessions in this plan are in the schedule on this device.')).toBeInTheDocument()
    expect(screen.getByText(/no longer in the schedule/)).toHaveTextContent('1 session of this plan is no longer in the schedule (1 must).')
    expect(screen.queryByRole('button', { name: /^(Add|Replace)/ })).not.toBeInTheDocument()
  })
})

describe('bad links change nothing', () => {
  // CRC-16/CCITT-FALSE, to seal a payload from a "newer Hallway" (version 2) that is otherwise intact.
  function crc16(bytes: number[]): number {
    let crc = 0xffff
    for (const b of bytes) {
      crc ^= b << 8
      for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
    }
    return crc
  }
  const good = encodePlan({ eventId: planSnapshot.event.id, stars: new Map([[byTitle(FLAGS).id, 'must']]) }, PLAN_IDS)
  const body = [2, 0x10, 0x20, 0x30]
  const crc = crc16(body)
  const future = Buffer.from([...body, crc >> 8, crc & 0xff]).toString('base64url')
  const garbled = good.slice(0, 10) + (good[10] === 'A' ? 'B' : 'A') + good.slice(11)

  it.each([
    ['cut off', `/share#p=${good.slice(0, -6)}`, 'This link is incomplete: it was probably cut off when it was copied. Ask for the link again.'],
    ['garbled', `/share#p=${garbled}`, 'This link is damaged, so the plan in it cannot be read. Ask for the link again.'],
    ['from a newer Hallway', `/share#p=${future}`, 'This plan was shared from a newer version of Hallway. Update the app to open it.'],
    ['without a plan', '/share', 'This link does not contain a plan.'],
    ['huge', `/share#p=${'A'.repeat(5_000)}`, 'This link is too long to be a Hallway plan.'],
    ['not base64url', '/share#p=%3Cscript%3Ealert(1)%3C/script%3E', 'This link is damaged, so the plan in it cannot be read. Ask for the link again.'],
  ])('%s: the reason in words, the plan untouched', async (_what, url, message) => {
    await star([FLUX, 'must'])
    await renderApp({ url })
    // Arriving puts focus on the heading, so a screen reader starts with what went wrong.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: "This link can't be opened" })).toHaveFocus())
    expect(screen.getByText(message)).toBeInTheDocument()
    expect(screen.getByText("Your own plan hasn't changed.")).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to my plan' })).toHaveAttribute('href', '/plan')
    expect(screen.queryByRole('button', { name: /^(Add|Replace)/ })).not.toBeInTheDocument()
    expect(await levels()).toEqual({ [FLUX]: 'must' })
  })

  it('a plan for another event says which, that it is not on this device, and which file to open', async () => {
    await renderApp({ url: shareLink([[FLAGS, 'must']], "Sam's FOSDEM", 'fosdem-2026') })
    expect(screen.getByRole('heading', { level: 1, name: 'A plan for another event' })).toBeInTheDocument()
    expect(screen.getByText(/This plan is for/)).toHaveTextContent(
      "This plan is for fosdem-2026, which isn't on this device. Open its schedule file first.",
    )
    expect(screen.getByRole('button', { name: 'Open a schedule file…' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^(Add|Replace)/ })).not.toBeInTheDocument()
    expect(await levels()).toEqual({})
  })

  it('a script in the name is shown as the characters it is, and nothing runs', async () => {
    const name = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    await renderApp({ url: shareLink([[FLAGS, 'must']], name) })
    const heading = await screen.findByRole('heading', { level: 1 })
    expect(heading.textContent).toBe(name)
    expect(heading.innerHTML).toContain('&lt;script&gt;')
    expect(document.querySelectorAll('main script, main img')).toHaveLength(0)
  })
})

describe('sharing your plan from My plan', () => {
  it('makes a link with the name, copies it with a visible confirmation, shares it, and draws its QR code', async () => {
    await star([FLUX, 'must'], [SPRING, 'maybe'])
    const share = vi.fn(async () => {})
    Object.defineProperty(navigator, 'share', { configurable: true, value: share })
    try {
      const { user } = await renderApp({ url: '/plan' })
      const open = await screen.findByRole('button', { name: 'Share my plan' })
      await user.click(open)
      const dialog = screen.getByRole('dialog', { name: 'Share your plan' })
      expect(within(dialog).getByText(/^2 sessions\./)).toBeInTheDocument()
      await user.type(within(dialog).getByLabelText('Name (optional)'), "  Sam's   Thursday ")

      const link = within(dialog).getByLabelText('Link') as HTMLInputElement
      const expected = shareUrl(
        { eventId: planSnapshot.event.id, stars: new Map([[byTitle(FLUX).id, 'must'], [byTitle(SPRING).id, 'maybe']]), name: "Sam's Thursday" },
        PLAN_IDS,
        `${window.location.origin}/share`,
      )
      expect(link.value).toBe(expected)

      await user.click(within(dialog).getByRole('button', { name: 'Copy link' }))
      expect(await within(dialog).findByText('Link copied')).toBeInTheDocument()
      expect(await navigator.clipboard.readText()).toBe(expected)

      await user.click(within(dialog).getByRole('button', { name: 'Share…' }))
      expect(share).toHaveBeenCalledWith({ title: "Sam's Thursday", url: expected })

      const qr = await within(dialog).findByRole('img', { name: 'QR code of the link to your plan' })
      expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/)

      await user.keyboard('{Escape}')
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
      expect(open).toHaveFocus()
    } finally {
      delete (navigator as { share?: unknown }).share
    }
  })

  it('when copying fails, selects the link and says how to copy it', async () => {
    await star([FLUX, 'must'])
    const { user } = await renderApp({ url: '/plan' })
    await user.click(await screen.findByRole('button', { name: 'Share my plan' }))
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'))
    // No share sheet in this browser: Copy link is the main button.
    expect(screen.queryByRole('button', { name: 'Share…' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Copy link' }))
    expect(await screen.findByText(/^Couldn't copy the link/)).toBeInTheDocument()
    const link = screen.getByLabelText('Link') as HTMLInputElement
    expect(link).toHaveFocus()
    expect([link.selectionStart, link.selectionEnd]).toEqual([0, link.value.length])
  })
})
