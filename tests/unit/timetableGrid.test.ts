// The timetable grid's geometry on the real Thursday, on the 10,000-session synthetic event and on random overlaps.
import type { Instant, Session, SessionId, VenueDay } from '../../src/domain/model'
import { makeSyntheticSessions, prng } from '../../src/domain/synthetic'
import { formatVenueTime, instantFromMs, toMs } from '../../src/domain/time'
import { venueWallClockToInstant } from '../../src/domain/wallClock'
import {
  buildTimetableGrid,
  firstGridCell,
  gridCellAt,
  gridNeighbour,
  MAX_WIDENED_LANES,
  MIN_CELL_HEIGHT_PX,
  nowLineY,
  visibleCells,
  visibleColumns,
  type GridCell,
  type GridMove,
  type GridRect,
  type QueryProbe,
  type TimetableGrid,
} from '../../src/domain/timetableGrid'
import { benchmarkTimetableGrid } from '../../src/domain/timetableGridBench'
import { est, makeSession, seed, seedSession, THURSDAY, TIME_ZONE } from './planFactories'

const seedGrid = buildTimetableGrid(seed(), THURSDAY, TIME_ZONE)
const cellOf = (prefix: string): GridCell => seedGrid.cellById.get(seedSession(prefix).id)!
const titleOf = (cell: GridCell | undefined) => cell?.session.title
const move = (from: string, m: GridMove) => titleOf(gridNeighbour(seedGrid, cellOf(from).id, m))
const cells = (grid: TimetableGrid) => grid.columns.flatMap((c) => c.cells)

/** Two cells cover each other on screen. */
function overlapOnScreen(a: GridCell, b: GridCell): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function expectNoCellCovers(grid: TimetableGrid): void {
  for (const column of grid.columns) {
    const list = column.cells
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (overlapOnScreen(list[i]!, list[j]!)) throw new Error(`${list[i]!.session.title} covers ${list[j]!.session.title}`)
      }
      expect(list[i]!.x).toBeGreaterThanOrEqual(column.x)
      expect(list[i]!.x + list[i]!.width).toBeLessThanOrEqual(column.x + column.width + 1e-9)
    }
  }
}

/** 1,500 sessions of random start (8:00–6:00) and length (0–2 h) in three rooms: many lanes. */
function randomGrid(): TimetableGrid {
  const rand = prng(7)
  const rooms = ['Building B | Level 1 | Hall', 'Building B | Level 2 | B201', 'Building B | Level 2 | B202']
  const day0 = toMs(est('8:00am'))
  const sessions = Array.from({ length: 1500 }, (_, i) => {
    const startMs = day0 + Math.floor(rand() * 600) * 60_000
    return makeSession({
      title: `Random ${i}`,
      start: instantFromMs(startMs),
      end: instantFromMs(startMs + Math.floor(rand() * 120) * 60_000),
      at: rooms[i % rooms.length],
    })
  })
  return buildTimetableGrid(sessions, THURSDAY, TIME_ZONE)
}

/** The brute-force answer to a visible-cells query. */
function bruteForce(grid: TimetableGrid, r: GridRect): Set<SessionId> {
  const hit = (c: GridCell) => c.x < r.x + r.width && c.x + c.width > r.x && c.y < r.y + r.height && c.y + c.height > r.y
  return new Set(cells(grid).filter(hit).map((c) => c.id))
}

describe('columns on the KubeCon Thursday', () => {
  it('has one column per room with a session in the grid, grouped by building, then level, rooms in natural order', () => {
    expect(seedGrid.columns.map((c) => c.label)).toEqual([
      'Exhibit Hall B2',
      'Exhibit Hall B3-B5',
      'Exhibit Hall B3-B5 · Learning Lounge',
      'Exhibit Hall B3-B5 · Project Pavilion',
      'Solutions Showcase',
      'B206',
      'B207',
      'B208',
      'B211-212',
      'Willow Garden Foyer',
      'B302-303',
      'B304-305',
      'B308-309',
      'B312-314',
      'B401-402',
      'B405-406a',
      'B406b-407',
      'Thomas Murphy Ballroom 1',
      'Thomas Murphy Ballroom 2-3',
      'Thomas Murphy Ballroom 4',
      'C111-112',
      'Georgia Ballroom 1',
      'Georgia Ballroom 2',
      'Georgia Ballroom 3',
    ])
  })

  it('labels groups "Building B · Level 4" with their column ranges and pixel extents', () => {
    expect(seedGrid.groups.map((g) => [g.label, g.firstColumn, g.lastColumn])).toEqual([
      ['Building B · Level 1', 0, 4],
      ['Building B · Level 2', 5, 9],
      ['Building B · Level 3', 10, 13],
      ['Building B · Level 4', 14, 16],
      ['Building B · Level 5', 17, 19],
      ['Building C · Level 1', 20, 20],
      ['Building C · Level 3', 21, 23],
    ])
    for (const g of seedGrid.groups) {
      const first = seedGrid.columns[g.firstColumn]!
      const last = seedGrid.columns[g.lastColumn]!
      expect([g.x, g.width]).toEqual([first.x, last.x + last.width - first.x])
      for (let i = g.firstColumn; i <= g.lastColumn; i++) expect(seedGrid.columns[i]!).toMatchObject({ group: g.index, place: g.label })
    }
    expect(seedGrid.groups[3]).toMatchObject({ building: 'Building B', level: 'Level 4' })
  })

  it('lays columns edge to edge, each lane 144 px, a room with overlapping sessions two lanes wide', () => {
    let x = 0
    for (const c of seedGrid.columns) {
      expect(c.x).toBe(x)
      x += c.width
    }
    expect(seedGrid.width).toBe(x)
    expect(seedGrid.columns.find((c) => c.label === 'B206')!.width).toBe(144)
    expect(seedGrid.columns.find((c) => c.label === 'Exhibit Hall B3-B5')!.width).toBe(288)
  })

  it('orders rooms naturally (Room 9 before Room 10) and buildings the way they stand (walking model), unknown last', () => {
    const at = (line: string) => makeSession({ at: line })
    const grid = buildTimetableGrid(
      [at('Room 10'), at('Building C | Level 1 | C1'), at('Room 9'), at('Building A | Level 10 | A2'), at('Building A | Level 2 | A1')],
      THURSDAY,
      TIME_ZONE,
      { buildingOrder: ['Building C', 'Building A'] },
    )
    expect(grid.columns.map((c) => [c.place, c.label])).toEqual([
      ['Building C · Level 1', 'C1'],
      ['Building A · Level 2', 'A1'],
      ['Building A · Level 10', 'A2'],
      ['', 'Room 9'],
      ['', 'Room 10'],
    ])
  })

  it('keeps a room one column however its name is spaced or cased', () => {
    const grid = buildTimetableGrid(
      [makeSession({ at: 'Building B | Level 2 | B206' }), makeSession({ at: 'Building B | Level 2 | b206 ', from: '1:00pm', to: '1:30pm' })],
      THURSDAY,
      TIME_ZONE,
    )
    expect(grid.columns).toHaveLength(1)
    expect(grid.columns[0]!.cells).toHaveLength(2)
  })
})

describe('the band above the grid', () => {
  it('holds the seed sessions longer than 3 h, longest first at the same start, and nothing else', () => {
    expect(seedGrid.band.map((b) => [b.session.title, b.reason])).toEqual([
      ['Coat + Bag Check', 'long'], // 8:00–4:15
      ['Badge Pick-Up', 'long'], // 8:00–4:00
      ['Relaxation Station', 'long'], // 10:30–2:00
      ['Solutions Showcase', 'long'], // 10:30–2:00
    ])
  })

  it('leaves breaks and hall sessions in their columns: they happen at a time and place', () => {
    for (const title of ['Lunch 🍲', 'Coffee Break ☕', 'Project Demos', 'Pet-a-Pup', '🚨 Contribfest: Level up']) {
      expect(cellOf(title)).toBeDefined()
    }
    expect(seedGrid.cellById.size + seedGrid.band.length).toBe(99)
  })

  it('gives no column to a room whose only session is in the band', () => {
    const labels = seedGrid.columns.map((c) => c.label)
    expect(labels).not.toContain('Registration Hall B')
    expect(labels).not.toContain('A412')
  })

  it('takes a session with no room, and draws the line at 3 h exactly', () => {
    const noRoom = makeSession({ title: 'Lunch everywhere', venue: { room: '', raw: '' } })
    const threeHours = makeSession({ title: 'Tutorial', from: '9:00am', to: '12:00pm' })
    const longer = makeSession({ title: 'Hackathon', from: '9:00am', to: '12:01pm' })
    const grid = buildTimetableGrid([noRoom, threeHours, longer], THURSDAY, TIME_ZONE)
    expect(grid.band.map((b) => [b.session.title, b.reason])).toEqual([
      ['Hackathon', 'long'],
      ['Lunch everywhere', 'no-room'],
    ])
    expect(titleOf(grid.columns[0]!.cells[0])).toBe('Tutorial')
    const custom = buildTimetableGrid([threeHours], THURSDAY, TIME_ZONE, { bandLongerThanMin: 120 })
    expect(custom.band).toHaveLength(1)
    expect(custom.columns).toHaveLength(0)
  })
})

describe('time scale', () => {
  it('runs from the first regular start to the last end, not from the 8:00 badge pick-up', () => {
    expect(seedGrid.start).toBe(est('9:00am'))
    expect(seedGrid.end).toBe(est('3:45pm'))
    expect(seedGrid.height).toBe(405 * 2) // 6 h 45 min at 2 px a minute
  })

  it('places a session at its minutes since the start × px per minute, to scale', () => {
    expect(cellOf('AI-Assisted GitOps')).toMatchObject({ y: 120 * 2, height: 30 * 2 }) // 11:00–11:30
    const big = buildTimetableGrid(seed(), THURSDAY, TIME_ZONE, { pxPerMin: 3 })
    expect(big.cellById.get(seedSession('AI-Assisted GitOps').id)).toMatchObject({ y: 120 * 3, height: 30 * 3 })
    expect(big.height).toBe(405 * 3)
  })

  it('snaps the range out to the tick: a 9:07 start and a 10:50 end make 9:00–11:00, ticks every 15 minutes', () => {
    const grid = buildTimetableGrid([makeSession({ from: '9:07am', to: '10:50am' })], THURSDAY, TIME_ZONE)
    expect([grid.start, grid.end]).toEqual([est('9:00am'), est('11:00am')])
    expect(grid.ticks.map((t) => formatVenueTime(t.instant, TIME_ZONE))).toEqual([
      '9:00 AM', '9:15 AM', '9:30 AM', '9:45 AM', '10:00 AM', '10:15 AM', '10:30 AM', '10:45 AM', '11:00 AM',
    ])
    expect(grid.ticks.map((t) => t.y)).toEqual([0, 30, 60, 90, 120, 150, 180, 210, 240])
    expect(grid.ticks.filter((t) => t.hour).map((t) => formatVenueTime(t.instant, TIME_ZONE))).toEqual(['9:00 AM', '10:00 AM', '11:00 AM'])
    const hourly = buildTimetableGrid([makeSession({ from: '9:07am', to: '10:50am' })], THURSDAY, TIME_ZONE, { tickMin: 60 })
    expect(hourly.ticks).toHaveLength(3)
  })

  it('marks the venue’s hours in a half-hour zone (Kolkata, UTC+5:30), not UTC’s', () => {
    const zone = 'Asia/Kolkata'
    const day = '2025-11-13' as VenueDay
    const talk = makeSession({ day, start: venueWallClockToInstant(day, 10, 10, zone), end: venueWallClockToInstant(day, 11, 20, zone) })
    const grid = buildTimetableGrid([talk], day, zone)
    expect(formatVenueTime(grid.start, zone)).toBe('10:00 AM')
    expect(formatVenueTime(grid.end, zone)).toBe('11:30 AM')
    expect(grid.ticks.filter((t) => t.hour).map((t) => formatVenueTime(t.instant, zone))).toEqual(['10:00 AM', '11:00 AM'])
  })

  it('takes only the sessions of its venue day', () => {
    const friday = makeSession({ day: '2025-11-14' as VenueDay, from: '9:00am', to: '9:30am', title: 'Friday talk' })
    const grid = buildTimetableGrid([...seed(), friday], THURSDAY, TIME_ZONE)
    expect(grid.cellById.has(friday.id)).toBe(false)
    expect(grid.cellById.size).toBe(seedGrid.cellById.size)
  })

  it('is empty, with no ticks and no now line, on a day without sessions', () => {
    const grid = buildTimetableGrid(seed(), '2025-11-14' as VenueDay, TIME_ZONE)
    expect([grid.columns.length, grid.ticks.length, grid.band.length, grid.height, grid.width]).toEqual([0, 0, 0, 0, 0])
    expect(nowLineY(grid, grid.start)).toBeUndefined()
    expect(firstGridCell(grid)).toBeUndefined()
  })
})

describe('cells', () => {
  it('stretches a 5-minute keynote to the minimum height so it can be read and tapped', () => {
    const welcome = cellOf('Keynote: Welcome Back')
    expect(welcome.height).toBe(MIN_CELL_HEIGHT_PX)
    expect(MIN_CELL_HEIGHT_PX).toBeGreaterThan(5 * 2)
  })

  it('puts the coffee break and the demo that starts during it side by side in the Exhibit Hall', () => {
    const coffee = cellOf('Coffee Break ☕') // 10:30–11:00
    const demo = cellOf('Sponsored Demo: KubeHound') // 10:35–10:55
    expect([coffee.lane, coffee.lanes, demo.lane, demo.lanes]).toEqual([0, 2, 1, 2])
    expect(demo.x).toBe(coffee.x + coffee.width)
    expect(coffee.width).toBe(144)
    const later = cellOf('Sponsored Demo: No Silos') // 11:05, after the coffee break: the whole column again
    expect([later.lane, later.lanes, later.width]).toEqual([0, 1, 288])
  })

  it('staggers back-to-back short keynotes into lanes instead of stacking them on each other', () => {
    const keynotes = seedGrid.columns[0]!.cells
    expect(keynotes.map((c) => c.session.title.startsWith('Keynote') || c.session.title.startsWith('Sponsored Keynote'))).not.toContain(false)
    expect(new Set(keynotes.map((c) => c.lane)).size).toBeGreaterThan(1)
  })

  it('never lets two cells cover each other, and keeps each inside its column', () => {
    expectNoCellCovers(seedGrid)
  })

  it('never lets cells cover each other or leaves a lane unordered among 1,500 random overlapping sessions', () => {
    const grid = randomGrid()
    expect(grid.cellById.size).toBe(1500)
    expect(Math.max(...grid.columns.map((c) => c.laneCells.length))).toBeGreaterThan(MAX_WIDENED_LANES)
    expectNoCellCovers(grid)
    for (const column of grid.columns) {
      for (const lane of column.laneCells) {
        for (let i = 1; i < lane.length; i++) expect(lane[i]!.y).toBeGreaterThanOrEqual(lane[i - 1]!.y + lane[i - 1]!.height)
      }
    }
  })
})

describe('keyboard navigation', () => {
  it('moves up and down through a room in time order, and stops at its ends', () => {
    expect(move('AI-Assisted GitOps', 'down')).toBe('Building a Kubernetes-native Experience for Your Multi-cluster Fleet')
    expect(move('Building a Kubernetes-native Experience', 'up')).toBe('AI-Assisted GitOps With Flux MCP Server')
    expect(move('AI-Assisted GitOps', 'up')).toBeUndefined()
    expect(move('An Open Source AI Compute Stack', 'down')).toBeUndefined()
  })

  it('jumps to the first and last session of the room with home and end', () => {
    expect(move('Achieving Peak Performance', 'home')).toBe('AI-Assisted GitOps With Flux MCP Server')
    expect(move('Achieving Peak Performance', 'end')).toMatch(/^An Open Source AI Compute Stack/)
    expect(move('AI-Assisted GitOps', 'home')).toBeUndefined()
  })

  it('moves right to the session at the same time in the next room', () => {
    expect(move('AI-Assisted GitOps', 'right')).toMatch(/^🚨 Contribfest: Level up/) // B206 → B207, both 11:00
    expect(move('The Ultimate Container Challenge', 'left')).toBe('Pet-a-Pup') // B302-303 → Willow Garden Foyer, its one session
  })

  it('moves to the nearest in time when the next room has nothing at that time', () => {
    // Georgia Ballroom 3 has nothing at 11:00; its first session is the TOC meeting at 11:45.
    expect(move('etcd V3.6', 'right')).toBe('Public Technical Oversight Committee (TOC) Meeting')
    expect(move('Public Technical Oversight Committee', 'right')).toBeUndefined() // the last column
    expect(move('Keynote: Welcome Back', 'left')).toBeUndefined() // the first column
  })

  it('moves between lanes of one room before leaving it', () => {
    expect(move('Coffee Break ☕', 'right')).toMatch(/^Sponsored Demo: KubeHound/)
    expect(move('Sponsored Demo: KubeHound', 'left')).toBe('Coffee Break ☕')
    expect(move('Sponsored Demo: KubeHound', 'right')).toMatch(/^Learning Lounge: AI May Be the Lead Singer/) // 10:45, during it
    // Into a two-lane room from the right lands in its right lane, the one beside where focus was.
    expect(move('Learning Lounge: AI May Be', 'left')).toMatch(/^Sponsored Demo: KubeHound/)
  })

  it('keeps every move inside the grid: up/down in the column, left/right to the side asked for', () => {
    for (const cell of cells(seedGrid)) {
      for (const m of ['up', 'down', 'left', 'right', 'home', 'end'] as const) {
        const to = gridNeighbour(seedGrid, cell.id, m)
        if (!to) continue
        expect(to).not.toBe(cell)
        if (m === 'up' || m === 'down' || m === 'home' || m === 'end') expect(to.column).toBe(cell.column)
        if (m === 'up') expect(to.row).toBe(cell.row - 1)
        if (m === 'down') expect(to.row).toBe(cell.row + 1)
        if (m === 'right') expect(to.column > cell.column || (to.column === cell.column && to.lane > cell.lane)).toBe(true)
        if (m === 'left') expect(to.column < cell.column || (to.column === cell.column && to.lane < cell.lane)).toBe(true)
      }
    }
    expect(gridNeighbour(seedGrid, 'nope' as SessionId, 'down')).toBeUndefined()
  })

  it('enters the grid at the first cell, or at the session nearest a moment in a room', () => {
    expect(titleOf(firstGridCell(seedGrid))).toBe('Keynote: Welcome Back + Opening Remarks')
    const b206 = seedGrid.columns.findIndex((c) => c.label === 'B206')
    expect(titleOf(gridCellAt(seedGrid, b206, est('11:10am')))).toBe('AI-Assisted GitOps With Flux MCP Server')
    expect(titleOf(gridCellAt(seedGrid, b206, est('1:10pm')))).toMatch(/^Achieving Peak Performance/) // 1:45 is nearer than 12:15
    expect(gridCellAt(seedGrid, 99, est('1:00pm'))).toBeUndefined()
  })
})

describe('visible range queries', () => {
  it('finds the columns a horizontal range touches, by pixel', () => {
    expect(visibleColumns(seedGrid, 0, 390)).toEqual({ first: 0, last: 1 }) // 288 + part of the next 288
    expect(visibleColumns(seedGrid, 288, 1)).toEqual({ first: 1, last: 1 })
    expect(visibleColumns(seedGrid, 287, 2)).toEqual({ first: 0, last: 1 })
    const end = visibleColumns(seedGrid, seedGrid.width - 10, 390)
    expect(end).toEqual({ first: 23, last: 23 })
    const past = visibleColumns(seedGrid, seedGrid.width + 10, 390)
    expect(past.first).toBeGreaterThan(past.last)
  })

  it('returns exactly the cells a rect intersects, on the seed', () => {
    const rand = prng(3)
    for (let i = 0; i < 300; i++) {
      const rect = { x: rand() * seedGrid.width - 100, y: rand() * seedGrid.height - 100, width: 50 + rand() * 600, height: 50 + rand() * 900 }
      const got = visibleCells(seedGrid, rect).map((c) => c.id)
      expect(new Set(got).size).toBe(got.length)
      expect(new Set(got)).toEqual(bruteForce(seedGrid, rect))
    }
  })

  it('looks at the visible cells plus one binary search per lane, not at every cell of the visible rooms', () => {
    // 400 sessions a room, one after another with the odd overlap: long columns with few lanes.
    const rand = prng(5)
    const sessions: Session[] = []
    for (const room of ['Building B | Level 2 | B201', 'Building B | Level 2 | B202', 'Building B | Level 3 | B301']) {
      let startMs = toMs(est('8:00am'))
      for (let i = 0; i < 400; i++) {
        startMs += Math.floor(rand() * 60) * 60_000
        const end = instantFromMs(startMs + (10 + Math.floor(rand() * 50)) * 60_000)
        sessions.push(makeSession({ title: `${room} ${i}`, start: instantFromMs(startMs), end, at: room }))
      }
    }
    const grid = buildTimetableGrid(sessions, THURSDAY, TIME_ZONE)
    expect(Math.max(...grid.columns.map((c) => c.laneCells.length))).toBeGreaterThan(1)
    let examined = 0
    let linear = 0
    for (let i = 0; i < 200; i++) {
      const rect = { x: rand() * grid.width, y: rand() * grid.height, width: 390, height: 120 }
      const probe: QueryProbe = { examined: 0 }
      const got = visibleCells(grid, rect, probe)
      expect(new Set(got.map((c) => c.id))).toEqual(bruteForce(grid, rect))
      const { first, last } = visibleColumns(grid, rect.x, rect.width)
      let bound = 0
      for (let c = first; c <= last; c++) {
        const column = grid.columns[c]!
        linear += column.cells.length
        // The cells of the visible rooms in the rect's time span (a wide room's lane may lie beside the rect)…
        bound += column.cells.filter((x) => x.y < rect.y + rect.height && x.y + x.height > rect.y).length
        // …plus, per lane, a binary search (⌈log2(n + 1)⌉ steps) and one look past the last visible cell.
        for (const lane of column.laneCells) bound += Math.ceil(Math.log2(lane.length + 1)) + 1
      }
      expect(bound).toBeGreaterThanOrEqual(got.length)
      expect(probe.examined).toBeLessThanOrEqual(bound)
      examined += probe.examined
    }
    expect(examined).toBeLessThan(linear / 2)
  })

  it('finds the 11:00 talks on a phone screen at the start of Building B Level 3', () => {
    const l3 = seedGrid.groups.find((g) => g.label === 'Building B · Level 3')!
    const found = visibleCells(seedGrid, { x: l3.x, y: 200, width: 390, height: 100 }).map((c) => c.session.title)
    expect(found).toEqual([
      'The Ultimate Container Challenge: An Interactive Trivia Game on Supply Chain Security',
      'The Journey of Deploying Backstage in a Large Organization',
      'Building Cloud Native Agentic Workflows on Kubernetes for Preventative Healthcare',
    ])
  })

  describe('at 10,000 sessions (the synthetic event, 60 rooms a day)', () => {
    const sessions = makeSyntheticSessions({ count: 10_000, days: 14 })
    const day = sessions[0]!.day
    const grid = buildTimetableGrid(sessions, day, TIME_ZONE)

    it('lays out one day of 60 rooms in buildings A, B, C', () => {
      expect(grid.columns).toHaveLength(60)
      expect(grid.cellById.size + grid.band.length).toBe(sessions.filter((s) => s.day === day).length)
      expect([...new Set(grid.columns.map((c) => c.venue.building))]).toEqual(['Building A', 'Building B', 'Building C'])
      expectNoCellCovers(grid)
    })

    it('answers a diagonal scroll with the exact cells', () => {
      const steps = 100
      for (let i = 0; i <= steps; i++) {
        const rect = { x: (i / steps) * (grid.width - 390), y: (i / steps) * (grid.height - 844), width: 390, height: 844 }
        expect(new Set(visibleCells(grid, rect).map((c) => c.id))).toEqual(bruteForce(grid, rect))
      }
    })

    it('gives the bench consistent figures with an injected clock', () => {
      let t = 0
      const result = benchmarkTimetableGrid(sessions, day, TIME_ZONE, { steps: 50, now: () => (t += 1) })
      expect(result).toMatchObject({ sessions: 10_000, columns: 60, cells: grid.cellById.size, band: 0, queries: 51, buildMs: 1 })
      expect(result.queryMs).toBeCloseTo(1 / 51)
      expect(result.maxVisibleCells).toBeGreaterThan(0)
      expect(result.meanVisibleCells).toBeLessThanOrEqual(result.maxVisibleCells)
      expect(result.meanExamined).toBeGreaterThanOrEqual(result.meanVisibleCells)
    })
  })
})

describe('now line', () => {
  it('sits at minutes since the start × px per minute during the day', () => {
    expect(nowLineY(seedGrid, est('11:10am'))).toBe(130 * 2)
    expect(nowLineY(seedGrid, seedGrid.start)).toBe(0)
    expect(nowLineY(seedGrid, seedGrid.end)).toBe(405 * 2)
  })

  it('is absent before the day starts, after it ends and on another day', () => {
    expect(nowLineY(seedGrid, est('8:59am'))).toBeUndefined()
    expect(nowLineY(seedGrid, est('3:46pm'))).toBeUndefined()
    expect(nowLineY(seedGrid, est('11:10am', '2025-11-14'))).toBeUndefined()
    expect(nowLineY(seedGrid, '2025-11-13T16:10:00Z' as Instant)).toBe(260)
  })
})
