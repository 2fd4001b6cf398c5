// The venue map (/map): the event's buildings, levels and rooms as a tree, and the schematic drawing's geometry
// (buildings side by side, each level a box stacked top-down from the highest, each room a labelled box in it).
// Pure, so the drawing and the lists the screen reader reads come from one source, and the tests measure it.
import type { Session, Venue } from './model'
import { GWCC_WALKING_MODEL, normalPlaceName, type WalkingModel } from './walking'

export interface MapRoom {
  room: string
  /** Named spots inside the room ("Learning Lounge"), A–Z. */
  areas: string[]
}

export interface MapLevel {
  /** "Level 4"; '' when the schedule names no level. */
  level: string
  rooms: MapRoom[]
}

export interface MapBuilding {
  /** "Building B"; '' for rooms the schedule places in no building (frab/pretalx rooms). */
  building: string
  /** Highest level first, as a section drawing reads. */
  levels: MapLevel[]
}

function levelNumber(level: string): number | null {
  const m = /-?\d+/.exec(level)
  return m ? Number(m[0]) : null
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare

/** Highest numbered level first; unnumbered levels ("Mezzanine") after them by name, an unnamed level last. */
function compareLevels(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1
  const x = levelNumber(a)
  const y = levelNumber(b)
  if (x !== null && y !== null && x !== y) return y - x
  if (x === null && y !== null) return 1
  if (x !== null && y === null) return -1
  return byName(a, b)
}

/**
 * The places the event's sessions use: buildings in the walking model's row order (A, B, C at the GWCC, so the
 * drawing stands as the walk is counted), other buildings after them A–Z, the rooms with no building last.
 * A session with no room (raw text only) is left out: there is nowhere to put it.
 */
export function venueTree(sessions: readonly Pick<Session, 'venue'>[], model: Readonly<WalkingModel> = GWCC_WALKING_MODEL): MapBuilding[] {
  const buildings = new Map<string, Map<string, Map<string, Set<string>>>>()
  for (const { venue } of sessions) {
    const room = venue.room.trim()
    if (room === '') continue
    const b = venue.building?.trim() ?? ''
    const l = venue.level?.trim() ?? ''
    let levels = buildings.get(b)
    if (!levels) buildings.set(b, (levels = new Map()))
    let rooms = levels.get(l)
    if (!rooms) levels.set(l, (rooms = new Map()))
    let areas = rooms.get(room)
    if (!areas) rooms.set(room, (areas = new Set()))
    const area = venue.area?.trim()
    if (area) areas.add(area)
  }
  const order = model.buildingOrder.map(normalPlaceName)
  const rank = (b: string) => {
    const i = order.indexOf(normalPlaceName(b))
    return b === '' ? Infinity : i < 0 ? order.length : i
  }
  return [...buildings.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || byName(a, b))
    .map(([building, levels]) => ({
      building,
      levels: [...levels.entries()]
        .sort(([a], [b]) => compareLevels(a, b))
        .map(([level, rooms]) => ({
          level,
          rooms: [...rooms.entries()].sort(([a], [b]) => byName(a, b)).map(([room, areas]) => ({ room, areas: [...areas].sort(byName) })),
        })),
    }))
}

/** Where a room is: its building and level as the tree names them, or null when the event has no such room. */
export interface RoomPlace {
  building: string
  level: string
  room: string
}

/** Finds a room by name (case and spacing ignored, as the walking model compares names); the first match wins. */
export function findRoom(tree: readonly MapBuilding[], room: string): RoomPlace | null {
  const want = normalPlaceName(room)
  for (const b of tree) {
    for (const l of b.levels) {
      for (const r of l.rooms) {
        if (normalPlaceName(r.room) === want) return { building: b.building, level: l.level, room: r.room }
      }
    }
  }
  return null
}

/** The place of a session's venue in the tree (the same building, level and room). */
export function placeOf(venue: Venue): RoomPlace {
  return { building: venue.building?.trim() ?? '', level: venue.level?.trim() ?? '', room: venue.room.trim() }
}

/** "B406b-407 · Building B · Level 4": the room first, then what is known of where it stands. */
export function placeWords(place: RoomPlace): string {
  return [place.room, place.building, place.level].filter((p) => p !== '').join(' · ')
}

/** The key of a room in the drawing, unique in the event. */
export function roomKey(place: RoomPlace): string {
  return `${place.building}\u0000${place.level}\u0000${place.room}`
}

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface MapLayout {
  width: number
  height: number
  buildings: Array<Box & { building: string; levels: Array<Box & { level: string; rooms: Array<Box & { room: string; key: string }> }> }>
}

// The drawing's units are CSS pixels at its natural size (the screen scrolls it sideways rather than shrinking it).
/** px: wide enough for "Thomas Murphy Ballroom 2-3" (26 characters) at the 13 px label size. */
export const ROOM_WIDTH = 200
/** px: one line of label plus padding; also over the 44 px touch size once two boxes stack (the map is not a control). */
export const ROOM_HEIGHT = 32
/** px: gap between boxes, and the inset of a level's rooms inside its box. */
export const GAP = 8
/** px: room for a building's or a level's heading line. */
export const HEADING_HEIGHT = 24

/**
 * The schematic drawing: buildings side by side in tree order, each level a box holding one room per row (so no
 * label is cut by its neighbour), levels stacked top-down. Buildings are as tall as their own levels need.
 */
export function venueMapLayout(tree: readonly MapBuilding[]): MapLayout {
  const levelWidth = ROOM_WIDTH + 2 * GAP
  const buildingWidth = levelWidth + 2 * GAP
  const buildings: MapLayout['buildings'] = []
  let x = GAP
  let height = 0
  for (const b of tree) {
    let y = GAP + HEADING_HEIGHT
    const levels: MapLayout['buildings'][number]['levels'] = []
    for (const l of b.levels) {
      const top = y
      let roomY = top + HEADING_HEIGHT
      const rooms = l.rooms.map((r) => {
        const box = { x: x + 2 * GAP, y: roomY, width: ROOM_WIDTH, height: ROOM_HEIGHT, room: r.room, key: roomKey({ building: b.building, level: l.level, room: r.room }) }
        roomY += ROOM_HEIGHT + GAP
        return box
      })
      levels.push({ x: x + GAP, y: top, width: levelWidth, height: roomY - top, level: l.level, rooms })
      y = roomY + GAP
    }
    buildings.push({ x, y: GAP, width: buildingWidth, height: y - GAP, building: b.building, levels })
    height = Math.max(height, y + GAP)
    x += buildingWidth + GAP
  }
  return { width: x, height, buildings }
}

/** A room's box in the layout, found by its key. */
export function roomBox(layout: MapLayout, key: string): Box | null {
  for (const b of layout.buildings) for (const l of b.levels) for (const r of l.rooms) if (r.key === key) return r
  return null
}
