// The page `npm run bench` drives in Chromium: it exposes window.bench, whose functions time the real db layer
// and the real app, in the browser, and return raw samples (the Node side computes medians).
// The base CSS first, as in main.tsx: every feature's CSS comes after the rules it refines.
import '../../src/ui/styles.css'
import { createRoot, type Root } from 'react-dom/client'
import { HallwayDB, SETTING_CURRENT_EVENT_ID } from '../../src/db/HallwayDB'
import { installSnapshot } from '../../src/db/snapshotInstall'
import { loadBundledSnapshot } from '../../src/db/bundledSnapshot'
import type { Session, SessionId, Snapshot } from '../../src/domain/model'
import { diffSchedules } from '../../src/domain/scheduleDiff'
import { makeSyntheticSnapshot } from '../../src/domain/synthetic'
import { createHallwaySession } from '../../src/db/session'
import { HallwayProvider } from '../../src/ui/common/useHallway'
import App from '../../src/ui/App'

async function snapshotOf(count: number, days?: number): Promise<Snapshot> {
  return count === 99 ? loadBundledSnapshot() : makeSyntheticSnapshot({ count, days, seed: 1 })
}

let dbCounter = 0

/** Installs the snapshot into a fresh database `runs` times; returns each install's milliseconds. */
async function importRuns(count: number, runs: number): Promise<number[]> {
  const snapshot = await snapshotOf(count)
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const db = new HallwayDB(`bench-import-${dbCounter++}`)
    await db.open()
    const t0 = performance.now()
    await installSnapshot(db, snapshot)
    samples.push(performance.now() - t0)
    db.close()
    await db.delete()
  }
  return samples
}

// The update, by a session's place in the schedule: every 50th starred (200 at 10,000 sessions); of those, half
// renamed (a new ID) and half 15 minutes later; and among the rest, every 100th later too and every 200th cancelled.
// Far more churn than a real overnight update, so the figure is an upper bound.
function updatedVersion(snapshot: Snapshot): Snapshot {
  const later = (iso: string) => new Date(Date.parse(iso) + 15 * 60_000).toISOString().replace('.000Z', 'Z') as Session['start']
  const sessions = snapshot.sessions.flatMap((s, i): Session[] => {
    if (i % 200 === 25) return []
    if (i % 100 === 0) return [{ ...s, id: (0xf0000000 + i).toString(16) as SessionId, title: `${s.title} (updated)` }]
    if (i % 100 === 50 || i % 100 === 75) return [{ ...s, start: later(s.start), end: later(s.end) }]
    return [s]
  })
  return { ...snapshot, contentHash: `${snapshot.contentHash}-update`, sessions }
}

/**
 * A schedule update at `count` sessions, `runs` times on a fresh database: install, star every 50th session, then
 * install the updated version (read the old sessions, diff, carry the stars over, record the changes, replace: one
 * transaction). Returns each update install's ms, the diff alone on the same two versions, and the changes recorded.
 */
async function updateRuns(count: number, runs: number): Promise<{ update: number[]; diff: number[]; changes: number }> {
  const snapshot = await snapshotOf(count)
  const next = updatedVersion(snapshot)
  const update: number[] = []
  const diff: number[] = []
  let changes = 0
  for (let i = 0; i < runs; i++) {
    const db = new HallwayDB(`bench-update-${dbCounter++}`)
    await installSnapshot(db, snapshot)
    const updatedAt = new Date().toISOString()
    await db.stars.bulkPut(
      snapshot.sessions
        .filter((_, j) => j % 50 === 0)
        .map((s) => ({ eventId: snapshot.event.id, sessionId: s.id, level: 'must' as const, updatedAt })),
    )
    const t0 = performance.now()
    await installSnapshot(db, next)
    update.push(performance.now() - t0)
    changes = await db.scheduleChanges.count()
    const t1 = performance.now()
    diffSchedules(snapshot.sessions, next.sessions)
    diff.push(performance.now() - t1)
    db.close()
    await db.delete()
  }
  return { update, diff, changes }
}

function idbRequest<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

/** The floor: the same records put with raw IndexedDB into an identically indexed store, in one transaction. */
async function rawIdbRuns(count: number, runs: number): Promise<number[]> {
  const snapshot = await snapshotOf(count)
  const rows = snapshot.sessions.map((s) => ({ ...s, eventId: snapshot.event.id }))
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const name = `bench-raw-${dbCounter++}`
    const open = indexedDB.open(name, 1)
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('sessions', { keyPath: ['eventId', 'id'] })
      store.createIndex('eventId', 'eventId')
      store.createIndex('[eventId+start]', ['eventId', 'start'])
    }
    const idb = await idbRequest(open)
    const t0 = performance.now()
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction('sessions', 'readwrite')
      const store = tx.objectStore('sessions')
      for (const row of rows) store.put(row)
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    samples.push(performance.now() - t0)
    idb.close()
    await idbRequest(indexedDB.deleteDatabase(name))
  }
  return samples
}

let root: Root | undefined
// The database of the app mounted last: closed and deleted once the next mount has replaced it, so the runs do not
// pile up open connections and ~13 MB databases each.
let mountedDb: HallwayDB | undefined

export interface MountOptions {
  /** Days the synthetic sessions spread over (default 10: ten days of a large conference). */
  days?: number
  /** Show the timetable grid of the first day instead of the list. */
  grid?: boolean
}

/**
 * Mounts the real app on a database already holding `count` sessions (a warm start); returns the ms from
 * render to the first session rows (or grid cells) on screen.
 */
async function mountApp(count: number, options: MountOptions = {}): Promise<number> {
  const snapshot = await snapshotOf(count, options.days)
  history.replaceState(null, '', options.grid ? `/?view=grid&day=${snapshot.sessions[0]!.day}` : '/')
  const db = new HallwayDB(`bench-app-${dbCounter++}`)
  await installSnapshot(db, snapshot)
  await db.settings.put({ key: SETTING_CURRENT_EVENT_ID, value: snapshot.event.id })
  root?.unmount()
  if (mountedDb) {
    mountedDb.close()
    await mountedDb.delete()
  }
  mountedDb = db
  root = createRoot(document.getElementById('root')!)
  const t0 = performance.now()
  root.render(
    <HallwayProvider session={createHallwaySession({ db, loadBundled: async () => snapshot })}>
      <App />
    </HallwayProvider>,
  )
  const deadline = performance.now() + 30_000
  while (!document.querySelector(options.grid ? '.tt-cell a[href*="/session/"]' : 'main a[href*="/session/"]')) {
    if (performance.now() > deadline) throw new Error('the app showed no session rows within 30 s')
    await new Promise((r) => setTimeout(r, 5))
  }
  return performance.now() - t0
}

/** Yields one macrotask without setTimeout's clamping, so React's scheduled work for the event has run. */
function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve()
    channel.port2.postMessage(null)
  })
}

/** Resolves when the main thread next has nothing queued: React has finished any render it deferred or sliced. */
function idle(): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve()))
}

/** One interaction's two figures, in ms from dispatching its event. */
export interface InteractionTiming {
  /**
   * Main-thread time from the event to React's render of it plus a forced layout: the event's own task and the
   * next two tasks. (Waiting for the next frame would add 0–16 ms of idle vsync wait that says nothing about our
   * code.) With the list in a deferred render, this may end before the list has changed.
   */
  input: number
  /**
   * From the event until the page shows its result: the last DOM change it caused, plus the layout of that
   * change, whichever task it came in (a deferred or time-sliced render, a frame painted in between).
   */
  settled: number
}

/**
 * Times one interaction both ways (see {@link InteractionTiming}); returns once the page is idle again, so no
 * interaction's leftover work lands in the next one's figures.
 */
async function timeInteraction(act: () => void): Promise<InteractionTiming> {
  let lastChange = 0
  const observer = new MutationObserver(() => {
    void document.body.getBoundingClientRect().height // the change's style + layout, now
    lastChange = performance.now()
  })
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  const t0 = performance.now()
  act()
  await yieldTask()
  await yieldTask()
  void document.body.getBoundingClientRect().height // force style + layout now
  const input = performance.now() - t0
  await idle()
  observer.disconnect()
  return { input, settled: Math.max(input, lastChange - t0) }
}

const setNativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!

/** Types `text` into the search box one character at a time, then deletes it; returns each keystroke's figures. */
async function typeSearch(text: string): Promise<InteractionTiming[]> {
  const input = document.querySelector<HTMLInputElement>('input[type="search"]')
  if (!input) throw new Error('no search box')
  const samples: InteractionTiming[] = []
  const keystroke = async (value: string) => {
    samples.push(await timeInteraction(() => {
      setNativeValue.call(input, value)
      input.dispatchEvent(new Event('input', { bubbles: true }))
    }))
    await new Promise((r) => setTimeout(r, 30)) // a typist's gap, so URL updates and idle work settle
  }
  for (let i = 1; i <= text.length; i++) await keystroke(text.slice(0, i))
  for (let i = text.length - 1; i >= 0; i--) await keystroke(text.slice(0, i))
  return samples
}

/** The list's rows as they stand (static HTML), for the floor of a filter change. */
function listRowsHtml(): string {
  return document.getElementById('session-list')?.innerHTML ?? ''
}

/**
 * Clicks each matching control (a filter) on and off again; returns each click's figures, and keeps the list's rows
 * after each click (static HTML) for {@link filterFloor}.
 */
async function toggleFilters(selector: string, rounds: number): Promise<InteractionTiming[]> {
  const samples: InteractionTiming[] = []
  const rowsAfter: string[] = [listRowsHtml()]
  for (let r = 0; r < rounds; r++) {
    const controls = [...document.querySelectorAll<HTMLElement>(selector)]
    if (controls.length === 0) throw new Error(`no filter controls match ${selector}`)
    for (const control of controls.slice(0, 4)) {
      for (let click = 0; click < 2; click++) {
        samples.push(await timeInteraction(() => control.click()))
        rowsAfter.push(listRowsHtml())
        await new Promise((r2) => setTimeout(r2, 30))
      }
    }
  }
  lastFilterRows = rowsAfter
  return samples
}

let lastFilterRows: string[] = []

/**
 * The floor of a filter change: the very rows each toggle of the last {@link toggleFilters} left in the list, put in
 * place of the rows before it as static HTML, in a copy of the page's main (same CSS, same width, rows placed where
 * the app placed them), timed like the app's toggle. What is left is the browser's own work for those rows (parse,
 * style, layout): no React, no search, no measuring. The app's copy is hidden meanwhile and shown again after.
 */
async function filterFloor(): Promise<number[]> {
  const main = document.querySelector('main')
  if (!main || lastFilterRows.length < 2) throw new Error('filterFloor: run toggleFilters first')
  const copy = main.cloneNode(true) as HTMLElement
  copy.removeAttribute('id')
  const list = copy.querySelector<HTMLElement>('#session-list')!
  list.removeAttribute('id')
  main.style.display = 'none'
  main.after(copy)
  const samples: number[] = []
  try {
    list.innerHTML = lastFilterRows[0]!
    await idle()
    for (const rows of lastFilterRows.slice(1)) {
      samples.push((await timeInteraction(() => (list.innerHTML = rows))).input)
      await new Promise((r) => setTimeout(r, 30))
    }
  } finally {
    copy.remove()
    main.style.display = ''
  }
  return samples
}

/**
 * Pixels of the viewport the list should fill but no rendered row covers, as the frame is about to paint (called
 * last in an animation frame: nothing of React's can run between it and the paint). A list that keeps its long tasks
 * short by rendering rows late would show blank space; this counts it.
 */
function uncoveredPx(): number {
  const list = document.getElementById('session-list')
  if (!list) return 0
  const box = list.getBoundingClientRect()
  const from = Math.max(0, box.top)
  const to = Math.min(window.innerHeight, box.bottom)
  // The virtualizer places its rows end to end, so the first and last bound what they cover; the stuck slot header
  // (position: sticky, first in the DOM, not one of the placed rows) covers its own height at the top.
  const placed = [...list.children].filter((el): el is HTMLElement => el instanceof HTMLElement && el.dataset.index !== undefined && !el.hasAttribute('data-stuck'))
  const stuck = list.querySelector('[data-stuck]')
  const spans: Array<[number, number]> = []
  const first = placed[0]
  const last = placed[placed.length - 1]
  if (first && last) spans.push([first.getBoundingClientRect().top, last.getBoundingClientRect().bottom])
  if (stuck) {
    const { top, bottom } = stuck.getBoundingClientRect()
    spans.push([top, bottom])
  }
  spans.sort((a, b) => a[0] - b[0])
  let at = from
  let uncovered = 0
  for (const [top, bottom] of spans) {
    if (top > at + 1) uncovered += Math.min(top, to) - at
    at = Math.max(at, bottom)
    if (at >= to) break
  }
  if (to > at + 1) uncovered += to - at
  return Math.round(Math.max(0, uncovered))
}

/**
 * Scrolls the whole day list from top to bottom, `stepPx` per animation frame, and returns every long task
 * (> 50 ms main-thread block) the browser reported meanwhile, and the frames painted with part of the screen blank.
 */
async function scrollWholeList(stepPx: number): Promise<{ frames: number; longTasks: number[]; scrolledPx: number; blankFrames: number; worstBlankPx: number }> {
  const longTasks: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration)
  })
  observer.observe({ type: 'longtask', buffered: false })
  window.scrollTo(0, 0)
  let frames = 0
  let blankFrames = 0
  let worstBlankPx = 0
  await new Promise<void>((resolve) => {
    const step = () => {
      frames++
      const before = window.scrollY
      window.scrollBy(0, stepPx)
      const blank = uncoveredPx()
      if (blank > 0) blankFrames++
      worstBlankPx = Math.max(worstBlankPx, blank)
      const atBottom = window.scrollY === before || window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 1
      if (atBottom) resolve()
      else requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
  // Let the last frames' tasks be reported.
  await new Promise((r) => setTimeout(r, 200))
  observer.disconnect()
  return { frames, longTasks, scrolledPx: window.scrollY, blankFrames, worstBlankPx }
}

/**
 * The share (0–1) of the grid's view, beside the gutter and under the headers, that no rendered column or time range
 * covers as the frame is about to paint: the grid's counterpart of {@link uncoveredPx}. Empty time in a room is no
 * blank space; a column or a time range not rendered yet is.
 */
function uncoveredGridShare(box: HTMLElement): number {
  const body = box.querySelector<HTMLElement>('.tt-body')
  const head = box.querySelector<HTMLElement>('.tt-head')
  const gutter = box.querySelector<HTMLElement>('.tt-gutter')
  if (!body || !head || !gutter) return 1
  const x0 = box.scrollLeft
  const x1 = x0 + box.clientWidth - gutter.offsetWidth
  const y0 = box.scrollTop
  // Not below the grid's end: what scrolls into view past it (the last gutter label hangs over the end by a few px) is
  // no time that could be rendered.
  const y1 = Math.min(y0 + box.clientHeight - head.offsetHeight, body.offsetHeight)
  // The rendered columns sit side by side: what they cover is from the first one's left to the last one's right,
  // less any gap between them (the active cell's column may be rendered far from the others).
  const spans = [...box.querySelectorAll<HTMLElement>('.tt-col')]
    .map((c) => [parseFloat(c.style.left), parseFloat(c.style.left) + parseFloat(c.style.width)] as const)
    .sort((a, b) => a[0] - b[0])
  let coveredX = 0
  let at = x0
  for (const [left, right] of spans) {
    const from = Math.max(left, at)
    const to = Math.min(right, x1)
    if (to > from) coveredX += to - from
    at = Math.max(at, right)
  }
  const top = Math.max(y0, Number(body.dataset.from))
  const bottom = Math.min(y1, Number(body.dataset.to))
  const coveredY = Math.max(0, bottom - top)
  const area = (x1 - x0) * (y1 - y0)
  return area > 0 ? Math.max(0, 1 - (coveredX * coveredY) / area) : 0
}

/**
 * Scrolls the timetable grid's box from its top-left to its bottom-right corner, the longer way `stepPx` per
 * animation frame, and returns the long tasks reported meanwhile and the frames painted with part of the view blank.
 */
async function scrollGridDiagonal(stepPx: number): Promise<{ frames: number; longTasks: number[]; scrolled: [number, number]; blankFrames: number; worstBlankShare: number; cellsInDom: number }> {
  const box = document.querySelector<HTMLElement>('.tt-scroll')
  if (!box) throw new Error('no timetable grid on the page')
  // What the start left for later (stars read, search indexed in idle time) is not the scroll's cost.
  for (let i = 0; i < 5; i++) await idle()
  box.scrollIntoView({ block: 'start' })
  box.scrollTo(0, 0)
  await new Promise((r) => requestAnimationFrame(r))
  const maxX = box.scrollWidth - box.clientWidth
  const maxY = box.scrollHeight - box.clientHeight
  const steps = Math.max(1, Math.ceil(Math.max(maxX, maxY) / stepPx))
  const longTasks: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration)
  })
  observer.observe({ type: 'longtask', buffered: false })
  let frames = 0
  let blankFrames = 0
  let worstBlankShare = 0
  let cellsInDom = 0
  await new Promise<void>((resolve) => {
    const step = () => {
      frames++
      box.scrollTo((maxX * frames) / steps, (maxY * frames) / steps)
      const blank = uncoveredGridShare(box)
      if (blank > 0.001) blankFrames++
      worstBlankShare = Math.max(worstBlankShare, blank)
      cellsInDom = Math.max(cellsInDom, box.querySelectorAll('.tt-cell').length)
      if (frames >= steps) resolve()
      else requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
  await new Promise((r) => setTimeout(r, 200))
  observer.disconnect()
  return { frames, longTasks, scrolled: [box.scrollLeft, box.scrollTop], blankFrames, worstBlankShare, cellsInDom }
}

const bench = { importRuns, rawIdbRuns, updateRuns, mountApp, typeSearch, toggleFilters, filterFloor, scrollWholeList, scrollGridDiagonal }
declare global {
  interface Window {
    bench: typeof bench
  }
}
window.bench = bench
document.title = 'Hallway bench ready'
