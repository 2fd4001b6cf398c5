// The injectable clock: components read "now" from context, and it refreshes on a tick and on waking up.
import { act, render, screen } from '@testing-library/react'
import { ClockProvider } from '../../src/ui/common/ClockProvider'
import { useNow } from '../../src/ui/common/useNow'

function ShowNow() {
  return <output>{new Date(useNow()).toISOString()}</output>
}

describe('useNow', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reads the injected clock and re-reads it every 30 seconds', () => {
    vi.useFakeTimers()
    let now = Date.parse('2025-11-13T16:00:00Z')
    const clock = () => now
    render(
      <ClockProvider clock={clock}>
        <ShowNow />
      </ClockProvider>,
    )
    expect(screen.getByRole('status')).toHaveTextContent('2025-11-13T16:00:00.000Z')
    now += 45_000
    act(() => vi.advanceTimersByTime(29_000))
    expect(screen.getByRole('status')).toHaveTextContent('2025-11-13T16:00:00.000Z')
    act(() => vi.advanceTimersByTime(1_000))
    expect(screen.getByRole('status')).toHaveTextContent('2025-11-13T16:00:45.000Z')
  })

  it('catches up at once when the page becomes visible again', () => {
    vi.useFakeTimers()
    let now = Date.parse('2025-11-13T16:00:00Z')
    const clock = () => now
    render(
      <ClockProvider clock={clock}>
        <ShowNow />
      </ClockProvider>,
    )
    now += 10 * 60_000
    act(() => document.dispatchEvent(new Event('visibilitychange')))
    expect(screen.getByRole('status')).toHaveTextContent('2025-11-13T16:10:00.000Z')
  })
})
