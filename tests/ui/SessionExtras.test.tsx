// What frab/pretalx files carry, in the UI: the session page's subtitle, language, "Not recorded" and links (feedback
// only once the session is over), and the language and "Recorded" filters, which only such events get.
import { screen, waitFor, within } from '@testing-library/react'
import type { Session } from '../../src/domain/model'
import { est, kubeconSnapshot } from '../fixtures/factories'
import { pretalxLikeSessions } from '../fixtures/pretalxLike'
import { seedSessions } from './factories'
import { renderApp, resultCount } from './renderApp'

const sessions = pretalxLikeSessions()
const byTitle = (title: string): Session => sessions.find((s) => s.title === title)!

async function openFilters(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.click(screen.getByRole('button', { name: /^Filters/ }))
  return screen.getByRole('region', { name: 'Filters' })
}

describe('a pretalx session on its page', () => {
  it('shows the subtitle once, the language by name, and the links by kind, each saying where it goes', async () => {
    const talk = byTitle('Datenschutz für alle')
    await renderApp({ snapshot: kubeconSnapshot(sessions), url: `/session/${talk.id}`, now: est('8:00am') })
    expect(screen.getByRole('heading', { level: 1, name: 'Datenschutz für alle' })).toBeInTheDocument()
    // Under the title, and not again as the description's first paragraph.
    expect(screen.getAllByText('Ein Überblick')).toHaveLength(1)
    expect(within(screen.getByRole('region', { name: 'About this session' })).getByText('Was die DSGVO von einer Konferenz verlangt.')).toBeInTheDocument()
    expect(screen.getByText(/^Language:/)).toHaveTextContent('Language: German')
    expect(screen.queryByText('Not recorded')).not.toBeInTheDocument()

    const links = within(screen.getByRole('region', { name: 'Links' })).getAllByRole('link')
    // Recording, then slides, then the source's other links under their titles, then the talk's page.
    expect(links.map((a) => a.textContent)).toEqual([
      'Recording Video · media.example, opens in a new tab',
      'Slides Folien · pretalx.example, opens in a new tab',
      'Notes on the blog · blog.example, opens in a new tab',
      'Talk page · pretalx.example, opens in a new tab',
    ])
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://media.example/v/dsgvo',
      'https://pretalx.example/media/dsgvo-slides.pdf',
      'https://blog.example/dsgvo-notes',
      'https://pretalx.example/democon/talk/DSGVO1/',
    ])
    for (const a of links) expect(a).toHaveAttribute('rel', 'noopener noreferrer')
    // Before the session ends there is nothing to give feedback on.
    expect(screen.queryByRole('link', { name: /Give feedback/ })).not.toBeInTheDocument()
  })

  it('offers "Give feedback" once the session has ended', async () => {
    const talk = byTitle('Datenschutz für alle')
    await renderApp({ snapshot: kubeconSnapshot(sessions), url: `/session/${talk.id}`, now: est('10:45am') })
    expect(screen.getByRole('link', { name: /^Give feedback/ })).toHaveAttribute('href', 'https://pretalx.example/democon/talk/DSGVO1/feedback/')
  })

  it('says "Not recorded" in words, with its icon', async () => {
    const workshop = byTitle('Off the record')
    await renderApp({ snapshot: kubeconSnapshot(sessions), url: `/session/${workshop.id}` })
    const note = screen.getByText('Not recorded')
    expect(note.querySelector('svg')).not.toBeNull()
    expect(screen.getByText(/^Language:/)).toHaveTextContent('Language: English')
    expect(screen.queryByRole('region', { name: 'Links' })).not.toBeInTheDocument()
  })

  it('shows none of it for a Sched session', async () => {
    const seed = seedSessions()
    await renderApp({ snapshot: kubeconSnapshot(seed), url: `/session/${seed[0]!.id}` })
    expect(screen.queryByText(/^Language:/)).not.toBeInTheDocument()
    expect(screen.queryByText('Not recorded')).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Links' })).not.toBeInTheDocument()
  })
})

describe('the language and "Recorded" filters', () => {
  it('narrow a pretalx event\'s list, with counts, and live in the URL', async () => {
    const { user } = await renderApp({ snapshot: kubeconSnapshot(sessions) })
    expect(resultCount()).toBe('4 sessions')
    const panel = await openFilters(user)

    const language = within(panel).getByRole('combobox', { name: 'Language' })
    expect(within(language).getAllByRole('option').map((o) => o.textContent)).toEqual(['All languages', 'English (2)', 'German (1)'])
    await user.selectOptions(language, 'German (1)')
    expect(resultCount()).toBe('1 session')
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('lang')).toBe('de'))
    await user.selectOptions(language, 'All languages')

    const recorded = within(panel).getByRole('checkbox', { name: 'Recorded only' })
    expect(recorded).toHaveAccessibleDescription('Sessions: 2')
    await user.click(recorded)
    expect(resultCount()).toBe('2 sessions')
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('recorded')).toBe('only'))
    expect(screen.getByRole('button', { name: 'Filters, 1 active' })).toBeInTheDocument()
  })

  it('read the URL on arrival', async () => {
    await renderApp({ snapshot: kubeconSnapshot(sessions), url: '/?lang=en&recorded=only' })
    expect(resultCount()).toBe('1 session')
  })

  it('are not offered for the KubeCon seed', async () => {
    const { user } = await renderApp()
    const panel = await openFilters(user)
    expect(within(panel).queryByRole('combobox', { name: 'Language' })).not.toBeInTheDocument()
    expect(within(panel).queryByRole('checkbox', { name: 'Recorded only' })).not.toBeInTheDocument()
  })
})
