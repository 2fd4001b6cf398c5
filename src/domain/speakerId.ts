// A speaker's stable id (see speakerIndex.ts for why ids are made this way). A module of its own, apart from the
// index: every speaker link needs the id, the list's cards among them, which are in the first view, and the index is not.
import { fnv1a32Hex } from './ids'
import type { Speaker, SpeakerId } from './model'
import { normalizeText } from './search'

const MAX_NAME_SLUG = 48 // characters of the name in an `n-` id; longer ones (raw Sched segments) end in a hash
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu

/**
 * The id made from a name: `n-` and its normalised words joined by "-" ("Lucas Käldström" → "n-lucas-kaldstrom").
 * Letters of any script stay. A long name ends in a hash of all of it, so two long raw segments that share a start
 * stay apart; a name with no letter or digit is its hash alone.
 */
export function nameSpeakerId(name: string): SpeakerId {
  const normalized = normalizeText(name)
  const slug = normalized.replace(NOT_LETTER_OR_DIGIT, '-').replace(/^-+|-+$/g, '')
  if (slug === '') return `n-${fnv1a32Hex(normalized)}` as SpeakerId
  const chars = Array.from(slug) // code points, so a cut never splits a surrogate pair
  if (chars.length <= MAX_NAME_SLUG) return `n-${slug}` as SpeakerId
  return `n-${chars.slice(0, MAX_NAME_SLUG).join('').replace(/-+$/, '')}-${fnv1a32Hex(normalized)}` as SpeakerId
}

/** The speaker's id: the source's, stored on import, else made from the name (version-1 snapshots, Sched). */
export function speakerIdOf(speaker: Pick<Speaker, 'id' | 'name'>): SpeakerId {
  return speaker.id ?? nameSpeakerId(speaker.name)
}
