// The day's sessions as one window-scrolled virtual list: only the rows near the viewport are in the DOM, so a
// keystroke at 10,000 sessions re-renders a few dozen rows. Slot headers stick to the top (a rangeExtractor keeps
// the current one rendered, as in the react-virtual "sticky" example), row heights are measured, and the row
// holding keyboard focus is never unmounted, so Tab and Shift+Tab walk the whole list. "s" stars the focused card.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react'
import { defaultRangeExtractor, measureElement, useWindowVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual'
import { isolateText } from '../../domain/bidiText'
import type { Instant, Session } from '../../domain/model'
import { nextStarLevel } from '../../domain/stars'
import { OPENED_FROM_LIST, useUiStore } from '../../store/uiStore'
import type { ScheduleRow } from './scheduleRows'
import { venueTimeLabel } from '../common/timeLabels'
import { useHallwaySession } from '../common/useHallway'
import { appLinkClicked, useOpenAppLink } from '../common/appLinks'
import { SessionCard, type SessionTiming } from './SessionCard'

// First-guess heights before any row is measured (px at the default 16 px font): a one-line slot header, and a card
// with a two-line title, time, room and speakers. Once rows are measured, their average is the guess (see RowSizes).
const SLOT_ESTIMATE_PX = 44
const CARD_ESTIMATE_PX = 140
// Rows rendered beyond each edge of the viewport (~550 px of cards on a phone, more than half a screen): enough
// that a fling rarely shows blank space, few enough that replacing the list on a filter change stays cheap. Every
// overscanned card costs a mount, a style recalc and a layout on each change of the results; five made a filter
// change lay out eight cards where three are on screen.
const OVERSCAN_ROWS = 3
// The viewport assumed before the window is measured: the height of a tall phone or a laptop's window.
const FIRST_RENDER_RECT = { width: 0, height: 1100 }
// How long to wait for the opened card to be rendered again after Back (frames, ~0.5 s at 60 Hz); in a browser it
// is there in the first frame.
const RESTORE_FOCUS_FRAMES = 30

export interface SessionListProps {
  rows: readonly ScheduleRow[]
  /** The zone times show in: the venue's, or the device's when the user chose so. */
  timeZone: string
  /** The current minute, for "On now" / "Ended" labels. */
  now: Instant
  /** The id of the heading that names the list. */
  labelledBy: string
  /** Cycles a session's star; without it cards have no star button. Each card reads its own star and clashes. */
  onCycle?: (session: Session) => void
}

function kindOf(el: Element): ScheduleRow['kind'] {
  return el.classList.contains('row--slot') ? 'slot' : 'session'
}

const ROW_STYLE: CSSProperties = { position: 'absolute', left: 0, width: '100%' }
// A header scrolling up slides over the stuck one instead of under it.
const SLOT_STYLE: CSSProperties = { ...ROW_STYLE, zIndex: 2 }
const STUCK_STYLE: CSSProperties = { position: 'sticky', top: 0, zIndex: 1 }

/** What a screen reader hears after "s" on a card: the new state, since focus stays on the card's link. */
export function starAnnouncement(title: string, level: ReturnType<typeof nextStarLevel>): string {
  const t = isolateText(title)
  if (level === 'must') return `${t}: added to your plan as must`
  if (level === 'maybe') return `${t}: now a maybe`
  return `${t}: removed from your plan`
}

export function timingOf(session: Session, now: Instant): SessionTiming {
  if (session.end <= now) return 'ended'
  return session.start <= now ? 'now' : 'upcoming'
}

type RowKey = ReturnType<Virtualizer<Window, Element>['options']['getItemKey']>

/**
 * Each measured row's height by its key, and the running average of each kind: the guess for rows not measured yet.
 * A card's height depends on the screen's width and the font size, so a fixed guess is off by tens of pixels on most
 * screens, and every row mounted with a wrong guess moves the rows after it: one more render and layout before the
 * frame. Kept here as well as in the virtualizer, which keeps a measurement only when it differs from the guess: a
 * row as tall as the average (most cards) would otherwise be read again, a forced layout, each time it comes back.
 */
class RowSizes {
  private readonly sizes = new Map<RowKey, number>()
  private readonly sum = { slot: 0, session: 0 }
  private readonly count = { slot: 0, session: 0 }

  note(kind: ScheduleRow['kind'], key: RowKey, size: number): void {
    const before = this.sizes.get(key)
    if (before === undefined) this.count[kind] += 1
    this.sum[kind] += size - (before ?? 0)
    this.sizes.set(key, size)
  }

  /** The row's measured height, if it was ever measured. */
  of(key: RowKey): number | undefined {
    return this.sizes.get(key)
  }

  estimate(kind: ScheduleRow['kind']): number {
    const n = this.count[kind]
    if (n === 0) return kind === 'slot' ? SLOT_ESTIMATE_PX : CARD_ESTIMATE_PX
    return Math.round(this.sum[kind] / n)
  }
}

/** The last entry of ascending `sorted` that is ≤ value (binary search; the list can hold 10,000 rows). */
function lastAtOrBefore(sorted: readonly number[], value: number): number | undefined {
  let lo = 0
  let hi = sorted.length - 1
  let found: number | undefined
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! <= value) {
      found = sorted[mid]
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return found
}

function pageTop(el: HTMLElement): number {
  return el.getBoundingClientRect().top + window.scrollY
}

/** Memoised: a keystroke that leaves the results as they were (or a re-render above it) does not reach the rows. */
export const SessionList = memo(function SessionList({
  rows,
  timeZone,
  now,
  labelledBy,
  onCycle,
}: SessionListProps) {
  const hallway = useHallwaySession()
  const listRef = useRef<HTMLDivElement>(null)
  const [announcement, setAnnouncement] = useState('')
  const rememberListPosition = useUiStore((s) => s.rememberListPosition)
  const forgetListPosition = useUiStore((s) => s.forgetListPosition)

  // Coming back from a session page: the saved position, if it was saved for exactly this view.
  const [restore] = useState(() => {
    const saved = useUiStore.getState().listReturn
    return saved && !saved.grid && saved.search === window.location.search ? saved : null
  })
  const [scrollMargin, setScrollMargin] = useState(() => restore?.scrollMargin ?? 0)
  const [rowSizes] = useState(() => new RowSizes())

  const stickyIndexes = useMemo(() => {
    const out: number[] = []
    rows.forEach((r, i) => {
      if (r.kind === 'slot') out.push(i)
    })
    return out
  }, [rows])

  const activeStickyRef = useRef<number | undefined>(undefined)
  const focusedIndexRef = useRef<number | null>(null)
  useEffect(() => {
    // Row indexes mean different rows once the list changes.
    focusedIndexRef.current = null
  }, [rows])

  const rangeExtractor = useCallback(
    (range: Range) => {
      const active = lastAtOrBefore(stickyIndexes, range.startIndex)
      activeStickyRef.current = active
      const indexes = new Set(defaultRangeExtractor(range))
      if (active !== undefined) indexes.add(active)
      const focused = focusedIndexRef.current
      if (focused !== null && focused < range.count) indexes.add(focused)
      // Ascending, so DOM order (and with it Tab order) is the visual order.
      return [...indexes].sort((a, b) => a - b)
    },
    [stickyIndexes],
  )

  // Put the reader back where they were: same scroll position (the virtualizer applies initialOffset; scrolling
  // here too covers the first frame, before it does), focus on the card they opened.
  useLayoutEffect(() => {
    if (!restore) return
    forgetListPosition()
    window.scrollTo(0, restore.scrollY)
    let frames = 0
    let handle = 0
    const focusCard = () => {
      const card = listRef.current?.querySelector<HTMLElement>(`[data-session-id="${restore.sessionId}"]`)
      if (card) {
        card.focus({ preventScroll: true })
        return
      }
      // Not rendered yet: the virtualizer picks up the restored offset on its next scroll read.
      frames += 1
      if (frames < RESTORE_FOCUS_FRAMES) handle = requestAnimationFrame(focusCard)
      // The card is gone (schedule updated meanwhile): land keyboard users in the list at least.
      else listRef.current?.focus({ preventScroll: true })
    }
    handle = requestAnimationFrame(focusCard)
    return () => cancelAnimationFrame(handle)
    // Only once, on arrival; later changes of rows are new views.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [restore])

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (i) => {
      const row = rows[i]
      return (row && rowSizes.of(row.key)) ?? rowSizes.estimate(row?.kind ?? 'session')
    },
    measureElement: (el: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<Window, Element>) => {
      // A row just mounted (no ResizeObserver entry yet): keep its guess here. The virtualizer would read each new
      // row's height in its ref callback and then move the rows after it, so the next row's read forced another
      // layout: six new rows, six layouts. The layout effect below reads them all, then moves them, once.
      const key = instance.options.getItemKey(instance.indexFromElement(el))
      if (entry === undefined) return instance.itemSizeCache.get(key) ?? rowSizes.of(key) ?? rowSizes.estimate(kindOf(el))
      const size = measureElement(el, entry, instance)
      rowSizes.note(kindOf(el), key, size)
      return size
    },
    // A size reported by the ResizeObserver (a row growing, or rows that mounted while scrolling) is applied in the
    // next animation frame, not in the observer's callback: moving rows and resizing the list there would resize
    // the page under the observer of the page's body and end the frame with a ResizeObserver loop error.
    useAnimationFrameWithResizeObserver: true,
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: OVERSCAN_ROWS,
    scrollMargin,
    rangeExtractor,
    // The server (the build's prerender) has no window; hydration must start where it did, at the top.
    initialOffset: () => restore?.scrollY ?? (typeof window === 'undefined' ? 0 : window.scrollY),
    // Until the window is measured (the first render, on the server too): rows enough for a tall screen, so the
    // prerendered first screen is full wherever it is shown, and hydration renders the very same rows.
    initialRect: FIRST_RENDER_RECT,
    initialMeasurementsCache: restore?.measurements ? [...restore.measurements] : [],
    // Row positions and the list's height are written straight to the DOM, and React re-renders only when the
    // range of rows changes. A row measured at another height than guessed (most new rows) then moves the rows
    // after it within the same frame, without a render of the list.
    directDomUpdates: true,
    // `top`, not the default translate3d, which would give every row a compositor layer of its own.
    directDomUpdatesMode: 'position',
  })
  // Rows new to this commit are measured together: every read first (one layout), then every move. Not while the
  // user scrolls: the virtualizer leaves that to the ResizeObserver, so rows above the screen do not shift the
  // scroll position under their finger.
  useLayoutEffect(() => {
    const list = listRef.current
    if (!list || virtualizer.isScrolling) return
    const measured: Array<[number, number]> = []
    for (const el of list.children) {
      if (!(el instanceof HTMLElement) || el.dataset.index === undefined || el.hasAttribute('data-stuck')) continue
      const index = Number(el.dataset.index)
      const key = virtualizer.options.getItemKey(index)
      if (virtualizer.itemSizeCache.has(key) || rowSizes.of(key) !== undefined) continue
      const size = el.offsetHeight
      measured.push([index, size])
      rowSizes.note(kindOf(el), key, size)
    }
    for (const [index, size] of measured) virtualizer.resizeItem(index, size)
  })

  const setListNode = useCallback(
    (node: HTMLDivElement | null) => {
      listRef.current = node
      virtualizer.containerRef(node)
    },
    [virtualizer],
  )

  // Where the list starts on the page moves when the filter panel opens, the notice goes, or text above rewraps.
  // Each of those changes the body's size, so one ResizeObserver on it catches them all.
  useLayoutEffect(() => {
    const measure = () => {
      const el = listRef.current
      if (!el) return
      const top = pageTop(el)
      // The list's own height changes on almost every scrolled frame (rows measured): only a move is news, and an
      // unchanged value must not even queue a state update (React would render the list again to find that out).
      if (Math.abs(top - virtualizer.options.scrollMargin) > 0.5) setScrollMargin(top)
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [virtualizer])

  // The stuck header is pushed up by the next one instead of being overlapped by it. The virtualizer re-renders
  // only when the visible range changes, not per pixel, so this follows scrolling by writing the style directly.
  const pushStuckHeader = useCallback(() => {
    const stuck = listRef.current?.querySelector<HTMLElement>('[data-stuck]')
    if (!stuck) return
    const index = Number(stuck.dataset.index)
    const next = stickyIndexes[stickyIndexes.indexOf(index) + 1]
    const measurements = virtualizer.measurementsCache
    const height = measurements[index]?.size ?? 0
    // Page offsets: item starts include the list's own offset (scrollMargin), like the scroll offset. The
    // virtualizer's copy of window.scrollY, read on its scroll events: reading window.scrollY here, right after a
    // commit changed the rows, would force a synchronous layout of the whole list on every scrolled frame.
    const scrollY = virtualizer.scrollOffset ?? window.scrollY
    const nextTop = next !== undefined ? (measurements[next]?.start ?? Infinity) - scrollY : Infinity
    const shift = nextTop < height ? Math.max(nextTop - height, -height) : 0
    const transform = shift !== 0 ? `translateY(${shift}px)` : ''
    // Unchanged (almost every frame): no style write, so nothing is invalidated.
    if (stuck.style.transform !== transform) stuck.style.transform = transform
  }, [stickyIndexes, virtualizer])
  useLayoutEffect(pushStuckHeader)
  useEffect(() => {
    window.addEventListener('scroll', pushStuckHeader, { passive: true })
    return () => window.removeEventListener('scroll', pushStuckHeader)
  }, [pushStuckHeader])

  // The cards' links are plain anchors (no router subscription in each card): a plain click on one opens it in the
  // app here. A session opened from the list remembers where the list stood, for Back.
  const openAppLink = useOpenAppLink()
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const link = appLinkClicked(e)
    if (!link) return
    e.preventDefault()
    const sessionId = link.dataset.sessionId
    if (sessionId === undefined) {
      openAppLink(link)
      return
    }
    rememberListPosition({
      search: window.location.search,
      scrollY: window.scrollY,
      scrollMargin,
      sessionId: sessionId as Session['id'],
      measurements: virtualizer.measurementsCache,
    })
    openAppLink(link, OPENED_FROM_LIST)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!onCycle || e.key.toLowerCase() !== 's' || e.ctrlKey || e.metaKey || e.altKey) return
    const id = (e.target as HTMLElement).closest<HTMLElement>('[data-card-for]')?.dataset.cardFor
    const row = id ? rows.find((r) => r.kind === 'session' && r.session.id === id) : undefined
    if (row?.kind !== 'session') return
    e.preventDefault()
    setAnnouncement(starAnnouncement(row.session.title, nextStarLevel(hallway.getState().plan.stars.get(row.session.id))))
    onCycle(row.session)
  }

  const items = virtualizer.getVirtualItems()
  const activeSticky = activeStickyRef.current

  return (
    <>
      {/* Focus is only noted (which row to keep rendered while it is focused) and clicks on its links opened in the
          app; the region is no control. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={setListNode}
        id="session-list"
        className="session-list"
        role="region"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        onFocus={(e) => {
          const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]')
          focusedIndexRef.current = row ? Number(row.dataset.index) : null
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) focusedIndexRef.current = null
        }}
        onKeyDown={onKeyDown}
        onClick={onClick}
      >
        {items.map((item) => {
          const row = rows[item.index]
          if (!row) return null
          const sticky = row.kind === 'slot' && item.index === activeSticky
          // The virtualizer sets each row's `top`. The stuck header is not one of its rows (another key, no
          // measuring ref): it stays in flow at the list's top and `position: sticky` holds it there.
          const style: CSSProperties = sticky
            ? STUCK_STYLE
            : row.kind === 'slot'
              ? SLOT_STYLE
              : ROW_STYLE
          return (
            <div
              key={sticky ? `${item.key}:stuck` : item.key}
              data-index={item.index}
              data-stuck={sticky || undefined}
              ref={sticky ? undefined : virtualizer.measureElement}
              className={row.kind === 'slot' ? 'row row--slot' : 'row row--session'}
              style={style}
            >
              {row.kind === 'slot' ? (
                <h2 className="slot">
                  <span className="slot__time">{venueTimeLabel(row.start, timeZone, row.day)}</span>{' '}
                  <span className="slot__count">
                    {row.count} {row.count === 1 ? 'session' : 'sessions'}
                  </span>
                </h2>
              ) : (
                <SessionCard
                  session={row.session}
                  timeZone={timeZone}
                  timing={timingOf(row.session, now)}
                  onCycle={onCycle}
                />
              )}
            </div>
          )
        })}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  )
})
