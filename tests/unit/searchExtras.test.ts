// The filters only frab/pretalx sources can feed: language and "Recorded", their facets, and when they are offered.
import { describe, expect, it } from 'vitest'
import { buildSearchIndex, createSessionSearch, facetsOf, filterOffersOf, filterSessions, isFilterEmpty, type SessionFilter } from '../../src/domain/search'
import { pretalxLikeSessions } from '../fixtures/pretalxLike'
import { seedSessions } from '../ui/factories'

const sessions = pretalxLikeSessions()
const index = buildSearchIndex(sessions)

function titles(filter: Partial<SessionFilter>): string[] {
  return filterSessions(index, { query: '', types: [], ...filter }).map((s) => s.title)
}

describe('the language filter', () => {
  it('keeps the sessions in that language and drops those with none', () => {
    expect(titles({ language: 'de' })).toEqual(['Datenschutz für alle'])
    expect(titles({ language: 'en' })).toEqual(['Opening', 'Off the record'])
  })

  it('combines with the other filters', () => {
    expect(titles({ language: 'en', types: ['Talk'] })).toEqual(['Opening'])
    expect(titles({ language: 'de', query: 'dsgvo' })).toEqual(['Datenschutz für alle'])
  })
})

describe('the "Recorded" filter', () => {
  it('keeps only what the source says may be recorded: not "not recorded", not "unknown"', () => {
    expect(titles({ recordedOnly: true })).toEqual(['Opening', 'Datenschutz für alle'])
    expect(titles({ recordedOnly: true, language: 'en' })).toEqual(['Opening'])
  })
})

describe('isFilterEmpty', () => {
  it('counts a language or "Recorded" as narrowing', () => {
    expect(isFilterEmpty({ query: '', types: [], language: 'de' })).toBe(false)
    expect(isFilterEmpty({ query: '', types: [], recordedOnly: true })).toBe(false)
    expect(isFilterEmpty({ query: '', types: [], recordedOnly: false })).toBe(true)
  })
})

describe('createSessionSearch', () => {
  it('does not answer a language or "Recorded" change from the memory of another', () => {
    const search = createSessionSearch(index)
    expect(search({ query: '', types: [] })).toHaveLength(4)
    expect(search({ query: '', types: [], language: 'de' }).map((s) => s.title)).toEqual(['Datenschutz für alle'])
    expect(search({ query: '', types: [], recordedOnly: true })).toHaveLength(2)
  })
})

describe('facetsOf', () => {
  it('counts sessions per language, sorted by tag, and the sessions that may be recorded', () => {
    const { languages, recorded } = facetsOf(sessions)
    expect(languages).toEqual([
      { language: 'de', count: 1 },
      { language: 'en', count: 2 },
    ])
    expect(recorded).toBe(2)
  })
})

describe('filterOffersOf', () => {
  it('offers both filters for an event in two languages with a talk that will not be recorded', () => {
    expect(filterOffersOf(sessions)).toEqual({ language: true, recorded: true })
  })

  it('offers neither for the Sched seed', () => {
    expect(filterOffersOf(seedSessions())).toEqual({ language: false, recorded: false })
  })

  it('offers no language filter for one language, and no "Recorded" when everything may be recorded', () => {
    const oneLanguageAllRecorded = sessions.filter((s) => s.language !== 'de' && s.doNotRecord !== true)
    expect(filterOffersOf(oneLanguageAllRecorded)).toEqual({ language: false, recorded: false })
  })
})
