// Help to resolve a conflict: the other sessions in the same slot, the most similar first, each with the
// conflicts it would bring if the user picked it instead.
import type { Session } from './model'
import {
  backgroundTest,
  findConflicts,
  planBackgroundTest,
  planOf,
  sidesOf,
  type Conflict,
  type ConflictOptions,
  type PlannedSession,
  type StarMap,
} from './conflicts'
import { normalizeText } from './search'
import { toMs } from './time'

/** One session the user could pick instead. */
export interface Alternative {
  session: Session
  /** Same type (track) as the session it would replace; ranked first. */
  sameType: boolean
  /**
   * Subject words it shares with the replaced session's title and description, as that session writes them
   * (lowercased), alphabetical. Words most of the slot shares are left out: they say nothing about similarity.
   */
  sharedWords: string[]
  /**
   * The conflicts the plan would have with this session if it replaced the original (at the original's star
   * level, or "maybe" when the original is not starred). Empty means picking it resolves everything around it. It may include the session the original
   * clashed with: picking a third talk in the same slot does not resolve an overlap with a talk you keep.
   */
  conflicts: Conflict[]
}

/**
 * Words that say nothing about a talk's subject: English function words and the prose of talk descriptions.
 * Matching is on whole normalised words, so this list only needs lowercase ASCII.
 */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each even every few for from further get ' +
    'getting had has have having he her here him his how i if in including into is it its just let like make ' +
    'many may might more most much must my no nor not now of off on once one only or other our out over own ' +
    'same she should so some such than that the their them then there these they this those through to too ' +
    'two under until up us use using very via was way we well were what when where which while who whom why will with ' +
    'within without would you your ' +
    // Description prose: "in this talk we will explore…, attendees will learn…, we conclude with…".
    'attendee attendees audience conclude cover demonstrate discuss explore introduce learn new presentation ' +
    'session share show speaker talk time'
  ).split(' '),
)

/**
 * ms: 12 h. Plan sessions further than this from a candidate cannot form a conflict with it (no walk plus buffer
 * takes that long), and leaving them out cannot change which session it walks from or to: the sweep over the
 * rest of the day is all that matters. Keeps the per-candidate check small on multi-day events.
 */
const NEARBY_MS = 12 * 60 * 60_000

/** digits only: version numbers and years ("2.3.0", "2025") are not subjects */
const DIGITS_ONLY = /^\d+$/

/**
 * A word found in more than this share of the slot's sessions cannot tell them apart ("kubernetes" at a
 * KubeCon); it is ignored when ranking, once the slot has at least {@link MIN_SLOT_FOR_COMMON} sessions.
 */
const COMMON_WORD_SHARE = 0.5 // fraction of the slot's sessions
const MIN_SLOT_FOR_COMMON = 4 // sessions: below this, "more than half" is one or two sessions, i.e. noise

/**
 * The distinct subject words of a text, as a map from matching key to the word as first written (for display).
 * Normalised like search (lowercase, no diacritics), split on anything that is not a letter or digit,
 * stopwords, numbers and 1-letter words dropped. The key drops a plural "s" so "flags" meets "flag". Simple on
 * purpose: no stemming library, no weights.
 */
export function subjectWords(text: string): Map<string, string> {
  const words = new Map<string, string>()
  for (const word of normalizeText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || STOPWORDS.has(word) || DIGITS_ONLY.test(word)) continue
    // "ss" keeps "access" and "class" whole; 3-letter words ("gas", "ops") stay as they are.
    const key = word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word
    if (!words.has(key)) words.set(key, word)
  }
  return words
}

function typeKey(type: string): string {
  return type.trim().toLowerCase()
}

/**
 * The sessions the user could attend instead of `session`: every non-background, unstarred session that
 * overlaps its time or starts within it. Ranked: same type first, then more shared subject words (title and
 * description, see {@link subjectWords}; words in over half the slot do not count), then closest start, then
 * start, room and title. Each carries the conflicts it would have in the plan with `session` swapped for it,
 * found by {@link findConflicts} itself.
 *
 * Cost: one linear scan of `allSessions`, then one {@link findConflicts} pass per candidate over the plan
 * sessions within 12 h of it: ~1 ms for an 11:00 slot of the seed; ~150 ms for a synthetic slot of 625 parallel
 * sessions against a 100-star single-day plan.
 */
export function alternativesFor(
  session: Session,
  allSessions: readonly Session[],
  stars: StarMap,
  options: ConflictOptions = {},
): Alternative[] {
  const isBackground = backgroundTest(options.background)
  const isPlanBackground = planBackgroundTest(options.background)
  const startMs = toMs(session.start)
  const endMs = toMs(session.end)
  const ownType = typeKey(session.type)
  const ownWords = subjectWords(`${session.title} ${session.description}`)
  const level = stars.get(session.id) ?? 'maybe'
  const rest = planOf(allSessions, stars)
    .filter((p) => p.session.id !== session.id && !isPlanBackground(p.session))
    .map((item) => ({ item, startMs: toMs(item.session.start), endMs: toMs(item.session.end) }))

  const inSlot: Array<{ session: Session; startMs: number; endMs: number; words: Map<string, string> }> = []
  for (const s of allSessions) {
    if (s.id === session.id || stars.has(s.id)) continue
    const sStartMs = toMs(s.start)
    const sEndMs = toMs(s.end)
    // Overlapping, or a zero-length session starting inside the slot.
    const within = (sStartMs < endMs && startMs < sEndMs) || (sStartMs >= startMs && sStartMs < endMs)
    if (!within || isBackground(s)) continue
    inSlot.push({ session: s, startMs: sStartMs, endMs: sEndMs, words: subjectWords(`${s.title} ${s.description}`) })
  }

  const sessionsWithWord = new Map<string, number>()
  for (const { words } of inSlot) for (const key of words.keys()) sessionsWithWord.set(key, (sessionsWithWord.get(key) ?? 0) + 1)
  const isCommon = (key: string) =>
    inSlot.length >= MIN_SLOT_FOR_COMMON && (sessionsWithWord.get(key) ?? 0) > inSlot.length * COMMON_WORD_SHARE

  const found: Alternative[] = inSlot.map(({ session: s, startMs: sStartMs, endMs: sEndMs, words }) => {
    const sharedWords: string[] = []
    for (const [key, word] of ownWords) if (words.has(key) && !isCommon(key)) sharedWords.push(word)
    const candidate: PlannedSession = { session: s, level }
    const near: PlannedSession[] = []
    for (const r of rest) if (r.endMs > sStartMs - NEARBY_MS && r.startMs < sEndMs + NEARBY_MS) near.push(r.item)
    near.push(candidate)
    const conflicts = findConflicts(near, options).filter((c) =>
      sidesOf(c).some((side) => side.session.id === s.id),
    )
    return { session: s, sameType: ownType !== '' && typeKey(s.type) === ownType, sharedWords: sharedWords.sort(), conflicts }
  })

  return found.sort(
    (x, y) =>
      Number(y.sameType) - Number(x.sameType) ||
      y.sharedWords.length - x.sharedWords.length ||
      Math.abs(toMs(x.session.start) - startMs) - Math.abs(toMs(y.session.start) - startMs) ||
      (x.session.start < y.session.start ? -1 : x.session.start > y.session.start ? 1 : 0) ||
      x.session.venue.room.localeCompare(y.session.venue.room) ||
      x.session.title.localeCompare(y.session.title),
  )
}
