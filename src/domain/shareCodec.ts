// A personal plan packed into a URL fragment (`#p=…`), so plans travel in a chat message with no account or server.
// The format is versioned and checksummed; decoding treats the text as hostile and never throws.
import { BIDI_FORMATTING_CHARS, BIDI_MARKS } from './bidiText'
import type { StarLevel, StarMap } from './conflicts'
import type { EventId, Session, SessionId } from './model'

/**
 * A plan as the sender has it: which event, which sessions at which level, and an optional name for the receiver to
 * see ("Sam's Thursday"). {@link encodePlan} turns it into a link.
 */
export interface SharedPlan {
  eventId: EventId
  /** The starred sessions, by their full IDs. */
  stars: StarMap
  /** Shown to the receiver as plain text; {@link encodePlan} passes it through {@link sanitizePlanName}. */
  name?: string
}

/** One session of a link: the first {@link SharedPlanLink.idBits} bits of its ID, and the sender's level. */
export interface SharedRef {
  ref: number
  level: StarLevel
}

/**
 * A plan as a link holds it, and as {@link decodePlan} returns it. Sessions are ID prefixes, not whole IDs: the
 * receiver finds them in its own schedule with {@link matchSharedPlan}.
 */
export interface SharedPlanLink {
  eventId: EventId
  /** How many leading bits of each 32-bit session ID the link keeps ({@link MIN_ID_BITS}…32); see {@link idBitsFor}. */
  idBits: number
  /** Strictly ascending by `ref`, each below 2^idBits. */
  sessions: readonly SharedRef[]
  /** Plain text, already sanitized by {@link sanitizePlanName}. Absent when the sender gave none. */
  name?: string
}

/** Why a link could not be read. The UI shows `message`; `reason` is for logic and tests. */
export type DecodeFailure =
  /** No plan in the text: blank, or a Hallway URL without `#p=`. */
  | 'empty'
  /** Longer than any link Hallway writes ({@link MAX_LINK_CHARS}) or more sessions than it opens. */
  | 'too-large'
  /** The link ends early: it was cut off while being copied. */
  | 'truncated'
  /** Characters were changed, added or lost in the middle, or the payload was never a Hallway plan. */
  | 'corrupt'
  /** An intact link written by a newer Hallway in a format this version cannot read. */
  | 'future-version'

export type DecodeResult =
  | { ok: true; plan: SharedPlanLink }
  | { ok: false; reason: DecodeFailure; message: string }

/** The format version {@link encodePlan} writes; the first byte of every payload. */
export const SHARE_FORMAT_VERSION = 1
/** The fragment parameter that holds the payload: `https://…/share#p=<payload>`. */
export const SHARE_FRAGMENT_PARAM = 'p'
/**
 * Characters: decodePlan rejects longer input before doing any work. The longest payload encodePlan can write
 * (500 sessions evenly spread over the ID space, a 60-character name of 4-byte characters and a 64-byte event ID)
 * is ~2,600 characters, so a whole URL with any sane base still fits.
 */
export const MAX_LINK_CHARS = 4_000
/**
 * Sessions: a personal plan, not a schedule. Five days of 18 parallel tracks starred end to end is ~400; 500
 * keeps every encodable plan under {@link MAX_LINK_CHARS} (and a QR code's binary capacity of ~2,900 bytes).
 */
export const MAX_SHARED_SESSIONS = 500
/** Code points: enough for "Sam's Thursday at KubeCon (backend track)", short enough for a heading. */
export const PLAN_NAME_MAX_CHARS = 60

const MESSAGES: Readonly<Record<DecodeFailure, string>> = {
  empty: 'This link does not contain a plan.',
  'too-large': 'This link is too long to be a Hallway plan.',
  truncated: 'This link is incomplete: it was probably cut off when it was copied. Ask for the link again.',
  corrupt: 'This link is damaged, so the plan in it cannot be read. Ask for the link again.',
  'future-version': 'This plan was shared from a newer version of Hallway. Update the app to open it.',
}

// ---- Layout (version 1) ---------------------------------------------------------------------------------------
//
// Bits, most significant first. Only byte 0 (version) and the trailing CRC are fixed for every future version, so
// any reader can tell "intact but newer" from "damaged".
//
//   8 bits        version = 1
//   4 bits        flags: FLAG_NAME, FLAG_EVENT_UTF8, FLAG_LEVELS; the fourth must be 0
//   6 bits        event ID length − 1 (1…64 characters, or bytes with FLAG_EVENT_UTF8)
//   6 bits × len  event ID as base64url-alphabet indexes (slugs like "kubecon-na-2025": 6 bits a character;
//                 the 18 bits before it make it start on a character boundary, so the link shows it verbatim:
//                 `#p=AQ…kubecon-na-2025…`)
//   8 bits × len  …or as UTF-8 bytes, when the ID has a character outside [A-Za-z0-9_-]
//   Exp-Golomb    session count (0…500)
//   5 bits        b − 1: the ID prefix length b in bits, 16…32 (only when count > 0)
//   5 bits        Rice parameter k, below b (only when count > 0)
//   Rice(k) × n   the sessions' b-bit ID prefixes, ascending: the first as is, then each gap minus 1, so prefixes
//                 are strictly increasing and a duplicate cannot be written at all
//   1 bit × n     levels in the same order, 1 = must, 0 = maybe (only with FLAG_LEVELS; without it every
//                 session is "must", which saves n bits for the many users who never use "maybe")
//   Exp-Golomb    name length in UTF-8 bytes (1…240), then the bytes (only with FLAG_NAME)
//   0–7 bits      zero padding to a whole byte
//   16 bits       CRC-16/CCITT-FALSE of every byte before it
//
// then base64url without '=' padding.
//
// Why prefixes: a session ID is 32 bits, but telling apart the ~100 sessions of a day takes far fewer. The sender
// picks b from the size of its schedule (idBitsFor), so every session of its snapshot has a prefix of its own with
// room to spare for a re-import that adds sessions; the receiver looks prefixes up in its own schedule and treats
// one that fits several sessions as unknown, never as a guess. For the 99-session seed b = 20, which saves 12 bits
// a session (a third) over whole IDs.
// Why delta + Rice coding: a sorted set of 30 prefixes of 20 bits carries ~500 bits of information; Rice coding
// the gaps gets within ~5% of that. Together they bring 30 sessions plus a name to ~170 characters of whole URL.
// Why CRC-16: it catches every error burst up to 16 bits, so any single garbled character (6 bits) or flipped bit
// is always detected, for 2 bytes instead of 4.

const FLAG_NAME = 0b0001
const FLAG_EVENT_UTF8 = 0b0010
const FLAG_LEVELS = 0b0100
const KNOWN_FLAGS = FLAG_NAME | FLAG_EVENT_UTF8 | FLAG_LEVELS
const FLAG_BITS = 4
const EVENT_ID_MAX = 64 // characters (or UTF-8 bytes): fits the 6-bit length field; real IDs are ~15
const EVENT_LEN_BITS = 6
const ID_BITS_BITS = 5 // stores b − 1, so b ∈ 1…32 fits; readers accept MIN_ID_BITS…32
const RICE_K_BITS = 5 // k ∈ 0…31: the best k for gaps below 2^b is always below b ≤ 32
const NAME_MAX_BYTES = PLAN_NAME_MAX_CHARS * 4 // UTF-8 bytes: 4 is the longest UTF-8 sequence
const CRC_BYTES = 2
const EXP_GOLOMB_MAX_ZEROS = 20 // bits: values up to ~2 million, far above any count or length we accept
const ID_BITS = 32 // session IDs are 8 hex digits

/**
 * Bits: the shortest ID prefix a link may use, a floor for small schedules, which grow the most between imports.
 * At 16 bits, a starred session shares its prefix with another of a schedule that has since grown to 100
 * sessions with odds of 100 in 65,536 (~1 in 650); a reader refuses shorter prefixes as damage.
 */
export const MIN_ID_BITS = 16
/**
 * Bits added to 2·log2(n) when choosing b for n sessions: the chance that any two of n random IDs share a b-bit
 * prefix is about n²/2^(b+1), so 6 bits make it ~1 in 128 for the sender's schedule (and the sender adds bits
 * until its own schedule has no shared prefix at all), and a given session's prefix matching one of the others
 * ~1 in 64·n: a newer snapshot with a few more sessions stays almost surely unambiguous.
 */
const ID_BITS_MARGIN = 6

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const B64URL_INDEX: ReadonlyMap<string, number> = new Map([...B64URL].map((c, i) => [c, i]))
const SESSION_ID_RE = /^[0-9a-f]{8}$/

// ---- Encoding -------------------------------------------------------------------------------------------------

/**
 * The ID prefix length b (bits) for a link from a schedule with these session IDs: clamp(⌈2·log2 n⌉ + 6, 16, 32),
 * raised until every session of the schedule has a prefix of its own (at 32 they are the whole IDs). 20 for the
 * 99-session seed, 32 for 10,000 sessions.
 *
 * @throws RangeError on an ID that is not 8 lowercase hex digits.
 */
export function idBitsFor(scheduleIds: readonly SessionId[]): number {
  const ids = [...new Set(scheduleIds)].map(idNumber).sort((a, b) => a - b)
  const n = Math.max(ids.length, 2) // log2 of 0 or 1 says nothing; the minimum applies anyway
  let bits = Math.min(ID_BITS, Math.max(MIN_ID_BITS, Math.ceil(2 * Math.log2(n)) + ID_BITS_MARGIN))
  // Sorted, a prefix is shared only by neighbours: one more bit than the longest common prefix of any neighbours.
  for (let i = 1; i < ids.length && bits < ID_BITS; i++) {
    bits = Math.max(bits, Math.min(ID_BITS, Math.clz32(ids[i - 1]! ^ ids[i]!) + 1))
  }
  return bits
}

/**
 * The link form of a plan: each starred session as the first {@link idBitsFor} bits of its ID, ascending. The name
 * is sanitized.
 *
 * @throws RangeError for input the app never produces: a session ID that is not 8 lowercase hex digits, a starred
 *   session missing from `scheduleIds` (its prefix might belong to another session), or more than
 *   {@link MAX_SHARED_SESSIONS} sessions.
 */
export function sharedPlanLink(plan: SharedPlan, scheduleIds: readonly SessionId[]): SharedPlanLink {
  const idBits = idBitsFor(scheduleIds)
  const inSchedule = new Set(scheduleIds)
  const sessions = [...plan.stars].map(([id, level]): SharedRef => {
    const n = idNumber(id)
    if (!inSchedule.has(id)) throw new RangeError(`encodePlan: session ${id} is not in the schedule`)
    return { ref: Math.floor(n / 2 ** (ID_BITS - idBits)), level }
  })
  sessions.sort((a, b) => a.ref - b.ref)
  const link: SharedPlanLink = { eventId: plan.eventId, idBits, sessions }
  const name = plan.name === undefined ? undefined : sanitizePlanName(plan.name)
  if (name !== undefined) link.name = name
  return link
}

/**
 * The payload for `#p=` (base64url, no padding) of `plan`, whose sessions are all in `scheduleIds` (the sender's
 * whole schedule, which decides the prefix length). Deterministic: the same plan and schedule always give the same
 * text, whatever the order of `plan.stars`. `decodePlan(encodePlan(p, ids)).plan` is `sharedPlanLink(p, ids)`.
 *
 * @throws RangeError as {@link sharedPlanLink} and {@link encodeLink} do.
 */
export function encodePlan(plan: SharedPlan, scheduleIds: readonly SessionId[]): string {
  return encodeLink(sharedPlanLink(plan, scheduleIds))
}

/**
 * The payload for a link as it is, prefixes and all: what {@link encodePlan} writes, and what re-shares a decoded
 * link unchanged. The name is sanitized again (a no-op on a decoded one).
 *
 * @throws RangeError for a link the format cannot hold: idBits outside {@link MIN_ID_BITS}…32, prefixes not
 *   strictly ascending or not below 2^idBits, more than {@link MAX_SHARED_SESSIONS} sessions, or an empty or
 *   over-long (> 64 UTF-8 bytes) event ID.
 */
export function encodeLink(link: SharedPlanLink): string {
  const { idBits, sessions } = link
  if (!Number.isInteger(idBits) || idBits < MIN_ID_BITS || idBits > ID_BITS) {
    throw new RangeError(`encodePlan: prefixes of ${idBits} bits; a link holds ${MIN_ID_BITS}–${ID_BITS}`)
  }
  if (sessions.length > MAX_SHARED_SESSIONS) {
    throw new RangeError(`encodePlan: ${sessions.length} sessions; a shared plan holds at most ${MAX_SHARED_SESSIONS}`)
  }
  sessions.forEach(({ ref }, i) => {
    const ascending = i === 0 || ref > sessions[i - 1]!.ref
    if (!Number.isInteger(ref) || ref < 0 || ref >= 2 ** idBits || !ascending) {
      throw new RangeError(`encodePlan: prefix ${ref} is not an ascending ${idBits}-bit number`)
    }
  })
  const name = link.name === undefined ? undefined : sanitizePlanName(link.name)
  const event = eventIdField(link.eventId)
  const levels = sessions.some((s) => s.level !== 'must')

  const w = new BitWriter()
  w.write(SHARE_FORMAT_VERSION, 8)
  w.write((name ? FLAG_NAME : 0) | (event.utf8 ? FLAG_EVENT_UTF8 : 0) | (levels ? FLAG_LEVELS : 0), FLAG_BITS)
  w.write(event.symbols.length - 1, EVENT_LEN_BITS)
  for (const s of event.symbols) w.write(s, event.utf8 ? 8 : 6)
  writeExpGolomb(w, sessions.length)
  if (sessions.length > 0) {
    w.write(idBits - 1, ID_BITS_BITS)
    const gaps = sessions.map((s, i) => (i === 0 ? s.ref : s.ref - sessions[i - 1]!.ref - 1))
    const k = bestRiceParameter(gaps, idBits)
    w.write(k, RICE_K_BITS)
    for (const g of gaps) writeRice(w, g, k)
    if (levels) for (const s of sessions) w.write(s.level === 'must' ? 1 : 0, 1)
  }

  if (name) {
    const bytes = new TextEncoder().encode(name)
    writeExpGolomb(w, bytes.length)
    for (const b of bytes) w.write(b, 8)
  }

  const body = w.bytes()
  const crc = crc16(body, body.length)
  const out = new Uint8Array(body.length + CRC_BYTES)
  out.set(body)
  out[body.length] = crc >>> 8
  out[body.length + 1] = crc & 0xff
  return base64urlEncode(out)
}

/**
 * `base#p=<payload>`, e.g. `shareUrl(plan, ids, 'https://hallway.example.org/share')`. Any fragment already on
 * `base` is replaced. The domain does not know where the app is hosted, so the caller passes the base.
 */
export function shareUrl(plan: SharedPlan, scheduleIds: readonly SessionId[], base: string): string {
  const hash = base.indexOf('#')
  return `${hash < 0 ? base : base.slice(0, hash)}#${SHARE_FRAGMENT_PARAM}=${encodePlan(plan, scheduleIds)}`
}

function idNumber(id: SessionId): number {
  if (!SESSION_ID_RE.test(id)) throw new RangeError(`encodePlan: "${id}" is not a session ID (8 lowercase hex digits)`)
  return parseInt(id, 16)
}

function eventIdField(eventId: string): { utf8: boolean; symbols: number[] } {
  const chars = [...eventId]
  if (chars.length >= 1 && chars.length <= EVENT_ID_MAX && chars.every((c) => B64URL_INDEX.has(c))) {
    return { utf8: false, symbols: chars.map((c) => B64URL_INDEX.get(c)!) }
  }
  const bytes = [...new TextEncoder().encode(eventId)]
  if (bytes.length < 1 || bytes.length > EVENT_ID_MAX) {
    throw new RangeError(`encodePlan: the event ID must be 1–${EVENT_ID_MAX} UTF-8 bytes`)
  }
  return { utf8: true, symbols: bytes }
}

/** The k below `idBits` that makes the Rice code of `gaps` shortest (ties: the smaller k). ≤ 32 candidates × n. */
function bestRiceParameter(gaps: readonly number[], idBits: number): number {
  let best = 0
  let bestBits = Infinity
  for (let k = 0; k < idBits; k++) {
    const div = 2 ** k
    let bits = 0
    for (const g of gaps) bits += Math.floor(g / div) + 1 + k
    if (bits < bestBits) {
      bestBits = bits
      best = k
    }
  }
  return best
}

// ---- Decoding -------------------------------------------------------------------------------------------------

/**
 * Reads a plan from a link. Accepts the bare payload, `p=<payload>`, `#p=<payload>` or a whole URL, and ignores
 * whitespace (links wrapped by mail clients). Never throws, for any string; work is bounded by
 * {@link MAX_LINK_CHARS}.
 *
 * The returned name is untrusted plain text with control and bidi-override characters removed: render it as text
 * (a React text child), never as HTML. Sessions come back as ID prefixes, whether or not the receiver's schedule
 * has them: check `plan.eventId` against the installed event, then use {@link matchSharedPlan}.
 */
export function decodePlan(text: string): DecodeResult {
  try {
    return decodeUnchecked(text)
  } catch {
    // Every expected problem returns a reason below; this is the backstop that keeps "never throws" true.
    return failure('corrupt')
  }
}

function failure(reason: DecodeFailure): DecodeResult {
  return { ok: false, reason, message: MESSAGES[reason] }
}

/** Thrown by BitReader when the bits run out; tells "truncated" from other damage. */
class OutOfBits extends Error {}
/** Thrown when the bits are there but do not make a valid plan. */
class Invalid extends Error {
  constructor(readonly reason: DecodeFailure = 'corrupt') {
    super(reason)
  }
}

function decodeUnchecked(text: unknown): DecodeResult {
  if (typeof text !== 'string') return failure('empty')
  if (text.length > MAX_LINK_CHARS) return failure('too-large')
  const payload = payloadOf(text)
  if (payload === null || payload === '') return failure('empty')
  const decoded = base64urlDecode(payload)
  if (!decoded) return failure('corrupt')
  const { bytes, canonical } = decoded
  if (bytes.length === 0) return failure('truncated')

  const n = bytes.length
  const intact = canonical && n > CRC_BYTES && crc16(bytes, n - CRC_BYTES) === ((bytes[n - 2]! << 8) | bytes[n - 1]!)
  const version = bytes[0]!
  if (version !== SHARE_FORMAT_VERSION) {
    // Only an intact payload proves a newer writer; a garbled first byte is just damage.
    return failure(intact && version > SHARE_FORMAT_VERSION ? 'future-version' : 'corrupt')
  }

  if (intact) {
    try {
      return { ok: true, plan: readV1(new BitReader(bytes, n - CRC_BYTES), true) }
    } catch (err) {
      // Checksum fine, structure not: a count that does not match the data, an over-long name, bad padding.
      if (err instanceof Invalid) return failure(err.reason)
      if (err instanceof OutOfBits) return failure('corrupt')
      throw err
    }
  }
  // Damaged. Parse the bytes as if they were all body: when the header asks for more than the link holds, the
  // link was cut off; otherwise characters were changed.
  const reader = new BitReader(bytes, n)
  try {
    readV1(reader, false)
  } catch (err) {
    if (err instanceof OutOfBits) return failure('truncated')
    return failure('corrupt')
  }
  const needed = Math.ceil(reader.position / 8) + CRC_BYTES
  return failure(n < needed ? 'truncated' : 'corrupt')
}

/** The v1 body. `checked`: the CRC matched, so strict trailing checks apply and unknown flags mean "newer". */
function readV1(r: BitReader, checked: boolean): SharedPlanLink {
  r.read(8) // version, already checked
  const flags = r.read(FLAG_BITS)
  if ((flags & ~KNOWN_FLAGS) !== 0) throw new Invalid(checked ? 'future-version' : 'corrupt')

  const eventLen = r.read(EVENT_LEN_BITS) + 1
  let eventId: string
  if (flags & FLAG_EVENT_UTF8) {
    const bytes = new Uint8Array(eventLen)
    for (let i = 0; i < eventLen; i++) bytes[i] = r.read(8)
    eventId = strictUtf8(bytes)
    if (eventId.trim() === '' || UNSAFE_TEXT_RE.test(eventId) || LINE_BREAKS_RE.test(eventId)) throw new Invalid()
  } else {
    let id = ''
    for (let i = 0; i < eventLen; i++) id += B64URL[r.read(6)]
    eventId = id
  }

  const count = readExpGolomb(r)
  if (count > MAX_SHARED_SESSIONS) throw new Invalid('too-large')
  const refs: number[] = []
  // A link without sessions carries no prefix length; any valid value describes it equally well.
  let idBits = MIN_ID_BITS
  if (count > 0) {
    idBits = r.read(ID_BITS_BITS) + 1
    const k = r.read(RICE_K_BITS)
    // Shorter prefixes cannot tell sessions apart; a k of b or more is never the best one, so no writer uses it.
    if (idBits < MIN_ID_BITS || k >= idBits) throw new Invalid()
    const space = 2 ** idBits
    let prev = -1
    for (let i = 0; i < count; i++) {
      const ref = prev + 1 + readRice(r, k, space)
      if (ref >= space) throw new Invalid()
      refs.push(ref)
      prev = ref
    }
  }
  const sessions = refs.map((ref): SharedRef => ({
    ref,
    level: flags & FLAG_LEVELS && r.read(1) === 0 ? 'maybe' : 'must',
  }))

  const plan: SharedPlanLink = { eventId: eventId as EventId, idBits, sessions }
  if (flags & FLAG_NAME) {
    const len = readExpGolomb(r)
    if (len < 1 || len > NAME_MAX_BYTES) throw new Invalid()
    const bytes = new Uint8Array(len)
    for (let i = 0; i < len; i++) bytes[i] = r.read(8)
    const name = sanitizePlanName(strictUtf8(bytes))
    if (name !== undefined) plan.name = name
  }

  if (checked) {
    // What is left must be the zero padding to the byte: anything else is data the count did not account for.
    const rest = r.remaining
    if (rest >= 8 || (rest > 0 && r.read(rest) !== 0)) throw new Invalid()
  }
  return plan
}

/** Finds the payload in whatever the user pasted or the router handed over; null when there is none. */
function payloadOf(text: string): string | null {
  const s = text.replace(/\s+/g, '')
  const hash = s.indexOf('#')
  if (hash < 0) {
    if (s.includes('://')) return null // a URL without a fragment
    return s.startsWith(`${SHARE_FRAGMENT_PARAM}=`) ? s.slice(SHARE_FRAGMENT_PARAM.length + 1) : s
  }
  const fragment = s.slice(hash + 1)
  // A bare fragment is a payload only if it could be one: "#/schedule" is a route, not a damaged plan.
  if (!fragment.includes('=')) return /^[A-Za-z0-9_-]*$/.test(fragment) ? fragment : null
  for (const part of fragment.split('&')) {
    if (part.startsWith(`${SHARE_FRAGMENT_PARAM}=`)) return part.slice(SHARE_FRAGMENT_PARAM.length + 1)
  }
  return null
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw new Invalid()
  }
}

// ---- Names ----------------------------------------------------------------------------------------------------

// Removed outright: C0/C1 controls, bidi embeddings/overrides/isolates and marks (they can make a name display as
// something else, "Trojan Source" style), BOM, interlinear annotation controls. Zero-width joiners stay: emoji
// sequences (👩‍💻) need them.
const UNSAFE_TEXT_RE = new RegExp(`[\\p{Cc}${BIDI_MARKS}${BIDI_FORMATTING_CHARS}\\uFEFF\\uFFF9-\\uFFFB]`, 'u')
const UNSAFE_TEXT_RE_G = new RegExp(UNSAFE_TEXT_RE.source, 'gu')
// Line and paragraph breaks of every kind become a space: a name is one line.
const LINE_BREAKS_RE = /[\t\n\v\f\r\u0085\u2028\u2029]/
const LINE_BREAKS_RE_G = new RegExp(LINE_BREAKS_RE.source, 'g')
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * A plan name made safe to show as plain text: NFC, no control or bidi-override characters, breaks and runs of
 * whitespace folded to one space, trimmed, at most {@link PLAN_NAME_MAX_CHARS} code points. `undefined` when
 * nothing is left. HTML is not escaped: the name is text, and the UI must render it as text. Use it on the
 * name field too, so what the sender sees is what the receiver gets.
 */
export function sanitizePlanName(raw: string): string | undefined {
  const cleaned = raw
    .replace(LONE_SURROGATE_RE, '')
    .normalize('NFC')
    .replace(LINE_BREAKS_RE_G, ' ')
    .replace(UNSAFE_TEXT_RE_G, '')
    .replace(/\s+/g, ' ')
    .trim()
  const capped = Array.from(cleaned).slice(0, PLAN_NAME_MAX_CHARS).join('').trim()
  return capped === '' ? undefined : capped
}

// ---- Matching against the receiver's schedule -----------------------------------------------------------------

/** A shared plan resolved against the receiver's schedule. */
export interface SharedPlanMatch {
  /** Sessions the receiver has, in the order of `sessions` (the schedule's order), with the sender's level. */
  found: Array<{ session: Session; level: StarLevel }>
  /** Prefixes no session of the receiver's schedule has: "no longer in the schedule" (or from a newer one). */
  missing: SharedRef[]
  /**
   * Prefixes several sessions of the receiver's schedule share (possible only when its schedule differs from the
   * sender's): which one was meant cannot be known, so none is picked.
   */
  ambiguous: SharedRef[]
}

/**
 * Finds each session of a decoded link in the receiver's schedule by its ID prefix. Never guesses: a prefix that
 * fits no session is missing, one that fits several is ambiguous. Does not look at `plan.eventId`: compare that
 * with the installed event first, since another event's sessions would match at random. O(sessions + refs).
 */
export function matchSharedPlan(plan: SharedPlanLink, sessions: readonly Session[]): SharedPlanMatch {
  const shift = 2 ** (ID_BITS - plan.idBits)
  const wanted = new Map(plan.sessions.map((s) => [s.ref, s]))
  const byRef = new Map<number, Session[]>()
  const seen = new Set<SessionId>()
  for (const session of sessions) {
    // A schedule lists a session once; a repeated ID is still one session, not an ambiguity.
    if (!SESSION_ID_RE.test(session.id) || seen.has(session.id)) continue
    seen.add(session.id)
    const ref = Math.floor(parseInt(session.id, 16) / shift)
    if (!wanted.has(ref)) continue
    const list = byRef.get(ref)
    if (list) list.push(session)
    else byRef.set(ref, [session])
  }
  const found: SharedPlanMatch['found'] = []
  const missing: SharedRef[] = []
  const ambiguous: SharedRef[] = []
  for (const entry of plan.sessions) {
    const matches = byRef.get(entry.ref)
    if (!matches) missing.push(entry)
    else if (matches.length > 1) ambiguous.push(entry)
    else found.push({ session: matches[0]!, level: entry.level })
  }
  // Schedule order, like every other list of sessions: one index lookup each.
  const order = new Map(sessions.map((s, i) => [s, i]))
  found.sort((x, y) => order.get(x.session)! - order.get(y.session)!)
  return { found, missing, ambiguous }
}

// ---- Bits, codes, base64url, CRC ------------------------------------------------------------------------------

class BitWriter {
  private readonly out: number[] = []
  private acc = 0
  private used = 0

  /** Appends the low `bits` bits of `value` (0 ≤ value < 2^bits, bits ≤ 32), most significant first. */
  write(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | (Math.floor(value / 2 ** i) & 1)
      if (++this.used === 8) {
        this.out.push(this.acc)
        this.acc = 0
        this.used = 0
      }
    }
  }

  /** The bits so far, zero-padded to a whole byte. */
  bytes(): Uint8Array {
    const out = [...this.out]
    if (this.used > 0) out.push(this.acc << (8 - this.used))
    return Uint8Array.from(out)
  }
}

class BitReader {
  private pos = 0
  private readonly limit: number

  constructor(
    private readonly data: Uint8Array,
    byteLength: number,
  ) {
    this.limit = byteLength * 8
  }

  get position(): number {
    return this.pos
  }

  get remaining(): number {
    return this.limit - this.pos
  }

  /** The next `bits` bits (≤ 32) as an unsigned number. */
  read(bits: number): number {
    if (this.pos + bits > this.limit) throw new OutOfBits()
    let v = 0
    for (let i = 0; i < bits; i++, this.pos++) {
      v = v * 2 + ((this.data[this.pos >> 3]! >> (7 - (this.pos & 7))) & 1)
    }
    return v
  }
}

/** Exp-Golomb order 0: n zeros, then the n+1 bits of value+1. Small counts and lengths cost few bits. */
function writeExpGolomb(w: BitWriter, value: number): void {
  const v = value + 1
  const bits = Math.floor(Math.log2(v)) + 1
  w.write(0, bits - 1)
  w.write(v, bits)
}

function readExpGolomb(r: BitReader): number {
  let zeros = 0
  while (r.read(1) === 0) {
    if (++zeros > EXP_GOLOMB_MAX_ZEROS) throw new Invalid()
  }
  return 2 ** zeros + r.read(zeros) - 1
}

/** Rice code: quotient in unary (ones, then a zero), remainder in k bits. */
function writeRice(w: BitWriter, value: number, k: number): void {
  const div = 2 ** k
  for (let q = Math.floor(value / div); q > 0; q--) w.write(1, 1)
  w.write(0, 1)
  w.write(value % div, k)
}

function readRice(r: BitReader, k: number, space: number): number {
  const div = 2 ** k
  const maxQ = Math.floor((space - 1) / div) // a longer run cannot be a gap below `space`: stop before reading it all
  let q = 0
  while (r.read(1) === 1) {
    if (++q > maxQ) throw new Invalid()
  }
  return q * div + r.read(k)
}

function base64urlEncode(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!
    const b1 = bytes[i + 1] ?? 0
    const b2 = bytes[i + 2] ?? 0
    out += B64URL[b0 >> 2]! + B64URL[((b0 & 3) << 4) | (b1 >> 4)]!
    if (i + 1 < bytes.length) out += B64URL[((b1 & 15) << 2) | (b2 >> 6)]!
    if (i + 2 < bytes.length) out += B64URL[b2 & 63]!
  }
  return out
}

/**
 * Strict base64url (no padding); null on a character outside the alphabet. `canonical` is false when the text
 * cannot be what an encoder wrote: a dangling single character, or non-zero unused bits in the last one.
 */
function base64urlDecode(text: string): { bytes: Uint8Array; canonical: boolean } | null {
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8))
  let acc = 0
  let bits = 0
  let j = 0
  for (const c of text) {
    const v = B64URL_INDEX.get(c)
    if (v === undefined) return null
    acc = ((acc << 6) | v) & 0xfff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[j++] = (acc >> bits) & 0xff
    }
  }
  const canonical = text.length % 4 !== 1 && (acc & ((1 << bits) - 1)) === 0
  return { bytes, canonical }
}

// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF): the standard check value of "123456789" is 0x29B1.
const CRC16_TABLE = (() => {
  const table = new Uint16Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n << 8
    for (let i = 0; i < 8; i++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff
    table[n] = c
  }
  return table
})()

function crc16(bytes: Uint8Array, length: number): number {
  let crc = 0xffff
  for (let i = 0; i < length; i++) crc = ((crc << 8) & 0xffff) ^ CRC16_TABLE[((crc >> 8) ^ bytes[i]!) & 0xff]!
  return crc
}
