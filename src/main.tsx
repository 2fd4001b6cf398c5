// First, so the base rules (tokens, page frame, shared primitives) come before every feature's CSS, which refines them.
import './ui/styles.css'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { loadIndexedDb } from './db/loadIndexedDb'
import { captureInstallPrompt } from './pwa/installPrompt'
import { Root } from './ui/Root'
import { hallwaySession, prerenderedViewOf, whenScheduleSettled } from './db/session'
import { PRERENDER_GLOBAL, shellHtml, type PrerenderDecision } from './prerender/firstScreenScript'

// The list restores its own scroll position (it knows row heights the browser doesn't), so the browser must not
// jump to a stale offset first on Back.
if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual'

// The storage layer (Dexie) is a chunk of its own that the first view does not wait for; start it downloading now, in
// parallel with React's first render, rather than when the storage session asks. A failure is the session's to report
// (it asks again).
loadIndexedDb().catch(() => {})

// Before the first render: Chromium offers installing once, soon after load, only to listeners already there.
captureInstallPrompt()

const container = document.getElementById('root')!
const session = hallwaySession()
// Set by index.html's inline script when the first screen prerendered at build time is the one to show
// (src/prerender/firstScreenScript.ts): it is on screen already, and React takes it over instead of rendering it.
const prerender: PrerenderDecision | undefined = window[PRERENDER_GLOBAL]
if (prerender) void hydrateFirstScreen(prerender)
else createRoot(container).render(<Root session={session} />)

/**
 * Hydration renders from the state the server rendered from: the bundled snapshot, as the storage session previews it
 * while IndexedDB opens. The snapshot is preloaded by index.html and its JSON is parsed while the rows are already on
 * screen. Should it not be the version prerendered (a schedule feed brought a newer one since this device last showed
 * the event), the screen is rendered afresh instead, so no stale row survives.
 */
async function hydrateFirstScreen(decision: PrerenderDecision): Promise<void> {
  session.start()
  const state = await whenScheduleSettled(session)
  if (state.schedule.status === 'ready' && state.schedule.event?.id === decision.eventId && state.schedule.contentHash === decision.contentHash) {
    // What was tapped or typed on the screen meanwhile is played again once it is the app's. Rarely any: its code is
    // a chunk of its own, outside the first view's JS. Every element is the app's by then, so the body script's
    // listeners hold nothing more back; should the chunk not come, what they held is dropped.
    const replay = () => {
      if (decision.early?.length) import('./prerender/earlyInput').then((m) => m.replayEarlyInput(decision), () => {})
    }
    hydrateRoot(container, <Root session={session} prerendered={prerenderedViewOf(state)} onHydrated={replay} />)
  } else {
    // Input on the rows from the HTML goes with them: it was made on a screen that is not the current one.
    decision.done = true
    container.innerHTML = shellHtml(import.meta.env.BASE_URL)
    createRoot(container).render(<Root session={session} />)
  }
}

// Schedule feeds: checked at start, when the tab is shown again, back online and every 15 minutes. Their code loads
// after the first render, in its own chunk; if it can't download (offline before the service worker had it), the
// schedule simply stays as stored.
import('./ui/events/feedRefresh').then(
  (m) => m.startFeeds(session),
  () => {},
)
