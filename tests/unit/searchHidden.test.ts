import { describe, expect, it } from 'vitest'
import type { SessionId } from '../../src/domain/model'
import { buildSearchIndex, createSessionSearch, filterSessions, hiddenReasonOf, isFilterEmpty, type SessionFilter } from '../../src/domain/search'
import { makeSession } from '../ui/factories'

const b206 = makeSession({ title: 'In B206', type: 'AI + ML' })
const b304 = makeSession({ title: 'In B304', type: 'AI + ML', at: 'Building B | Level 3 | B304-305' })
const keynote = makeSession({ title: 'Keynote', type: 'Keynote Sessions', at: 'Building B | Level 3 | B304-305' })
const index = buildSearchIndex([b206, b304, keynote])
const none: SessionFilter = { query: '', types: [] }

const titles = (sessions: readonly { title: string }[]) => sessions.map((s) => s.title)

describe('hidden rooms and types', () => {
  it('drops the sessions of a hidden room and of a hidden type', () => {
    expect(titles(filterSessions(index, { ...none, hidden: { rooms: ['B304-305'], types: [] } }))).toEqual(['In B206'])
    expect(titles(filterSessions(index, { ...none, hidden: { rooms: [], types: ['AI + ML'] } }))).toEqual(['Keynote'])
  })

  it('keeps a starred session of a hidden room, so nothing the user chose vanishes silently', () => {
    const starred = new Set<SessionId>([b304.id])
    const kept = filterSessions(index, { ...none, hidden: { rooms: ['B304-305'], types: [] }, keep: starred })
    expect(titles(kept)).toEqual(['In B206', 'In B304'])
  })

  it('says why a session is hidden, the room first', () => {
    expect(hiddenReasonOf(b304, { rooms: ['B304-305'], types: ['AI + ML'] })).toBe('room')
    expect(hiddenReasonOf(b304, { rooms: [], types: ['AI + ML'] })).toBe('type')
    expect(hiddenReasonOf(b206, { rooms: ['B304-305'], types: [] })).toBeNull()
  })

  it('counts hiding as a filter, and the remembered search follows a change of hidden choices', () => {
    expect(isFilterEmpty({ ...none, hidden: { rooms: ['B206'], types: [] } })).toBe(false)
    expect(isFilterEmpty({ ...none, hidden: { rooms: [], types: [] } })).toBe(true)
    const search = createSessionSearch(index)
    expect(titles(search(none))).toHaveLength(3)
    expect(titles(search({ ...none, hidden: { rooms: ['B206'], types: [] } }))).toEqual(['In B304', 'Keynote'])
    const starred = new Set<SessionId>([b206.id])
    expect(titles(search({ ...none, hidden: { rooms: ['B206'], types: [] }, keep: starred }))).toHaveLength(3)
  })
})
