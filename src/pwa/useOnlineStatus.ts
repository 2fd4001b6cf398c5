// Whether the browser believes it has a network connection, as React state. navigator.onLine can say "online" on a
// captive venue Wi-Fi that reaches nothing, so it only drives a hint; nothing in Hallway needs the network anyway.
import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

const isOnline = () => navigator.onLine
// Server rendering has no network to ask about; assume online so no "Offline" flashes on hydration.
const onServer = () => true

export function useOnlineStatus(): boolean {
  return useSyncExternalStore(subscribe, isOnline, onServer)
}
