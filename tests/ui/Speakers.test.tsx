// The speakers list (/speakers) and a speaker's page (/speaker/:id): reached from the main navigation, a session page
// and My plan; A–Z with company and role, searchable with the query in the URL; a speaker's sessions starred from
// their page; an unknown id said plainly.
import { screen, waitFor, within } from '@testing-library/react'
import type { SpeakerId } from '../../src/domain/model'
import { est, makeSession, seedSessions, venue } from './factories'
import { kubeconSnapshot } from '../fixtures/factories'
import { renderApp } from './renderApp'

const seed = seedSessions()
const byTitle = (prefix: string) => seed.find((s) => s.title.startsWith(prefix))!
const FLUX = 'AI-Assisted GitOps With Flux MCP Server'

function mainNav() {
  return within(screen.getByRole('navigation', { name: 'Main' }))
}

function speakerList(): HTMLElement {
  return screen.getByRole('list', { name: 'Speakers, A to Z' })
}

/** The list's speaker names, in order. */
function listedNames(): string[] {
  return within(speakerList())
    .getAllByRole('listitem')
    .map((li) => within(li).getByRole('link').textContent ?? '')
}

describe('the speakers list', () => {
  it('lists every speaker A–Z from the main navigation, with role, company and session count', async () => {
    const { user } = await renderApp({ snapshot: kubeconSnapshot(seed) })
    await user.click(mainNav().getByRole('link', { name: 'Speakers' }))
    const h1 = await screen.findByRole('heading', { level: 1, name: 'Speakers' })
    await waitFor(() => expect(h1).toHaveFocus())
    expect(window.location.pathname).toBe('/speakers')
    expect(mainNav().getByRole('link', { name: 'Speakers' })).toHaveAttribute('aria-current', 'page')
    expect(document.title).toBe('Speakers · Hallway')

    expect(screen.getByText('13 speakers')).toBeInTheDocument()
    expect(listedNames()).toEqual([
      'Abby Bangser',
      'André Wanlin',
      'Aramis Sennyey',
      'Avantika Iyer',
      'Clyde Seepersad',
      'Intro (Updates, Model Distribution With Cloud Native Infra - Wenbo Qi & Tao Peng, Ant Group)',
      'Kris Coleman',
      'Kurt King',
      // A Sched segment that did not split with certainty: one entry under its raw text, not two wrong people.
      'Lucas Käldström (Upbound & Micah Hausler, AWS)',
      'Michael Beemer',
      'Robert Nishihara',
      'Stefan Prodan',
      'The Problems With Feature Flagging and How To Avoid Them - Pete Hodgson (Software Delivery Consultant, PH1)',
    ])
    const stefan = screen.getByRole('link', { name: 'Stefan Prodan' }).closest('li')!
    expect(within(stefan).getByText('Principal Engineer, ControlPlane')).toBeInTheDocument()
    expect(within(stefan).getByText('1 session')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Stefan Prodan' })).toHaveAttribute('href', '/speaker/n-stefan-prodan')
  })

  it('searches name, company and role, keeps the query in the URL, and says when nothing matches', async () => {
    const { user } = await renderApp({ snapshot: kubeconSnapshot(seed), url: '/speakers' })
    const box = screen.getByRole('searchbox', { name: 'Search speakers' })
    await user.type(box, 'spotify{Enter}')
    await waitFor(() => expect(listedNames()).toEqual(['André Wanlin', 'Avantika Iyer']))
    expect(screen.getByText('2 speakers')).toBeInTheDocument()
    expect(window.location.search).toBe('?q=spotify')

    await user.clear(box)
    await user.type(box, 'zzqx{Enter}')
    // The query in its own <bdi>, so the words are split across elements.
    expect(await screen.findByText((_, el) => el?.tagName === 'P' && el.textContent === 'No speakers match “zzqx”')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear search' }))
    await waitFor(() => expect(listedNames()).toHaveLength(13))
    expect(box).toHaveValue('')
    expect(window.location.search).toBe('')
  })

  it('opens with the search a link carries', async () => {
    await renderApp({ snapshot: kubeconSnapshot(seed), url: '/speakers?q=engineering%20manager' })
    expect(screen.getByRole('searchbox', { name: 'Search speakers' })).toHaveValue('engineering manager')
    expect(listedNames()).toEqual(['Avantika Iyer'])
  })
})

describe("a speaker's page", () => {
  it('shows the speaker and all their sessions, and stars one from there', async () => {
    // The same person on a second talk, the company spelled another way: one speaker, two sessions.
    const second = makeSession({
      title: 'Flux Operator Deep Dive',
      start: est('2:30pm'),
      end: est('3:00pm'),
      speakers: [{ name: 'Stefan Prodan', company: 'Control Plane', raw: 'Stefan Prodan (Control Plane)' }],
      speakersRaw: 'Stefan Prodan (Control Plane)',
      venue: venue('Building B | Level 2 | B207, Atlanta, GA, USA'),
    })
    const { user } = await renderApp({ snapshot: kubeconSnapshot([...seed, second]), url: '/speakers?q=prodan' })
    await user.click(screen.getByRole('link', { name: 'Stefan Prodan' }))

    const h1 = await screen.findByRole('heading', { level: 1, name: 'Stefan Prodan' })
    await waitFor(() => expect(h1).toHaveFocus())
    expect(window.location.pathname).toBe('/speaker/n-stefan-prodan')
    await waitFor(() => expect(document.title).toBe('Stefan Prodan · Hallway'))
    // The fuller affiliation (role and company) over the shorter spelling.
    expect(screen.getByText('Principal Engineer, ControlPlane')).toBeInTheDocument()
    const sessions = screen.getByRole('region', { name: '2 sessions' })
    const titles = within(sessions)
      .getAllByRole('link')
      .filter((a) => a.getAttribute('href')?.startsWith('/session/'))
      .map((a) => a.textContent)
    expect(titles).toEqual([FLUX, 'Flux Operator Deep Dive'])
    expect(within(sessions).getAllByText('Thu Nov 13')).toHaveLength(2)

    await user.click(within(sessions).getByRole('button', { name: `Star ${FLUX}: add to plan as must` }))
    expect(await within(sessions).findByRole('button', { name: `Must: ${FLUX} (change to maybe)` })).toBeInTheDocument()
    expect(mainNav().getByRole('link', { name: 'My plan (1)' })).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: 'All speakers' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Speakers' })).toBeInTheDocument()
  })

  it('is linked from every speaker name on a session page, whatever script the name is in', async () => {
    const talk = makeSession({
      title: 'Kubernetes in Tokyo',
      speakers: [
        { name: '山田 太郎', company: 'Example KK', raw: '山田 太郎 (Example KK)' },
        { id: 'c-N33EUY' as SpeakerId, name: 'Jane Roe', raw: 'Jane Roe' },
      ],
      speakersRaw: '山田 太郎 (Example KK), Jane Roe',
    })
    const { user } = await renderApp({ snapshot: kubeconSnapshot([...seed, talk]), url: `/session/${talk.id}` })
    const speakers = screen.getByRole('region', { name: 'Speakers' })
    // The source's person id where the file gives one.
    expect(within(speakers).getByRole('link', { name: 'Jane Roe' })).toHaveAttribute('href', '/speaker/c-N33EUY')
    await user.click(within(speakers).getByRole('link', { name: '山田 太郎' }))
    expect(await screen.findByRole('heading', { level: 1, name: '山田 太郎' })).toBeInTheDocument()
    expect(screen.getByText('Example KK')).toBeInTheDocument()
    expect(screen.getByRole('region', { name: '1 session' })).toHaveTextContent('Kubernetes in Tokyo')
  })

  it('is linked from the speaker names in My plan', async () => {
    const { user } = await renderApp({ snapshot: kubeconSnapshot(seed), url: `/session/${byTitle(FLUX).id}` })
    await user.click(screen.getByRole('button', { name: `Star ${FLUX}: add to plan as must` }))
    await user.click(await mainNav().findByRole('link', { name: 'My plan (1)' }))
    await screen.findByRole('heading', { level: 1, name: 'My plan' })
    await user.click(screen.getByRole('link', { name: 'Stefan Prodan' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Stefan Prodan' })).toBeInTheDocument()
  })

  it('is linked from the speaker names on the list’s cards, beside the title link, never inside it', async () => {
    const talk = makeSession({
      title: 'Kubernetes in Tokyo',
      // First in the day, so its card is among those rendered.
      from: '8:30am',
      to: '9:00am',
      speakers: [
        { name: '山田 太郎', company: 'Example KK', raw: '山田 太郎 (Example KK)' },
        { id: 'c-N33EUY' as SpeakerId, name: 'Jane Roe', raw: 'Jane Roe' },
      ],
      speakersRaw: '山田 太郎 (Example KK), Jane Roe',
    })
    const { user } = await renderApp({ snapshot: kubeconSnapshot([...seed, talk]) })
    const title = await screen.findByRole('link', { name: 'Kubernetes in Tokyo' })
    const card = title.closest<HTMLElement>('.card-wrap')!
    // The title link is described by the time, the place and the type, which it no longer holds.
    expect(title).toHaveAccessibleDescription(/8:30 – 9:00 AM EST.*B206/)
    expect(title).toHaveAttribute('href', `/session/${talk.id}`)
    expect(card.querySelector('.card__speakers')).toHaveTextContent(/^山田 太郎 \(Example KK\), Jane Roe$/)
    expect(within(card).getByRole('link', { name: 'Jane Roe' })).toHaveAttribute('href', '/speaker/c-N33EUY')
    // No link inside another anywhere in the list (a nested link is invalid HTML and ambiguous to tap).
    expect(document.querySelectorAll('#session-list a a')).toHaveLength(0)
    expect(within(card).getAllByRole('link').map((a) => a.textContent)).toEqual(['Kubernetes in Tokyo', '山田 太郎', 'Jane Roe'])

    await user.click(within(card).getByRole('link', { name: '山田 太郎' }))
    expect(await screen.findByRole('heading', { level: 1, name: '山田 太郎' })).toBeInTheDocument()
    expect(window.location.pathname).toBe(`/speaker/${encodeURIComponent('n-山田-太郎')}`)
  })

  it('says plainly when no session has that speaker', async () => {
    await renderApp({ snapshot: kubeconSnapshot(seed), url: '/speaker/n-nobody-here' })
    const h1 = screen.getByRole('heading', { level: 1, name: "This speaker isn't in the schedule" })
    await waitFor(() => expect(h1).toHaveFocus())
    await waitFor(() => expect(document.title).toBe('Speaker not found · Hallway'))
    expect(screen.getByRole('link', { name: 'Browse the speakers' })).toHaveAttribute('href', '/speakers')
  })
})
