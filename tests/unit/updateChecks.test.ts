// When an open Hallway looks for a new version: hourly, on coming back to the app and on coming back online, never
// while offline or while one is already installing, at most once per 5 minutes, and never with an unhandled error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MIN_CHECK_GAP_MS, UPDATE_CHECK_INTERVAL_MS, watchForUpdates } from '../../src/pwa/updateChecks'

const MINUTE = 60_000 // ms

function makeEnv() {
  const win = new EventTarget() as EventTarget & Window
  win.setInterval = ((fn: () => void, ms: number) => setInterval(fn, ms)) as typeof window.setInterval
  win.clearInterval = ((id: number) => clearInterval(id)) as typeof window.clearInterval
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState })
  const nav = { onLine: true }
  const registration = { installing: null as ServiceWorker | null, update: vi.fn(async () => undefined as never) }
  const stop = watchForUpdates(registration, { win, doc: doc as unknown as Document, nav, now: () => Date.now() })
  const comeBack = async () => {
    doc.dispatchEvent(new Event('visibilitychange'))
    await Promise.resolve()
  }
  return { win, doc, nav, registration, stop, comeBack }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2025-11-13T14:00:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

describe('watchForUpdates', () => {
  it('checks every hour while the app stays open', async () => {
    const { registration, stop } = makeEnv()
    expect(registration.update).not.toHaveBeenCalled() // the browser already checked on load
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS)
    expect(registration.update).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(2 * UPDATE_CHECK_INTERVAL_MS)
    expect(registration.update).toHaveBeenCalledTimes(3)
    stop()
    await vi.advanceTimersByTimeAsync(5 * UPDATE_CHECK_INTERVAL_MS)
    expect(registration.update).toHaveBeenCalledTimes(3)
  })

  it('checks when the app becomes visible again, at most once per 5 minutes, and not when it is hidden', async () => {
    const { doc, registration, comeBack } = makeEnv()
    await comeBack()
    expect(registration.update).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(MINUTE)
    await comeBack()
    expect(registration.update).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(MIN_CHECK_GAP_MS)
    doc.visibilityState = 'hidden'
    await comeBack()
    expect(registration.update).toHaveBeenCalledTimes(1)
    doc.visibilityState = 'visible'
    await comeBack()
    expect(registration.update).toHaveBeenCalledTimes(2)
  })

  it('checks on coming back online, and never while offline or while an update is installing', async () => {
    const { win, nav, registration, comeBack } = makeEnv()
    nav.onLine = false
    await comeBack()
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS)
    expect(registration.update).not.toHaveBeenCalled()

    nav.onLine = true
    win.dispatchEvent(new Event('online'))
    await Promise.resolve()
    expect(registration.update).toHaveBeenCalledTimes(1)

    registration.installing = {} as ServiceWorker
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS)
    expect(registration.update).toHaveBeenCalledTimes(1)
  })

  it('swallows a failed check (server out of reach) and tries again next time', async () => {
    const { registration, comeBack } = makeEnv()
    registration.update.mockRejectedValueOnce(new TypeError('Failed to update a ServiceWorker: network error'))
    await comeBack()
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS)
    expect(registration.update).toHaveBeenCalledTimes(2)
  })
})
