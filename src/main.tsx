// First, so the base rules (tokens, page frame, shared primitives) come before every feature's CSS, which refines them.
import './ui/styles.css'
import { lazy, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { loadIndexedDb } from './db/loadIndexedDb'
import { captureInstallPrompt } from './pwa/installPrompt'
import { App } from './ui/App'
import { ChunkBoundary } from './ui/common/ChunkBoundary'
import { hallwaySession } from './db/session'
import { HallwayProvider } from './ui/common/useHallway'

// The list restores its own scroll position (it knows row heights the browser doesn't), so the browser must not
// jump to a stale offset first on Back.
if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual'

// The storage layer (Dexie) is a chunk of its own that the first view does not wait for; start it downloading now, in
// parallel with React's first render, rather than when the storage session asks. A failure is the session's to report
// (it asks again).
loadIndexedDb().catch(() => {})

// The service worker's registration and notices: nothing in them is needed to show the first rows, so their code
// (and workbox-window) downloads after, in its own chunk.
const ServiceWorkerNotices = lazy(() => import('./pwa/ServiceWorkerNotices').then((m) => ({ default: m.ServiceWorkerNotices })))

// Before the first render: Chromium offers installing once, soon after load, only to listeners already there.
captureInstallPrompt()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HallwayProvider session={hallwaySession()}>
      <App />
    </HallwayProvider>
    {/* If its chunk fails to download there is no service worker to talk about: nothing shows. */}
    <ChunkBoundary fallback={null}>
      <Suspense fallback={null}>
        <ServiceWorkerNotices />
      </Suspense>
    </ChunkBoundary>
  </StrictMode>,
)

// Schedule feeds: checked at start, when the tab is shown again, back online and every 15 minutes. Their code loads
// after the first render, in its own chunk; if it can't download (offline before the service worker had it), the
// schedule simply stays as stored.
import('./ui/events/feedRefresh').then(
  (m) => m.startFeeds(hallwaySession()),
  () => {},
)
