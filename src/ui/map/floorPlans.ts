// The floor plans the build ships: `data/<event id>.floorplan.json` and the image it names, each a chunk or asset
// of its own (precached like all of them, so a plan works offline), loaded only when the map opens for that event.
import { parseFloorPlan, type FloorPlan } from '../../domain/floorPlan'

// Vite resolves these at build time; an event with no file (KubeCon) costs nothing.
const PLAN_FILES = import.meta.glob<string>('/data/*.floorplan.json', { query: '?raw', import: 'default' })
const IMAGE_FILES = import.meta.glob<string>('/data/**/*.{png,jpg,jpeg,webp,svg}', { query: '?url', import: 'default' })

export type FloorPlanLoad =
  | { kind: 'none' }
  | { kind: 'plan'; plan: FloorPlan; imageUrl: string }
  /** The file is there but unusable: the map says so in words and draws the schematic instead. */
  | { kind: 'broken'; error: string }

export async function loadFloorPlan(eventId: string): Promise<FloorPlanLoad> {
  const name = `${eventId}.floorplan.json`
  const load = PLAN_FILES[`/data/${name}`]
  if (!load) return { kind: 'none' }
  const result = parseFloorPlan(await load(), name)
  if (!result.ok) return { kind: 'broken', error: result.error }
  const image = IMAGE_FILES[`/data/${result.plan.image}`]
  if (!image) return { kind: 'broken', error: `${name}: its image ${result.plan.image} is not in data/` }
  return { kind: 'plan', plan: result.plan, imageUrl: await image() }
}
