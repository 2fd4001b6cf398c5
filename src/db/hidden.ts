// The rooms and types the user hid, per event: a room name or a Sched track means something only in its own event,
// so they are kept under a per-event key in the settings table. The read that brings stars and settings brings them
// too, and a schedule update (which replaces sessions) leaves them be. Removing the event deletes the key
// (events.ts). Read back defensively, like every setting.
import type { EventId } from '../domain/model'
import { NOTHING_HIDDEN, type HiddenChoices } from '../domain/search'
import type { UserDataStore } from './userDataStore'

export type HiddenKind = 'room' | 'type'

export function hiddenSettingKey(eventId: EventId): string {
  return `hidden:${eventId}`
}

const isNames = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

/** A stored value as hidden choices; nothing hidden when missing or not understood. */
export function parseHidden(value: unknown): HiddenChoices {
  if (typeof value !== 'object' || value === null) return NOTHING_HIDDEN
  const { rooms, types } = value as { rooms?: unknown; types?: unknown }
  if (!isNames(rooms) || !isNames(types) || rooms.length + types.length === 0) return NOTHING_HIDDEN
  return { rooms, types }
}

/** The choices with one more room or type hidden (once). */
export function withHidden(choices: HiddenChoices, kind: HiddenKind, name: string): HiddenChoices {
  const list = kind === 'room' ? choices.rooms : choices.types
  if (list.includes(name)) return choices
  return kind === 'room' ? { ...choices, rooms: [...list, name] } : { ...choices, types: [...list, name] }
}

/** Writes `change` of the event's saved choices in one unit of work; returns what was saved before (for the undo). */
export function changeHidden(
  store: UserDataStore,
  eventId: EventId,
  change: (before: HiddenChoices) => HiddenChoices,
): Promise<HiddenChoices> {
  return store.transact(async (tx) => {
    const key = hiddenSettingKey(eventId)
    const before = parseHidden(await tx.getSetting(key))
    const after = change(before)
    await tx.putSetting(key, { rooms: [...after.rooms], types: [...after.types] })
    return before
  })
}
