// The share-link codec: round trips (plan → link → the receiver's schedule), the prefix length, the 200-character
// budget for the whole URL on the real schedule, every way a link can arrive damaged, and a deterministic fuzz run
// proving decodePlan never throws.
import type { StarLevel } from '../../src/domain/conflicts'
import type { EventId, Session, SessionId } from '../../src/domain/model'
import {
  decodePlan,
  encodeLink,
  encodePlan,
  idBitsFor,
  matchSharedPlan,
  MAX_LINK_CHARS,
  MAX_SHARED_SESSIONS,
  MIN_ID_BITS,
  PLAN_NAME_MAX_CHARS,
  sanitizePlanName,
  sharedPlanLink,
  shareUrl,
  type DecodeFailure,
  type DecodeResult,
  type SharedPlan,
  type SharedPlanLink,
} from '../../src/domain/shareCodec'
import { seedSnapshot } from '../fixtures/seedSnapshot'
// mulberry32 from the synthetic generator: deterministic, so a failing fuzz case fails the same way every run.
import { prng } from '../../src/domain/synthetic'

const snapshot = seedSnapshot()
const EVENT = snapshot.event.id
const SESSIONS = snapshot.sessions
const SEED_IDS = SESSIONS.map((s) => s.id)
const BASE = 'https://hallway.example.org/share'
const LOCAL_BASE = 'http://localhost:4173/share'


function randomId(rand: () => number): SessionId {
  return Math.floor(rand() * 2 ** 32)
    .toString(16)
    .padStart(8, '0') as SessionId
}

function plan(entries: Array<[string, StarLevel]>, name?: string, eventId: string = EVENT): SharedPlan {
  const p: SharedPlan = { eventId: eventId as EventId, stars: new Map(entries as Array<[SessionId, StarLevel]>) }
  if (name !== undefined) p.name = name
  return p
}

/** `count` seed sessions spread over the day (every third), levels alternating must, maybe. */
function seedPlan(count: number, name?: string): SharedPlan {
  const picked = SESSIONS.filter((_, i) => i % 3 === 0).slice(0, count)
  if (picked.length !== count) throw new Error('not enough seed sessions')
  return plan(
    picked.map((s, i) => [s.id, i % 2 === 0 ? 'must' : 'maybe']),
    name,
  )
}

/** The sender's schedule for a plan: the seed plus whatever else the plan stars (tests use made-up IDs too). */
function scheduleFor(p: SharedPlan): SessionId[] {
  return [...new Set([...SEED_IDS, ...p.stars.keys()])]
}

/** Encodes against {@link scheduleFor}. */
function enc(p: SharedPlan): string {
  return encodePlan(p, scheduleFor(p))
}

/** Sessions with these IDs, shaped like the seed's (matching only reads IDs, but the type wants sessions). */
function sessionsWithIds(ids: readonly string[]): Session[] {
  return ids.map((id, i) => ({ ...SESSIONS[i % SESSIONS.length]!, id: id as SessionId }))
}

/**
 * The whole trip: encode against the sender's schedule, decode, find the sessions in the same schedule. Returns the
 * stars the receiver sees, and checks that nothing went missing or ambiguous on the way.
 */
function starsAfterTrip(p: SharedPlan, ids: readonly string[] = scheduleFor(p)): Map<string, StarLevel> {
  const link = expectOk(decodePlan(encodePlan(p, ids as SessionId[])))
  const match = matchSharedPlan(link, sessionsWithIds(ids))
  expect(match.missing).toEqual([])
  expect(match.ambiguous).toEqual([])
  return new Map(match.found.map((f) => [f.session.id, f.level]))
}

function expectOk(result: DecodeResult): SharedPlanLink {
  if (!result.ok) throw new Error(`expected a plan, got ${result.reason}: ${result.message}`)
  return result.plan
}

function expectFailure(result: DecodeResult, reason: DecodeFailure): void {
  expect(result.ok).toBe(false)
  if (!result.ok) expect(result.reason).toBe(reason)
}

function sortedEntries(stars: ReadonlyMap<string, StarLevel>): Array<[string, StarLevel]> {
  return [...stars].sort(([a], [b]) => (a < b ? -1 : 1))
}

/** The `b`-bit prefix of a session ID. */
function prefix(id: string, b = 20): number {
  return Math.floor(parseInt(id, 16) / 2 ** (32 - b))
}

// ---- A reference writer for the documented v1 layout, to craft payloads the encoder would never write --------

/** CRC-16/CCITT-FALSE, bit by bit (the codec uses a table): an independent check of the algorithm. */
function crc16(bytes: ArrayLike<number>): number {
  let crc = 0xffff
  for (let i = 0; i < bytes.length; i++) {
    crc ^= bytes[i]! << 8
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc
}

class Bits {
  readonly bits: number[] = []
  put(value: number, n: number): this {
    for (let i = n - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2)
    return this
  }
  expGolomb(value: number): this {
    const v = value + 1
    const n = v.toString(2).length
    return this.put(0, n - 1).put(v, n)
  }
  rice(value: number, k: number): this {
    for (let q = Math.floor(value / 2 ** k); q > 0; q--) this.bits.push(1)
    this.bits.push(0)
    return this.put(value % 2 ** k, k)
  }
  bytes(padding = 0): number[] {
    const bits = [...this.bits]
    const padLen = (8 - (bits.length % 8)) % 8
    for (let i = 0; i < padLen; i++) bits.push((padding >> (padLen - 1 - i)) & 1)
    const out: number[] = []
    for (let i = 0; i < bits.length; i += 8) out.push(parseInt(bits.slice(i, i + 8).join(''), 2))
    return out
  }
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Body bytes + CRC (correct unless told otherwise) → base64url, like the codec's envelope. */
function seal(body: number[], crcDelta = 0): string {
  const crc = crc16(body) ^ crcDelta
  return Buffer.from([...body, crc >> 8, crc & 0xff]).toString('base64url')
}

interface Craft {
  version?: number
  flags?: number
  event?: string
  count?: number
  /** Prefix length b; default 20, the seed's. */
  idBits?: number
  k?: number
  /** The prefixes (refs). */
  ids?: number[]
  levels?: number[]
  name?: number[]
  padding?: number
  extraBits?: number[]
}

/** The documented choice of Rice parameter: the k below b with the fewest bits, the smallest on a tie. */
function bestK(gaps: number[], idBits: number): number {
  const cost = (k: number) => gaps.reduce((sum, g) => sum + Math.floor(g / 2 ** k) + 1 + k, 0)
  let best = 0
  for (let k = 1; k < idBits; k++) if (cost(k) < cost(best)) best = k
  return best
}

/** A v1 payload from explicit fields; defaults describe a valid two-session plan with levels and a name. */
function craft(c: Craft = {}): string {
  const idBits = c.idBits ?? 20
  const ids = c.ids ?? [prefix('022960d6'), prefix('8b98b850')]
  const event = c.event ?? 'kubecon-na-2025'
  const name = c.name ?? [...Buffer.from("Sam's Thursday")]
  const flags = c.flags ?? 0b0101
  const k = c.k ?? bestK(ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]! - 1)), idBits)
  const w = new Bits().put(c.version ?? 1, 8).put(flags, 4).put(event.length - 1, 6)
  for (const ch of event) w.put(B64URL.indexOf(ch), 6)
  w.expGolomb(c.count ?? ids.length)
  if (ids.length > 0) {
    w.put(idBits - 1, 5).put(k, 5)
    ids.forEach((id, i) => w.rice(i === 0 ? id : id - ids[i - 1]! - 1, k))
  }
  if (flags & 0b0100) for (const l of c.levels ?? ids.map(() => 1)) w.put(l, 1)
  if (flags & 0b0001) {
    w.expGolomb(name.length)
    for (const b of name) w.put(b, 8)
  }
  for (const b of c.extraBits ?? []) w.put(b, 1)
  return seal(w.bytes(c.padding ?? 0))
}

// ---- Round trips -------------------------------------------------------------------------------------------------

describe('round trip', () => {
  it('uses the standard CRC-16/CCITT-FALSE, and the reference layout matches what encodePlan writes', () => {
    expect(crc16([...Buffer.from('123456789')])).toBe(0x29b1)
    const p = plan([['8b98b850', 'maybe'], ['022960d6', 'must']], "Sam's Thursday")
    expect(craft({ levels: [1, 0] })).toBe(encodePlan(p, SEED_IDS))
  })

  it('keeps v1 links readable forever: a golden link decodes to the same plan', () => {
    // Written by the first release. If this fails, the format changed: bump SHARE_FORMAT_VERSION instead.
    const golden = 'AVOkubecon-na-2025c4hFLeS3pD1NhbSdzIFRodXJzZGF5ADQw'
    const link: SharedPlanLink = {
      eventId: EVENT,
      idBits: 20,
      sessions: [
        { ref: 0x02296, level: 'must' },
        { ref: 0x8b98b, level: 'maybe' },
      ],
      name: "Sam's Thursday",
    }
    expect(encodeLink(link)).toBe(golden)
    expect(expectOk(decodePlan(golden))).toEqual(link)
    const match = matchSharedPlan(expectOk(decodePlan(golden)), SESSIONS)
    expect(match.found.map((f) => [f.session.id, f.level])).toEqual([
      ['022960d6', 'must'],
      ['8b98b850', 'maybe'],
    ].sort(([a], [b]) => SEED_IDS.indexOf(a as SessionId) - SEED_IDS.indexOf(b as SessionId)))
  })

  it('decodes to the link sharedPlanLink describes, and finds every session again in the same schedule', () => {
    const p = seedPlan(30, "Sam's Thursday")
    expect(expectOk(decodePlan(encodePlan(p, SEED_IDS)))).toEqual(sharedPlanLink(p, SEED_IDS))
    expect(sortedEntries(starsAfterTrip(p, SEED_IDS))).toEqual(sortedEntries(p.stars))
  })

  it('an empty plan', () => {
    const link = expectOk(decodePlan(enc(plan([]))))
    expect(link.sessions).toEqual([])
    expect(link.eventId).toBe(EVENT)
  })

  it('200 sessions, both levels, come back as they were', () => {
    const rand = prng(200)
    const entries: Array<[string, StarLevel]> = []
    while (entries.length < 200) {
      const id = randomId(rand)
      if (!entries.some(([e]) => e === id)) entries.push([id, rand() < 0.5 ? 'must' : 'maybe'])
    }
    const p = plan(entries, 'Two hundred')
    expect(sortedEntries(starsAfterTrip(p))).toEqual(sortedEntries(p.stars))
    const link = expectOk(decodePlan(enc(p)))
    expect(link.sessions.map((s) => s.ref)).toEqual(link.sessions.map((s) => s.ref).sort((a, b) => a - b))
    expect(link.name).toBe('Two hundred')
  })

  it('all "must", all "maybe", and the extreme IDs 00000000, ffffffff and neighbours (which need all 32 bits)', () => {
    for (const level of ['must', 'maybe'] as const) {
      const p = plan(
        ['00000000', '00000001', '00000002', '7fffffff', '80000000', 'fffffffe', 'ffffffff'].map((id) => [id, level]),
      )
      expect(expectOk(decodePlan(enc(p))).idBits).toBe(32)
      expect(sortedEntries(starsAfterTrip(p))).toEqual(sortedEntries(p.stars))
    }
  })

  it('a plan of only "must" stars is shorter: it needs no level bits', () => {
    const mixed = seedPlan(30)
    const allMust = plan([...mixed.stars.keys()].map((id) => [id, 'must']))
    expect(enc(allMust).length).toBeLessThan(enc(mixed).length)
  })

  it.each([
    ["Sam's Thursday 🚀"],
    ['日本語のプラン'],
    ['👩‍💻 Zoë & Łukasz — 🇺🇦 track'],
    ['مسار الأمن'],
    ['a'],
  ])('unicode and emoji names survive: %s', (name) => {
    const p = plan([[SESSIONS[5]!.id, 'must']], name)
    expect(expectOk(decodePlan(enc(p))).name).toBe(name)
  })

  it('the same plan gives the same link whatever the order of its stars or of the schedule', () => {
    const p = seedPlan(20, 'x')
    const reversed = plan([...p.stars].reverse(), 'x')
    expect(encodePlan(reversed, [...SEED_IDS].reverse())).toBe(encodePlan(p, SEED_IDS))
  })

  it('event IDs outside [A-Za-z0-9_-] travel as UTF-8', () => {
    for (const eventId of ['FOSDEM 2026', 'journées-2025', 'a', 'x'.repeat(64), 'é'.repeat(32)]) {
      const p = plan([['0badcafe', 'maybe']], undefined, eventId)
      expect(expectOk(decodePlan(enc(p))).eventId).toBe(eventId)
      expect(sortedEntries(starsAfterTrip(p))).toEqual(sortedEntries(p.stars))
    }
  })

  it('a slug event ID reads verbatim in the link', () => {
    expect(enc(seedPlan(3))).toContain('kubecon-na-2025')
  })

  it('rejects what the app never produces, with a RangeError', () => {
    expect(() => enc(plan([['ABCDEF01', 'must']]))).toThrow(RangeError)
    expect(() => enc(plan([['1234567', 'must']]))).toThrow(RangeError)
    expect(() => enc(plan([], undefined, ''))).toThrow(RangeError)
    expect(() => enc(plan([], undefined, 'x'.repeat(65)))).toThrow(RangeError)
    const tooMany = Array.from({ length: MAX_SHARED_SESSIONS + 1 }, (_, i): [string, StarLevel] => [
      (i * 0x100000).toString(16).padStart(8, '0'),
      'must',
    ])
    expect(() => enc(plan(tooMany))).toThrow(RangeError)
    // A star the sender's schedule lacks: its prefix might be another session's, so it is never written.
    expect(() => encodePlan(plan([['0badcafe', 'must']]), SEED_IDS)).toThrow(/not in the schedule/)
    expect(() => idBitsFor(['nothex00' as SessionId])).toThrow(RangeError)
    const link = expectOk(decodePlan(enc(seedPlan(3))))
    expect(() => encodeLink({ ...link, idBits: MIN_ID_BITS - 1 })).toThrow(RangeError)
    expect(() => encodeLink({ ...link, idBits: 33 })).toThrow(RangeError)
    expect(() => encodeLink({ ...link, sessions: [...link.sessions].reverse() })).toThrow(RangeError)
    expect(() => encodeLink({ ...link, sessions: [link.sessions[0]!, link.sessions[0]!] })).toThrow(RangeError)
    expect(() => encodeLink({ ...link, sessions: [{ ref: 2 ** link.idBits, level: 'must' }] })).toThrow(RangeError)
    expect(() => encodeLink({ ...link, sessions: [{ ref: 1.5, level: 'must' }] })).toThrow(RangeError)
  })

  it('the largest plan the encoder accepts still decodes: 500 sessions, worst-case spread, 32-bit prefixes, longest name', () => {
    // Every gap just above a power of two wastes the most Rice bits; 4-byte characters make the longest name; two
    // schedule IDs one apart force whole 32-bit IDs.
    const rand = prng(500)
    const entries: Array<[string, StarLevel]> = Array.from({ length: MAX_SHARED_SESSIONS }, (_, i) => [
      (i * 8_589_934 + Math.floor(rand() * 1000)).toString(16).padStart(8, '0'),
      rand() < 0.5 ? 'must' : 'maybe',
    ])
    const p = plan(entries, '🎉'.repeat(PLAN_NAME_MAX_CHARS), 'é'.repeat(32))
    const ids = [...entries.map(([id]) => id), 'fffffff0', 'fffffff1'] as SessionId[]
    const url = shareUrl(p, ids, BASE)
    expect(url.length).toBeLessThanOrEqual(MAX_LINK_CHARS)
    expect(expectOk(decodePlan(url)).idBits).toBe(32)
    expect(sortedEntries(starsAfterTrip(p, ids))).toEqual(sortedEntries(p.stars))
  })
})

// ---- Prefix length and matching ---------------------------------------------------------------------------------

describe('idBitsFor: the sender picks a prefix length that keeps its own schedule unambiguous', () => {
  it('clamp(⌈2·log2 n⌉ + 6, 16, 32): 20 for the 99-session seed, 16 for tiny schedules, 32 for 10,000', () => {
    expect(idBitsFor(SEED_IDS)).toBe(20)
    expect(idBitsFor([])).toBe(16)
    expect(idBitsFor(['0badcafe' as SessionId])).toBe(16)
    const rand = prng(10_000)
    const many = Array.from({ length: 10_000 }, () => randomId(rand))
    expect(idBitsFor(many)).toBe(32)
    // 1,000 sessions: ⌈2 × 9.97⌉ + 6 = 26, unless two of them happen to share 26 bits.
    expect(idBitsFor(many.slice(0, 1_000))).toBeGreaterThanOrEqual(26)
  })

  it('adds bits until no two sessions of the schedule share a prefix', () => {
    // Two IDs sharing their first 24 bits need 25; sharing 31 need all 32.
    expect(idBitsFor([...SEED_IDS, 'abcdef00' as SessionId, 'abcdef80' as SessionId])).toBe(25)
    expect(idBitsFor([...SEED_IDS, 'abcdef00' as SessionId, 'abcdef01' as SessionId])).toBe(32)
    // A repeated ID is one session, not a clash.
    expect(idBitsFor([...SEED_IDS, SEED_IDS[0]!])).toBe(20)
    // Every seed session has a 20-bit prefix of its own.
    expect(new Set(SEED_IDS.map((id) => prefix(id))).size).toBe(SESSIONS.length)
  })
})

describe('matchSharedPlan: the link against the receiver’s (maybe newer) schedule', () => {
  it('finds sessions in schedule order with the sender’s level; unknown prefixes are missing', () => {
    const [a, b, c] = [SESSIONS[40]!, SESSIONS[2]!, SESSIONS[77]!]
    const p = plan([[a.id, 'must'], [b.id, 'maybe'], [c.id, 'must']])
    const link = expectOk(decodePlan(encodePlan(p, SEED_IDS)))
    // The receiver's newer schedule dropped c.
    const newer = SESSIONS.filter((s) => s.id !== c.id)
    const match = matchSharedPlan(link, newer)
    expect(match.found.map((f) => [f.session.id, f.level])).toEqual([
      [b.id, 'maybe'],
      [a.id, 'must'],
    ])
    expect(match.missing).toEqual([{ ref: prefix(c.id), level: 'must' }])
    expect(match.ambiguous).toEqual([])
  })

  it('a session that moved shows at its new time: it is found by ID, and the receiver’s copy is what comes back', () => {
    const moved = { ...SESSIONS[10]!, start: '2025-11-13T22:00:00Z', end: '2025-11-13T22:30:00Z' } as Session
    const newer = SESSIONS.map((s) => (s.id === moved.id ? moved : s))
    const link = expectOk(decodePlan(encodePlan(plan([[moved.id, 'maybe']]), SEED_IDS)))
    expect(matchSharedPlan(link, newer).found).toEqual([{ session: moved, level: 'maybe' }])
  })

  it('a prefix that fits several sessions of a newer schedule is ambiguous, never guessed', () => {
    const target = SESSIONS[5]!
    // Same first 20 bits, different last 12: a session a later import added.
    const twin = { ...SESSIONS[6]!, id: `${target.id.slice(0, 5)}${target.id[5] === 'f' ? '0' : 'f'}00` as SessionId }
    const link = expectOk(decodePlan(encodePlan(plan([[target.id, 'must'], [SESSIONS[7]!.id, 'must']]), SEED_IDS)))
    const match = matchSharedPlan(link, [...SESSIONS, twin])
    expect(match.ambiguous).toEqual([{ ref: prefix(target.id), level: 'must' }])
    expect(match.found.map((f) => f.session.id)).toEqual([SESSIONS[7]!.id])
    expect(match.missing).toEqual([])
  })

  it('a session listed twice in a schedule is still one session', () => {
    const link = expectOk(decodePlan(encodePlan(plan([[SESSIONS[3]!.id, 'must']]), SEED_IDS)))
    const match = matchSharedPlan(link, [...SESSIONS, SESSIONS[3]!])
    expect(match.found).toHaveLength(1)
    expect(match.ambiguous).toEqual([])
  })
})

// ---- Size ---------------------------------------------------------------------------------------------------------

describe('size: 30 sessions in under 200 characters of whole URL', () => {
  it('30 real sessions with and without a name, behind a localhost and a real-looking host', () => {
    const lengths = [LOCAL_BASE, BASE].flatMap((base) =>
      [seedPlan(30, "Sam's Thursday"), seedPlan(30)].map((p) => shareUrl(p, SEED_IDS, base).length),
    )
    // Exact lengths, so a format change that costs characters is a visible decision.
    expect(lengths).toEqual([161, 141, 167, 147])
    for (const length of lengths) expect(length).toBeLessThan(200)
  })

  it('stays under 200 for any 30 of the 99 seed sessions with mixed levels and that name (1,000 draws)', () => {
    const rand = prng(30)
    let longest = 0
    for (let draw = 0; draw < 1_000; draw++) {
      const pool = [...SESSIONS]
      const picked: Session[] = []
      while (picked.length < 30) picked.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!)
      const p = plan(
        picked.map((s) => [s.id, rand() < 0.5 ? 'must' : 'maybe']),
        "Sam's Thursday",
      )
      longest = Math.max(longest, shareUrl(p, SEED_IDS, BASE).length)
    }
    expect(longest).toBeLessThan(200)
  })
})

// ---- Rejections -------------------------------------------------------------------------------------------------

describe('rejects, never throws', () => {
  const good = enc(seedPlan(30, "Sam's Thursday"))

  it('empty: blank text, an empty fragment, a Hallway URL with no plan, an app route', () => {
    for (const text of ['', '   \n', '#p=', 'p=', `${BASE}`, `${BASE}#`, `${BASE}#p=`, `${BASE}#x=1`, 'https://hallway.app/#/schedule']) {
      expectFailure(decodePlan(text), 'empty')
    }
  })

  it('accepts the payload bare, after p=, after #p=, inside a URL with other parameters, and wrapped by a mail client', () => {
    const expected = expectOk(decodePlan(good))
    for (const text of [
      `p=${good}`,
      `#p=${good}`,
      `${BASE}#p=${good}`,
      `${BASE}#v=2&p=${good}&x=1`,
      `  ${BASE}#p=${good.slice(0, 40)}\n${good.slice(40)}  `,
    ]) {
      expect(expectOk(decodePlan(text))).toEqual(expected)
    }
  })

  it('truncated: cut after every character', () => {
    for (let len = 1; len < good.length; len++) expectFailure(decodePlan(good.slice(0, len)), 'truncated')
  })

  it('truncated: cut after every byte (re-encoded cleanly, so only the length gives it away)', () => {
    const bytes = Buffer.from(good, 'base64url')
    for (let len = 1; len < bytes.length; len++) {
      expectFailure(decodePlan(bytes.subarray(0, len).toString('base64url')), 'truncated')
    }
  })

  it('every single flipped bit is caught', () => {
    const bytes = Buffer.from(good, 'base64url')
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const copy = Buffer.from(bytes)
      copy[bit >> 3]! ^= 0x80 >> (bit & 7)
      const result = decodePlan(copy.toString('base64url'))
      expect(result.ok, `bit ${bit}`).toBe(false)
      if (!result.ok) expect(['corrupt', 'truncated']).toContain(result.reason)
    }
  })

  it('every single garbled character is caught (each position × every other base64url character)', () => {
    for (let i = 0; i < good.length; i++) {
      for (const c of B64URL) {
        if (c === good[i]) continue
        const result = decodePlan(good.slice(0, i) + c + good.slice(i + 1))
        expect(result.ok, `${i} → ${c}`).toBe(false)
      }
    }
  })

  it('added, dropped and doubled characters are caught', () => {
    for (let i = 0; i < good.length; i++) {
      expect(decodePlan(good.slice(0, i) + good.slice(i + 1)).ok).toBe(false)
      expect(decodePlan(good.slice(0, i) + 'A' + good.slice(i)).ok).toBe(false)
      expect(decodePlan(good.slice(0, i) + good[i] + good.slice(i)).ok).toBe(false)
    }
    expectFailure(decodePlan(good + 'AAAA'), 'corrupt')
    expectFailure(decodePlan(good + good), 'corrupt')
  })

  it('invalid base64url: other alphabets, padding, spaces inside a word are fine but symbols are not', () => {
    for (const text of [`${good.slice(0, 10)}+${good.slice(11)}`, `${good.slice(0, 10)}/${good.slice(11)}`, `${good}=`, `${good}.`, `#p=${good}%20`, 'p=héllo', '😀😀😀😀']) {
      expectFailure(decodePlan(text), 'corrupt')
    }
  })

  it('wrong version: 0 is damage; an intact payload from a newer version says so; a damaged one does not', () => {
    expectFailure(decodePlan(craft({ version: 0 })), 'corrupt')
    expectFailure(decodePlan(craft({ version: 2 })), 'future-version')
    expectFailure(decodePlan(craft({ version: 255 })), 'future-version')
    const damaged = Buffer.from(craft({ version: 2 }), 'base64url')
    damaged[5]! ^= 1
    expectFailure(decodePlan(damaged.toString('base64url')), 'corrupt')
    const result = decodePlan(craft({ version: 2 }))
    if (!result.ok) expect(result.message).toBe('This plan was shared from a newer version of Hallway. Update the app to open it.')
  })

  it('unknown flags in an intact v1 payload mean a newer writer', () => {
    expectFailure(decodePlan(craft({ flags: 0b1101 })), 'future-version')
  })

  it('a wrong checksum alone is corruption', () => {
    const bytes = Buffer.from(craft(), 'base64url')
    bytes[bytes.length - 1]! ^= 0x01
    expectFailure(decodePlan(bytes.toString('base64url')), 'corrupt')
  })

  it('too large: over 4,000 characters is refused before any decoding, even 10 MB', () => {
    expectFailure(decodePlan('A'.repeat(MAX_LINK_CHARS + 1)), 'too-large')
    expectFailure(decodePlan('#p=' + 'A'.repeat(10_000_000)), 'too-large')
    expect(decodePlan('A'.repeat(MAX_LINK_CHARS)).ok).toBe(false)
  })

  it('too large: an intact payload claiming more than 500 sessions', () => {
    const ids = Array.from({ length: 501 }, (_, i) => i)
    expectFailure(decodePlan(craft({ ids, k: 0, flags: 0b0000 })), 'too-large')
    expect(expectOk(decodePlan(craft({ ids: ids.slice(0, 500), k: 0, flags: 0b0000 }))).sessions).toHaveLength(500)
  })

  it('duplicate prefixes cannot be written: they are strictly increasing gaps, and one past 2^b is rejected', () => {
    // The layout stores "gap − 1", so the nearest thing to a duplicate is two prefixes one apart.
    expect(expectOk(decodePlan(craft({ ids: [5, 6], flags: 0 }))).sessions.map((s) => s.ref)).toEqual([5, 6])
    expectFailure(decodePlan(craft({ ids: [0xfffff, 0x100000], k: 19, flags: 0 })), 'corrupt')
    expectFailure(decodePlan(craft({ ids: [0x100000], k: 19, flags: 0 })), 'corrupt')
    expectFailure(decodePlan(craft({ idBits: 32, ids: [0xffffffff, 0x100000000], k: 31, flags: 0 })), 'corrupt')
    expect(expectOk(decodePlan(craft({ idBits: 32, ids: [0, 0xffffffff], k: 31, flags: 0 }))).sessions).toHaveLength(2)
  })

  it('a prefix length below 16 bits or a Rice parameter of b or more is corruption, even with a good checksum', () => {
    expectFailure(decodePlan(craft({ idBits: MIN_ID_BITS - 1, ids: [1, 2] })), 'corrupt')
    expectFailure(decodePlan(craft({ idBits: 1, ids: [0, 1] })), 'corrupt')
    expect(expectOk(decodePlan(craft({ idBits: MIN_ID_BITS, ids: [1, 2] }))).idBits).toBe(MIN_ID_BITS)
    expectFailure(decodePlan(craft({ idBits: 20, k: 20, ids: [1, 2] })), 'corrupt')
    expectFailure(decodePlan(craft({ idBits: 20, k: 31, ids: [1, 2] })), 'corrupt')
    expect(expectOk(decodePlan(craft({ idBits: 20, k: 19, ids: [1, 2] }))).sessions).toHaveLength(2)
  })

  it('count mismatch: more or fewer sessions than the data holds, extra bits, non-zero padding', () => {
    // Gaps of 10 bits each (k = 8): the padding can never hold a fourth one, nor hide a third.
    const ids = [0x100, 0x200, 0x300]
    expectFailure(decodePlan(craft({ ids, count: 4, flags: 0 })), 'corrupt')
    expectFailure(decodePlan(craft({ ids, count: 2, flags: 0 })), 'corrupt')
    expectFailure(decodePlan(craft({ ids, flags: 0, extraBits: [0, 0, 0, 0, 0, 0, 0, 0] })), 'corrupt')
    expectFailure(decodePlan(craft({ ids, flags: 0, padding: 1 })), 'corrupt')
    expect(expectOk(decodePlan(craft({ ids, flags: 0 }))).sessions).toHaveLength(3)
  })

  it('a name that is not UTF-8, empty, or longer than 240 bytes is corruption', () => {
    expectFailure(decodePlan(craft({ name: [0xc3, 0x28] })), 'corrupt')
    expectFailure(decodePlan(craft({ name: [0xed, 0xa0, 0x80] })), 'corrupt') // an encoded lone surrogate
    expectFailure(decodePlan(craft({ name: [] })), 'corrupt')
    expectFailure(decodePlan(craft({ name: Array(241).fill(0x61) })), 'corrupt')
    expect(expectOk(decodePlan(craft({ name: Array(240).fill(0x61) }))).name).toBe('a'.repeat(PLAN_NAME_MAX_CHARS))
  })

  it('a script in the name comes back as the same inert text, nothing more', () => {
    const name = '<script>alert(1)</script>'
    const decoded = expectOk(decodePlan(enc(plan([['0badcafe', 'must']], name))))
    expect(decoded.name).toBe(name)
    expect(typeof decoded.name).toBe('string')
    // Even crafted bytes the encoder would clean are cleaned on the way in.
    const crafted = [...Buffer.from('<img src=x onerror=alert(1)>\u0000\u202Egnp.exe\u0007')]
    expect(expectOk(decodePlan(craft({ name: crafted }))).name).toBe('<img src=x onerror=alert(1)>gnp.exe')
  })

  it('control, bidi-override and line-break characters are stripped from a crafted name; a name of only those is dropped', () => {
    const crafted = [...Buffer.from('Sam\u0000\u0001\u001b[31m\u007f\u0085\u009b\u2028s\n\tThursday\u2066\uFEFF')]
    expect(expectOk(decodePlan(craft({ name: crafted }))).name).toBe('Sam[31m s Thursday')
    const onlyControls = expectOk(decodePlan(craft({ name: [...Buffer.from('\u0000\u202E\n')] })))
    expect(onlyControls).not.toHaveProperty('name')
  })

  it('non-string input (from JavaScript callers) is refused, not thrown on', () => {
    for (const input of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(() => decodePlan(input as any)).not.toThrow()
      expect(decodePlan(input as any).ok).toBe(false)
    }
  })
})

describe('sanitizePlanName', () => {
  it('folds whitespace, normalises to NFC, caps at 60 code points without splitting a surrogate pair', () => {
    expect(sanitizePlanName('  Sam’s \t\n Thursday  ')).toBe('Sam’s Thursday')
    expect(sanitizePlanName('Zoe\u0308')).toBe('Zo\u00eb')
    expect(sanitizePlanName('x'.repeat(100))).toBe('x'.repeat(60))
    const emoji = sanitizePlanName('🚀'.repeat(100))!
    expect(Array.from(emoji)).toHaveLength(60)
    expect(emoji).toBe('🚀'.repeat(60))
    expect(sanitizePlanName('\uD800 lone')).toBe('lone')
    expect(sanitizePlanName('   ')).toBeUndefined()
  })

  it('the encoder applies it, so the sender sees what the receiver gets', () => {
    const decoded = expectOk(decodePlan(enc(plan([], ' \u202Eevil\u0000 name\n'))))
    expect(decoded.name).toBe('evil name')
    expect(expectOk(decodePlan(enc(plan([], ' \n ')))).name).toBeUndefined()
  })
})

describe('shareUrl', () => {
  it('replaces an existing fragment, and the URL decodes', () => {
    const p = seedPlan(5, 'Mine')
    const url = shareUrl(p, SEED_IDS, `${BASE}#old`)
    expect(url.startsWith(`${BASE}#p=`)).toBe(true)
    expect(expectOk(decodePlan(url))).toEqual(sharedPlanLink(p, SEED_IDS))
  })
})

// ---- Fuzz ---------------------------------------------------------------------------------------------------------

describe('fuzz', () => {
  const REASONS: readonly DecodeFailure[] = ['empty', 'too-large', 'truncated', 'corrupt', 'future-version']

  /** Whatever came back must be a clean answer: a well-formed plan, or a known reason with its message. */
  function checkClean(text: string, result: DecodeResult): void {
    if (!result.ok) {
      if (!REASONS.includes(result.reason) || typeof result.message !== 'string' || result.message === '') {
        throw new Error(`bad failure for ${JSON.stringify(text)}: ${JSON.stringify(result)}`)
      }
      return
    }
    const p = result.plan
    if (typeof p.eventId !== 'string' || p.eventId === '') throw new Error(`bad event id for ${JSON.stringify(text)}`)
    if (!Number.isInteger(p.idBits) || p.idBits < MIN_ID_BITS || p.idBits > 32) throw new Error(`bad idBits ${p.idBits}`)
    if (p.sessions.length > MAX_SHARED_SESSIONS) throw new Error('too many sessions')
    p.sessions.forEach(({ ref, level }, i) => {
      const ascending = i === 0 || ref > p.sessions[i - 1]!.ref
      if (!Number.isInteger(ref) || ref < 0 || ref >= 2 ** p.idBits || !ascending || (level !== 'must' && level !== 'maybe')) {
        throw new Error(`bad session ${ref} ${level}`)
      }
    })
    if (p.name !== undefined && sanitizePlanName(p.name) !== p.name) throw new Error(`unsanitized name ${JSON.stringify(p.name)}`)
    // Anything decodable re-encodes to a link that decodes to the same plan.
    const again = decodePlan(encodeLink(p))
    if (!again.ok || JSON.stringify(again.plan) !== JSON.stringify(p)) throw new Error(`not stable for ${JSON.stringify(text)}`)
  }

  it('10,000+ random and mutated links are each decoded or rejected cleanly, deterministically, in well under 2 s', () => {
    const rand = prng(0x5eed)
    const int = (n: number) => Math.floor(rand() * n)
    const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)]!
    const valid = [
      good(0),
      good(1),
      good(30),
      enc(plan([['0badcafe', 'maybe']], '👩‍💻', 'FOSDEM 2026')),
      enc(plan([], '<script>alert(1)</script>')),
    ]
    function good(n: number) {
      return enc(seedPlan(n, n % 2 ? 'Sam' : undefined))
    }
    const junkChars = [...B64URL, '=', '+', '/', '#', '&', '%', ' ', '\n', '\u0000', 'é', '😀', '\uD800', '\u202E']

    const generators: Array<() => string> = [
      // Random base64url text of random length.
      () => Array.from({ length: int(300) }, () => pick([...B64URL])).join(''),
      // Random junk characters, sometimes behind a real URL.
      () => (rand() < 0.5 ? `${BASE}#p=` : '') + Array.from({ length: int(80) }, () => pick(junkChars)).join(''),
      // Random bytes behind a version-1 byte with a correct CRC: passes the checksum, so it exercises the parser.
      () => seal([1, ...Array.from({ length: int(200) }, () => int(256))]),
      // The same, with a plausible header: known flags, the real event ID.
      () => {
        const w = new Bits().put(1, 8).put(int(8), 4).put(EVENT.length - 1, 6)
        for (const ch of EVENT) w.put(B64URL.indexOf(ch), 6)
        // b − 1 mostly in the valid 15…31 range, k mostly below b: the parser gets past the header and into the gaps.
        w.expGolomb(int(40)).put(14 + int(18), 5).put(int(24), 5)
        for (let i = int(600); i > 0; i--) w.put(int(2), 1)
        return seal(w.bytes())
      },
      // Mutations of valid links: substitute, insert, delete, truncate, duplicate a slice, swap two characters.
      () => {
        let s = pick(valid)
        for (let m = 1 + int(3); m > 0; m--) {
          const i = int(s.length + 1)
          switch (int(6)) {
            case 0:
              s = s.slice(0, i) + pick(junkChars) + s.slice(i + 1)
              break
            case 1:
              s = s.slice(0, i) + pick(junkChars) + s.slice(i)
              break
            case 2:
              s = s.slice(0, i) + s.slice(i + 1)
              break
            case 3:
              s = s.slice(0, i)
              break
            case 4:
              s = s.slice(0, i) + s.slice(int(s.length), int(s.length)) + s.slice(i)
              break
            default: {
              const j = int(s.length)
              const a = s.split('')
              ;[a[i], a[j]] = [a[j]!, a[i]!]
              s = a.join('')
            }
          }
        }
        return s
      },
      // Random valid plans (random IDs, levels, hostile names): must come back as themselves.
      () => {
        const entries = Array.from({ length: int(60) }, (): [string, StarLevel] => [randomId(rand), rand() < 0.5 ? 'must' : 'maybe'])
        const name = rand() < 0.7 ? Array.from({ length: int(70) }, () => pick(junkChars)).join('') : undefined
        return `${BASE}#p=${enc(plan(entries, name))}`
      },
      // Bit flips in the bytes of a valid link, re-encoded.
      () => {
        const bytes = Buffer.from(pick(valid), 'base64url')
        for (let f = 1 + int(4); f > 0; f--) bytes[int(bytes.length)]! ^= 1 << int(8)
        return bytes.toString('base64url')
      },
    ]

    const tally = { ok: 0, rejected: 0 }
    for (let n = 0; n < 12_000; n++) {
      const text = generators[n % generators.length]!()
      let result: DecodeResult
      try {
        result = decodePlan(text)
      } catch (err) {
        throw new Error(`decodePlan threw on ${JSON.stringify(text)}: ${String(err)}`, { cause: err })
      }
      checkClean(text, result)
      tally[result.ok ? 'ok' : 'rejected']++
    }
    // Exercised both sides: valid plans (and a few random checksum-valid payloads) parse, the rest are refused.
    expect(tally.ok).toBeGreaterThan(1_500)
    expect(tally.rejected).toBeGreaterThan(9_000)
  })
})
