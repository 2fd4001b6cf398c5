// The schedule as a rooms × time grid (a lazy chunk: the list's first view does not carry it). The geometry is
// src/domain/timetableGrid.ts; this places it in one box that scrolls both ways, with the room headers stuck to its
// top and the time gutter to its left. Virtualised in both directions: @tanstack/react-virtual renders the columns
// near the viewport, and within them only the cells of the time range around it (visibleCells).
// For assistive technology it is a list of rooms, each a list of its sessions (a link and a star button side by
// side); the keyboard moves through it with the arrow keys, one tab stop for the whole grid (roving tabindex).
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react'
import { flushSync } from 'react-dom'
import { appLinkClicked, useAppHref, useOpenAppLink } from '../common/appLinks'
import { defaultRangeExtractor, observeElementOffset, observeElementRect, useVirtualizer, type Range } from '@tanstack/react-virtual'
import type { Instant, Session, SessionId, VenueDay } from '../../domain/model'
import { nextStarLevel } from '../../domain/stars'
import { formatVenueTime } from '../../domain/time'
import {
  buildTimetableGrid,
  DEFAULT_TICK_MIN,
  firstGridCell,
  gridCellAt,
  gridNeighbour,
  nowLineY,
  visibleCells,
  type GridCell,
  type GridMove,
  type TimetableGrid as Grid,
} from '../../domain/timetableGrid'
import { OPENED_FROM_LIST, useUiStore } from '../../store/uiStore'
import { Icon } from '../common/Icons'
import { StarButton } from '../common/StarButton'
import { venueLabel } from '../common/sessionText'
import { venueTimeRangeLabel } from '../common/timeLabels'
import { useHallwaySession } from '../common/useHallway'
import { useSessionConflicts, useStarLevel } from '../common/usePlan'
import { whenIdle } from '../common/whenIdle'
import { conflictWords } from '../plan/conflictText'
import { starAnnouncement } from './SessionList'
import './timetableGrid.css'

/** px: the time gutter, wide enough for "10:45 AM" at its font size; timetableGrid's column width assumes it. */
const GUTTER_PX = 56
/** px: the column header, a room name on up to two lines and its "Building · Level" under it. */
const HEAD_PX = 60
/** px: how far above the "now" line the grid opens, so the talk that just started is in view with its header. */
const NOW_LEAD_PX = 60
/**
 * Columns rendered beyond each side of the viewport: 3 × 144 px, more than a fast fling moves in one frame (~400 px),
 * so the frame painted before the scroll event has re-rendered still finds columns there.
 */
const OVERSCAN_COLUMNS = 3
/**
 * Screens of cells rendered above and below the viewport, and how close (in screens) the viewport may come to the
 * edge of what is rendered before the next range is rendered. The margin is more than a 400 px fling frame on an
 * 844 px phone (0.6 × 784 px of grid), for the same reason; the range then moves every other frame of such a fling.
 */
const OVERSCAN_SCREENS = 1
const REFILL_SCREENS = 0.6
/** Minutes between gutter labels: every other 15-minute tick, 60 px apart at 2 px per minute. */
const LABEL_EVERY_MIN = 30
/**
 * px: a cell narrower than this (a lane of a room with three talks at once) shows its star as the icon alone, whose
 * shape (outline, full, half) still tells the state; the button's name says it in words. With the word the button
 * would leave the title about 50 px.
 */
const NARROW_CELL_PX = 120

/** Star buttons mounted per idle period once a scroll stops (~0.3 ms each on a phone, with their layout). */
const STARS_PER_IDLE = 8

/**
 * Holds back the star buttons of cells that a scroll brings in until it stops: a star is a third of what a cell costs
 * to mount, and a fling mounts ~30 cells a frame. Those cells show their title, time and clash marker at once (the
 * star's corner is kept free, so nothing moves when it comes), and their stars follow in small idle batches. Their
 * link opens, and "s" stars, meanwhile; the active cell (the grid's tab stop) always has its own.
 */
class StarGate {
  private scrolling = false
  private readonly waiting = new Set<() => void>()
  private cancel: (() => void) | undefined

  /** Whether a cell mounting now shows its star at once. */
  get open(): boolean {
    return !this.scrolling
  }

  setScrolling(scrolling: boolean): void {
    if (scrolling === this.scrolling) return
    this.scrolling = scrolling
    if (scrolling) this.stop()
    else this.start()
  }

  /** A cell that mounted without its star: `show` mounts it. Returns the cell's unmount, which forgets it. */
  wait(show: () => void): () => void {
    this.waiting.add(show)
    if (!this.scrolling) this.start()
    return () => this.waiting.delete(show)
  }

  dispose(): void {
    this.stop()
    this.waiting.clear()
  }

  private start(): void {
    if (this.cancel || this.waiting.size === 0) return
    this.cancel = whenIdle(() => {
      let n = 0
      for (const show of this.waiting) {
        this.waiting.delete(show)
        show()
        if (++n === STARS_PER_IDLE) break
      }
      if (this.waiting.size > 0) return false
      this.cancel = undefined
      return true
    })
  }

  private stop(): void {
    this.cancel?.()
    this.cancel = undefined
  }
}

/** "10 AM" on the hour, "10:30" between: the gutter is 56 px wide. */
function gutterLabel(instant: Instant, timeZone: string, hour: boolean): string {
  const [hm = '', period = ''] = formatVenueTime(instant, timeZone).split(' ')
  return hour ? `${hm.replace(/:00$/, '')} ${period}` : hm
}

const KEY_MOVES: Record<string, GridMove> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'home',
  End: 'end',
}

export interface TimetableGridProps {
  /** The day's sessions the filters leave: the same set the list shows. */
  sessions: readonly Session[]
  day: VenueDay
  /** The venue's zone, whose hours the grid's ticks follow. */
  venueZone: string
  /** The zone times are shown in (the venue's, or the device's by choice). */
  timeZone: string
  /** The current minute, for the "now" line and where the grid opens. */
  now: Instant
  /** The id of the heading that names the grid. */
  labelledBy: string
  onCycle: (session: Session) => void
}

interface TimeWindow {
  top: number
  bottom: number
}

/** The vertical range of the body (px) to render for a viewport; null when the rendered one still covers it. */
function nextWindow(current: TimeWindow, viewTop: number, viewHeight: number, gridHeight: number): TimeWindow | null {
  const viewBottom = viewTop + viewHeight
  const refill = viewHeight * REFILL_SCREENS
  const needTop = Math.max(0, viewTop - refill)
  const needBottom = Math.min(gridHeight, viewBottom + refill)
  if (needTop >= current.top && needBottom <= current.bottom) return null
  const overscan = viewHeight * OVERSCAN_SCREENS
  return { top: Math.max(0, viewTop - overscan), bottom: Math.min(gridHeight, viewBottom + overscan) }
}

/** jsdom lays nothing out: a box of 0 × 0 would render no column at all, so it stands in the window's size. */
function sizeOr(rect: { width: number; height: number }): { width: number; height: number } {
  return rect.width > 0 ? rect : { width: window.innerWidth, height: window.innerHeight }
}

function viewHeightOf(el: HTMLElement): number {
  return (el.clientHeight || window.innerHeight) - HEAD_PX
}

export default function TimetableGrid({ sessions, day, venueZone, timeZone, now, labelledBy, onCycle }: TimetableGridProps) {
  const grid = useMemo(() => buildTimetableGrid(sessions, day, venueZone), [sessions, day, venueZone])
  const hallway = useHallwaySession()
  const scrollRef = useRef<HTMLDivElement>(null)
  const ids = useId()
  const [announcement, setAnnouncement] = useState('')
  const rememberListPosition = useUiStore((s) => s.rememberListPosition)
  const forgetListPosition = useUiStore((s) => s.forgetListPosition)
  const nowY = nowLineY(grid, now)

  // Roving focus: the one cell in the tab order. The cell on now in the first room while the day runs, else the first.
  const [activeId, setActiveId] = useState<SessionId | undefined>()
  const active: GridCell | undefined =
    (activeId !== undefined ? grid.cellById.get(activeId) : undefined) ??
    (nowY !== undefined ? gridCellAt(grid, 0, now) : undefined) ??
    firstGridCell(grid)
  const activeColumn = active?.column
  const focusRequest = useRef<SessionId | null>(null)
  const [starGate] = useState(() => new StarGate())
  useEffect(() => () => starGate.dispose(), [starGate])

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      // The active cell stays rendered wherever it is, so Tab always finds the grid's tab stop.
      if (activeColumn === undefined || indexes.includes(activeColumn) || activeColumn >= range.count) return indexes
      return [...indexes, activeColumn].sort((a, b) => a - b)
    },
    [activeColumn],
  )
  // Keyed by the grid, so new columns (a filter changed) are measured anew; their widths are known, never measured.
  const getItemKey = useCallback((i: number) => `${i}:${grid.columns[i]?.key ?? ''}`, [grid])
  // The time range rendered: changed only when the viewport comes near its edge. On scroll it is read in
  // react-virtual's own scroll listener, before that renders: both offsets are read while layout is still clean, and
  // new columns and new time range go into one synchronous render (flushSync), so the frame that scrolled paints the
  // cells it brings into view. (A listener of its own read scrollTop after react-virtual's render, forcing a layout
  // of the new columns in every scroll event.)
  const [win, setWin] = useState<TimeWindow>({ top: 0, bottom: 0 })
  const winRef = useRef(win)
  // The grid's height for the scroll listener, which react-virtual subscribes once; set when the grid changes.
  const gridHeightRef = useRef(0)
  const nextWindowFor = useCallback((): TimeWindow | null => {
    const el = scrollRef.current
    if (!el) return null
    const next = nextWindow(winRef.current, el.scrollTop, viewHeightOf(el), gridHeightRef.current)
    if (next) winRef.current = next
    return next
  }, [])
  const refillWindow = useCallback(() => {
    const next = nextWindowFor()
    if (next) setWin(next)
  }, [nextWindowFor])

  const columns = useVirtualizer({
    horizontal: true,
    count: grid.columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => grid.columns[i]?.width ?? 0,
    getItemKey,
    // The columns start after the gutter in the scrolled box.
    scrollMargin: GUTTER_PX,
    overscan: OVERSCAN_COLUMNS,
    rangeExtractor,
    initialRect: sizeOr({ width: 0, height: 0 }),
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(sizeOr(rect))),
    observeElementOffset: (instance, cb) =>
      observeElementOffset(instance, (offset, isScrolling) => {
        starGate.setScrolling(isScrolling)
        const next = nextWindowFor()
        if (next) flushSync(() => (setWin(next), cb(offset, isScrolling)))
        else cb(offset, isScrolling)
      }),
  })

  // Arriving: back from a session opened here, the same offsets and focus on that cell; else at "now" on the day.
  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const saved = useUiStore.getState().listReturn
    if (saved?.grid && saved.search === window.location.search) {
      forgetListPosition()
      window.scrollTo(0, saved.scrollY)
      el.scrollLeft = saved.grid.left
      el.scrollTop = saved.grid.top
      if (grid.cellById.has(saved.sessionId)) {
        setActiveId(saved.sessionId)
        focusRequest.current = saved.sessionId
      }
    } else if (nowY !== undefined) {
      el.scrollTop = Math.max(0, nowY - NOW_LEAD_PX)
    }
    // The time range follows in the effect below, which runs after this one on arrival.
    // Once, on arrival (the schedule screen remounts the grid for another day).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // Arrived, or a filter changed the grid's height: the rendered range may have to grow or shrink with it.
  useLayoutEffect(() => {
    gridHeightRef.current = grid.height
    winRef.current = { top: 0, bottom: 0 }
    refillWindow()
  }, [grid, refillWindow])

  /** Scrolls the box so the whole cell shows beside the gutter and under the headers (or its top, if taller). */
  const reveal = useCallback((cell: GridCell) => {
    const el = scrollRef.current
    if (!el) return
    const viewWidth = (el.clientWidth || window.innerWidth) - GUTTER_PX
    const viewHeight = viewHeightOf(el)
    if (cell.x < el.scrollLeft) el.scrollLeft = cell.x
    else if (cell.x + cell.width > el.scrollLeft + viewWidth) el.scrollLeft = cell.x + Math.min(cell.width, viewWidth) - viewWidth
    if (cell.y < el.scrollTop) el.scrollTop = cell.y
    else if (cell.y + cell.height > el.scrollTop + viewHeight) el.scrollTop = cell.y + Math.min(cell.height, viewHeight) - viewHeight
  }, [])

  // A move asked for focus on a cell: it is rendered now (the active cell always is); bring it into view, focus it.
  useLayoutEffect(() => {
    const id = focusRequest.current
    if (id === null) return
    const cell = grid.cellById.get(id)
    const link = scrollRef.current?.querySelector<HTMLElement>(`[data-cell-link="${id}"]`)
    // Not rendered yet (this commit still shows the previous active cell): the next one will.
    if (cell && !link) return
    focusRequest.current = null
    if (!cell || !link) return
    reveal(cell)
    link.focus({ preventScroll: true })
    // The page too, when the box itself is partly off screen (jsdom has no scrollIntoView).
    link.parentElement?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })
  })

  const sessionById = useCallback(
    (id: SessionId) => grid.cellById.get(id)?.session ?? grid.band.find((b) => b.id === id)?.session,
    [grid],
  )

  // The cells' links are plain anchors (a router link apiece subscribed each cell to the location, ~130 subscriptions
  // made and dropped while scrolling); one handler here opens them in the app as wouter's Link would (appLinks.ts),
  // remembering where the grid stood.
  const appHref = useAppHref()
  const hrefOf = useCallback((id: SessionId) => appHref(`/session/${id}`), [appHref])
  const openAppLink = useOpenAppLink()
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const link = appLinkClicked(e)
    const id = link?.closest<HTMLElement>('[data-cell-link]')?.dataset.cellLink as SessionId | undefined
    const session = id === undefined ? undefined : sessionById(id)
    if (!link || !session) return
    e.preventDefault()
    const el = scrollRef.current
    rememberListPosition({
      search: window.location.search,
      scrollY: window.scrollY,
      scrollMargin: 0,
      sessionId: session.id,
      grid: { left: el?.scrollLeft ?? 0, top: el?.scrollTop ?? 0 },
    })
    openAppLink(link, OPENED_FROM_LIST)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return
    const holder = (e.target as HTMLElement).closest<HTMLElement>('[data-cell-for]')
    if (!holder) return
    const id = holder.dataset.cellFor as SessionId
    const move = KEY_MOVES[e.key]
    if (move && !holder.hasAttribute('data-band')) {
      e.preventDefault()
      const next = gridNeighbour(grid, id, move)
      if (!next) return
      focusRequest.current = next.id
      setActiveId(next.id)
      return
    }
    if (e.key.toLowerCase() !== 's' || e.shiftKey) return
    const session = sessionById(id)
    if (!session) return
    e.preventDefault()
    setAnnouncement(starAnnouncement(session.title, nextStarLevel(hallway.getState().plan.stars.get(session.id))))
    onCycle(session)
  }

  const items = columns.getVirtualItems()

  const headId = (column: number) => `${ids}-room-${column}`
  const hintId = `${ids}-hint`
  const frame = { '--tt-gutter': `${GUTTER_PX}px`, '--tt-head': `${HEAD_PX}px` } as CSSProperties

  return (
    // Keys and clicks are only noted here (which cell to move to, which to star, which link opens in the app); the
    // cells themselves are links and buttons, which the keyboard reaches and activates as such.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="tt" style={frame} onKeyDown={onKeyDown} onClick={onClick}>
      {grid.band.length > 0 && (
        <section className="tt-band" aria-labelledby={`${ids}-band`}>
          <h2 id={`${ids}-band`} className="tt-band__title">
            All day and elsewhere
          </h2>
          <ul className="tt-band__list">
            {grid.band.map((item) => (
              <li key={item.id} className="tt-band__item" data-cell-for={item.id} data-band="">
                <CellContent session={item.session} timeZone={timeZone} tabbable withRoom href={hrefOf(item.id)} onCycle={onCycle} starGate={starGate} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <p id={hintId} className="visually-hidden">
        Arrow keys move between sessions, Home and End go to a room's first and last, Enter opens one and S stars it.
      </p>
      <div
        ref={scrollRef}
        id="session-list"
        className="tt-scroll"
        role="region"
        aria-labelledby={labelledBy}
        aria-describedby={hintId}
        tabIndex={-1}
        onFocus={(e) => {
          const id = (e.target as HTMLElement).closest<HTMLElement>('[data-cell-for]:not([data-band])')?.dataset.cellFor
          if (id !== undefined && id !== activeId) setActiveId(id as SessionId)
        }}
      >
        <div className="tt-canvas" style={{ width: GUTTER_PX + grid.width, height: HEAD_PX + grid.height }}>
          <div className="tt-head" style={{ width: GUTTER_PX + grid.width }}>
            <div className="tt-corner" />
            {items.map((item) => {
              const column = grid.columns[item.index]!
              return (
                <div
                  key={item.key}
                  id={headId(item.index)}
                  className={`tt-head__col${grid.groups[column.group]?.firstColumn === item.index ? ' tt-group-start' : ''}`}
                  style={{ left: GUTTER_PX + column.x, width: column.width }}
                >
                  <span className="tt-head__room" dir="auto">
                    {column.label}
                  </span>{' '}
                  {column.place !== '' && (
                    <span className="tt-head__place" dir="auto">
                      {column.place}
                    </span>
                  )}
                </div>
              )
            })}
          </div>
          <div className="tt-row" style={{ width: GUTTER_PX + grid.width, height: grid.height }}>
            <TimeGutter grid={grid} timeZone={timeZone} nowY={nowY} />
            <div
              className="tt-body"
              style={{ width: grid.width, height: grid.height, backgroundSize: `100% ${DEFAULT_TICK_MIN * grid.pxPerMin}px` }}
              // The time range rendered (px of the body), for the bench's count of frames with blank space.
              data-from={win.top}
              data-to={win.bottom}
            >
              {nowY !== undefined && <div className="tt-now" style={{ top: nowY }} />}
              {items.map((item) => (
                <RoomColumn
                  key={item.key}
                  grid={grid}
                  index={item.index}
                  top={win.top}
                  bottom={win.bottom}
                  activeId={active?.column === item.index ? active.id : undefined}
                  labelledBy={headId(item.index)}
                  timeZone={timeZone}
                  hrefOf={hrefOf}
                  onCycle={onCycle}
                  starGate={starGate}
                />
              ))}
            </div>
          </div>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  )
}

/** Hour and half-hour labels down the left, and "Now" beside the now line. Decorative: every cell says its time. */
const TimeGutter = memo(function TimeGutter({ grid, timeZone, nowY }: { grid: Grid; timeZone: string; nowY: number | undefined }) {
  const labelEveryPx = LABEL_EVERY_MIN * grid.pxPerMin
  return (
    <div className="tt-gutter" aria-hidden="true">
      {grid.ticks
        .filter((t) => t.hour || Math.round(t.y) % labelEveryPx === 0)
        .map((t) => (
          <span key={t.instant} className={`tt-gutter__tick${t.hour ? ' tt-gutter__tick--hour' : ''}`} style={{ top: t.y }}>
            {gutterLabel(t.instant, timeZone, t.hour)}
          </span>
        ))}
      {nowY !== undefined && (
        <span className="tt-gutter__now" style={{ top: nowY }}>
          Now
        </span>
      )}
    </div>
  )
})

interface RoomColumnProps {
  grid: Grid
  index: number
  /** The time range rendered (px of the body). */
  top: number
  bottom: number
  /** The active cell's id when it is in this room: rendered wherever it is, and the room's one tab stop. */
  activeId: SessionId | undefined
  labelledBy: string
  timeZone: string
  hrefOf: (id: SessionId) => string
  onCycle: (session: Session) => void
  starGate: StarGate
}

/**
 * A room's column and its cells in the time range. Memoised on plain values, so a scroll that only brings other rooms
 * in renders only those; the rooms already there are left alone.
 */
const RoomColumn = memo(function RoomColumn({ grid, index, top, bottom, activeId, labelledBy, timeZone, hrefOf, onCycle, starGate }: RoomColumnProps) {
  const column = grid.columns[index]!
  const cells = useMemo(() => {
    const list = visibleCells(grid, { x: column.x, y: top, width: column.width, height: bottom - top })
    const active = activeId !== undefined ? grid.cellById.get(activeId) : undefined
    if (active && !list.includes(active)) list.push(active)
    // Time order within a room: the order a screen reader reads them in.
    return list.sort((a, b) => a.row - b.row)
  }, [grid, column, top, bottom, activeId])
  return (
    <ul
      className={`tt-col${grid.groups[column.group]?.firstColumn === index ? ' tt-group-start' : ''}`}
      style={{ left: column.x, width: column.width, height: grid.height }}
      aria-labelledby={labelledBy}
    >
      {cells.map((cell) => (
        <li
          key={cell.id}
          className={cell.width < NARROW_CELL_PX ? 'tt-cell tt-cell--narrow' : 'tt-cell'}
          data-cell-for={cell.id}
          // A lane's offset only when it has one: every style property written is work in the frame that mounts it.
          style={cell.x === column.x ? { top: cell.y, width: cell.width, height: cell.height } : { left: cell.x - column.x, top: cell.y, width: cell.width, height: cell.height }}
        >
          <CellContent
            session={cell.session}
            timeZone={timeZone}
            tabbable={cell.id === activeId}
            href={hrefOf(cell.id)}
            onCycle={onCycle}
            starGate={starGate}
          />
        </li>
      ))}
    </ul>
  )
})

interface CellContentProps {
  session: Session
  timeZone: string
  /** In the tab order: the grid's active cell, or a band item. */
  tabbable: boolean
  /** Say the room too (the band, which has no room columns). */
  withRoom?: boolean
  href: string
  onCycle: (session: Session) => void
  /** Whether the star mounts with the cell or after the scroll that brought it in. */
  starGate: StarGate
}

/**
 * A cell: the link to the session (title, time, and a clash marker in words) and its star button beside it, not in
 * it. Reads its own star and clashes, so a star re-renders only its cell.
 */
const CellContent = memo(function CellContent({ session, timeZone, tabbable, withRoom, href, onCycle, starGate }: CellContentProps) {
  const level = useStarLevel(session.id)
  const worst = useSessionConflicts(session.id)?.[0]
  const [starShown, setStarShown] = useState(() => starGate.open)
  useEffect(() => (starShown ? undefined : starGate.wait(() => setStarShown(true))), [starShown, starGate])
  return (
    <>
      <a
        href={href}
        className={`tt-cell__link card-row${level ? ` card-row--${level}` : ''}${worst ? ` tt-cell__link--${worst.severity}` : ''}`}
        data-cell-link={session.id}
        tabIndex={tabbable ? 0 : -1}
      >
        <span className="tt-cell__title" dir="auto">
          {session.title}
        </span>{' '}
        <span className="tt-cell__time">{venueTimeRangeLabel(session.start, session.end, timeZone, session.day)}</span>
        {withRoom && session.venue.room !== '' && (
          <>
            {' '}
            <span className="tt-cell__room" dir="auto">
              {venueLabel(session.venue)}
            </span>
          </>
        )}
        {worst && (
          <>
            {' '}
            <span className={`tt-cell__clash tt-cell__clash--${worst.severity}`}>
              <Icon name={conflictWords(worst).icon} />
              {conflictWords(worst).label}
            </span>
          </>
        )}
      </a>
      {(starShown || tabbable) && <StarButton session={session} level={level} onCycle={onCycle} compact glyph tabIndex={tabbable ? 0 : -1} />}
    </>
  )
})
