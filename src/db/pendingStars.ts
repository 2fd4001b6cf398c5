// Stars tapped before the user's saved stars are known: while the list shows the bundled snapshot and storage is still
// opening, and, when storage opened only after the tab had carried on in memory, the stars made in memory. Held here,
// for the tab's life and outside any component, so moving to another screen loses none, and written once a store
// is there.
//
// Such a tap was made without seeing the saved state, so it is never applied as a step from that state: it only
// ever adds a star or raises a maybe to a must, never lowers or removes one (a Must the user could not see stays a
// Must).
import type { EventId, SessionId } from '../domain/model'
import { nextStarLevel, raisedLevel, type StarLevel } from '../domain/stars'
import type { UserDataStore } from './userDataStore'

const NONE: ReadonlyMap<SessionId, StarLevel> = new Map()

export class PendingStars {
  /** Per event, per session: the level the taps have come to (null: tapped round to none again). */
  private byEvent = new Map<EventId, Map<SessionId, StarLevel | null>>()
  /** Per event: stars just written, still shown until the next read of the store has them ({@link settle}). */
  private written = new Map<EventId, Map<SessionId, StarLevel>>()
  private snapshots = new Map<EventId, ReadonlyMap<SessionId, StarLevel>>()
  private listeners = new Set<() => void>()
  private flushing: Promise<void> = Promise.resolve()

  /** One tap, cycled from what this tab has shown for the session (none at first): none → must → maybe → none. */
  tap(eventId: EventId, sessionId: SessionId): StarLevel | null {
    const level = nextStarLevel(this.byEvent.get(eventId)?.get(sessionId))
    this.set(eventId, sessionId, level)
    return level
  }

  /** Keeps a star made elsewhere (in memory, before storage opened), to be written like a tap. */
  keep(eventId: EventId, sessionId: SessionId, level: StarLevel): void {
    this.set(eventId, sessionId, raisedLevel(this.byEvent.get(eventId)?.get(sessionId) ?? undefined, level) ?? level)
  }

  /** The stars waiting for `eventId`; the same object until the next change (as useSyncExternalStore requires). */
  forEvent(eventId: EventId | undefined): ReadonlyMap<SessionId, StarLevel> {
    if (eventId === undefined) return NONE
    let snap = this.snapshots.get(eventId)
    if (!snap) {
      const entries = [...(this.written.get(eventId) ?? []), ...(this.byEvent.get(eventId) ?? [])].filter(
        (e): e is [SessionId, StarLevel] => e[1] !== null,
      )
      snap = entries.length === 0 ? NONE : new Map(entries)
      this.snapshots.set(eventId, snap)
    }
    return snap
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Writes every star waiting for `eventId` into `store` in one unit of work, each raising what is stored, never
   * lowering it. One flush at a time; a tap that arrives meanwhile waits for the next. What could not be written
   * stays waiting (and on screen).
   */
  flush(store: UserDataStore, eventId: EventId, now: Date = new Date()): Promise<void> {
    const run = async () => {
      const waiting = [...(this.byEvent.get(eventId) ?? [])]
      if (waiting.length === 0) return
      const updatedAt = now.toISOString()
      const levels = await store.transact(async (tx) => {
        const out = new Map<SessionId, StarLevel>()
        for (const [sessionId, level] of waiting) {
          const stored = (await tx.getStar(eventId, sessionId))?.level
          const next = raisedLevel(stored, level)
          if (next !== undefined && next !== stored) await tx.putStar({ eventId, sessionId, level: next, updatedAt })
          if (next !== undefined) out.set(sessionId, next)
        }
        return out
      })
      // Still shown until the read that has them arrives, so a star never blinks off between the write and the read.
      const left = this.byEvent.get(eventId)
      let shown = this.written.get(eventId)
      if (!shown) this.written.set(eventId, (shown = new Map()))
      for (const [sessionId, level] of waiting) {
        if (left?.get(sessionId) !== level) continue
        left.delete(sessionId)
        const now = levels.get(sessionId)
        if (now !== undefined) shown.set(sessionId, now)
      }
      this.changed(eventId)
    }
    const next = this.flushing.then(run)
    this.flushing = next.catch(() => undefined)
    return next
  }

  /** A read of the store for `eventId` has arrived after the last flush: the stars written are on screen from it. */
  settle(eventId: EventId): void {
    if (!this.written.get(eventId)?.size) return
    this.written.delete(eventId)
    this.changed(eventId)
  }

  /** Every star still waiting to be written, of every event (for the journal: src/db/starJournal.ts). */
  waiting(): Array<readonly [EventId, SessionId, StarLevel]> {
    const out: Array<readonly [EventId, SessionId, StarLevel]> = []
    for (const [eventId, levels] of this.byEvent) {
      for (const [sessionId, level] of levels) if (level !== null) out.push([eventId, sessionId, level])
    }
    return out
  }

  /** Forgets every waiting star (a new tab, in tests). */
  clear(): void {
    this.byEvent.clear()
    this.written.clear()
    this.snapshots.clear()
    for (const listener of [...this.listeners]) listener()
  }

  private set(eventId: EventId, sessionId: SessionId, level: StarLevel | null): void {
    let levels = this.byEvent.get(eventId)
    if (!levels) this.byEvent.set(eventId, (levels = new Map()))
    levels.set(sessionId, level)
    this.changed(eventId)
  }

  private changed(eventId: EventId): void {
    this.snapshots.delete(eventId)
    for (const listener of [...this.listeners]) listener()
  }
}

/** The tab's one queue: every screen's star buttons and the plan read it. */
export const pendingStars = new PendingStars()
