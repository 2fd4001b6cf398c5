// One session by id (detail view, share links), read from the same schedule as the agenda.
import { useMemo } from 'react'
import type { EventInfo, Session } from '../../domain/model'
import { useHallway } from './useHallway'

export interface SessionLookup {
  status: 'loading' | 'ready'
  /** Undefined when ready but no session has this id (e.g. an old link after the schedule changed). */
  session?: Session
  event?: EventInfo
}

export function useSession(id: string): SessionLookup {
  const state = useHallway((s) => s.schedule)
  const byId = useHallway((s) => s.byId)
  // 'error' counts as ready-with-nothing: the whole-app error screen already explains it.
  const status = state.status === 'loading' ? 'loading' : 'ready'
  const session = status === 'ready' ? byId.get(id) : undefined
  const event = state.event
  return useMemo(() => ({ status, session, event }), [status, session, event])
}
