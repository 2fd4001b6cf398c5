// How long it takes to get from one room to the next: a small, adjustable model tuned for the Georgia World
// Congress Center (KubeCon NA 2025), used for tight-transition checks, the plan view and the free-slot finder.
import type { Venue } from './model'

/** How fast the user walks between rooms; a setting, so the UI can offer it as three choices. */
export type WalkingPace = 'relaxed' | 'normal' | 'brisk'

/**
 * Multipliers on the model's minutes. The model's minutes assume ~1 m/s, the speed of a between-sessions
 * crowd in a concourse (free walking is ~1.3–1.4 m/s, but 15,000 people leave their rooms at the same time).
 */
export const PACE_FACTOR: Readonly<Record<WalkingPace, number>> = {
  // ×: ~0.75 m/s: with a cane or a stroller, carrying coffee, or simply not hurrying.
  relaxed: 1.3,
  normal: 1,
  // ×: ~1.35 m/s, free walking speed: weaving through the crowd, walking up the escalator.
  brisk: 0.75,
}

/**
 * The venue model, in minutes at the normal pace. Every number is a parameter so another venue (or a user who
 * knows better) can swap it; {@link GWCC_WALKING_MODEL} is the default.
 */
export interface WalkingModel {
  /** Another room, or another area of the same hall, on the same level of the same building. */
  sameLevelMin: number
  /** Added once when the level changes: the detour to the escalator bank, its queue and the first ride. */
  levelChangeMin: number
  /** Added for every level beyond the first: escalators are stacked, so a further level is one more ride. */
  perExtraLevelMin: number
  /** Into the adjacent building, same level. Level changes are added on top, wherever they happen. */
  nextBuildingMin: number
  /** Added for every building passed through on the way (A → C crosses all of B). */
  perBuildingPassedMin: number
  /** Two different rooms when a building is unknown (frab/pretalx rooms carry only a room name). */
  unknownDistanceMin: number
  /**
   * Building names in the order they stand in a row, to count buildings passed through. Names are compared
   * case-insensitively; a building not in the list counts as adjacent to every other.
   */
  buildingOrder: readonly string[]
}

/**
 * The Georgia World Congress Center, Atlanta: Buildings A, B and C stand in a row (B in the middle), joined by
 * concourses and pedestrian bridges over the rail tracks; levels are joined by escalator banks.
 * Distances are estimates from the published floor plans, not measurements: adjust here, not in callers.
 */
export const GWCC_WALKING_MODEL: Readonly<WalkingModel> = {
  // minutes: ~1 min to get out of a full room + up to ~120 m of concourse at ~1 m/s (B302 → B314, the
  // longest same-level hop in the seed).
  sameLevelMin: 3,
  // minutes: ~100 m detour to the escalator bank + the queue when every room lets out + one ~40 s ride.
  levelChangeMin: 3,
  // minutes: one more ~40 s ride and the U-turn to the next escalator.
  perExtraLevelMin: 1,
  // minutes: B's meeting rooms to C's Georgia Ballroom are ~500 m of concourse and bridge: ~8.5 min at ~1 m/s,
  // plus ~1 min to get out of the room. Makes B4 → C3 13 min: a 15-minute changeover (11:30 → 11:45) works
  // at a normal pace and is flagged at a relaxed one (17 min), which matches how attendees describe it.
  nextBuildingMin: 10,
  // minutes: walking the length of Building B (~400 m) on the way from A to C.
  perBuildingPassedMin: 7,
  // minutes: a single-building venue (a university campus, a hotel): between "same level" (3) and "another
  // level" (6), since we cannot tell which it is.
  unknownDistanceMin: 5,
  buildingOrder: ['Building A', 'Building B', 'Building C'],
}

/** The user's walking settings. Everything is optional; the defaults are the normal pace, no buffer, GWCC. */
export interface WalkingOptions {
  pace?: WalkingPace
  /**
   * Extra minutes the user wants whenever they change rooms (coffee, restroom, a chat on the way). Not added
   * when they stay in the same room.
   */
  bufferMin?: number
  model?: Readonly<WalkingModel>
}

/** What kind of move it is; the UI may pick an icon or a wording from it. */
export type TransferKind = 'same-room' | 'same-level' | 'other-level' | 'other-building' | 'unknown'

/** The move from one session's room to the next one's. */
export interface Transfer {
  kind: TransferKind
  /** Walking minutes at the user's pace, whole minutes; 0 only for the same room. */
  walkMin: number
  /** The user's buffer when the room changes, else 0. */
  bufferMin: number
  /** `walkMin + bufferMin`: a changeover shorter than this is tight. */
  neededMin: number
}

/** A place name as the model compares it: case and spacing ignored. The map finds rooms the same way. */
export function normalPlaceName(text: string | undefined): string {
  return (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Same name, ignoring case and spacing; the exact-equality shortcut is the usual case and keeps sweeps cheap. */
function same(a: string | undefined, b: string | undefined): boolean {
  return a === b || normalPlaceName(a) === normalPlaceName(b)
}

/** "Level 4" → 4; null when the level has no number ("Mezzanine"), which then counts as one level away. */
function levelNumber(level: string): number | null {
  const m = /-?\d+/.exec(level)
  return m ? Number(m[0]) : null
}

function levelsApart(from: Venue, to: Venue): number | null {
  if (!from.level || !to.level) return null
  if (same(from.level, to.level)) return 0
  const a = levelNumber(from.level)
  const b = levelNumber(to.level)
  return a === null || b === null || a === b ? 1 : Math.abs(a - b)
}

function levelMinutes(levels: number, model: Readonly<WalkingModel>): number {
  return levels === 0 ? 0 : model.levelChangeMin + (levels - 1) * model.perExtraLevelMin
}

function buildingsPassed(from: string, to: string, model: Readonly<WalkingModel>): number {
  const order = model.buildingOrder.map(normalPlaceName)
  const a = order.indexOf(normalPlaceName(from))
  const b = order.indexOf(normalPlaceName(to))
  return a < 0 || b < 0 ? 0 : Math.max(0, Math.abs(a - b) - 1)
}

/** The model's minutes at the normal pace, and which kind of move it is. */
function baseTransfer(from: Venue, to: Venue, model: Readonly<WalkingModel>): { kind: TransferKind; minutes: number } {
  const sameRoom = same(from.room, to.room) && same(from.building, to.building)
  const sameSpot = sameRoom && same(from.level, to.level) && same(from.area, to.area)
  if (sameSpot) return { kind: 'same-room', minutes: 0 }
  if (!from.building || !to.building) {
    // Another area of the same named hall ("Exhibit Hall B3-B5" → its "Learning Lounge") is a same-level walk.
    if (sameRoom) return { kind: 'same-level', minutes: model.sameLevelMin }
    return { kind: 'unknown', minutes: model.unknownDistanceMin }
  }
  const levels = levelsApart(from, to)
  if (!same(from.building, to.building)) {
    // An unknown level adds nothing: the building change already dominates the estimate.
    const minutes =
      model.nextBuildingMin +
      buildingsPassed(from.building, to.building, model) * model.perBuildingPassedMin +
      levelMinutes(levels ?? 0, model)
    return { kind: 'other-building', minutes }
  }
  if (levels === null) return { kind: 'unknown', minutes: model.unknownDistanceMin }
  if (levels === 0) return { kind: 'same-level', minutes: model.sameLevelMin }
  return { kind: 'other-level', minutes: model.sameLevelMin + levelMinutes(levels, model) }
}

/**
 * The move between two venues at the user's pace, plus their buffer.
 * Minutes are rounded to whole minutes, and never below 1 for a move that has any distance at all.
 */
export function transferBetween(from: Venue, to: Venue, options: WalkingOptions = {}): Transfer {
  const model = options.model ?? GWCC_WALKING_MODEL
  const { kind, minutes } = baseTransfer(from, to, model)
  if (kind === 'same-room') return { kind, walkMin: 0, bufferMin: 0, neededMin: 0 }
  const walkMin = Math.max(1, Math.round(minutes * PACE_FACTOR[options.pace ?? 'normal']))
  const bufferMin = Math.max(0, options.bufferMin ?? 0)
  return { kind, walkMin, bufferMin, neededMin: walkMin + bufferMin }
}

/** Walking minutes between two venues at the user's pace (no buffer). */
export function walkingMinutes(from: Venue, to: Venue, options: WalkingOptions = {}): number {
  return transferBetween(from, to, options).walkMin
}

/** "B406b-407", or "Exhibit Hall B3-B5 · Learning Lounge" for an area inside a hall. */
export function roomLabel(v: Venue): string {
  return v.area ? `${v.room} · ${v.area}` : v.room
}

/**
 * How to name the two ends of a move in a sentence: "Building B Level 4" / "Building C Level 3" when the
 * building or level differs, else the rooms ("B302-303" / "B308-309"), since "Level 3 to Level 3" says nothing.
 */
export function placeLabels(from: Venue, to: Venue): [string, string] {
  const coarse = (v: Venue) => [v.building, v.level].filter(Boolean).join(' ')
  const a = coarse(from)
  const b = coarse(to)
  if (a !== '' && b !== '' && !same(a, b)) return [a, b]
  return [roomLabel(from), roomLabel(to)]
}
