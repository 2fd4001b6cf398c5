// The timetable grid's geometry for one venue day: a column per room (grouped by building, then level), time running
// down to scale, sessions that share a room in side-by-side lanes, and all-day things in a band above the grid. Pure:
// the grid component places what this computes, virtualises with visibleCells and moves focus with gridNeighbour.
// Coordinates are CSS pixels of the grid body: x = 0 at the first room column's left edge, y = 0 at `start`. The
// time gutter, the column headers and the band sit outside that body.
import { compareByTime, DEFAULT_BACKGROUND_RULE } from './conflicts'
import type { Instant, Session, SessionId, Venue, VenueDay } from './model'
import { roomKey } from './scheduleDiff'
import { buildingLevel } from './venueLocation'
import { instantFromMs, toMs } from './time'
import { GWCC_WALKING_MODEL, roomLabel } from './walking'
import { venueWallClockToInstant } from './wallClock'

/** px per minute: a 30-minute talk is 60 px, room for two lines of title and the time; a 7-hour day is 840 px. */
export const DEFAULT_PX_PER_MIN = 2

/**
 * px: the "about 140 px or more" to read a title. On a 390 px phone with a 56 px time gutter this shows two
 * rooms and a third peeking in (334 / 144 ≈ 2.3), which tells the user the grid scrolls sideways.
 */
export const DEFAULT_COLUMN_WIDTH_PX = 144

/** minutes: talks start on the quarter hour (11:00, 11:45), so the day snaps to it and the gutter marks it. */
export const DEFAULT_TICK_MIN = 15

/**
 * px: the smallest comfortable touch target (Apple HIG 44 pt, WCAG 2.5.5 44 CSS px), which also holds one line of
 * title and the time. The seed's 5-minute sponsored keynotes would otherwise be 10 px tall at 2 px per minute.
 */
export const MIN_CELL_HEIGHT_PX = 44

/**
 * minutes: sessions longer than this leave the grid for the band above it. The plan's background rule uses the same
 * 3 h: above the longest talk format in the seed (75-minute Contribfests, the 90-minute lunch) and below the
 * shortest all-day session (Solutions Showcase and Relaxation Station, 3.5 h). In a column they would be a block as
 * tall as the afternoon that says nothing about time, and push the talks of their hall into narrow lanes.
 */
export const BAND_LONGER_THAN_MIN = DEFAULT_BACKGROUND_RULE.maxMinutes

/**
 * lanes: a room whose sessions overlap gets a column this many lanes wide at most, so each lane keeps the column
 * width. Two lanes and the gutter fit a 390 px phone (2 × 144 + 56 = 344 px); a third would push the room's other
 * lane off the screen, so more lanes than this share the widened column.
 */
export const MAX_WIDENED_LANES = 2

export interface GridOptions {
  /** px per minute, default {@link DEFAULT_PX_PER_MIN}. */
  pxPerMin?: number
  /** px for one lane of a column, default {@link DEFAULT_COLUMN_WIDTH_PX}. */
  columnWidthPx?: number
  /** minutes between gutter ticks, which the day's range snaps to; default {@link DEFAULT_TICK_MIN}. */
  tickMin?: number
  /** px, default {@link MIN_CELL_HEIGHT_PX}. */
  minCellHeightPx?: number
  /** minutes, default {@link BAND_LONGER_THAN_MIN}. */
  bandLongerThanMin?: number
  /**
   * Building names in the order they stand, so the columns run across the venue the way one walks it; compared
   * case-insensitively. Unlisted buildings follow in natural order. Default: the walking model's (GWCC: A, B, C).
   */
  buildingOrder?: readonly string[]
}

/** One session placed in the grid. */
export interface GridCell {
  id: SessionId
  session: Session
  /** Index into {@link TimetableGrid.columns}. */
  column: number
  /** Index in its column's time order (`columns[column].cells[row]`). */
  row: number
  /** 0-based lane among the sessions it overlaps on screen; `lanes` of them share the column's width. */
  lane: number
  lanes: number
  x: number
  y: number
  width: number
  /** At least the minimum cell height, so a 5-minute session can still be read and tapped. */
  height: number
}

/** A room's column. */
export interface GridColumn {
  index: number
  /** The room's identity (building, level, room and area, normalised): the same key the schedule diff uses. */
  key: string
  /** "B406b-407", "Exhibit Hall B3-B5 · Learning Lounge". */
  label: string
  /** "Building B · Level 4"; empty when the source names neither (frab/pretalx rooms). */
  place: string
  /** The venue of its first session, for "Hide this room" and the like. */
  venue: Venue
  /** Index into {@link TimetableGrid.groups}. */
  group: number
  x: number
  width: number
  /** The room's sessions in time order (start, then the shorter first). */
  cells: readonly GridCell[]
  /** The same cells by lane, each in time order. Cells of one lane never overlap on screen. */
  laneCells: readonly (readonly GridCell[])[]
}

/** Consecutive columns on one level of one building, for a group header. */
export interface GridGroup {
  index: number
  /** "Building B · Level 4", as the columns' `place`. */
  label: string
  building?: string
  level?: string
  /** Inclusive range of column indices. */
  firstColumn: number
  lastColumn: number
  x: number
  width: number
}

/** A gutter tick every `tickMin` minutes; `hour` marks the venue's full hours (for a label or a stronger line). */
export interface GridTick {
  instant: Instant
  y: number
  hour: boolean
}

/** Why a session is in the band instead of a column. */
export type BandReason = 'long' | 'no-room'

export interface BandItem {
  id: SessionId
  session: Session
  reason: BandReason
}

export interface TimetableGrid {
  day: VenueDay
  timeZone: string
  /** The grid's first and last tick: the day's regular sessions, snapped out to ticks. */
  start: Instant
  end: Instant
  pxPerMin: number
  width: number
  height: number
  columns: readonly GridColumn[]
  groups: readonly GridGroup[]
  ticks: readonly GridTick[]
  /** Long and room-less sessions, shown above the grid: start, then the longest first, then title. */
  band: readonly BandItem[]
  cellById: ReadonlyMap<SessionId, GridCell>
}

const MS_PER_MIN = 60_000
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/** Absent parts sort last, as the odd ones out in a building-based venue. */
function compareNames(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0
  return collator.compare(a, b)
}

function buildingComparator(order: readonly string[]): (a: string | undefined, b: string | undefined) => number {
  const rank = new Map(order.map((name, i) => [name.trim().toLowerCase(), i]))
  const rankOf = (b: string | undefined) => rank.get((b ?? '').trim().toLowerCase()) ?? order.length
  return (a, b) => (a && b ? rankOf(a) - rankOf(b) : 0) || compareNames(a, b)
}

/** Why `session` goes to the band, or undefined when it belongs in its room's column. */
function bandReason(session: Session, longerThanMs: number): BandReason | undefined {
  if (session.venue.room.trim() === '') return 'no-room'
  return toMs(session.end) - toMs(session.start) > longerThanMs ? 'long' : undefined
}

/**
 * Lanes for one column's cells (in time order): a cell takes the first lane free at its top; a cluster of cells that
 * overlap on screen, directly or through each other, shares `lanes` = the lanes it used. Screen extents, not times,
 * so that cells stretched to the minimum height (back-to-back 5-minute keynotes) never cover each other.
 */
function assignLanes(cells: GridCell[]): GridCell[][] {
  const laneBottoms: number[] = []
  const laneCells: GridCell[][] = []
  let cluster: GridCell[] = []
  let clusterBottom = -Infinity
  let clusterLanes = 0
  const close = () => {
    for (const c of cluster) c.lanes = clusterLanes
  }
  for (const cell of cells) {
    if (cell.y >= clusterBottom) {
      close()
      cluster = []
      clusterLanes = 0
    }
    let lane = laneBottoms.findIndex((bottom) => bottom <= cell.y)
    if (lane < 0) lane = laneBottoms.length
    laneBottoms[lane] = cell.y + cell.height
    ;(laneCells[lane] ??= []).push(cell)
    cell.lane = lane
    cluster.push(cell)
    clusterLanes = Math.max(clusterLanes, lane + 1)
    clusterBottom = Math.max(clusterBottom, cell.y + cell.height)
  }
  close()
  return laneCells
}

/**
 * The grid for `day` (a venue day: sessions are taken by their `day`) out of `sessions`, which may be the whole
 * event or what the filters leave. O(n log n).
 */
export function buildTimetableGrid(
  sessions: readonly Session[],
  day: VenueDay,
  timeZone: string,
  options: GridOptions = {},
): TimetableGrid {
  const pxPerMin = options.pxPerMin ?? DEFAULT_PX_PER_MIN
  const columnWidth = options.columnWidthPx ?? DEFAULT_COLUMN_WIDTH_PX
  const tickMs = (options.tickMin ?? DEFAULT_TICK_MIN) * MS_PER_MIN
  const minHeight = options.minCellHeightPx ?? MIN_CELL_HEIGHT_PX
  const longerThanMs = (options.bandLongerThanMin ?? BAND_LONGER_THAN_MIN) * MS_PER_MIN
  const compareBuildings = buildingComparator(options.buildingOrder ?? GWCC_WALKING_MODEL.buildingOrder)

  const band: BandItem[] = []
  const byRoom = new Map<string, Session[]>()
  let firstMs = Infinity
  let lastMs = -Infinity
  for (const session of sessions) {
    if (session.day !== day) continue
    const reason = bandReason(session, longerThanMs)
    if (reason) {
      band.push({ id: session.id, session, reason })
      continue
    }
    const key = roomKey(session.venue)
    let list = byRoom.get(key)
    if (!list) byRoom.set(key, (list = []))
    list.push(session)
    firstMs = Math.min(firstMs, toMs(session.start))
    lastMs = Math.max(lastMs, toMs(session.end))
  }
  band.sort((a, b) => {
    const [x, y] = [a.session, b.session]
    if (x.start !== y.start) return x.start < y.start ? -1 : 1
    if (x.end !== y.end) return x.end > y.end ? -1 : 1
    return collator.compare(x.title, y.title)
  })

  // Snapped from the venue's midnight, not the epoch, so hour ticks are the venue's hours in a +5:30 zone too.
  const midnightMs = toMs(venueWallClockToInstant(day, 0, 0, timeZone))
  const hasCells = byRoom.size > 0
  const startMs = hasCells ? midnightMs + Math.floor((firstMs - midnightMs) / tickMs) * tickMs : midnightMs
  const endMs = hasCells ? midnightMs + Math.ceil((lastMs - midnightMs) / tickMs) * tickMs : midnightMs
  const yOf = (ms: number) => ((ms - startMs) / MS_PER_MIN) * pxPerMin

  const rooms = [...byRoom.values()].map((list) => list.sort(compareByTime))
  rooms.sort((a, b) => {
    const [x, y] = [a[0]!.venue, b[0]!.venue]
    return (
      compareBuildings(x.building, y.building) ||
      compareNames(x.level, y.level) ||
      collator.compare(x.room, y.room) ||
      Number(Boolean(x.area)) - Number(Boolean(y.area)) || // the hall itself, then the spots inside it
      collator.compare(x.area ?? '', y.area ?? '')
    )
  })

  const columns: GridColumn[] = []
  const groups: GridGroup[] = []
  const cellById = new Map<SessionId, GridCell>()
  let x = 0
  let bottom = yOf(endMs)
  for (const list of rooms) {
    const index = columns.length
    const venue = list[0]!.venue
    const place = buildingLevel(venue)
    let group = groups[groups.length - 1]
    if (!group || group.label !== place) {
      group = { index: groups.length, label: place, firstColumn: index, lastColumn: index, x, width: 0 }
      if (venue.building) group.building = venue.building
      if (venue.level) group.level = venue.level
      groups.push(group)
    }
    const cells = list.map((session, row): GridCell => {
      const y = yOf(toMs(session.start))
      const height = Math.max(yOf(toMs(session.end)) - y, minHeight)
      return { id: session.id, session, column: index, row, lane: 0, lanes: 1, x, y, width: columnWidth, height }
    })
    const laneCells = assignLanes(cells)
    const width = columnWidth * Math.min(laneCells.length, MAX_WIDENED_LANES)
    for (const cell of cells) {
      // From both edges, so neighbouring lanes share an edge exactly (3 × w/7 need not equal 2 × w/7 + w/7).
      cell.x = x + (cell.lane * width) / cell.lanes
      cell.width = x + ((cell.lane + 1) * width) / cell.lanes - cell.x
      bottom = Math.max(bottom, cell.y + cell.height)
      cellById.set(cell.id, cell)
    }
    columns.push({ index, key: roomKey(venue), label: roomLabel(venue), place, venue, group: group.index, x, width, cells, laneCells })
    group.lastColumn = index
    group.width += width
    x += width
  }

  const ticks: GridTick[] = []
  for (let ms = startMs; hasCells && ms <= endMs; ms += tickMs) {
    ticks.push({ instant: instantFromMs(ms), y: yOf(ms), hour: (ms - midnightMs) % (60 * MS_PER_MIN) === 0 })
  }

  return {
    day,
    timeZone,
    start: instantFromMs(startMs),
    end: instantFromMs(endMs),
    pxPerMin,
    width: x,
    height: bottom,
    columns,
    groups,
    ticks,
    band,
    cellById,
  }
}

/** y of the "now" line, or undefined when `instant` is outside the grid's day (or the day has no grid). */
export function nowLineY(grid: TimetableGrid, instant: Instant): number | undefined {
  if (grid.columns.length === 0 || instant < grid.start || instant > grid.end) return undefined
  return ((toMs(instant) - toMs(grid.start)) / MS_PER_MIN) * grid.pxPerMin
}

// ——— Keyboard navigation ———

/** Arrow keys, and Home/End within a column. */
export type GridMove = 'up' | 'down' | 'left' | 'right' | 'home' | 'end'

type Span = Pick<Session, 'start' | 'end'>

/** ms between two sessions' times: 0 when they overlap or touch. */
function timeGap(a: Span, b: Span): number {
  return Math.max(0, toMs(b.start) - toMs(a.end), toMs(a.start) - toMs(b.end))
}

/**
 * The cell of `column` nearest in time to `from`: one running at the same time if any, the closest start among
 * those, then the lane nearest the side we come from (`fromLeft`: the leftmost lane).
 */
function nearestInColumn(column: GridColumn, from: Span, fromLeft: boolean): GridCell | undefined {
  const fromStart = toMs(from.start)
  let best: GridCell | undefined
  let bestKey: [number, number, number] = [Infinity, Infinity, Infinity]
  for (const cell of column.cells) {
    const key: [number, number, number] = [
      timeGap(from, cell.session),
      Math.abs(toMs(cell.session.start) - fromStart),
      fromLeft ? cell.lane : -cell.lane,
    ]
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
      best = cell
      bestKey = key
    }
  }
  return best
}

/** The cell of `column` nearest in time to `instant`, e.g. to focus the talk on now when the grid opens. */
export function gridCellAt(grid: TimetableGrid, column: number, instant: Instant): GridCell | undefined {
  const col = grid.columns[column]
  if (!col) return undefined
  return nearestInColumn(col, { start: instant, end: instant }, true)
}

/** The first cell of the first column: where focus lands when the grid is entered. */
export function firstGridCell(grid: TimetableGrid): GridCell | undefined {
  return grid.columns[0]?.cells[0]
}

/**
 * Where focus goes from `cellId` on `move`, or undefined when there is nowhere to go (the edge of the grid).
 * Up/down: the previous/next session of the room in time order. Home/End: the room's first/last session.
 * Left/right: a session beside it in another lane of the same room, else the nearest in time in the next room
 * that has any. O(cells of one column).
 */
export function gridNeighbour(grid: TimetableGrid, cellId: SessionId, move: GridMove): GridCell | undefined {
  const cell = grid.cellById.get(cellId)
  if (!cell) return undefined
  const column = grid.columns[cell.column]!
  const other = (target: GridCell | undefined) => (target === cell ? undefined : target)
  switch (move) {
    case 'up':
      return column.cells[cell.row - 1]
    case 'down':
      return column.cells[cell.row + 1]
    case 'home':
      return other(column.cells[0])
    case 'end':
      return other(column.cells[column.cells.length - 1])
    case 'left':
    case 'right': {
      const step = move === 'right' ? 1 : -1
      // A lane beside it in the same cluster: the nearest lane, then the closest in time.
      let beside: GridCell | undefined
      for (const c of column.cells) {
        const laneStep = (c.lane - cell.lane) * step
        if (laneStep <= 0 || c.y >= cell.y + cell.height || c.y + c.height <= cell.y) continue
        const lanesAway = beside ? (beside.lane - cell.lane) * step : Infinity
        if (laneStep < lanesAway || (laneStep === lanesAway && Math.abs(c.y - cell.y) < Math.abs(beside!.y - cell.y))) beside = c
      }
      if (beside) return beside
      for (let i = cell.column + step; i >= 0 && i < grid.columns.length; i += step) {
        const target = nearestInColumn(grid.columns[i]!, cell.session, step === 1)
        if (target) return target
      }
      return undefined
    }
  }
}

// ——— Visible range, for virtualisation in both directions ———

export interface GridRect {
  x: number
  y: number
  width: number
  height: number
}

/** Counts the cells a query looked at (binary-search steps included), so tests and the bench can check its cost. */
export interface QueryProbe {
  examined: number
}

/** First index in `sorted` for which `isAfter` holds (it must hold for a suffix). */
function lowerBound<T>(sorted: readonly T[], isAfter: (item: T) => boolean, probe?: QueryProbe): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (probe) probe.examined++
    if (isAfter(sorted[mid]!)) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The inclusive range of columns that `x … x + width` touches; `first > last` when none does. O(log columns). */
export function visibleColumns(grid: TimetableGrid, x: number, width: number): { first: number; last: number } {
  const { columns } = grid
  const first = lowerBound(columns, (c) => c.x + c.width > x)
  const last = lowerBound(columns, (c) => c.x >= x + width) - 1
  return { first, last }
}

/**
 * The cells that intersect `rect`, column by column (within a column, lane by lane in time order). Each lane of a
 * column is sorted by top and, since its cells never overlap, by bottom too: one binary search finds its first
 * visible cell, so a query costs O(visible columns × lanes × log n + k).
 */
export function visibleCells(grid: TimetableGrid, rect: GridRect, probe?: QueryProbe): GridCell[] {
  const out: GridCell[] = []
  const { first, last } = visibleColumns(grid, rect.x, rect.width)
  const top = rect.y
  const bottom = rect.y + rect.height
  for (let i = first; i <= last; i++) {
    for (const lane of grid.columns[i]!.laneCells) {
      for (let j = lowerBound(lane, (c) => c.y + c.height > top, probe); j < lane.length; j++) {
        const cell = lane[j]!
        if (probe) probe.examined++
        if (cell.y >= bottom) break
        if (cell.x < rect.x + rect.width && cell.x + cell.width > rect.x) out.push(cell)
      }
    }
  }
  return out
}
