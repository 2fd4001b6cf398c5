// A micro-benchmark of the timetable grid's pure part, for `npm run bench`: build one day's grid, then query the
// visible cells along a diagonal scroll through the whole day, the way the virtualised grid asks on every frame.
// Apart from ./timetableGrid so the app's grid chunk does not carry it.
import type { Session, VenueDay } from './model'
import { buildTimetableGrid, visibleCells, type GridOptions, type QueryProbe } from './timetableGrid'

export interface GridBenchOptions {
  /** px: the scroll viewport, default a 390 × 844 phone (minus nothing: the figure is for the body's queries). */
  viewportWidth?: number
  viewportHeight?: number
  /** Queries along the diagonal from the top-left to the bottom-right corner. */
  steps?: number
  grid?: GridOptions
  /** ms clock; injectable so tests need none. */
  now?: () => number
}

export interface GridBenchResult {
  sessions: number
  columns: number
  cells: number
  band: number
  queries: number
  buildMs: number
  /** Mean ms per visible-cells query. */
  queryMs: number
  maxVisibleCells: number
  meanVisibleCells: number
  /** Cells looked at per query, binary-search steps included: the cost the O(log n + k) claim is about. */
  meanExamined: number
}

const PHONE_WIDTH_PX = 390 // CSS px: the phone
const PHONE_HEIGHT_PX = 844 // CSS px: an iPhone 14's viewport height, as the bench's other scroll figures use
const DIAGONAL_STEPS = 200 // queries: a day's diagonal at about one query per 400 px fling frame, with margin

export function benchmarkTimetableGrid(
  sessions: readonly Session[],
  day: VenueDay,
  timeZone: string,
  options: GridBenchOptions = {},
): GridBenchResult {
  const now = options.now ?? (() => performance.now())
  const width = options.viewportWidth ?? PHONE_WIDTH_PX
  const height = options.viewportHeight ?? PHONE_HEIGHT_PX
  const steps = Math.max(1, options.steps ?? DIAGONAL_STEPS)

  const t0 = now()
  const grid = buildTimetableGrid(sessions, day, timeZone, options.grid)
  const buildMs = now() - t0

  const probe: QueryProbe = { examined: 0 }
  const maxX = Math.max(0, grid.width - width)
  const maxY = Math.max(0, grid.height - height)
  let total = 0
  let most = 0
  const t1 = now()
  for (let i = 0; i <= steps; i++) {
    const f = i / steps
    const found = visibleCells(grid, { x: f * maxX, y: f * maxY, width, height }, probe).length
    total += found
    most = Math.max(most, found)
  }
  const queries = steps + 1
  return {
    sessions: sessions.length,
    columns: grid.columns.length,
    cells: grid.cellById.size,
    band: grid.band.length,
    queries,
    buildMs,
    queryMs: (now() - t1) / queries,
    maxVisibleCells: most,
    meanVisibleCells: total / queries,
    meanExamined: probe.examined / queries,
  }
}
