// Whether this tab can work offline: a service worker controls it (so every file is in the precache), or it's still
// on its way, or the browser has none.
import { useSyncExternalStore } from 'react'

export type OfflineReadiness = 'ready' | 'pending' | 'unsupported'

function container(): ServiceWorkerContainer | undefined {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : undefined
}

function subscribe(onChange: () => void): () => void {
  const sw = container()
  // The worker takes control (clientsClaim) once it has precached everything.
  sw?.addEventListener('controllerchange', onChange)
  return () => sw?.removeEventListener('controllerchange', onChange)
}

function read(): OfflineReadiness {
  const sw = container()
  if (!sw) return 'unsupported'
  return sw.controller ? 'ready' : 'pending'
}

export function useOfflineReadiness(): OfflineReadiness {
  return useSyncExternalStore(subscribe, read, () => 'pending')
}
