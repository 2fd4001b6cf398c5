// The browser's notifications, as the reminders use them: whether they can show, asking in context, and showing
// one through the service worker (a page's `new Notification` is refused on Android; the worker's works everywhere
// notifications do, and its notificationclick handler, public/sw-notifications.js, opens the session).

/** What this browser lets Hallway do: 'unsupported' when it has no notifications or no service worker. */
export type NotificationAccess = 'granted' | 'denied' | 'default' | 'unsupported'

export function notificationAccess(): NotificationAccess {
  if (typeof Notification === 'undefined' || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    return 'unsupported'
  }
  return Notification.permission
}

/**
 * Asks for permission when it has not been decided; must be called from the user's tap (browsers ignore or
 * penalise a prompt without one). Resolves with the access after the answer.
 */
export async function askForNotifications(): Promise<NotificationAccess> {
  const access = notificationAccess()
  if (access !== 'default') return access
  try {
    return await Notification.requestPermission()
  } catch {
    // Old Safari takes a callback and returns nothing; treat a throw as "not decided".
    return notificationAccess()
  }
}

// ms: how long to wait for the service worker before giving up and using the banner. `ready` never settles
// without a worker (the first visit before it installs, a private window that blocks it).
const WORKER_WAIT_MS = 3_000

/** Shows a notification through the service worker; false when it could not (no worker, no permission, an error). */
export async function showWorkerNotification(
  title: string,
  options: { body: string; tag: string; url: string },
): Promise<boolean> {
  if (notificationAccess() !== 'granted') return false
  try {
    const registration = await Promise.race([
      navigator.serviceWorker.ready,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), WORKER_WAIT_MS)),
    ])
    if (!registration) return false
    await registration.showNotification(title, { body: options.body, tag: options.tag, data: { url: options.url } })
    return true
  } catch {
    return false
  }
}
