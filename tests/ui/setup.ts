// Setup for the ui project (jsdom): jest-dom matchers, fake IndexedDB for the db layer, and the few layout facts
// jsdom lacks that the virtual list needs (row heights, window scrolling).
import '@testing-library/jest-dom/vitest'
import 'fake-indexeddb/auto'
import { configure } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { pendingStars } from '../../src/db/pendingStars'
import { removeWebStorage } from '../../src/db/webStorage'
import { useUiStore } from '../../src/store/uiStore'

// ms: how long findBy*/waitFor wait, for the whole project. On a loaded 2-core machine (a fresh clone's CI, or two
// busy loops beside the suite) a first dynamic import (the .ics writer, the importers, the IndexedDB layer) plus
// opening fake IndexedDB, the live query and a re-render took over 3 s. A wait that is really stuck still fails, only
// later; a test that expects something NOT to appear passes its own short timeout.
configure({ asyncUtilTimeout: 10_000 })

// jsdom does no layout, so every element is 0 px tall and a virtual list would render every row. Give the list's
// rows plausible heights (the virtualizer measures `offsetHeight`), so only about a screenful is rendered, as in a
// browser: jsdom's window is 1024×768, which fits roughly six cards.
const SLOT_ROW_PX = 44
const SESSION_ROW_PX = 120
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
  configurable: true,
  get(this: HTMLElement) {
    if (!this.hasAttribute('data-index')) return 0
    return this.classList.contains('row--slot') ? SLOT_ROW_PX : SESSION_ROW_PX
  },
})

// jsdom has no scrolling ("Not implemented: window.scrollTo"). Move scrollY and fire `scroll`, which is all the
// window virtualizer listens to; asynchronously, as browsers do, never inside the caller's React commit.
let scrollY = 0
Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY })
Object.defineProperty(window, 'pageYOffset', { configurable: true, get: () => scrollY })
window.scrollTo = ((xOrOptions?: number | ScrollToOptions, y?: number) => {
  const top = typeof xOrOptions === 'object' ? (xOrOptions.top ?? scrollY) : (y ?? scrollY)
  scrollY = Math.max(0, top)
  queueMicrotask(() => window.dispatchEvent(new Event('scroll')))
}) as typeof window.scrollTo
window.scroll = window.scrollTo

// …and no page height either, so the virtualizer would clamp every scroll position to 0. The page is as tall as the
// list (whose inline height is the virtualizer's total size) plus the header and controls above it.
const ABOVE_LIST_PX = 400
Object.defineProperty(document.documentElement, 'scrollHeight', {
  configurable: true,
  get: () => {
    const list = document.querySelector<HTMLElement>('.session-list')
    return ABOVE_LIST_PX + (list ? parseFloat(list.style.height) || 0 : 0)
  },
})

// The list's own box, which the app reads to know where the list starts on the page (rect.top + scrollY): without
// this, jsdom's all-zero rects would make that offset follow the scroll position.
const originalRect = HTMLElement.prototype.getBoundingClientRect
HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
  if (!this.classList.contains('session-list')) return originalRect.call(this)
  const top = ABOVE_LIST_PX - scrollY
  const height = parseFloat(this.style.height) || 0
  return DOMRect.fromRect({ x: 0, y: top, width: 1024, height })
}

beforeEach(() => {
  window.history.replaceState(null, '', '/')
  scrollY = 0
  sessionStorage.clear()
  useUiStore.setState(useUiStore.getInitialState(), true)
  // Each test is a new tab: no star tapped in an earlier one is still waiting to be written, nor journaled.
  pendingStars.clear()
  removeWebStorage('pendingStars')
  // A layout chosen in one test (the grid) is not the next one's starting view.
  removeWebStorage('scheduleLayout')
})

afterEach(() => {
  document.title = ''
})
