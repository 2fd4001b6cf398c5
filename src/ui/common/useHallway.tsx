// React's way into the storage session (src/db/session.ts): the provider that names the session, and selector hooks.
// A component re-renders only when what its selector picks changes, so a star re-renders the rows it changes.
import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react'
import type { HallwaySession, HallwayState } from '../../db/session'

const SessionContext = createContext<HallwaySession | null>(null)

/** Shares `session` with every screen and starts it while mounted (the app passes its one; tests, their own). */
export function HallwayProvider({ session, children }: { session: HallwaySession; children?: ReactNode }) {
  useEffect(() => session.start(), [session])
  return <SessionContext value={session}>{children}</SessionContext>
}

export function useHallwaySession(): HallwaySession {
  const session = useContext(SessionContext)
  if (session === null) throw new Error('useHallway/useSchedule/usePlan must be used inside <HallwayProvider>.')
  return session
}

/**
 * What `selector` picks from the session's state, re-rendering only when it changes by `equal` (Object.is unless
 * given). The selector may be an inline arrow.
 */
export function useHallway<T>(selector: (state: HallwayState) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const session = useHallwaySession()
  const last = useRef<{ value: T } | null>(null)
  const pick = () => {
    const next = selector(session.getState())
    if (last.current && equal(last.current.value, next)) return last.current.value
    last.current = { value: next }
    return next
  }
  return useSyncExternalStore(session.subscribe, pick, pick)
}
