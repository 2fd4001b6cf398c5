// The app's notion of "now", injectable so tests (and a future "preview the conference day" mode) can fix it.
import { createContext, type ReactNode } from 'react'

/** Milliseconds since the epoch. Must keep its identity across renders (define it once, not inline). */
export type Clock = () => number

export const ClockContext = createContext<Clock>(Date.now)

export function ClockProvider({ clock, children }: { clock: Clock; children?: ReactNode }) {
  return <ClockContext value={clock}>{children}</ClockContext>
}
