// The venue map's domain: the KubeCon seed's buildings, levels and rooms as a tree, the drawing's layout, finding a
// room by name, and the words that say where it is.
import { findRoom, placeWords, roomBox, roomKey, venueMapLayout, venueTree, ROOM_HEIGHT } from '../../src/domain/venueMap'
import { seedSnapshot } from '../fixtures/seedSnapshot'
import { place } from './planFactories'

const tree = venueTree(seedSnapshot().sessions)

describe('venueTree', () => {
  it('lists the seed by building in the walking model order, levels highest first, rooms by name', () => {
    expect(tree.map((b) => b.building)).toEqual(['Building A', 'Building B', 'Building C'])
    const b = tree[1]!
    expect(b.levels.map((l) => l.level)).toEqual(['Level 5', 'Level 4', 'Level 3', 'Level 2', 'Level 1'])
    expect(b.levels[1]!.rooms.map((r) => r.room)).toEqual(['B401-402', 'B405-406a', 'B406b-407', 'Registration Hall B'])
    expect(tree[2]!.levels.map((l) => [l.level, l.rooms.map((r) => r.room)])).toEqual([
      ['Level 3', ['Georgia Ballroom 1', 'Georgia Ballroom 2', 'Georgia Ballroom 3']],
      ['Level 1', ['C111-112']],
    ])
    // An area is a spot inside its room, not a room of its own.
    const level1 = b.levels.at(-1)!
    expect(level1.rooms.find((r) => r.room === 'Exhibit Hall B3-B5')?.areas).toEqual(['Learning Lounge', 'Project Pavilion'])
    expect(level1.rooms.map((r) => r.room)).not.toContain('Learning Lounge')
  })

  it('puts buildings the model does not know after its row, and rooms with no building last', () => {
    const t = venueTree([
      { venue: place('Hall 2') },
      { venue: place('Annex | Level 1 | X1') },
      { venue: place('Building C | Level 1 | C111-112') },
      { venue: { room: '', raw: 'Somewhere' } },
    ])
    expect(t.map((b) => b.building)).toEqual(['Building C', 'Annex', ''])
    expect(t.at(-1)!.levels).toEqual([{ level: '', rooms: [{ room: 'Hall 2', areas: [] }] }])
  })
})

describe('findRoom and placeWords', () => {
  it('finds a room by name, case and spacing aside, and says where it is', () => {
    const found = findRoom(tree, ' b406B-407 ')
    expect(found).toEqual({ building: 'Building B', level: 'Level 4', room: 'B406b-407' })
    expect(placeWords(found!)).toBe('B406b-407 · Building B · Level 4')
    expect(findRoom(tree, 'Room 101')).toBeNull()
  })
})

describe('venueMapLayout', () => {
  const layout = venueMapLayout(tree)

  it('stands the buildings side by side and stacks each one’s levels, highest on top', () => {
    const [a, b, c] = layout.buildings
    expect(a!.x + a!.width).toBeLessThan(b!.x)
    expect(b!.x + b!.width).toBeLessThan(c!.x)
    expect(layout.width).toBeGreaterThan(c!.x + c!.width)
    const tops = b!.levels.map((l) => l.y)
    expect(tops).toEqual([...tops].sort((x, y) => x - y))
    for (const [i, l] of b!.levels.entries()) if (i > 0) expect(l.y).toBeGreaterThan(b!.levels[i - 1]!.y + b!.levels[i - 1]!.height - 1)
    // B, with five levels, is the tallest building and sets the drawing's height.
    expect(layout.height).toBeGreaterThan(b!.y + b!.height)
    expect(b!.height).toBeGreaterThan(a!.height)
  })

  it('puts every room inside its level and no two rooms over each other', () => {
    const boxes = layout.buildings.flatMap((b) => b.levels.flatMap((l) => l.rooms.map((r) => ({ r, l }))))
    expect(boxes).toHaveLength(24)
    for (const { r, l } of boxes) {
      expect(r.x).toBeGreaterThan(l.x)
      expect(r.x + r.width).toBeLessThan(l.x + l.width)
      expect(r.y).toBeGreaterThan(l.y)
      expect(r.y + r.height).toBeLessThanOrEqual(l.y + l.height)
      expect(r.height).toBe(ROOM_HEIGHT)
    }
    for (const [i, { r }] of boxes.entries()) {
      for (const { r: o } of boxes.slice(i + 1)) {
        const apart = r.x + r.width <= o.x || o.x + o.width <= r.x || r.y + r.height <= o.y || o.y + o.height <= r.y
        expect(apart).toBe(true)
      }
    }
  })

  it('finds a room’s box by its key', () => {
    const key = roomKey({ building: 'Building B', level: 'Level 4', room: 'B406b-407' })
    const box = roomBox(layout, key)
    const level4 = layout.buildings[1]!.levels[1]!
    expect(box).toBe(level4.rooms[2])
    expect(roomBox(layout, roomKey({ building: 'Building B', level: 'Level 9', room: 'B406b-407' }))).toBeNull()
  })

  it('is empty for an event with no rooms', () => {
    expect(venueMapLayout([]).buildings).toEqual([])
  })
})
