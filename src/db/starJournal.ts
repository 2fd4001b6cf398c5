// The stars tapped that IndexedDB does not have yet, kept in Web Storage so a reload loses none: taps made while
// storage was still opening (src/db/pendingStars.ts), and stars made in memory while another tab held the storage
// (the notice asks the user to reload). The session writes the journal as they change, replays it at the next start
// (raising, never lowering, what is saved: the same rule as a pending tap), and clears what was written.
import type { EventId, SessionId } from '../domain/model'
import { raisedLevel, type StarLevel } from '../domain/stars'
import { readWebStorage, removeWebStorage, writeWebStorage } from './webStorage'

export type JournalEntry = readonly [EventId, SessionId, StarLevel]

/** The journaled stars; none when there is no journal or it can't be read (Web Storage is outside our control). */
export function readStarJournal(): JournalEntry[] {
  const text = readWebStorage('pendingStars')
  if (text === null) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return []
  }
  if (!isRecord(parsed)) return []
  const out: JournalEntry[] = []
  for (const [eventId, levels] of Object.entries(parsed)) {
    if (!isRecord(levels)) continue
    for (const [sessionId, level] of Object.entries(levels)) {
      if (level === 'must' || level === 'maybe') out.push([eventId as EventId, sessionId as SessionId, level])
    }
  }
  return out
}

/** The journal's text for `entries` ('' when there are none), so a caller can tell a change before writing. */
export function starJournalText(entries: Iterable<JournalEntry>): string {
  const byEvent: Record<string, Record<string, StarLevel>> = {}
  let any = false
  for (const [eventId, sessionId, level] of entries) {
    const levels = (byEvent[eventId] ??= {})
    // The same star from two places (a tap waiting, and the memory store it went to): the higher one.
    levels[sessionId] = raisedLevel(levels[sessionId], level)!
    any = true
  }
  return any ? JSON.stringify(byEvent) : ''
}

/** Writes the journal's text ('' removes it). Blocked or full storage: the stars last as long as the tab, as before. */
export function writeStarJournal(text: string): void {
  if (text === '') removeWebStorage('pendingStars')
  else writeWebStorage('pendingStars', text)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
