// Server-side (build time only): renders the first screen of the bundled event into HTML for index.html, from the
// same tree the browser hydrates (src/ui/Root.tsx) and the same state hydration reads (prerenderedViewOf). Loaded by
// the build (vite.config.ts, prerenderFirstScreen) through Vite's SSR module loader; never part of the app's bundle.
import { renderToString } from 'react-dom/server'
import { createHallwaySession, prerenderedViewOf, whenScheduleSettled } from '../db/session'
import { parseSnapshot } from '../domain/snapshot'
import { Root } from '../ui/Root'
import type { FirstScreenConfig } from './firstScreenScript'

/** The prerender's clock: before any event, so every session renders upcoming (the page's script marks them after). */
const BEFORE_ANY_EVENT = () => 0

export interface FirstScreen {
  /** The markup of the root element's children. */
  html: string
  config: FirstScreenConfig
}

/** Renders the list of `snapshotJson` (the bundled snapshot file's JSON) as index.html at `base` shows it. */
export async function renderFirstScreen(snapshotJson: unknown, base: string): Promise<FirstScreen> {
  const parsed = parseSnapshot(snapshotJson)
  if (!parsed.ok) throw new Error(`prerender: the bundled snapshot is not valid: ${parsed.error}`)
  const snapshot = parsed.value
  const session = createHallwaySession({ db: null, openStorage: false, loadBundled: async () => snapshot })
  const stop = session.start()
  try {
    const state = await whenScheduleSettled(session)
    if (state.schedule.status !== 'ready') throw new Error(`prerender: ${state.schedule.error ?? 'the schedule did not load'}`)
    const html = renderToString(<Root session={session} prerendered={prerenderedViewOf(state)} clock={BEFORE_ANY_EVENT} ssrPath={base} ssrSearch="" />)
    // A boundary the server could not finish (`<!--$!`) would be client-rendered, with an error in the console.
    if (html.includes("<!--$!")) throw new Error('prerender: part of the first screen suspended on the server')
    const starts = snapshot.sessions.map((s) => Date.parse(s.start))
    const ends = snapshot.sessions.map((s) => Date.parse(s.end))
    return {
      html,
      config: { base, eventId: snapshot.event.id, contentHash: snapshot.contentHash, from: Math.min(...starts), to: Math.max(...ends) },
    }
  } finally {
    stop()
  }
}
