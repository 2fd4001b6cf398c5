// Renders the real app (router, provider, screens) on a test snapshot, at a URL and a fixed time: in memory mode, or
// on a real Dexie database (fake-indexeddb) when given one.
import { render, screen } from '@testing-library/react'
import { useState, type ReactNode } from 'react'
import userEvent from '@testing-library/user-event'
import type { Snapshot } from '../../src/domain/model'
import { HallwayDB } from '../../src/db/HallwayDB'
import { App } from '../../src/ui/App'
import { ClockProvider, type Clock } from '../../src/ui/common/ClockProvider'
import { createHallwaySession, type HallwaySessionOptions } from '../../src/db/session'
import { HallwayProvider } from '../../src/ui/common/useHallway'
import { est, seedSessions } from './factories'
import { kubeconSnapshot } from '../fixtures/factories'

export interface RenderAppOptions {
  snapshot?: Snapshot
  /** Path and query to start at, e.g. "/?q=flux" or "/session/00001004". */
  url?: string
  /** Fixed "now"; defaults to 8:00 AM EST on the seed's Thursday, before the first talk. */
  now?: string
  /** A clock to use instead of the fixed `now` (e.g. one a test moves forward). */
  clock?: Clock
  /** Replaces the snapshot loader (to test loading and error states). */
  loadBundled?: () => Promise<Snapshot>
  /** Wait for the schedule to be on screen before returning (default true). */
  waitForReady?: boolean
  /** The database; default null (memory mode). See {@link freshTestDB}. */
  db?: HallwayDB | null
  /** ms: how long the app waits for IndexedDB to open (the session's openTimeoutMs). */
  openTimeoutMs?: number
}

let dbCounter = 0
/** A new, empty database on fake-indexeddb with a name no other test uses. */
export function freshTestDB(): HallwayDB {
  dbCounter += 1
  return new HallwayDB(`hallway-ui-${dbCounter}-${Date.now()}`)
}

export async function renderApp(options: RenderAppOptions = {}) {
  const snapshot = options.snapshot ?? kubeconSnapshot(seedSessions())
  window.history.replaceState(null, '', options.url ?? '/')
  const nowMs = Date.parse(options.now ?? est('8:00am'))
  // Both must keep their identity across renders (the provider and useNow key effects on them).
  const clock: Clock = options.clock ?? (() => nowMs)
  const loadBundled = options.loadBundled ?? (async () => snapshot)
  const user = userEvent.setup()
  const result = render(
    <ClockProvider clock={clock}>
      <TestHallway db={options.db ?? null} loadBundled={loadBundled} openTimeoutMs={options.openTimeoutMs}>
        <App />
      </TestHallway>
    </ClockProvider>,
  )
  if (options.waitForReady ?? true) await screen.findByRole('heading', { level: 1 })
  return { ...result, user, snapshot }
}

/** The text of the live result count ("12 sessions"). */
export function resultCount(): string {
  const el = document.querySelector('.schedule__count')
  if (!el) throw new Error('no result count on screen')
  return el.textContent ?? ''
}

/** A session of its own for one rendered tree (a test's database and snapshot), created once per mount. */
export function TestHallway({ children, ...options }: HallwaySessionOptions & { children?: ReactNode }) {
  const [session] = useState(() => createHallwaySession(options))
  return <HallwayProvider session={session}>{children}</HallwayProvider>
}
