// React's way into the storage session (src/db/session.ts): the provider that names the session, and selector hooks.
// A component re-renders only when what its selector picks changes, so a star re-renders the rows it changes.
import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react'
import type { HallwaySession, HallwayState } from '../../db/session'

interface HallwayContext {
  session: HallwaySession
  /** The state the prerendered HTML was rendered from (see prerenderedViewOf): hydration and the server read it. */
  prerendered?: HallwayState
}

const SessionContext = createContext<HallwayContext | null>(null)

/**
 * Shares `session` with every screen and starts it while mounted (the app passes its one; tests, their own).
 * `prerendered`: the state the server rendered from, when hydrating the build's prerendered first screen (src/prerender).
 */
export function HallwayProvider({ session, prerendered, children }: { session: HallwaySession; prerendered?: HallwayState; children?: ReactNode }) {
  useEffect(() => session.start(), [session])
  const value = useMemo(() => ({ session, prerendered }), [session, prerendered])
  return <SessionContext value={value}>{children}</SessionContext>
}

function useHallwayContext(): HallwayContext {
  const context = useContext(SessionContext)
  if (context === null) throw new Error('useHallway/useSchedule/usePlan must be used inside <HallwayProvider>.')
  return context
}

export function useHallwaySession(): HallwaySession {
  return useHallwayContext().session
}

/**
 * What `selector` picks from the session's state, re-rendering only when it changes by `equal` (Object.is unless
 * given). The selector may be an inline arrow.
 */
export function useHallway<T>(selector: (state: HallwayState) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const { session, prerendered } = useHallwayContext()
  const last = useRef<{ value: T } | null>(null)
  const pick = () => {
    const next = selector(session.getState())
    if (last.current && equal(last.current.value, next)) return last.current.value
    last.current = { value: next }
    return next
  }
  const server = useRef<{ value: T } | null>(null)
  // React reads this on the server and while hydrating: the prerendered state, the same value each time.
  const pickPrerendered = prerendered ? () => (server.current ??= { value: selector(prerendered) }).value : pick
  return useSyncExternalStore(session.subscribe, pick, pickPrerendered)
}
