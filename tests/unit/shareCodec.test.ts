// The share-link codec: round trips, the 200-character budget on the real schedule, every way a link can arrive
// damaged, and a deterministic fuzz run proving decodePlan never throws.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { StarLevel } from '../../src/domain/conflicts'
import type { EventId, Session, SessionId } from '../../src/domain/model'
import {
  decodePlan,
  encodePlan,
  matchSharedPlan,
  MAX_LINK_CHARS,
  MAX_SHARED_SESSIONS,
  PLAN_NAME_MAX_CHARS,
  sanitizePlanName,
  shareUrl,
  type DecodeFailure,
  type DecodeResult,
  type SharedPlan,
} from '../../src/domain/shareCodec'
import { parseSnapshot } from '../../src/domain/snapshot'

const snapshot = (() => {
  const json = JSON.parse(readFileSync(join(__dirname, '../../data/kubecon-na-2025.snapshot.json'), 'utf8')) as unknown
  const result = parseSnapshot(json)
  if (!result.ok) throw new Error(result.error)
  return result.value
})()
const EVENT = snapshot.event.id
const SESSIONS = snapshot.sessions
const BASE = 'https://hallway.app/share'

/** mulberry32: deterministic randomness, so a failing fuzz case fails the same way every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

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

function expectOk(result: DecodeResult): SharedPlan {
  if (!result.ok) throw new Error(`expected a plan, got ${result.reason}: ${result.message}`)
  return result.plan
}

function expectFailure(result: DecodeResult, reason: DecodeFailure): void {
  expect(result.ok).toBe(false)
  if (!result.ok) expect(result.reason).toBe(reason)
}

function sortedEntries(p: SharedPlan): Array<[string, StarLevel]> {
  return [...p.stars].sort(([a], [b]) => (a < b ? -1 : 1))
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
  k?: number
  ids?: number[]
  levels?: number[]
  name?: number[]
  padding?: number
  extraBits?: number[]
}

/** The documented choice of Rice parameter: the k with the fewest bits, the smallest on a tie. */
function bestK(gaps: number[]): number {
  const cost = (k: number) => gaps.reduce((sum, g) => sum + Math.floor(g / 2 ** k) + 1 + k, 0)
  let best = 0
  for (let k = 1; k < 32; k++) if (cost(k) < cost(best)) best = k
  return best
}

/** A v1 payload from explicit fields; defaults describe a valid two-session plan with levels and a name. */
function craft(c: Craft = {}): string {
  const ids = c.ids ?? [0x022960d6, 0x8b98b850]
  const event = c.event ?? 'kubecon-na-2025'
  const name = c.name ?? [...Buffer.from("Sam's Thursday")]
  const flags = c.flags ?? 0b0101
  const k = c.k ?? bestK(ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]! - 1)))
  const w = new Bits().put(c.version ?? 1, 8).put(flags, 4).put(event.length - 1, 6)
  for (const ch of event) w.put(B64URL.indexOf(ch), 6)
  w.expGolomb(c.count ?? ids.length)
  if (ids.length > 0) {
    w.put(k, 5)
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
    expect(craft({ levels: [1, 0] })).toBe(encodePlan(p))
  })

  it('keeps v1 links readable forever: a golden link decodes to the same plan', () => {
    // Written by the first release. If this fails, the format changed: bump SHARE_FORMAT_VERSION instead.
    const golden = 'AVOkubecon-na-2025fQilg1vJb1d5h6mwtpO5kCo0Ork5sjC8icjg'
    const p = plan([['022960d6', 'must'], ['8b98b850', 'maybe']], "Sam's Thursday")
    expect(encodePlan(p)).toBe(golden)
    const decoded = expectOk(decodePlan(golden))
    expect(decoded).toEqual(p)
  })

  it('an empty plan', () => {
    const p = plan([])
    expect(expectOk(decodePlan(encodePlan(p)))).toEqual(p)
  })

  it('200 sessions, both levels, come back in ascending ID order', () => {
    const rand = prng(200)
    const entries: Array<[string, StarLevel]> = []
    while (entries.length < 200) {
      const id = randomId(rand)
      if (!entries.some(([e]) => e === id)) entries.push([id, rand() < 0.5 ? 'must' : 'maybe'])
    }
    const p = plan(entries, 'Two hundred')
    const decoded = expectOk(decodePlan(encodePlan(p)))
    expect(sortedEntries(decoded)).toEqual(sortedEntries(p))
    expect([...decoded.stars.keys()]).toEqual([...decoded.stars.keys()].sort())
    expect(decoded.name).toBe('Two hundred')
  })

  it('all "must", all "maybe", and the extreme IDs 00000000, ffffffff and neighbours', () => {
    for (const level of ['must', 'maybe'] as const) {
      const p = plan(
        ['00000000', '00000001', '00000002', '7fffffff', '80000000', 'fffffffe', 'ffffffff'].map((id) => [id, level]),
      )
      expect(expectOk(decodePlan(encodePlan(p)))).toEqual(p)
    }
  })

  it('a plan of only "must" stars is shorter: it needs no level bits', () => {
    const mixed = seedPlan(30)
    const allMust = plan([...mixed.stars.keys()].map((id) => [id, 'must']))
    expect(encodePlan(allMust).length).toBeLessThan(encodePlan(mixed).length)
  })

  it.each([
    ["Sam's Thursday 🚀"],
    ['日本語のプラン'],
    ['👩‍💻 Zoë & Łukasz — 🇺🇦 track'],
    ['مسار الأمن'],
    ['a'],
  ])('unicode and emoji names survive: %s', (name) => {
    const p = plan([[SESSIONS[5]!.id, 'must']], name)
    expect(expectOk(decodePlan(encodePlan(p))).name).toBe(name)
  })

  it('the same plan gives the same link whatever the order of its stars', () => {
    const p = seedPlan(20, 'x')
    const reversed = plan([...p.stars].reverse(), 'x')
    expect(encodePlan(reversed)).toBe(encodePlan(p))
  })

  it('event IDs outside [A-Za-z0-9_-] travel as UTF-8', () => {
    for (const eventId of ['FOSDEM 2026', 'journées-2025', 'a', 'x'.repeat(64), 'é'.repeat(32)]) {
      const p = plan([['0badcafe', 'maybe']], undefined, eventId)
      expect(expectOk(decodePlan(encodePlan(p)))).toEqual(p)
    }
  })

  it('a slug event ID reads verbatim in the link', () => {
    expect(encodePlan(seedPlan(3))).toContain('kubecon-na-2025')
  })

  it('rejects what the app never produces, with a RangeError', () => {
    expect(() => encodePlan(plan([['ABCDEF01', 'must']]))).toThrow(RangeError)
    expect(() => encodePlan(plan([['1234567', 'must']]))).toThrow(RangeError)
    expect(() => encodePlan(plan([], undefined, ''))).toThrow(RangeError)
    expect(() => encodePlan(plan([], undefined, 'x'.repeat(65)))).toThrow(RangeError)
    const tooMany = Array.from({ length: MAX_SHARED_SESSIONS + 1 }, (_, i): [string, StarLevel] => [
      i.toString(16).padStart(8, '0'),
      'must',
    ])
    expect(() => encodePlan(plan(tooMany))).toThrow(RangeError)
  })

  it('the largest plan the encoder accepts still decodes: 500 sessions, worst-case spread, longest name', () => {
    // Every gap just above a power of two wastes the most Rice bits; 4-byte characters make the longest name.
    const rand = prng(500)
    const entries: Array<[string, StarLevel]> = Array.from({ length: MAX_SHARED_SESSIONS }, (_, i) => [
      (i * 8_589_934 + Math.floor(rand() * 1000)).toString(16).padStart(8, '0'),
      rand() < 0.5 ? 'must' : 'maybe',
    ])
    const p = plan(entries, '🎉'.repeat(PLAN_NAME_MAX_CHARS), 'é'.repeat(32))
    const url = shareUrl(p, BASE)
    expect(url.length).toBeLessThanOrEqual(MAX_LINK_CHARS)
    const decoded = expectOk(decodePlan(url))
    expect(sortedEntries(decoded)).toEqual(sortedEntries(p))
  })
})

// ---- Size ---------------------------------------------------------------------------------------------------------

describe('size', () => {
  const fragment = (p: SharedPlan) => `#p=${encodePlan(p)}`

  it('30 real sessions and a name fit in under 200 characters of fragment', () => {
    const named = fragment(seedPlan(30, "Sam's Thursday"))
    const unnamed = fragment(seedPlan(30))
    // Exact lengths, so a format change that costs characters is a visible decision.
    expect(named.length).toBe(193)
    expect(unnamed.length).toBe(174)
    expect(named.length).toBeLessThan(200)
    expect(shareUrl(seedPlan(30, "Sam's Thursday"), BASE).length).toBe(BASE.length + 193)
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
      longest = Math.max(longest, fragment(p).length)
    }
    expect(longest).toBeLessThan(200)
  })
})

// ---- Rejections -------------------------------------------------------------------------------------------------

describe('rejects, never throws', () => {
  const good = encodePlan(seedPlan(30, "Sam's Thursday"))

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
    const start = performance.now()
    expectFailure(decodePlan('#p=' + 'A'.repeat(10_000_000)), 'too-large')
    expect(performance.now() - start).toBeLessThan(50)
    expect(decodePlan('A'.repeat(MAX_LINK_CHARS)).ok).toBe(false)
  })

  it('too large: an intact payload claiming more than 500 sessions', () => {
    const ids = Array.from({ length: 501 }, (_, i) => i)
    expectFailure(decodePlan(craft({ ids, k: 0, flags: 0b0000 })), 'too-large')
    expect(expectOk(decodePlan(craft({ ids: ids.slice(0, 500), k: 0, flags: 0b0000 }))).stars.size).toBe(500)
  })

  it('duplicate IDs cannot be written: IDs are strictly increasing gaps, and a gap past ffffffff is rejected', () => {
    // The layout stores "gap − 1", so the nearest thing to a duplicate is two IDs one apart.
    expect([...expectOk(decodePlan(craft({ ids: [5, 6], flags: 0 }))).stars.keys()]).toEqual(['00000005', '00000006'])
    expectFailure(decodePlan(craft({ ids: [0xffffffff, 0x100000000], k: 31, flags: 0 })), 'corrupt')
    expectFailure(decodePlan(craft({ ids: [0x100000000], k: 31, flags: 0 })), 'corrupt')
  })

  it('count mismatch: more or fewer sessions than the data holds, extra bits, non-zero padding', () => {
    const ids = [0x10, 0x20, 0x30]
    expectFailure(decodePlan(craft({ ids, count: 4, flags: 0 })), 'corrupt')
    expectFailure(decodePlan(craft({ ids, count: 2, flags: 0 })), 'corrupt')
    expectFailure(decodePlan(craft({ ids, flags: 0, extraBits: [0, 0, 0, 0, 0, 0, 0, 0] })), 'corrupt')
    expectFailure(decodePlan(craft({ ids, flags: 0, padding: 1 })), 'corrupt')
    expect(expectOk(decodePlan(craft({ ids, flags: 0 }))).stars.size).toBe(3)
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
    const decoded = expectOk(decodePlan(encodePlan(plan([['0badcafe', 'must']], name))))
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
    const decoded = expectOk(decodePlan(encodePlan(plan([], ' \u202Eevil\u0000 name\n'))))
    expect(decoded.name).toBe('evil name')
    expect(expectOk(decodePlan(encodePlan(plan([], ' \n ')))).name).toBeUndefined()
  })
})

describe('matchSharedPlan and shareUrl', () => {
  it('splits into sessions the receiver has (schedule order) and IDs it does not (sorted)', () => {
    const [a, b, c] = [SESSIONS[40]!, SESSIONS[2]!, SESSIONS[77]!]
    const p = plan([[a.id, 'must'], ['ffff0000', 'maybe'], [b.id, 'maybe'], ['0000ffff', 'must'], [c.id, 'must']])
    const match = matchSharedPlan(expectOk(decodePlan(encodePlan(p))), SESSIONS)
    expect(match.found.map((f) => [f.session.id, f.level])).toEqual([
      [b.id, 'maybe'],
      [a.id, 'must'],
      [c.id, 'must'],
    ])
    expect(match.missing).toEqual([
      { id: '0000ffff', level: 'must' },
      { id: 'ffff0000', level: 'maybe' },
    ])
  })

  it('shareUrl replaces an existing fragment, and the URL decodes', () => {
    const p = seedPlan(5, 'Mine')
    const url = shareUrl(p, `${BASE}#old`)
    expect(url.startsWith(`${BASE}#p=`)).toBe(true)
    expect(expectOk(decodePlan(url))).toEqual(expectOk(decodePlan(encodePlan(p))))
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
    if (p.stars.size > MAX_SHARED_SESSIONS) throw new Error('too many stars')
    for (const [id, level] of p.stars) {
      if (!/^[0-9a-f]{8}$/.test(id) || (level !== 'must' && level !== 'maybe')) throw new Error(`bad star ${id} ${level}`)
    }
    if (p.name !== undefined && sanitizePlanName(p.name) !== p.name) throw new Error(`unsanitized name ${JSON.stringify(p.name)}`)
    // Anything decodable re-encodes to a link that decodes to the same plan.
    const again = decodePlan(encodePlan(p))
    if (!again.ok || sortedEntries(again.plan).join() !== sortedEntries(p).join() || again.plan.name !== p.name) {
      throw new Error(`not stable for ${JSON.stringify(text)}`)
    }
  }

  it('10,000+ random and mutated links are each decoded or rejected cleanly, deterministically, in well under 2 s', () => {
    const rand = prng(0x5eed)
    const int = (n: number) => Math.floor(rand() * n)
    const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)]!
    const valid = [
      good(0),
      good(1),
      good(30),
      encodePlan(plan([['0badcafe', 'maybe']], '👩‍💻', 'FOSDEM 2026')),
      encodePlan(plan([], '<script>alert(1)</script>')),
    ]
    function good(n: number) {
      return encodePlan(seedPlan(n, n % 2 ? 'Sam' : undefined))
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
        w.expGolomb(int(40)).put(int(32), 5)
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
        return `${BASE}#p=${encodePlan(plan(entries, name))}`
      },
      // Bit flips in the bytes of a valid link, re-encoded.
      () => {
        const bytes = Buffer.from(pick(valid), 'base64url')
        for (let f = 1 + int(4); f > 0; f--) bytes[int(bytes.length)]! ^= 1 << int(8)
        return bytes.toString('base64url')
      },
    ]

    const start = performance.now()
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
    expect(performance.now() - start).toBeLessThan(2_000)
  })
})
