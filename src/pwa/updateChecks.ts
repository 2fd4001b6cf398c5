// Looking for a new version while the app stays open. Browsers check for a new service worker only on navigation,
// and an installed Hallway on a phone can stay open all conference day without navigating once.

/** ms: hourly. A schedule fix reaches an open app within the hour, for one small request (sw.js, ~3 KB). */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000
/** ms: coming back to the app (unlocking the phone) also checks, but at most once per 5 minutes: people unlock their
 *  phone dozens of times an hour in a hallway. */
export const MIN_CHECK_GAP_MS = 5 * 60 * 1000

export interface UpdateCheckEnv {
  now?: () => number
  intervalMs?: number
  minGapMs?: number
  win?: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval'>
  doc?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>
  nav?: Pick<Navigator, 'onLine'>
}

/**
 * Calls `registration.update()` hourly, when the app becomes visible again and when the device comes back online.
 * A found update then goes through the normal prompt ("A new version is ready"); nothing here reloads anything.
 * Returns a function that stops watching.
 */
export function watchForUpdates(
  registration: Pick<ServiceWorkerRegistration, 'update' | 'installing'>,
  { now = Date.now, intervalMs = UPDATE_CHECK_INTERVAL_MS, minGapMs = MIN_CHECK_GAP_MS, win = window, doc = document, nav = navigator }: UpdateCheckEnv = {},
): () => void {
  // Not counting the browser's own check at registration: the first visibility or online event may check at once.
  let lastCheck = -Infinity

  const check = async (): Promise<void> => {
    // Offline the request can only fail; an update already installing needs no second look.
    if (!nav.onLine || registration.installing) return
    if (now() - lastCheck < minGapMs) return
    lastCheck = now()
    try {
      await registration.update()
    } catch {
      // The server is out of reach (venue Wi-Fi says "online" but goes nowhere): try again at the next chance.
    }
  }
  const onVisible = () => {
    if (doc.visibilityState === 'visible') void check()
  }
  const onOnline = () => void check()

  const timer = win.setInterval(() => void check(), intervalMs)
  doc.addEventListener('visibilitychange', onVisible)
  win.addEventListener('online', onOnline)
  return () => {
    win.clearInterval(timer)
    doc.removeEventListener('visibilitychange', onVisible)
    win.removeEventListener('online', onOnline)
  }
}
