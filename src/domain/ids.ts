// Stable session IDs. Stars and share links refer to sessions by these, so they must survive a schedule update
// that only moves a session in time or space.
//
// The rule: id = FNV-1a-32 of `eventId \n normalizedTitle \n occurrence`, as 8 hex digits, where occurrence is
// the session's index among sessions with the same normalized title, ordered by start then room (0 for the
// usual unique title). Time and room are not in the key, so retimed or moved sessions keep their ID. A renamed
// session gets a new ID (the schedule diff matches it by time and room). Sources that carry their own IDs
// (frab `guid`) hash that instead of the title. A 32-bit collision within one event (rare: ~1% at 10,000
// sessions) is resolved by rehashing with a salt, in order, so the result is still deterministic.
//
// Occurrence numbers shift when an earlier session of a repeated title goes, so an update does not use these IDs
// as they are for titles the previous version had: idCarry.ts gives each session the ID it had before.
import type { SessionId } from './model'

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

const UTF8 = new TextEncoder()

/** FNV-1a over the UTF-8 bytes of `text`, as 8 lowercase hex digits. */
export function fnv1a32Hex(text: string): string {
  let h = FNV_OFFSET
  for (const byte of UTF8.encode(text)) {
    h ^= byte
    h = Math.imul(h, FNV_PRIME) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * IDs for `keys` (one per session, already in a deterministic order), unique within the list.
 * Equal keys are numbered by occurrence; hash collisions are salted.
 */
export function assignStableIds(eventId: string, keys: readonly string[]): SessionId[] {
  const occurrences = new Map<string, number>()
  const taken = new Set<string>()
  return keys.map((key) => {
    const n = occurrences.get(key) ?? 0
    occurrences.set(key, n + 1)
    const base = `${eventId}\n${key}\n${n}`
    let id = fnv1a32Hex(base)
    for (let salt = 1; taken.has(id); salt++) id = fnv1a32Hex(`${base}\n#${salt}`)
    taken.add(id)
    return id as SessionId
  })
}

/**
 * The ID of a session new to a title the previous version of the schedule already had (see idCarry.ts): from its
 * title and start, so it never equals an occurrence ID a removed session may have left behind, and not in `taken`.
 */
export function freshSessionId(eventId: string, normalizedTitle: string, start: string, taken: ReadonlySet<string>): SessionId {
  const base = `${eventId}\n${normalizedTitle}\n@${start}`
  let id = fnv1a32Hex(base)
  for (let salt = 1; taken.has(id); salt++) id = fnv1a32Hex(`${base}\n#${salt}`)
  return id as SessionId
}

/**
 * The IDs an importer gives `count` sessions of one normalized title ({@link assignStableIds} over the title, or
 * frab's `title:` key for events without guid or id), as opposed to a source's own guid or id. Salted collision
 * IDs are left out: such a session is then taken for one with an ID of its own, which keeps its ID.
 */
export function titleDerivedIds(eventId: string, normalizedTitle: string, count: number): Set<string> {
  const ids = new Set<string>()
  for (let n = 0; n < count; n++) {
    ids.add(fnv1a32Hex(`${eventId}\n${normalizedTitle}\n${n}`))
    ids.add(fnv1a32Hex(`${eventId}\ntitle:${normalizedTitle}\n${n}`))
  }
  return ids
}
