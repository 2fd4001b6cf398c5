// The service worker's one registration per page, and what it has said so far ("ready offline", "an update waits"),
// as a store the notices read. Registered here, outside React's render, on purpose: vite-plugin-pwa's useRegisterSW
// registers inside a useState initializer, and React runs that again whenever it throws away a render before
// committing it (the list's transitions and the snapshot hand-over do that on a first visit). The second Workbox
// then registers after the worker was already found installing, never hears "installed", and "Ready to work
// offline" never showed, while the first Workbox's news went to a component that was never mounted.
import { registerSW } from 'virtual:pwa-register'
import { createStore } from 'zustand/vanilla'
import { watchForUpdates } from './updateChecks'
import { INSTALLING_CLASS } from '../prerender/firstScreenScript'

export interface ServiceWorkerNews {
  /** A new version is installed and waiting for the user's Reload. */
  needRefresh: boolean
  /** The first install finished: every file is cached, the app opens offline from now on. */
  offlineReady: boolean
}

export const serviceWorkerNews = createStore<ServiceWorkerNews>(() => ({ needRefresh: false, offlineReady: false }))

let activateWaiting: ((reloadPage?: boolean) => Promise<void>) | undefined

/** The "Ready to work offline" note's room is no longer kept (see INSTALLING_CLASS). */
export function stopKeepingNoteRoom(): void {
  document.documentElement.classList.remove(INSTALLING_CLASS)
}

/** Registers the service worker the first time it is called; later calls (StrictMode's second effect, a remount)
 *  only return the same "activate the waiting version" function. */
export function registerServiceWorker(): (reloadPage?: boolean) => Promise<void> {
  activateWaiting ??= registerSW({
    immediate: true,
    onOfflineReady: () => serviceWorkerNews.setState({ offlineReady: true }),
    onNeedRefresh: () => serviceWorkerNews.setState({ needRefresh: true }),
    onRegisteredSW(_swUrl, registration) {
      // For the page's whole life, like the registration itself.
      if (registration) watchForUpdates(registration)
    },
    onNeedReload() {
      // Deliberately nothing: without this callback the plugin reloads every open tab once the new version takes
      // over, throwing away whatever the other tabs were doing. ServiceWorkerNotices decides instead.
    },
    onRegisterError(error: unknown) {
      // No service worker (private mode in some browsers, blocked by policy): the app still works online.
      console.warn('Hallway: the service worker could not be registered; offline use is off.', error)
      // No note will come: its room, kept since the first paint, goes.
      stopKeepingNoteRoom()
    },
  })
  return activateWaiting
}
