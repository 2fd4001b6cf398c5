// Taps kept from before the saved stars were read: written raising a star, never lowering or removing one.
import type { EventId, SessionId } from '../../../src/domain/model'
import { PendingStars } from '../../../src/db/pendingStars'
import { raisedLevel } from '../../../src/domain/stars'
import { MemoryUserData } from '../../../src/db/userDataStore'

const EVENT = 'democon' as EventId
const A = '0000000a' as SessionId
const B = '0000000b' as SessionId
const C = '0000000c' as SessionId
const AT = '2025-11-01T00:00:00.000Z'

describe('pending stars', () => {
  it('raises a saved star or adds one, and never lowers or removes one', () => {
    expect(raisedLevel(undefined, 'maybe')).toBe('maybe')
    expect(raisedLevel('maybe', 'must')).toBe('must')
    expect(raisedLevel('must', 'maybe')).toBe('must')
    expect(raisedLevel('must', null)).toBe('must')
  })

  it('cycles taps from none, and writes them over the saved stars in one unit of work', async () => {
    const pending = new PendingStars()
    const store = new MemoryUserData({
      stars: [
        { eventId: EVENT, sessionId: A, level: 'must', updatedAt: AT },
        { eventId: EVENT, sessionId: B, level: 'maybe', updatedAt: AT },
      ],
    })
    expect(pending.tap(EVENT, A)).toBe('must')
    expect(pending.tap(EVENT, A)).toBe('maybe') // shown as maybe; the saved Must it could not see stays
    expect(pending.tap(EVENT, B)).toBe('must')
    pending.tap(EVENT, C)
    pending.tap(EVENT, C)
    expect(pending.tap(EVENT, C)).toBeNull()
    expect(pending.forEvent(EVENT)).toEqual(new Map([[A, 'maybe'], [B, 'must']]))

    await pending.flush(store, EVENT)
    const levels = Object.fromEntries(store.snapshot(EVENT).stars.map((r) => [r.sessionId, r.level]))
    expect(levels).toEqual({ [A]: 'must', [B]: 'must' })
    // Shown as written until the next read has them, then gone.
    expect(pending.forEvent(EVENT)).toEqual(new Map([[A, 'must'], [B, 'must']]))
    pending.settle(EVENT)
    expect(pending.forEvent(EVENT).size).toBe(0)
  })
})
