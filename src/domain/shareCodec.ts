// A personal plan packed into a URL fragment (`#p=…`), so plans travel in a chat message with no account or server.
// The format is versioned and checksummed; decoding treats the text as hostile and never throws.
import type { StarLevel, StarMap } from './conflicts'
import type { EventId, Session, SessionId } from './model'

/**
 * A plan as it travels in a link: which event, which sessions at which level, and an optional name for the
 * receiver to see ("Sam's Thursday"). Session IDs may be unknown to the receiver's schedule; see
 * {@link matchSharedPlan}.
 */
export interface SharedPlan {
  eventId: EventId
  /** The starred sessions. Decoded plans list them in ascending ID order. */
  stars: StarMap
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
  | { ok: true; plan: SharedPlan }
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
//   5 bits        Rice parameter k (only when count > 0)
//   Rice(k) × n   session IDs as 32-bit numbers, ascending: the first as is, then each gap minus 1, so IDs are
//                 strictly increasing and a duplicate cannot be written at all
//   1 bit × n     levels in the same order, 1 = must, 0 = maybe (only with FLAG_LEVELS; without it every
//                 session is "must", which saves n bits for the many users who never use "maybe")
//   Exp-Golomb    name length in UTF-8 bytes (1…240), then the bytes (only with FLAG_NAME)
//   0–7 bits      zero padding to a whole byte
//   16 bits       CRC-16/CCITT-FALSE of every byte before it
//
// then base64url without '=' padding. Why delta + Rice coding: 30 random 32-bit IDs cost 960 bits raw, but a
// sorted set of them carries only ~850 bits of information; Rice coding the gaps gets within ~3% of that, which
// is what brings 30 sessions plus a name under 200 characters. Why CRC-16: it catches every error burst up to
// 16 bits, so any single garbled character (6 bits) or flipped bit is always detected, for 2 bytes instead of 4.

const FLAG_NAME = 0b0001
const FLAG_EVENT_UTF8 = 0b0010
const FLAG_LEVELS = 0b0100
const KNOWN_FLAGS = FLAG_NAME | FLAG_EVENT_UTF8 | FLAG_LEVELS
const FLAG_BITS = 4
const EVENT_ID_MAX = 64 // characters (or UTF-8 bytes): fits the 6-bit length field; real IDs are ~15
const EVENT_LEN_BITS = 6
const RICE_K_BITS = 5 // k ∈ 0…31: a 32-bit gap never needs a larger one
const NAME_MAX_BYTES = PLAN_NAME_MAX_CHARS * 4 // UTF-8 bytes: 4 is the longest UTF-8 sequence
const CRC_BYTES = 2
const EXP_GOLOMB_MAX_ZEROS = 20 // bits: values up to ~2 million, far above any count or length we accept
const ID_SPACE = 2 ** 32 // session IDs are 8 hex digits

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const B64URL_INDEX: ReadonlyMap<string, number> = new Map([...B64URL].map((c, i) => [c, i]))
const SESSION_ID_RE = /^[0-9a-f]{8}$/

// ---- Encoding -------------------------------------------------------------------------------------------------

/**
 * The payload for `#p=` (base64url, no padding). Deterministic: the same plan always gives the same text, whatever
 * the order of `plan.stars`. The name is sanitized first, so `decodePlan(encodePlan(p)).plan.name` is
 * `sanitizePlanName(p.name)`.
 *
 * @throws RangeError for input the app never produces: a session ID that is not 8 lowercase hex digits, more than
 *   {@link MAX_SHARED_SESSIONS} sessions, or an empty or over-long (> 64 UTF-8 bytes) event ID.
 */
export function encodePlan(plan: SharedPlan): string {
  const w = new BitWriter()
  const name = plan.name === undefined ? undefined : sanitizePlanName(plan.name)
  const event = eventIdField(plan.eventId)
  const entries = [...plan.stars].map(([id, level]) => {
    if (!SESSION_ID_RE.test(id)) throw new RangeError(`encodePlan: "${id}" is not a session ID (8 lowercase hex digits)`)
    return { n: parseInt(id, 16), level }
  })
  if (entries.length > MAX_SHARED_SESSIONS) {
    throw new RangeError(`encodePlan: ${entries.length} sessions; a shared plan holds at most ${MAX_SHARED_SESSIONS}`)
  }
  entries.sort((a, b) => a.n - b.n)
  const levels = entries.some((e) => e.level !== 'must')

  w.write(SHARE_FORMAT_VERSION, 8)
  w.write((name ? FLAG_NAME : 0) | (event.utf8 ? FLAG_EVENT_UTF8 : 0) | (levels ? FLAG_LEVELS : 0), FLAG_BITS)
  w.write(event.symbols.length - 1, EVENT_LEN_BITS)
  for (const s of event.symbols) w.write(s, event.utf8 ? 8 : 6)
  writeExpGolomb(w, entries.length)
  if (entries.length > 0) {
    const gaps = entries.map((e, i) => (i === 0 ? e.n : e.n - entries[i - 1]!.n - 1))
    const k = bestRiceParameter(gaps)
    w.write(k, RICE_K_BITS)
    for (const g of gaps) writeRice(w, g, k)
    if (levels) for (const e of entries) w.write(e.level === 'must' ? 1 : 0, 1)
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
 * `base#p=<payload>`, e.g. `shareUrl(plan, 'https://hallway.app/share')`. Any fragment already on `base` is
 * replaced. The domain does not know where the app is hosted, so the caller passes the base.
 */
export function shareUrl(plan: SharedPlan, base: string): string {
  const hash = base.indexOf('#')
  return `${hash < 0 ? base : base.slice(0, hash)}#${SHARE_FRAGMENT_PARAM}=${encodePlan(plan)}`
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

/** The k that makes the Rice code of `gaps` shortest (ties: the smaller k). 32 candidates × n: trivial. */
function bestRiceParameter(gaps: readonly number[]): number {
  let best = 0
  let bestBits = Infinity
  for (let k = 0; k < 2 ** RICE_K_BITS; k++) {
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
 * (a React text child), never as HTML. Session IDs are returned whether or not the receiver's schedule has them;
 * check `plan.eventId` against the installed event, then use {@link matchSharedPlan}.
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
function readV1(r: BitReader, checked: boolean): SharedPlan {
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
  const ids: number[] = []
  if (count > 0) {
    const k = r.read(RICE_K_BITS)
    let prev = -1
    for (let i = 0; i < count; i++) {
      const id = prev + 1 + readRice(r, k)
      if (id >= ID_SPACE) throw new Invalid()
      ids.push(id)
      prev = id
    }
  }
  const stars = new Map<SessionId, StarLevel>()
  for (const id of ids) {
    const level: StarLevel = flags & FLAG_LEVELS && r.read(1) === 0 ? 'maybe' : 'must'
    stars.set(id.toString(16).padStart(8, '0') as SessionId, level)
  }

  const plan: SharedPlan = { eventId: eventId as EventId, stars }
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
const UNSAFE_TEXT_RE = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/u
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
  /** IDs the receiver's schedule does not have: "no longer in the schedule" (or from a newer schedule). */
  missing: Array<{ id: SessionId; level: StarLevel }>
}

/**
 * Splits a decoded plan into the sessions the receiver's schedule has and the ones it does not. Does not look at
 * `plan.eventId`: compare that with the installed event first, since another event's IDs would all be missing.
 */
export function matchSharedPlan(plan: SharedPlan, sessions: readonly Session[]): SharedPlanMatch {
  const found: SharedPlanMatch['found'] = []
  const seen = new Set<SessionId>()
  for (const session of sessions) {
    const level = plan.stars.get(session.id)
    if (level && !seen.has(session.id)) {
      found.push({ session, level })
      seen.add(session.id)
    }
  }
  const missing = [...plan.stars]
    .filter(([id]) => !seen.has(id))
    .map(([id, level]) => ({ id, level }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { found, missing }
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

function readRice(r: BitReader, k: number): number {
  const div = 2 ** k
  const maxQ = Math.floor((ID_SPACE - 1) / div) // a longer run cannot be a 32-bit gap: stop before reading it all
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
