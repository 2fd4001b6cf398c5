import { describe, expect, it } from 'vitest'
import type { VenueDay } from '../../src/domain/model'
import {
  buildSearchIndex,
  createSessionSearch,
  facetsOf,
  filterSessions,
  isFilterEmpty,
  normalizeText,
  prepareSearch,
  queryTerms,
  type SessionFilter,
} from '../../src/domain/search'
import { est, makeSession, seedSessions, syntheticSessions, THURSDAY, venue } from '../ui/factories'

const seed = seedSessions()
const index = buildSearchIndex(seed)

function titles(filter: Partial<SessionFilter>): string[] {
  return filterSessions(index, { query: '', types: [], ...filter }).map((s) => s.title)
}

describe('normalizeText', () => {
  it('lowercases, strips diacritics, folds curly apostrophes and collapses whitespace', () => {
    expect(normalizeText('  Lucas  Käldström\n\tL’Ecuyer ')).toBe("lucas kaldstrom l'ecuyer")
    expect(normalizeText('André Yöndem Vásquez')).toBe('andre yondem vasquez')
  })
})

describe('queryTerms', () => {
  it('drops duplicates and words contained in other words', () => {
    expect(queryTerms('Flux  fluxcd flux GitOps')).toEqual(['fluxcd', 'gitops'])
    expect(queryTerms('   ')).toEqual([])
  })
})

describe('filterSessions', () => {
  it('finds a word in titles and descriptions, in start order', () => {
    // Both at 3:15 PM; snapshot order puts room B304-305 before Georgia Ballroom 2.
    expect(titles({ query: 'dragonfly' })).toEqual([
      'Turbocharging Argo CD: Replacing Redis With Dragonfly for Better Performance and Lower Bills',
      'Dragonfly v2.3.0',
    ])
  })

  it('finds speakers by name and by company', () => {
    expect(titles({ query: 'prodan' })).toEqual(['AI-Assisted GitOps With Flux MCP Server'])
    expect(titles({ query: 'Spotify' })).toEqual([
      '🚨 Contribfest: Level up Your Open Source Journey: Hands-On Backstage Contributions!',
    ])
    // A role, only known from the speakers split.
    expect(titles({ query: 'product manager' })).toEqual([
      'Feature Flag Driven Development: Seamlessly Integrate Feature Flags Into Your SDLC',
    ])
  })

  it('finds names in messy raw speaker text, without accents or with them', () => {
    const expected = ['Tools and Strategies for Making the Most of Kubernetes Access Control']
    expect(titles({ query: 'kaldstrom' })).toEqual(expected)
    expect(titles({ query: 'KÄLDSTRÖM' })).toEqual(expected)
    expect(titles({ query: 'Wenbo Qi' })).toEqual(['Dragonfly v2.3.0'])
  })

  it('matches accented names typed without accents ("andre" → "André Wanlin")', () => {
    expect(titles({ query: 'andre wanlin' })).toHaveLength(1)
  })

  it('treats several words as AND, in any order and across fields', () => {
    expect(titles({ query: 'flux controlplane' })).toEqual(['AI-Assisted GitOps With Flux MCP Server'])
    expect(titles({ query: 'dragonfly redis' })).toEqual([
      'Turbocharging Argo CD: Replacing Redis With Dragonfly for Better Performance and Lower Bills',
    ])
    expect(titles({ query: 'dragonfly nonexistentword' })).toEqual([])
  })

  it('searches type, room and area text too', () => {
    expect(titles({ query: 'learning lounge' })).toEqual([
      'Learning Lounge: AI May Be the Lead Singer, But You Still Need the Band',
    ])
    expect(titles({ query: 'B406b' })).toEqual([
      'Feature Flag Driven Development: Seamlessly Integrate Feature Flags Into Your SDLC',
    ])
  })

  it('does not match a word across two fields', () => {
    // Title ends "…Server", description starts "Managing": "servermanaging" must not match.
    expect(titles({ query: 'servermanaging' })).toEqual([])
  })

  it('filters by one or several types, including emoji types', () => {
    expect(titles({ types: ['🚨 CONTRIBFEST'] })).toHaveLength(1)
    expect(titles({ types: ['BREAKS', 'KEYNOTE SESSIONS'] })).toEqual([
      'Keynote: Beyond Operations: Scaling Platform Engineering in the CNCF Community',
      'Coffee Break ☕',
      'Lunch 🍲',
    ])
    expect(titles({ types: ['AI + ML'], query: 'ray' })).toEqual([
      'An Open Source AI Compute Stack: Kubernetes + Ray + PyTorch + VLLM',
    ])
  })

  it('filters by building and by room', () => {
    expect(titles({ building: 'Building C' })).toEqual(['Dragonfly v2.3.0'])
    expect(titles({ building: 'Building B', room: 'B206' })).toEqual([
      'AI-Assisted GitOps With Flux MCP Server',
      'An Open Source AI Compute Stack: Kubernetes + Ray + PyTorch + VLLM',
    ])
    expect(titles({ building: 'Building C', room: 'B206' })).toEqual([])
  })

  it('hides sessions that ended at or before the given instant, keeping those in progress', () => {
    // 11:30 EST: the 11:00–11:30 talks have just ended; the Contribfest (until 12:15) is still on.
    const kept = titles({ hideEndedBefore: est('11:30am') })
    expect(kept).toContain('🚨 Contribfest: Level up Your Open Source Journey: Hands-On Backstage Contributions!')
    expect(kept).toContain('Lunch 🍲')
    expect(kept).not.toContain('AI-Assisted GitOps With Flux MCP Server')
    expect(kept).not.toContain('Coffee Break ☕')
    expect(kept).toHaveLength(6)
  })

  it('keeps only the given day', () => {
    const friday = '2025-11-14' as VenueDay
    const other = makeSession({ title: 'Friday talk', day: friday, start: est('9:00am', friday), end: est('9:30am', friday) })
    const idx = buildSearchIndex([...seed, other])
    expect(filterSessions(idx, { query: '', types: [], day: friday }).map((s) => s.title)).toEqual(['Friday talk'])
    expect(filterSessions(idx, { query: 'talk', types: [], day: '2025-11-13' as VenueDay })).not.toContainEqual(other)
  })

  it("finds a day's sessions even when the input is not in day order", () => {
    const friday = '2025-11-14' as VenueDay
    const fri = makeSession({ title: 'Friday talk', day: friday, start: est('9:00am', friday), end: est('9:30am', friday) })
    const [first, ...rest] = seed
    // Thursday, Friday, Thursday…: the day is split in two, so the index must fall back to a full scan.
    const idx = buildSearchIndex([first!, fri, ...rest])
    expect(idx.dayRanges).toBeNull()
    expect(filterSessions(idx, { query: '', types: [], day: THURSDAY })).toHaveLength(seed.length)
    expect(filterSessions(idx, { query: '', types: [], day: friday })).toEqual([fri])
    expect(filterSessions(buildSearchIndex(seed), { query: '', types: [], day: friday })).toEqual([])
  })

  it('returns every session when nothing filters', () => {
    expect(filterSessions(index, { query: '  ', types: [] })).toEqual(seed)
    expect(isFilterEmpty({ query: ' ', types: [] })).toBe(true)
    expect(isFilterEmpty({ query: '', types: [], room: 'B206' })).toBe(false)
  })

  // Keystroke speed at this scale is measured by npm run bench in Chromium, never by a timed assertion here.
  it('filters 10,000 sessions', () => {
    const big = buildSearchIndex(syntheticSessions(10_000, 10))
    expect(filterSessions(big, { query: 'gpu', types: [] })).toHaveLength(1000)
    expect(filterSessions(big, { query: 'nothing-matches-this', types: [], hideEndedBefore: est('9:00am') })).toEqual([])
  })
})

describe('indexing on demand', () => {
  const friday = '2025-11-14' as VenueDay

  it("normalises a session's text only when a search first reaches it, and only the searched day", () => {
    const idx = buildSearchIndex(syntheticSessions(40, 2))
    expect(idx.haystacks.filter((h) => h !== undefined)).toHaveLength(0)
    // No text to find: nothing to normalise.
    filterSessions(idx, { query: '', types: [], day: THURSDAY })
    expect(idx.haystacks.filter((h) => h !== undefined)).toHaveLength(0)
    expect(filterSessions(idx, { query: 'gitops', types: [], day: THURSDAY }).length).toBeGreaterThan(0)
    expect(idx.haystacks.slice(0, 20).every((h) => h !== undefined)).toBe(true)
    expect(idx.haystacks.slice(20).every((h) => h === undefined)).toBe(true)
  })

  it('prepares a day ahead of time, a slice per call, with the same answers', () => {
    const sessions = syntheticSessions(40, 2)
    const idx = buildSearchIndex(sessions)
    expect(prepareSearch(idx, friday, 8)).toBe(false)
    expect(idx.haystacks.filter((h) => h !== undefined)).toHaveLength(8)
    while (!prepareSearch(idx, friday, 8));
    expect(idx.haystacks.slice(20).every((h) => h !== undefined)).toBe(true)
    expect(idx.haystacks.slice(0, 20).every((h) => h === undefined)).toBe(true)
    expect(prepareSearch(idx, '2030-01-01' as VenueDay)).toBe(true)
    const fresh = buildSearchIndex(sessions)
    for (const query of ['gitops', 'session 3', 'production lessons', 'zzz']) {
      expect(filterSessions(idx, { query, types: [], day: friday })).toEqual(filterSessions(fresh, { query, types: [], day: friday }))
    }
  })

  it('keeps whitespace handling exact when it skips the collapsing pass', () => {
    expect(normalizeText('plain words only')).toBe('plain words only')
    expect(normalizeText('two  spaces\tand\u00a0nbsp ')).toBe('two spaces and nbsp')
  })
})

describe('createSessionSearch', () => {
  const big = buildSearchIndex(syntheticSessions(2000, 2))
  const friday = '2025-11-14' as VenueDay

  /** Every prefix typed, then erased: what a search box asks for. */
  function typing(word: string): string[] {
    const prefixes = Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1))
    return [...prefixes, ...prefixes.slice(0, -1).reverse(), '']
  }

  it('answers exactly as filterSessions while typing forward and back, with filters and several words', () => {
    const search = createSessionSearch(big)
    const filters: Array<Omit<SessionFilter, 'query'>> = [
      { types: [], day: THURSDAY },
      { types: ['SECURITY', 'AI + ML'], day: THURSDAY },
      { types: [], day: friday, building: 'Building B' },
      { types: [], hideEndedBefore: est('1:00pm') },
      { types: [], day: THURSDAY },
    ]
    for (const f of filters) {
      for (const query of [...typing('observability'), ...typing('gpu sched'), 'sched gpu', 'scheduling gpu', 'session 1', 'zzz']) {
        expect(search({ ...f, query })).toEqual(filterSessions(big, { ...f, query }))
      }
    }
  })

  it('gives the very same array for a query asked again, so memoised views keep their work', () => {
    const search = createSessionSearch(big)
    const filter = { types: [], day: THURSDAY }
    const obs = search({ ...filter, query: 'obs' })
    search({ ...filter, query: 'obse' })
    expect(search({ ...filter, query: 'obs ' })).toBe(obs)
    // The same words in another order are the same query.
    const two = search({ ...filter, query: 'gpu scheduling' })
    expect(search({ ...filter, query: 'scheduling  GPU' })).toBe(two)
    // Other filters: another answer, computed afresh.
    expect(search({ ...filter, types: ['SECURITY'], query: 'obs' })).not.toBe(obs)
  })
})

describe('facetsOf', () => {
  it('lists types sorted by name (ignoring a leading emoji) with counts', () => {
    const { types } = facetsOf(seed)
    expect(types.map((t) => t.type)).toEqual([
      'AI + ML',
      'APPLICATION DEVELOPMENT',
      'BREAKS',
      '🚨 CONTRIBFEST',
      'EXPERIENCES',
      'KEYNOTE SESSIONS',
      'MAINTAINER TRACK',
      'OPERATIONS + PERFORMANCE',
      'SECURITY',
    ])
    expect(types.find((t) => t.type === 'AI + ML')?.count).toBe(2)
  })

  it('groups rooms under buildings, rooms in natural order, roomless-building rooms last', () => {
    const extra = makeSession({ venue: { room: 'Janson', raw: 'Janson' } })
    const { buildings } = facetsOf([...seed, extra])
    expect(buildings.map((b) => b.building)).toEqual(['Building B', 'Building C', ''])
    const b = buildings[0]!
    expect(b.rooms.map((r) => r.room)).toEqual([
      'B206',
      'B207',
      'B304-305',
      'B406b-407',
      'Exhibit Hall B2',
      'Exhibit Hall B3-B5',
      'Thomas Murphy Ballroom 1',
      'Thomas Murphy Ballroom 2-3',
    ])
    expect(b.rooms.find((r) => r.room === 'Exhibit Hall B3-B5')?.count).toBe(3)
    expect(buildings[2]!.rooms).toEqual([{ room: 'Janson', count: 1 }])
  })

  it('ignores empty types', () => {
    expect(facetsOf([makeSession({ type: '', venue: venue('Building A | Level 4 | A412, Atlanta, GA, USA') })]).types).toEqual([])
  })
})
