// The user's private notes on sessions ("ask about the GPU operator", "room fills early"): one per session, per event,
// beside the stars in the user-data store, so they survive reloads and schedule updates as stars do. Never shared.
import type { EventId, SessionId } from '../domain/model'
// Types only from HallwayDB: this module is in the first view (through commands.ts), and HallwayDB brings Dexie.
import type { NoteRow } from './HallwayDB'
import type { UserDataStore } from './userDataStore'

/** The longest note kept, in characters: a few sentences, "ask about the GPU operator", not an essay. */
export const NOTE_MAX_CHARS = 1000

/** What saving a note did, and how to put back what was there. */
export interface NoteSaved {
  /** The note as kept (trimmed, at most NOTE_MAX_CHARS); '' when it was removed. */
  text: string
  previous: NoteRow | undefined
}

/** The note as it will be kept: trimmed at both ends, cut at NOTE_MAX_CHARS (by code point, so no half emoji). */
export function cleanNote(text: string): string {
  const trimmed = text.trim()
  const points = [...trimmed]
  return points.length <= NOTE_MAX_CHARS ? trimmed : points.slice(0, NOTE_MAX_CHARS).join('').trimEnd()
}

/** Saves `text` as the note on a session; an empty (or all-blank) text removes it. One unit of work. */
export function saveNote(store: UserDataStore, eventId: EventId, sessionId: SessionId, text: string, now = new Date()): Promise<NoteSaved> {
  const clean = cleanNote(text)
  return store.transact(async (tx) => {
    const previous = await tx.getNote(eventId, sessionId)
    if (clean === '') {
      if (previous) await tx.deleteNote(eventId, sessionId)
    } else if (previous?.text !== clean) {
      await tx.putNote({ eventId, sessionId, text: clean, updatedAt: now.toISOString() })
    }
    return { text: clean, previous }
  })
}

/** Puts a note back as it was before a save (or removes it when there was none). */
export function restoreNote(store: UserDataStore, eventId: EventId, sessionId: SessionId, previous: NoteRow | undefined): Promise<void> {
  return store.transact(async (tx) => {
    if (previous) await tx.putNote(previous)
    else await tx.deleteNote(eventId, sessionId)
  })
}
