// A lazily loaded part that fails to download (offline before the service worker had it) is caught: the rest of the
// page stays, the user is told what happened and how to fix it, and a screen is retried on another route.
import { render, screen } from '@testing-library/react'
import { lazy, Suspense } from 'react'
import { ChunkBoundary, ChunkFailed } from '../../src/ui/common/ChunkBoundary'

function failingChunk() {
  return lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/PlanScreen-x.js')))
}

describe('ChunkBoundary', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {}) // React reports the caught error too
  })
  afterEach(() => vi.restoreAllMocks())

  it('shows what happened and the fix in place of the part, and keeps the rest of the page', async () => {
    const Screen = failingChunk()
    render(
      <div>
        <p>Header stays</p>
        <ChunkBoundary fallback={<ChunkFailed />}>
          <Suspense fallback={<p>Loading…</p>}>
            <Screen />
          </Suspense>
        </ChunkBoundary>
      </div>,
    )
    expect(await screen.findByRole('alert')).toHaveTextContent("This part of Hallway didn't download")
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
    expect(screen.getByText('Header stays')).toBeInTheDocument()
    expect(console.warn).toHaveBeenCalledWith('Hallway: part of the app did not load.', expect.any(TypeError))
  })

  it('renders the children when nothing fails, and nothing at all for a null fallback', async () => {
    const Notices = failingChunk()
    render(
      <div>
        <ChunkBoundary fallback={<ChunkFailed />}>
          <p>Fine</p>
        </ChunkBoundary>
        <ChunkBoundary fallback={null}>
          <Suspense fallback={null}>
            <Notices />
          </Suspense>
        </ChunkBoundary>
      </div>,
    )
    expect(screen.getByText('Fine')).toBeInTheDocument()
    // ms: as long as the project's findBy waits (setup.ts); vi.waitFor's own default is 1 s.
    await vi.waitFor(() => expect(console.warn).toHaveBeenCalled(), { timeout: 10_000 })
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
