// The build's prerendered first screen (src/prerender/firstScreen.tsx) hydrated in jsdom by the tree main.tsx hydrates:
// no mismatch (React would say so through onRecoverableError and replace the nodes), the very nodes kept, and the
// device's own data (a star the server knew nothing of) arriving in the render after.
import { readFileSync } from 'node:fs'
import { act } from 'react'
import { hydrateRoot, type Root as ReactRoot } from 'react-dom/client'
import { screen, waitFor } from '@testing-library/react'
import { createHallwaySession, prerenderedViewOf, whenScheduleSettled } from '../../src/db/session'
import type { SessionId } from '../../src/domain/model'
import { parseSnapshot } from '../../src/domain/snapshot'
import { pendingStars } from '../../src/db/pendingStars'
import { renderFirstScreen } from '../../src/prerender/firstScreen'
import { Root } from '../../src/ui/Root'

// The service worker's notices mount after hydration; their virtual module exists only in Vite builds.
vi.mock('../../src/pwa/ServiceWorkerNotices', () => ({ ServiceWorkerNotices: () => null }))

const json: unknown = JSON.parse(readFileSync('data/kubecon-na-2025.snapshot.json', 'utf8'))
const parsed = parseSnapshot(json)
if (!parsed.ok) throw new Error(parsed.error)
const snapshot = parsed.value
// Before the event, as the server renders: every session upcoming.
const BEFORE_EVENT = Date.parse('2025-11-01T12:00:00Z')
const clock = () => BEFORE_EVENT

let root: ReactRoot | undefined
afterEach(() => {
  act(() => root?.unmount())
  root = undefined
  document.body.innerHTML = ''
})

describe('the prerendered first screen', () => {
  it('hydrates with no mismatch, keeps its nodes, then shows the stars this device has', async () => {
    const { html, config } = await renderFirstScreen(json, '/')
    expect(config).toMatchObject({ eventId: snapshot.event.id, contentHash: snapshot.contentHash })
    window.history.replaceState(null, '', '/')
    document.body.innerHTML = `<div id="root">${html}</div>`
    const container = document.getElementById('root')!
    const firstLink = container.querySelector<HTMLAnchorElement>('a[data-session-id]')!
    const starred = firstLink.dataset.sessionId as SessionId
    expect(container.querySelectorAll('a[data-session-id]').length).toBeGreaterThanOrEqual(8)

    // A star this device made that the server could not know: it must not be in the hydrating render.
    pendingStars.keep(snapshot.event.id, starred, 'must')
    const session = createHallwaySession({ db: null, loadBundled: async () => snapshot })
    session.start()
    const state = await whenScheduleSettled(session)
    const mismatches: unknown[] = []
    await act(async () => {
      root = hydrateRoot(container, <Root session={session} prerendered={prerenderedViewOf(state)} clock={clock} />, {
        onRecoverableError: (error) => mismatches.push(error),
      })
    })

    expect(mismatches).toEqual([])
    expect(container.querySelector('a[data-session-id]')).toBe(firstLink)
    const title = firstLink.textContent!
    await waitFor(() => expect(screen.getByRole('button', { name: `Must: ${title} (change to maybe)` })).toBeInTheDocument())
  })

  it('matches the server only through the prerendered state: the device state rendered as is would not', async () => {
    const { html } = await renderFirstScreen(json, '/')
    window.history.replaceState(null, '', '/')
    document.body.innerHTML = `<div id="root">${html}</div>`
    const container = document.getElementById('root')!
    const firstLink = container.querySelector<HTMLAnchorElement>('a[data-session-id]')!
    pendingStars.keep(snapshot.event.id, firstLink.dataset.sessionId as SessionId, 'must')
    const session = createHallwaySession({ db: null, loadBundled: async () => snapshot })
    session.start()
    await whenScheduleSettled(session)
    const mismatches: unknown[] = []
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      await act(async () => {
        root = hydrateRoot(container, <Root session={session} clock={clock} />, { onRecoverableError: (error) => mismatches.push(error) })
      })
    } finally {
      consoleError.mockRestore()
    }
    // Without the prerendered state, hydration renders the device's star and memory-mode notice: React notices the
    // difference (the guard above is what prevents it).
    expect(mismatches.length + consoleError.mock.calls.length).toBeGreaterThan(0)
  })
})
