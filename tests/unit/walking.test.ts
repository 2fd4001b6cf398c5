// The walking model: every tier, the venue's real rooms, pace and buffer, and the phrases the plan view shows.
import {
  GWCC_WALKING_MODEL,
  placeLabels,
  transferBetween,
  walkingMinutes,
} from '../../src/domain/walking'
import { describeTransfer } from '../../src/ui/common/walkText'
import { place, seedSession } from './planFactories'

const B206 = place('Building B | Level 2 | B206')
const B207 = place('Building B | Level 2 | B207')
const B4 = place('Building B | Level 4 | B406b-407')
const B3 = place('Building B | Level 3 | B304-305')
const B1 = place('Building B | Level 1 | Exhibit Hall B2')
const B5 = place('Building B | Level 5 | Thomas Murphy Ballroom 1')
const C3 = place('Building C | Level 3 | Georgia Ballroom 2')
const C1 = place('Building C | Level 1 | C111-112')
const A4 = place('Building A | Level 4 | A412')
const HALL = place('Building B | Level 1 | Exhibit Hall B3-B5')
const LOUNGE = place('Building B | Level 1 | Exhibit Hall B3-B5 | Learning Lounge')

describe('transferBetween at the normal pace (GWCC model)', () => {
  it('costs nothing to stay in the same room, even with a buffer', () => {
    expect(transferBetween(B206, { ...B206, raw: 'other raw text' }, { bufferMin: 5 })).toEqual({
      kind: 'same-room',
      walkMin: 0,
      bufferMin: 0,
      neededMin: 0,
    })
  })

  it('grows with each tier: same level < another level < another building < two buildings over', () => {
    expect(transferBetween(B206, B207)).toEqual({ kind: 'same-level', walkMin: 3, bufferMin: 0, neededMin: 3 })
    expect(transferBetween(B4, B3)).toMatchObject({ kind: 'other-level', walkMin: 6 }) // 3 + 3
    expect(walkingMinutes(B1, B5)).toBe(9) // 3 + 3 for the first level + 3 × 1 for levels 3, 4 and 5
    expect(transferBetween(C1, B206)).toMatchObject({ kind: 'other-building', walkMin: 13 }) // 10 + 3
    expect(transferBetween(B4, C3)).toMatchObject({ kind: 'other-building', walkMin: 13 }) // 10 + 3
    expect(walkingMinutes(B1, place('Building C | Level 1 | C111-112'))).toBe(10) // same level: the bridge only
    expect(walkingMinutes(A4, C3)).toBe(20) // 10 + 7 (through B) + 3
  })

  it('is symmetric for the seed rooms', () => {
    for (const [a, b] of [[B4, C3], [B1, B5], [A4, B206], [HALL, LOUNGE]] as const) {
      expect(walkingMinutes(a, b)).toBe(walkingMinutes(b, a))
    }
  })

  it('treats another area of the same hall as a same-level walk', () => {
    expect(transferBetween(HALL, LOUNGE)).toMatchObject({ kind: 'same-level', walkMin: 3 })
  })

  it('uses the documented default when the building is unknown (frab rooms)', () => {
    expect(transferBetween(place('H.1302'), place('K.1.105'))).toMatchObject({ kind: 'unknown', walkMin: 5 })
    expect(transferBetween(place('H.1302'), place('H.1302'))).toMatchObject({ kind: 'same-room', walkMin: 0 })
    // Same building, a level missing on one side: we cannot tell same level from another.
    expect(transferBetween(B206, { building: 'Building B', room: 'Foyer', raw: '' })).toMatchObject({ kind: 'unknown', walkMin: 5 })
  })

  it('counts a level without a number as one level away', () => {
    expect(walkingMinutes(B206, place('Building B | Mezzanine | M1'))).toBe(6)
  })

  it('compares names case- and space-insensitively', () => {
    expect(walkingMinutes(B206, place('building b |  level 2 | b206'))).toBe(0)
  })
})

describe('pace and buffer', () => {
  it('scales walking minutes by the pace, rounding to whole minutes but never below 1', () => {
    expect(walkingMinutes(B4, C3, { pace: 'relaxed' })).toBe(17) // 13 × 1.3 = 16.9
    expect(walkingMinutes(B4, C3, { pace: 'brisk' })).toBe(10) // 13 × 0.75 = 9.75
    expect(walkingMinutes(B206, B207, { pace: 'relaxed' })).toBe(4) // 3.9
    expect(walkingMinutes(B206, B207, { pace: 'brisk' })).toBe(2) // 2.25
    // 0.5 × 0.75 rounds to 0, but another room is never "no walk at all".
    expect(walkingMinutes(B206, B207, { pace: 'brisk', model: { ...GWCC_WALKING_MODEL, sameLevelMin: 0.5 } })).toBe(1)
  })

  it('adds the buffer to what a changeover needs, not to the walk', () => {
    expect(transferBetween(B4, C3, { bufferMin: 5 })).toEqual({
      kind: 'other-building',
      walkMin: 13,
      bufferMin: 5,
      neededMin: 18,
    })
  })

  it('takes a different model as a parameter', () => {
    expect(walkingMinutes(B4, C3, { model: { ...GWCC_WALKING_MODEL, nextBuildingMin: 20 } })).toBe(23)
    // With no building order, A and C count as adjacent.
    expect(walkingMinutes(A4, C3, { model: { ...GWCC_WALKING_MODEL, buildingOrder: [] } })).toBe(13)
  })
})

describe('describeTransfer', () => {
  it('gives the short phrases of the plan view', () => {
    expect(describeTransfer(transferBetween(B206, B206), B206)).toBe('same room')
    expect(describeTransfer(transferBetween(B206, B207), B207)).toBe('3 min walk, same level')
    expect(describeTransfer(transferBetween(B4, B3), B3)).toBe('6 min walk to Level 3')
    expect(describeTransfer(transferBetween(B4, C3), C3)).toBe('≈13 min walk to Building C')
    expect(describeTransfer(transferBetween(place('H.1302'), place('K.1.105')), place('K.1.105'))).toBe(
      '≈5 min walk to K.1.105',
    )
  })
})

describe('placeLabels', () => {
  it('names building and level when they differ, rooms otherwise', () => {
    expect(placeLabels(B4, C3)).toEqual(['Building B Level 4', 'Building C Level 3'])
    expect(placeLabels(B206, B207)).toEqual(['B206', 'B207'])
    expect(placeLabels(HALL, LOUNGE)).toEqual(['Exhibit Hall B3-B5', 'Exhibit Hall B3-B5 · Learning Lounge'])
    expect(placeLabels(place('H.1302'), place('K.1.105'))).toEqual(['H.1302', 'K.1.105'])
  })

  it('reads the real seed venues', () => {
    const from = seedSession('Autoscaling Spring Boot Apps').venue
    const to = seedSession('SIG API Machinery and AI').venue
    expect(placeLabels(from, to)).toEqual(['Building B Level 4', 'Building C Level 3'])
    expect(walkingMinutes(from, to)).toBe(13)
  })
})
