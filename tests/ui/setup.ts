// Setup for the ui project (jsdom): jest-dom matchers, fake IndexedDB for the db layer, and the few layout facts
// jsdom lacks that the virtual list needs (row heights, window scrolling).
import '@testing-library/jest-dom/vitest'
import 'fake-indexeddb/auto'
import { afterEach, beforeEach } from 'vitest'
import { useUiStore } from '../../src/store/uiStore'

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

beforeEach(() => {
  window.history.replaceState(null, '', '/')
  scrollY = 0
  sessionStorage.clear()
  useUiStore.setState(useUiStore.getInitialState(), true)
})

afterEach(() => {
  document.title = ''
})
