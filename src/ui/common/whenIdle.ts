// Work left for the browser's idle time, in slices.

/**
 * Runs `work` in idle time until it returns true, in as many idle periods as it takes; `timeLeft` is the current
 * period's remaining ms. setTimeout stands in where there is no requestIdleCallback (Safari). Returns a canceller.
 */
export function whenIdle(work: (timeLeft: () => number) => boolean): () => void {
  const idle = typeof requestIdleCallback === 'function'
  let cancelled = false
  let handle = 0
  const run = (timeLeft: () => number) => {
    if (!cancelled && !work(timeLeft)) schedule()
  }
  const schedule = () => {
    if (idle) handle = requestIdleCallback((deadline) => run(() => deadline.timeRemaining()))
    else
      handle = window.setTimeout(() => {
        const end = performance.now() + 8
        run(() => end - performance.now())
      }, 50)
  }
  schedule()
  return () => {
    cancelled = true
    if (idle) cancelIdleCallback(handle)
    else window.clearTimeout(handle)
  }
}
