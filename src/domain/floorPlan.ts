// A real floor plan for the venue map: an image an event ships beside its snapshot, with where each room is on it
// (`data/<event id>.floorplan.json`, format in README.md). Read here, checked field by field; any problem is one
// clear message and the map falls back to the schematic drawing. Untrusted like the schedule: never throws.
import { normalPlaceName } from './walking'

export interface FloorPlan {
  /** The image, as the file names it: a path relative to the JSON file (no scheme, no "..", no leading "/"). */
  image: string
  /** The image's size in its own pixels; room positions are in the same units. */
  width: number
  height: number
  /** Plain text for the image's accessible name ("Georgia World Congress Center, Building B, Level 4"). */
  title?: string
  /** Room name (as the schedule spells it) → position on the image. */
  rooms: Map<string, { x: number; y: number }>
}

export type FloorPlanResult = { ok: true; plan: FloorPlan } | { ok: false; error: string }

export const FLOOR_PLAN_VERSION = 1
/** px: a bound on the image's stated size, far above any real plan, so a typo cannot make an absurd drawing. */
const MAX_SIDE = 20_000
/** Far more rooms than any venue (the KubeCon seed uses 24), so a wrong file fails fast instead of drawing a cloud. */
const MAX_ROOMS = 2_000

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isSide(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= MAX_SIDE
}

/** An image beside the JSON: a relative path to a raster or SVG file, nothing that could leave the app's origin. */
function isImagePath(v: unknown): v is string {
  return (
    typeof v === 'string' &&
    /^[\w][\w./-]*\.(png|jpe?g|webp|svg)$/i.test(v) &&
    !v.split('/').includes('..') &&
    !v.includes('//')
  )
}

/** Reads a floor-plan file's text. `name` is how messages name the file ("kubecon.floorplan.json"). */
export function parseFloorPlan(text: string, name = 'the floor plan'): FloorPlanResult {
  const fail = (problem: string): FloorPlanResult => ({ ok: false, error: `${name}: ${problem}` })
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return fail(`not JSON (${e instanceof Error ? e.message : String(e)})`)
  }
  if (!isRecord(data)) return fail('expected a JSON object with image, width, height and rooms')
  if (data.version !== FLOOR_PLAN_VERSION) return fail(`version must be ${FLOOR_PLAN_VERSION}, found ${JSON.stringify(data.version) ?? 'none'}`)
  if (!isImagePath(data.image)) return fail('image must be a relative path to a .png, .jpg, .webp or .svg file beside this one')
  if (!isSide(data.width)) return fail(`width must be a number of pixels from 1 to ${MAX_SIDE}`)
  if (!isSide(data.height)) return fail(`height must be a number of pixels from 1 to ${MAX_SIDE}`)
  if (data.title !== undefined && typeof data.title !== 'string') return fail('title must be text')
  if (!isRecord(data.rooms)) return fail('rooms must be an object: room name → { "x": …, "y": … }')
  const entries = Object.entries(data.rooms)
  if (entries.length === 0) return fail('rooms is empty')
  if (entries.length > MAX_ROOMS) return fail(`rooms has ${entries.length} entries, more than the ${MAX_ROOMS} allowed`)
  const rooms = new Map<string, { x: number; y: number }>()
  for (const [room, at] of entries) {
    const where = `rooms[${JSON.stringify(room)}]`
    if (room.trim() === '') return fail('a room has an empty name')
    if (!isRecord(at) || typeof at.x !== 'number' || typeof at.y !== 'number') return fail(`${where} must be { "x": number, "y": number }`)
    if (!(at.x >= 0 && at.x <= data.width && at.y >= 0 && at.y <= data.height)) {
      return fail(`${where} is at (${at.x}, ${at.y}), outside the ${data.width} × ${data.height} image`)
    }
    rooms.set(room.trim(), { x: at.x, y: at.y })
  }
  const plan: FloorPlan = { image: data.image, width: data.width, height: data.height, rooms }
  if (typeof data.title === 'string' && data.title.trim() !== '') plan.title = data.title.trim()
  return { ok: true, plan }
}

/** A room's pin on the plan, matched as the walking model matches names (case and spacing ignored). */
export function floorPlanPin(plan: FloorPlan, room: string): { x: number; y: number } | null {
  const want = normalPlaceName(room)
  for (const [name, at] of plan.rooms) if (normalPlaceName(name) === want) return at
  return null
}
