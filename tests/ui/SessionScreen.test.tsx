// The detail route: deep links, what it shows, the way back to the list, and unknown ids.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { est, makeSession, seedSessions, syntheticSessions, venue } from './factories'
import { kubeconSnapshot } from '../fixtures/factories'
import { renderApp } from './renderApp'

const seed = seedSessions()
const byTitle = (prefix: string) => seed.find((s) => s.title.startsWith(prefix))!

describe('the session page', () => {
  it('shows title, time, place, type, speakers with role and company, and the description as paragraphs', async () => {
    const flux = byTitle('AI-Assisted GitOps')
    await renderApp({ snapshot: kubeconSnapshot(seed), url: `/session/${flux.id}` })
    const h1 = screen.getByRole('heading', { level: 1, name: 'AI-Assisted GitOps With Flux MCP Server' })
    // Focus and title are set in effects after the page renders.
    await waitFor(() => expect(h1).toHaveFocus())
    await waitFor(() => expect(document.title).toBe('AI-Assisted GitOps With Flux MCP Server · Hallway'))
    expect(screen.getByText('Thursday, Nov 13 · 11:00 – 11:30 AM EST')).toBeInTheDocument()
    expect(screen.getByText('Building B · Level 2 · B206')).toBeInTheDocument()
    expect(screen.getByText('AI + ML')).toBeInTheDocument()

    const speakers = screen.getByRole('region', { name: 'Speaker' })
    expect(within(speakers).getByText('Stefan Prodan')).toBeInTheDocument()
    expect(within(speakers).getByText('Principal Engineer, ControlPlane')).toBeInTheDocument()

    const about = screen.getByRole('region', { name: 'About this session' })
    const paragraphs = within(about).getAllByText(/./, { selector: 'p' })
    expect(paragraphs).toHaveLength(2)
    expect(paragraphs[1]).toHaveTextContent(/^In this session, Stefan will introduce the Flux MCP Server/)
  })

  it('lists every speaker of a multi-speaker session', async () => {
    const contribfest = byTitle('🚨 Contribfest')
    await renderApp({ snapshot: kubeconSnapshot(seed), url: `/session/${contribfest.id}` })
    const speakers = screen.getByRole('region', { name: 'Speakers' })
    expect(within(speakers).getAllByRole('listitem')).toHaveLength(4)
    expect(within(speakers).getByText('André Wanlin')).toBeInTheDocument()
    expect(within(speakers).getByText('Senior Software Engineer, Procore')).toBeInTheDocument()
  })

  it('leaves out what the session lacks (no speakers, no description)', async () => {
    const lunch = byTitle('Lunch')
    await renderApp({ snapshot: kubeconSnapshot(seed), url: `/session/${lunch.id}` })
    expect(screen.getByRole('heading', { level: 1, name: 'Lunch 🍲' })).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: /Speaker/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'About this session' })).not.toBeInTheDocument()
    expect(screen.getByText('Building B · Level 1 · Exhibit Hall B3-B5')).toBeInTheDocument()
  })

  it('turns a description Sched flattened into "• item" bullets into a list', async () => {
    const s = makeSession({
      title: 'Building Cloud Native Agentic Workflows on Kubernetes for Preventative Healthcare',
      venue: venue('Building B | Level 3 | B308-309, Atlanta, GA, USA'),
      description:
        'Attendees will learn how to: • Build the model inference endpoint orchestration layers with K8s and Helm charts; • Manage API traffic and authentication with APISIX (built on NGINX and etcd); • Stitch agents together with async Python; and • Oversee monitoring and observability with Prometheus and Grafana.',
    })
    await renderApp({ snapshot: kubeconSnapshot([s]), url: `/session/${s.id}` })
    const about = screen.getByRole('region', { name: 'About this session' })
    expect(within(about).getByText('Attendees will learn how to:')).toBeInTheDocument()
    const items = within(about).getAllByRole('listitem')
    expect(items).toHaveLength(4)
    expect(items[3]).toHaveTextContent('Oversee monitoring and observability with Prometheus and Grafana.')
  })

  it('shows raw speaker text when there are no split speakers', async () => {
    const s = makeSession({ title: 'Odd speakers', speakers: [], speakersRaw: 'Someone & Someone Else (Somewhere)' })
    await renderApp({ snapshot: kubeconSnapshot([s]), url: `/session/${s.id}` })
    expect(within(screen.getByRole('region', { name: 'Speakers' })).getByText('Someone & Someone Else (Somewhere)')).toBeInTheDocument()
  })

  it('says clearly when the id is not in the schedule, with a way to the list', async () => {
    const { user } = await renderApp({ url: '/session/deadbeef' })
    expect(screen.getByRole('heading', { level: 1, name: "This session isn't in the schedule" })).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Browse the schedule' }))
    expect(window.location.pathname).toBe('/')
    expect(screen.getByRole('heading', { level: 1, name: 'Thursday, Nov 13' })).toBeInTheDocument()
  })

  it('from a deep link, "Back to schedule" goes to the list on the session\'s day', async () => {
    const dragonfly = byTitle('Dragonfly')
    const { user } = await renderApp({ snapshot: kubeconSnapshot(seed), url: `/session/${dragonfly.id}` })
    await user.click(screen.getByRole('link', { name: /Back to schedule/ }))
    expect(window.location.pathname + window.location.search).toBe('/?day=2025-11-13')
    expect(screen.getByRole('heading', { level: 1, name: 'Thursday, Nov 13' })).toBeInTheDocument()
  })
})

describe('list → session → back', () => {
  it('opens a card, then Back returns to the same view with focus on that card', async () => {
    const { user } = await renderApp({ url: '/?q=dragonfly', now: est('9:00am') })
    const before = window.history.length
    await user.click(screen.getByRole('link', { name: /^Dragonfly v2\.3\.0/ }))
    expect(window.location.pathname).toMatch(/^\/session\/[0-9a-f]{8}$/)
    expect(screen.getByRole('heading', { level: 1, name: 'Dragonfly v2.3.0' })).toBeInTheDocument()
    expect(screen.getByText(/P2P technology within cloud-native architectures/)).toBeInTheDocument()

    const back = screen.getByRole('link', { name: /Back to schedule/ })
    expect(back).toHaveAttribute('href', '/?q=dragonfly')
    await user.click(back)
    await waitFor(() => expect(window.location.pathname).toBe('/'))
    // It went back in history rather than pushing the list again.
    expect(window.history.length).toBe(before + 1)
    expect(window.location.search).toBe('?q=dragonfly')
    expect(screen.getByRole('searchbox', { name: 'Search sessions' })).toHaveValue('dragonfly')
    const card = await screen.findByRole('link', { name: /^Dragonfly v2\.3\.0/ })
    await waitFor(() => expect(card).toHaveFocus())
  })

  it('leaves a modified click on a card\'s links to the browser (a new tab or window), as any link', async () => {
    await renderApp({ url: '/?q=dragonfly', now: est('9:00am') })
    const title = screen.getByRole('link', { name: /^Dragonfly v2\.3\.0/ })
    const speaker = within(title.closest<HTMLElement>('.card-wrap')!).getAllByRole('link')[1]!
    // Whether the app took each click (prevented its default); then the browser's navigation, which jsdom lacks.
    const taken: boolean[] = []
    const note = (e: MouseEvent) => {
      taken.push(e.defaultPrevented)
      e.preventDefault()
    }
    window.addEventListener('click', note)
    for (const link of [title, speaker]) {
      for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const) {
        fireEvent.click(link, { [modifier]: true })
        expect(window.location.pathname).toBe('/')
      }
    }
    window.removeEventListener('click', note)
    expect(taken).toEqual(Array(8).fill(false))
    expect(screen.getByRole('searchbox', { name: 'Search sessions' })).toHaveValue('dragonfly')
  })

  it('after list → session → speaker → session, Back goes to the list, not to the speaker', async () => {
    const { user } = await renderApp({ url: '/?q=dragonfly', now: est('9:00am') })
    await user.click(screen.getByRole('link', { name: /^Dragonfly v2\.3\.0/ }))
    const speaker = screen.getAllByRole('link').find((a) => a.getAttribute('href')?.startsWith('/speaker/'))!
    await user.click(speaker)
    await screen.findByRole('link', { name: /All speakers/ })
    await user.click(await screen.findByRole('link', { name: 'Dragonfly v2.3.0' }))
    await screen.findByRole('heading', { level: 1, name: 'Dragonfly v2.3.0' })

    await user.click(screen.getByRole('link', { name: /Back to schedule/ }))
    await waitFor(() => expect(window.location.pathname).toBe('/'))
    expect(window.location.search).toBe('?q=dragonfly')
  })

  it('opening a card right after typing keeps the search for Back', async () => {
    const { user } = await renderApp({ now: est('9:00am') })
    await user.type(screen.getByRole('searchbox', { name: 'Search sessions' }), 'dragonfly')
    // At once, before typing has paused long enough for the URL to follow on its own.
    await user.click(screen.getByRole('link', { name: /^Dragonfly v2\.3\.0/ }))
    const back = screen.getByRole('link', { name: /Back to schedule/ })
    expect(back).toHaveAttribute('href', '/?q=dragonfly')
    await user.click(back)
    await waitFor(() => expect(window.location.pathname).toBe('/'))
    expect(window.location.search).toBe('?q=dragonfly')
    expect(screen.getByRole('searchbox', { name: 'Search sessions' })).toHaveValue('dragonfly')
    const card = await screen.findByRole('link', { name: /^Dragonfly v2\.3\.0/ })
    await waitFor(() => expect(card).toHaveFocus())
  })

  it('comes back to the same scroll position in a long list', async () => {
    const { user } = await renderApp({ snapshot: kubeconSnapshot(syntheticSessions(2000)) })
    await act(async () => window.scrollTo(0, 30_000))
    // A card whose row is on screen at that offset.
    const onScreen = await waitFor(() => {
      const row = [...document.querySelectorAll<HTMLElement>('.row--session')].find((r) => {
        const top = Number.parseFloat(r.style.top)
        return top >= 30_000 && top < 30_400
      })
      if (!row) throw new Error('no row rendered at the scroll position yet')
      return row.querySelector<HTMLElement>('a.card__title')!
    })
    const title = onScreen.textContent!
    await user.click(onScreen)
    expect(screen.getByRole('heading', { level: 1, name: title })).toBeInTheDocument()
    expect(window.scrollY).toBe(0)

    await user.click(screen.getByRole('link', { name: /Back to schedule/ }))
    await waitFor(() => expect(window.location.pathname).toBe('/'))
    expect(window.scrollY).toBe(30_000)
    await waitFor(() => expect(screen.getByRole('link', { name: new RegExp(`^${title}`) })).toHaveFocus())
  })
})
