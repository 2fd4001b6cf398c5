// Full-text search and facet filters over the schedule. Pure: no React, no DOM.
// The index does the expensive work (normalising a session's text) once per session, the first time a search
// reaches it, so each keystroke is a plain substring scan over precomputed strings: no regex and no allocation per
// session in the hot loop. A ten-day event whose list shows one day normalises that day's sessions, not all ten.
import type { Instant, Session, SessionId, VenueDay } from './model'

export interface SearchIndex {
  readonly sessions: readonly Session[]
  /** The user's private notes by session: searched like the session's own text. */
  readonly notes: ReadonlyMap<SessionId, string>
  /**
   * One normalised haystack per session, same order as `sessions`, each made the first time it is needed (see
   * {@link prepareSearch}); undefined until then.
   */
  readonly haystacks: (string | undefined)[]
  /**
   * Each day's sessions as one [from, to) index range, so a one-day filter scans a tenth of a ten-day event.
   * Null when some day's sessions are not contiguous (input not in start order): then every session is scanned.
   */
  readonly dayRanges: ReadonlyMap<string, readonly [number, number]> | null
  /** Each facet's sessions by value, as bitsets over `sessions`, each facet made the first time a filter uses it. */
  readonly facetBits: FacetBits
}

/** The facets a filter picks sessions by exact value. */
type Facet = 'type' | 'building' | 'room' | 'language' | 'recorded'

/** Bit i of a value's bitset is set when session i has that value (bit i % 32 of word i >> 5). */
type FacetBits = Partial<Record<Facet, Map<string, Uint32Array>>>

const FACET_VALUE: Record<Facet, (s: Session) => string | undefined> = {
  type: (s) => s.type,
  building: (s) => s.venue.building,
  room: (s) => s.venue.room,
  language: (s) => s.language,
  // "unknown" (undefined) is not "recorded".
  recorded: (s) => (s.doNotRecord === false ? 'yes' : undefined),
}

export interface SessionFilter {
  /** Free text; every whitespace-separated word must occur somewhere in the session (AND). */
  query: string
  /** Session types to keep; empty keeps every type. */
  types: readonly string[]
  building?: string
  room?: string
  /** Drop sessions that ended at or before this instant; sessions in progress stay. */
  hideEndedBefore?: Instant
  /** Keep only sessions starting on this venue day. */
  day?: VenueDay
  /** Keep only sessions in this language (a BCP 47 tag as stored); sessions with no language are dropped. */
  language?: string
  /** Keep only sessions the source says may be recorded (doNotRecord false); "unknown" is not "recorded". */
  recordedOnly?: boolean
  /** Rooms and types the user never wants to see. */
  hidden?: HiddenChoices
  /** Sessions that stay even in a hidden room or type (the starred ones: a star is never hidden silently). */
  keep?: { has(id: SessionId): boolean }
}

/** What the user hid for one event: rooms by `venue.room`, types (Sched's tracks) by `type`. */
export interface HiddenChoices {
  rooms: readonly string[]
  types: readonly string[]
}

export const NOTHING_HIDDEN: HiddenChoices = Object.freeze({ rooms: Object.freeze([]), types: Object.freeze([]) })

/** Why `s` falls under the hidden choices: its room (checked first, the more specific place) or its type; else null. */
export function hiddenReasonOf(s: Session, hidden: HiddenChoices): 'room' | 'type' | null {
  if (hidden.rooms.includes(s.venue.room)) return 'room'
  if (hidden.types.includes(s.type)) return 'type'
  return null
}

function hidesAnything(hidden: HiddenChoices | undefined): boolean {
  return hidden !== undefined && (hidden.rooms.length > 0 || hidden.types.length > 0)
}

export interface TypeFacet {
  type: string
  count: number
}

export interface RoomFacet {
  room: string
  count: number
}

export interface BuildingFacet {
  /** Empty string groups the rooms that have no building (frab-style sources). */
  building: string
  rooms: RoomFacet[]
}

export interface LanguageFacet {
  language: string
  count: number
}

export interface Facets {
  types: TypeFacet[]
  buildings: BuildingFacet[]
  /** The languages the sessions are in, by tag; sessions without one are not counted. */
  languages: LanguageFacet[]
  /** How many sessions the source says may be recorded (what the "Recorded" filter keeps). */
  recorded: number
}

/** Which of the filters that only some sources can feed are worth offering for a whole event. */
export interface FilterOffers {
  /** More than one language: a language filter has something to choose between. */
  language: boolean
  /** Some sessions will not be recorded: "Recorded" would narrow the list. */
  recorded: boolean
}

const COMBINING_MARKS = /\p{M}/gu
const WHITESPACE_RUN = /\s+/g
const CURLY_APOSTROPHES = /[\u2018\u2019\u02bc]/g
const NON_ASCII = /[\u0080-\uffff]/
// Whitespace other than a plain space, or two spaces in a row: only then is there anything to collapse.
const COLLAPSIBLE = /[^\S ]| {2}/

/**
 * Lowercase, strip diacritics ("Käldström" → "kaldstrom"), fold curly apostrophes to ' (Sched writes
 * "L’Ecuyer", people type "L'Ecuyer"), and collapse whitespace runs to one space.
 */
export function normalizeText(text: string): string {
  let s = text.toLowerCase()
  // Most text is plain ASCII; skipping NFD for it keeps indexing 10,000 descriptions quick.
  if (NON_ASCII.test(s)) s = s.normalize('NFD').replace(COMBINING_MARKS, '').replace(CURLY_APOSTROPHES, "'")
  // Testing first is ~3× cheaper than a replace that finds nothing to do, which is the common case.
  if (COLLAPSIBLE.test(s)) s = s.replace(WHITESPACE_RUN, ' ')
  return s.trim()
}

/** The distinct normalised words of a query, longest first so the rarest word usually rejects a session first. */
export function queryTerms(query: string): string[] {
  const normalized = normalizeText(query)
  if (normalized === '') return []
  const terms = [...new Set(normalized.split(' '))]
  // A word that is part of another word adds nothing: "flux" is implied by "fluxcd".
  const kept = terms.filter((t) => !terms.some((other) => other !== t && other.includes(t)))
  return kept.sort((a, b) => b.length - a.length)
}

function haystackOf(s: Session, note: string | undefined): string {
  const parts: string[] = [s.title]
  if (note !== undefined) parts.push(note)
  for (const sp of s.speakers) {
    parts.push(sp.name)
    if (sp.role) parts.push(sp.role)
    if (sp.company) parts.push(sp.company)
  }
  parts.push(s.speakersRaw, s.description, s.type, s.venue.room)
  if (s.venue.area) parts.push(s.venue.area)
  if (s.venue.building) parts.push(s.venue.building)
  // Each field is normalised on its own, so the long ones (descriptions), usually plain ASCII, skip the NFD pass even
  // when a speaker's name needs it. Fields end up separated by one space: a query word never holds whitespace, so
  // it cannot match across two fields.
  let haystack = ''
  for (const part of parts) {
    const normalized = normalizeText(part)
    if (normalized !== '') haystack = haystack === '' ? normalized : `${haystack} ${normalized}`
  }
  return haystack
}

function dayRangesOf(sessions: readonly Session[]): Map<string, [number, number]> | null {
  const ranges = new Map<string, [number, number]>()
  for (let i = 0; i < sessions.length; i++) {
    const day = sessions[i]!.day
    const range = ranges.get(day)
    if (range === undefined) ranges.set(day, [i, i + 1])
    else if (range[1] === i) range[1] = i + 1
    else return null
  }
  return ranges
}

/** `notes`: the user's notes by session, found by search too (pass the same map while they are unchanged). */
export function buildSearchIndex(sessions: readonly Session[], notes: ReadonlyMap<SessionId, string> = NO_NOTES): SearchIndex {
  return { sessions, notes, haystacks: new Array<string | undefined>(sessions.length), dayRanges: dayRangesOf(sessions), facetBits: {} }
}

const NO_NOTES: ReadonlyMap<SessionId, string> = new Map()

function haystackAt(index: SearchIndex, i: number): string {
  let haystack = index.haystacks[i]
  if (haystack === undefined) {
    const s = index.sessions[i]!
    index.haystacks[i] = haystack = haystackOf(s, index.notes.get(s.id))
  }
  return haystack
}

/**
 * Makes the haystacks of `day`'s sessions (every session's without a day) ahead of the first keystroke, at most
 * `budget` of them per call, for idle time after the list shows. True once all are made.
 */
export function prepareSearch(index: SearchIndex, day?: VenueDay, budget = Infinity): boolean {
  let [from, to] = [0, index.sessions.length]
  if (day !== undefined && index.dayRanges !== null) {
    const range = index.dayRanges.get(day)
    if (range === undefined) return true
    ;[from, to] = range
  }
  let made = 0
  for (let i = from; i < to; i++) {
    if (index.haystacks[i] !== undefined || (day !== undefined && index.sessions[i]!.day !== day)) continue
    if (made === budget) return false
    haystackAt(index, i)
    made += 1
  }
  return true
}

/** True when the filter would keep every session (so callers can skip work or show "clear" controls). */
export function isFilterEmpty(f: SessionFilter): boolean {
  return (
    normalizeText(f.query) === '' &&
    f.types.length === 0 &&
    !f.building &&
    !f.room &&
    !f.hideEndedBefore &&
    !f.language &&
    !f.recordedOnly &&
    !hidesAnything(f.hidden)
  )
}

function facetBitsOf(index: SearchIndex, facet: Facet): Map<string, Uint32Array> {
  let byValue = index.facetBits[facet]
  if (byValue === undefined) {
    byValue = new Map()
    const words = (index.sessions.length + 31) >> 5
    const valueOf = FACET_VALUE[facet]
    for (let i = 0; i < index.sessions.length; i++) {
      const value = valueOf(index.sessions[i]!)
      if (value === undefined) continue
      let bits = byValue.get(value)
      if (bits === undefined) byValue.set(value, (bits = new Uint32Array(words)))
      bits[i >> 5]! |= 1 << (i & 31)
    }
    index.facetBits[facet] = byValue
  }
  return byValue
}

/** The sessions having any of `values` for `facet` (a fresh bitset the caller may change). */
function anyOf(index: SearchIndex, facet: Facet, values: Iterable<string>): Uint32Array {
  const byValue = facetBitsOf(index, facet)
  const out = new Uint32Array((index.sessions.length + 31) >> 5)
  for (const value of values) {
    const bits = byValue.get(value)
    if (bits !== undefined) for (let w = 0; w < out.length; w++) out[w]! |= bits[w]!
  }
  return out
}

/** `into` AND the sessions having `value` for `facet`. */
function narrowTo(index: SearchIndex, into: Uint32Array | null, facet: Facet, value: string): Uint32Array {
  const bits = facetBitsOf(index, facet).get(value)
  if (into === null) return bits === undefined ? new Uint32Array((index.sessions.length + 31) >> 5) : bits.slice()
  if (bits === undefined) into.fill(0)
  else for (let w = 0; w < into.length; w++) into[w]! &= bits[w]!
  return into
}

/**
 * The sessions the filter's exact-value facets keep (types, building, room, language, recorded), as one bitset; null
 * when none of them narrows. The hidden rooms and types as another: their sessions go unless kept (starred).
 */
function facetMasks(index: SearchIndex, filter: SessionFilter): { keep: Uint32Array | null; hidden: Uint32Array | null } {
  let keep: Uint32Array | null = filter.types.length > 0 ? anyOf(index, 'type', filter.types) : null
  if (filter.building) keep = narrowTo(index, keep, 'building', filter.building)
  if (filter.room) keep = narrowTo(index, keep, 'room', filter.room)
  if (filter.language) keep = narrowTo(index, keep, 'language', filter.language)
  if (filter.recordedOnly) keep = narrowTo(index, keep, 'recorded', 'yes')
  let hidden: Uint32Array | null = null
  if (hidesAnything(filter.hidden)) {
    hidden = anyOf(index, 'room', filter.hidden!.rooms)
    const types = anyOf(index, 'type', filter.hidden!.types)
    for (let w = 0; w < hidden.length; w++) hidden[w]! |= types[w]!
  }
  return { keep, hidden }
}

/** The sessions the filter keeps, in index order (the snapshot's start order). */
export function filterSessions(index: SearchIndex, filter: SessionFilter): Session[] {
  return scan(index, filter, queryTerms(filter.query), null).sessions
}

interface Scanned {
  /** The kept sessions' positions in the index, ascending. */
  positions: number[]
  sessions: Session[]
}

/**
 * The filter's sessions among `candidates` (ascending index positions), or among all of them when null. The facets
 * are bitsets ANDed a word (32 sessions) at a time, so a type filter visits only the sessions of that type; the day
 * is a range of the index; only the time and the text are checked per session.
 */
function scan(index: SearchIndex, filter: SessionFilter, terms: readonly string[], candidates: readonly number[] | null): Scanned {
  const termCount = terms.length
  const { hideEndedBefore, day, keep } = filter
  const { sessions } = index
  const out: Scanned = { positions: [], sessions: [] }
  const masks = facetMasks(index, filter)
  const wanted = masks.keep
  const hidden = masks.hidden

  const visit = (i: number): void => {
    if (wanted !== null && (wanted[i >> 5]! & (1 << (i & 31))) === 0) return
    const s = sessions[i]!
    if (day !== undefined && s.day !== day) return
    if (hidden !== null && (hidden[i >> 5]! & (1 << (i & 31))) !== 0 && !keep?.has(s.id)) return
    // Instants are fixed-width UTC strings, so string order is time order.
    if (hideEndedBefore !== undefined && s.end <= hideEndedBefore) return
    if (termCount > 0) {
      const hay = haystackAt(index, i)
      for (let t = 0; t < termCount; t++) if (hay.indexOf(terms[t]!) === -1) return
    }
    out.positions.push(i)
    out.sessions.push(s)
  }

  if (candidates !== null) {
    for (const i of candidates) visit(i)
    return out
  }
  let from = 0
  let to = sessions.length
  if (day !== undefined && index.dayRanges !== null) {
    const range = index.dayRanges.get(day)
    if (range === undefined) return out
    ;[from, to] = range
  }
  if (wanted === null) {
    for (let i = from; i < to; i++) visit(i)
    return out
  }
  // Only the set bits, word by word, in ascending order (the index's order).
  for (let w = from >> 5; w <= (to - 1) >> 5; w++) {
    let word = wanted[w]!
    while (word !== 0) {
      const bit = 31 - Math.clz32(word & -word)
      word &= word - 1
      const i = (w << 5) | bit
      if (i >= from && i < to) visit(i)
    }
  }
  return out
}

/** Answers to recent queries that share the same filters besides the text. */
const SEARCH_MEMORY = 64

/**
 * filterSessions for a search box over one index: the same answers, but a query typed before (Backspace) is answered
 * from memory, as the very same array, and a query that narrows a remembered one ("obs" after "ob") scans only that
 * one's sessions instead of the whole day. Each returned array is shared: treat it as read-only.
 */
export function createSessionSearch(index: SearchIndex): (filter: SessionFilter) => readonly Session[] {
  let base = ''
  // Keyed by the query's terms, oldest first.
  let memory = new Map<string, Scanned & { terms: readonly string[] }>()
  let baseKeep: SessionFilter['keep']
  return (filter) => {
    const hidden = filter.hidden ?? NOTHING_HIDDEN
    const filterKey = [filter.day ?? '', [...filter.types].sort().join('\u0001'), filter.building ?? '', filter.room ?? '', filter.hideEndedBefore ?? '', filter.language ?? '', filter.recordedOnly ? 'rec' : '', hidden.rooms.join('\u0001'), hidden.types.join('\u0001')].join('\u0000')
    // The kept set only matters while something is hidden; a star elsewhere must not throw the memory away.
    const keep = hidesAnything(hidden) ? filter.keep : undefined
    if (filterKey !== base || keep !== baseKeep) {
      base = filterKey
      baseKeep = keep
      memory = new Map()
    }
    const terms = queryTerms(filter.query)
    const key = [...terms].sort().join(' ')
    const known = memory.get(key)
    if (known) {
      // Most recently used last, so the oldest goes first.
      memory.delete(key)
      memory.set(key, known)
      return known.sessions
    }
    // A remembered answer holds every session this query can match when each of its words occurs within one of this
    // query's words (a session containing "observ" contains "obs"). The smallest such answer is the one to scan.
    let within: Scanned | null = null
    for (const entry of memory.values()) {
      if (within !== null && entry.positions.length >= within.positions.length) continue
      if (entry.terms.every((old) => terms.some((t) => t.includes(old)))) within = entry
    }
    const found = scan(index, filter, terms, within === null ? null : within.positions)
    memory.set(key, { ...found, terms })
    if (memory.size > SEARCH_MEMORY) memory.delete(memory.keys().next().value!)
    return found.sessions
  }
}

/** Sort key that ignores a leading emoji or symbol, so "🚨 CONTRIBFEST" sorts among the Cs. */
function facetSortKey(label: string): string {
  return label.replace(/^[^\p{L}\p{N}]+/u, '')
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/**
 * Distinct types (with counts), buildings → rooms (with counts) and languages (with counts), each sorted for display,
 * and how many sessions may be recorded.
 */
export function facetsOf(sessions: readonly Session[]): Facets {
  const typeCounts = new Map<string, number>()
  const rooms = new Map<string, Map<string, number>>()
  const languageCounts = new Map<string, number>()
  let recorded = 0
  for (const s of sessions) {
    if (s.type !== '') typeCounts.set(s.type, (typeCounts.get(s.type) ?? 0) + 1)
    if (s.language !== undefined) languageCounts.set(s.language, (languageCounts.get(s.language) ?? 0) + 1)
    if (s.doNotRecord === false) recorded += 1
    const b = s.venue.building ?? ''
    let byRoom = rooms.get(b)
    if (!byRoom) rooms.set(b, (byRoom = new Map()))
    byRoom.set(s.venue.room, (byRoom.get(s.venue.room) ?? 0) + 1)
  }
  const types = [...typeCounts].map(([type, count]) => ({ type, count }))
  types.sort((a, b) => collator.compare(facetSortKey(a.type), facetSortKey(b.type)))
  const buildings = [...rooms].map(([building, byRoom]) => ({
    building,
    rooms: [...byRoom]
      .map(([room, count]) => ({ room, count }))
      .sort((a, b) => collator.compare(a.room, b.room)),
  }))
  // Rooms without a building go last: they are the odd ones out in a building-based venue.
  buildings.sort((a, b) => (a.building === '' ? 1 : b.building === '' ? -1 : collator.compare(a.building, b.building)))
  const languages = [...languageCounts].map(([language, count]) => ({ language, count }))
  languages.sort((a, b) => collator.compare(a.language, b.language))
  return { types, buildings, languages, recorded }
}

/**
 * Whether an event's sessions call for a language filter and a "Recorded" filter. Decided over the whole event, not
 * one day, so the filters stay put while the user moves between days. A Sched event (no languages, nothing said about
 * recording) gets neither.
 */
export function filterOffersOf(sessions: readonly Session[]): FilterOffers {
  let first: string | undefined
  let language = false
  let recorded = false
  for (const s of sessions) {
    if (s.language !== undefined && !language) {
      if (first === undefined) first = s.language
      else if (s.language !== first) language = true
    }
    if (s.doNotRecord === true) recorded = true
    if (language && recorded) break
  }
  return { language, recorded }
}
