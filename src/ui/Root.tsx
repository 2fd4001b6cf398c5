// The whole tree main.tsx renders, and the build's prerender renders the same (src/prerender/firstScreen.tsx), so the
// two match for hydration: the storage session's provider, the app, and the service worker's notices.
import { lazy, StrictMode, Suspense, useEffect, useSyncExternalStore } from 'react'
import type { HallwaySession, HallwayState } from '../db/session'
import { App, type AppProps } from './App'
import { ChunkBoundary } from './common/ChunkBoundary'
import { ClockProvider, type Clock } from './common/ClockProvider'
import { HallwayProvider } from './common/useHallway'

// The service worker's registration and notices: nothing in them is needed to show the first rows, so their code
// (and workbox-window) downloads after, in its own chunk.
const ServiceWorkerNotices = lazy(() => import('../pwa/ServiceWorkerNotices').then((m) => ({ default: m.ServiceWorkerNotices })))

export interface RootProps extends AppProps {
  session: HallwaySession
  /** Hydrating the prerendered first screen: the state it was rendered from (prerenderedViewOf). */
  prerendered?: HallwayState
  /** The app's clock; the prerender's is fixed before the event, so every session renders upcoming. */
  clock?: Clock
  /** Called once the prerendered screen is the app's: hydration has committed (main.tsx plays early input then). */
  onHydrated?: () => void
}

const noSubscription = () => () => {}
/** false on the server and while hydrating, true in every render after: for what only a browser can render. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
}

export function Root({ session, prerendered, clock = Date.now, onHydrated, ...app }: RootProps) {
  return (
    <StrictMode>
      <ClockProvider clock={clock}>
        <HallwayProvider session={session} prerendered={prerendered}>
          <App {...app} />
        </HallwayProvider>
      </ClockProvider>
      <ServiceWorkerNoticesOnceHydrated />
      {onHydrated && <AfterCommit run={onHydrated} />}
    </StrictMode>
  )
}

/** Runs `run` after the commit that mounted it: every element above is the app's by then. Renders nothing. */
function AfterCommit({ run }: { run: () => void }) {
  useEffect(run, [run])
  return null
}

/**
 * Not on the server: the service worker is the browser's, and its chunk would only suspend the server render. Its own
 * component, so the render after hydration that mounts it renders nothing else.
 */
function ServiceWorkerNoticesOnceHydrated() {
  const hydrated = useHydrated()
  if (!hydrated) return null
  return (
    // If its chunk fails to download there is no service worker to talk about: nothing shows.
    <ChunkBoundary fallback={null}>
      <Suspense fallback={null}>
        <ServiceWorkerNotices />
      </Suspense>
    </ChunkBoundary>
  )
}
