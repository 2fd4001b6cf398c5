import { useContext, useEffect, useState } from 'react'
import { ClockContext } from './ClockProvider'

// Sessions start on 5-minute marks at the earliest, so half a minute keeps "on now" and "hide past" at most
// 30 s late while costing one re-render of the visible rows per tick.
const DEFAULT_TICK_MS = 30_000

/** The current time from the injected clock, refreshed every `tickMs` and whenever the page becomes visible again. */
export function useNow(tickMs: number = DEFAULT_TICK_MS): number {
  const clock = useContext(ClockContext)
  const [now, setNow] = useState(clock)

  useEffect(() => {
    const update = () => setNow(clock())
    update()
    const timer = setInterval(update, tickMs)
    // A phone wakes from sleep with timers paused: catch up at once rather than up to tickMs later.
    const onVisible = () => {
      if (document.visibilityState === 'visible') update()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [clock, tickMs])

  return now
}
