// The facet bitsets against a plain filter, session by session: the same sessions in the same order, over many
// filter combinations on the synthetic 10,000-session schedule and on the seed.
import { describe, expect, it } from 'vitest'
import type { Instant, Session, SessionId } from '../../src/domain/model'
import { buildSearchIndex, createSessionSearch, filterSessions, normalizeText, queryTerms, type SessionFilter } from '../../src/domain/search'
import { makeSyntheticSessions, prng } from '../../src/domain/synthetic'
import { seedSessions } from '../ui/factories'

const texts = new WeakMap<Session, string>()

/** All of a session's searched text, normalised (made once per session: the test filters 10,000 sessions often). */
function textOf(s: Session): string {
  let text = texts.get(s)
  if (text === undefined) {
    const fields = [s.title, s.speakersRaw, s.description, s.type, s.venue.room, s.venue.area ?? '', s.venue.building ?? '', ...s.speakers.flatMap((p) => [p.name, p.role ?? '', p.company ?? ''])]
    // Fields apart by a line break: a query word (no whitespace) cannot match across two of them.
    texts.set(s, (text = fields.map(normalizeText).join('\n')))
  }
  return text
}

/** The filter's meaning, spelled out one session at a time (SessionFilter's documentation), with no index. */
function referenceFilter(sessions: readonly Session[], f: SessionFilter): Session[] {
  const terms = queryTerms(f.query)
  const hidden = f.hidden ?? { rooms: [], types: [] }
  return sessions.filter((s) => {
    if (f.day !== undefined && s.day !== f.day) return false
    if (f.types.length > 0 && !f.types.includes(s.type)) return false
    if (f.building && s.venue.building !== f.building) return false
    if (f.room && s.venue.room !== f.room) return false
    if (f.language && s.language !== f.language) return false
    if (f.recordedOnly && s.doNotRecord !== false) return false
    if ((hidden.rooms.includes(s.venue.room) || hidden.types.includes(s.type)) && !f.keep?.has(s.id)) return false
    if (f.hideEndedBefore !== undefined && s.end <= f.hideEndedBefore) return false
    return terms.every((t) => textOf(s).includes(t))
  })
}

const LANGUAGES = ['en', 'de', 'pt-BR']

/** The synthetic schedule, with languages and recording flags (which it lacks) on some sessions, so every facet bites. */
function syntheticWithEveryFacet(): Session[] {
  const rand = prng(7)
  return makeSyntheticSessions({ count: 10_000, seed: 1 }).map((s) => {
    const r = rand()
    return {
      ...s,
      ...(r < 0.6 ? { language: LANGUAGES[Math.floor(r * 5) % 3]! } : {}),
      ...(r < 0.3 ? { doNotRecord: false } : r < 0.45 ? { doNotRecord: true } : {}),
    }
  })
}

function distinct(values: Iterable<string | undefined>): string[] {
  return [...new Set([...values].filter((v): v is string => v !== undefined && v !== ''))]
}

/** Random filters built from the values the sessions have (and one they do not), `count` of them. */
function randomFilters(sessions: readonly Session[], count: number, seed: number): SessionFilter[] {
  const rand = prng(seed)
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const maybe = <T,>(p: number, value: () => T): T | undefined => (rand() < p ? value() : undefined)
  const types = [...distinct(sessions.map((s) => s.type)), 'No such type']
  const rooms = [...distinct(sessions.map((s) => s.venue.room)), 'Nowhere']
  const buildings = distinct(sessions.map((s) => s.venue.building))
  const days = distinct(sessions.map((s) => s.day))
  const languages = [...distinct(sessions.map((s) => s.language)), 'fr']
  const words = ['', '', '', 'a', 'ob', 'observ', 'kubernetes', 'security cloud', 'the', 'zzzxqj']
  const starred = new Set<SessionId>(sessions.filter((_, i) => i % 7 === 0).map((s) => s.id))
  return Array.from({ length: count }, (): SessionFilter => {
    const ended = maybe(0.2, () => pick(sessions).end)
    const filter: SessionFilter = {
      query: pick(words),
      types: maybe(0.5, () => Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(types))) ?? [],
      building: maybe(0.3, () => pick(buildings)),
      room: maybe(0.2, () => pick(rooms)),
      day: maybe(0.6, () => pick(days)) as SessionFilter['day'],
      language: maybe(0.25, () => pick(languages)),
      recordedOnly: rand() < 0.25,
      hideEndedBefore: ended as Instant | undefined,
    }
    if (rand() < 0.3) filter.hidden = { rooms: maybe(0.6, () => [pick(rooms)]) ?? [], types: maybe(0.6, () => [pick(types), pick(types)]) ?? [] }
    if (rand() < 0.5) filter.keep = starred
    return filter
  })
}

function expectSameAsReference(sessions: readonly Session[], filters: readonly SessionFilter[]): void {
  const index = buildSearchIndex(sessions)
  const search = createSessionSearch(index)
  let nonEmpty = 0
  for (const filter of filters) {
    const expected = referenceFilter(sessions, filter).map((s) => s.id)
    if (expected.length > 0) nonEmpty += 1
    expect(filterSessions(index, filter).map((s) => s.id), JSON.stringify({ ...filter, keep: undefined })).toEqual(expected)
    expect(search(filter).map((s) => s.id)).toEqual(expected)
  }
  // Most combinations keep something: the comparison is not between two empty lists.
  expect(nonEmpty).toBeGreaterThan(filters.length / 5)
}

describe('facet filters against a plain filter', () => {
  const synthetic = syntheticWithEveryFacet()

  it('keeps the same sessions in the same order at 10,000 sessions, over 200 random combinations', () => {
    expectSameAsReference(synthetic, randomFilters(synthetic, 200, 11))
  })

  it('does so with the sessions out of start order (no day ranges), as typed query after query', () => {
    const rand = prng(3)
    const shuffled = [...synthetic.slice(0, 2_000)].sort(() => rand() - 0.5)
    const filters = randomFilters(shuffled, 150, 12)
    // Narrowing queries on one set of facets: each answer is scanned within the one before.
    const base = filters[0]!
    const typed = ['o', 'ob', 'obs', 'observ', 'ob', ''].map((query) => ({ ...base, query }))
    expectSameAsReference(shuffled, [...filters, ...typed])
  })

  it('keeps the same sessions on the seed, a count that is no multiple of 32', () => {
    const seed = seedSessions()
    expect(seed.length % 32).not.toBe(0)
    expectSameAsReference(seed, randomFilters(seed, 200, 13))
  })

  it('narrows by each facet alone on the synthetic schedule', () => {
    const index = buildSearchIndex(synthetic)
    const none: SessionFilter = { query: '', types: [] }
    const german = filterSessions(index, { ...none, language: 'de' })
    expect(german.length).toBeGreaterThan(1_000)
    expect(german.every((s) => s.language === 'de')).toBe(true)
    const recorded = filterSessions(index, { ...none, recordedOnly: true })
    expect(recorded.every((s) => s.doNotRecord === false)).toBe(true)
    expect(recorded.length).toBe(synthetic.filter((s) => s.doNotRecord === false).length)
    expect(filterSessions(index, { ...none, building: 'Building Z' })).toEqual([])
    expect(filterSessions(index, { ...none, types: ['No such type'] })).toEqual([])
  })
})
