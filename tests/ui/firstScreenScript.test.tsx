// The inline scripts that decide before the first paint whether index.html's prerendered screen stands
// (src/prerender/firstScreenScript.ts), run in jsdom against a root holding prerendered cards.
import { bodyScript, headScript, PRERENDER_GLOBAL, type FirstScreenConfig } from '../../src/prerender/firstScreenScript'

const CONFIG: FirstScreenConfig = {
  base: '/',
  eventId: 'kubecon-na-2025',
  contentHash: 'abc123',
  from: Date.parse('2025-11-13T13:00:00Z'),
  to: Date.parse('2025-11-13T21:15:00Z'),
}
const BEFORE = Date.parse('2025-11-12T12:00:00Z')
const DURING = Date.parse('2025-11-13T16:00:00Z')
const AFTER = Date.parse('2025-11-14T12:00:00Z')

// As SessionCard renders a card (the parts the body script touches).
const CARD =
  '<div class="card card-row card--upcoming"><a class="card__title" data-session-id="s1">Title</a> ' +
  '<span class="card__details"><span class="card__meta"> <span class="card__time">9:00 – 9:30 AM</span></span></span></div>'

function run(now: number, path = '/'): void {
  vi.setSystemTime(now)
  window.history.replaceState(null, '', path)
  document.documentElement.className = ''
  document.body.innerHTML = `<div id="root"><main>${CARD}${CARD.replace('s1', 's2')}</main></div>`
  delete window[PRERENDER_GLOBAL]
  new Function(headScript(CONFIG))()
  expect(document.documentElement.classList.contains('hw-hold')).toBe(true)
  new Function(bodyScript(CONFIG))()
  expect(document.documentElement.classList.contains('hw-hold')).toBe(false)
}

const shown = () => document.querySelectorAll('#root .card').length > 0
const shell = () => document.querySelector('#root .loading')?.textContent

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  localStorage.clear()
})
afterEach(() => {
  vi.useRealTimers()
  window.history.replaceState(null, '', '/')
})

describe('the first screen scripts', () => {
  it('keep the prerendered screen on a first visit before the event, untouched', () => {
    run(BEFORE)
    expect(shown()).toBe(true)
    expect(window[PRERENDER_GLOBAL]).toMatchObject({ eventId: CONFIG.eventId, contentHash: CONFIG.contentHash, ended: false })
    expect(document.querySelectorAll('.card--upcoming')).toHaveLength(2)
  })

  it('mark every card ended after the event, as SessionCard renders it', () => {
    run(AFTER)
    expect(window[PRERENDER_GLOBAL]?.ended).toBe(true)
    const card = document.querySelector('#root .card')!
    expect(card.className).toBe('card card-row card--ended')
    const meta = card.querySelector('.card__meta')!
    expect(meta.innerHTML).toBe('<span class="badge badge--ended">Ended</span> <span class="card__time">9:00 – 9:30 AM</span>')
  })

  it('keep it when this device last showed the same version of the bundled event', () => {
    localStorage.setItem('hallway:shown-event', CONFIG.eventId)
    localStorage.setItem('hallway:shown-schedule', CONFIG.contentHash)
    localStorage.setItem('hallway:schedule-layout', 'list')
    run(AFTER)
    expect(shown()).toBe(true)
  })

  it.each([
    ['while the event runs', () => run(DURING)],
    ['with a query', () => run(BEFORE, '/?day=2025-11-13')],
    ['on another path', () => run(BEFORE, '/plan')],
    ['with the grid remembered', () => {
      localStorage.setItem('hallway:schedule-layout', 'grid')
      run(BEFORE)
    }],
    ['when another event was shown last', () => {
      localStorage.setItem('hallway:shown-event', 'democon-2020-12-14')
      localStorage.setItem('hallway:shown-schedule', 'x')
      run(BEFORE)
    }],
    ['when another version was shown last', () => {
      localStorage.setItem('hallway:shown-event', CONFIG.eventId)
      localStorage.setItem('hallway:shown-schedule', 'older')
      run(BEFORE)
    }],
    ['when an older Hallway remembered the event but not its version', () => {
      localStorage.setItem('hallway.shownEvent', CONFIG.eventId)
      run(BEFORE)
    }],
    ['when the event shown last carried IDs', () => {
      localStorage.setItem('hallway:shown-event', `${CONFIG.eventId} (IDs carried)`)
      localStorage.setItem('hallway:shown-schedule', CONFIG.contentHash)
      run(BEFORE)
    }],
  ])('swap in the shell %s', (_what, act) => {
    act()
    expect(shown()).toBe(false)
    expect(shell()).toBe('Loading the schedule…')
    expect(window[PRERENDER_GLOBAL]).toBeUndefined()
  })

  it('swap in the shell when Web Storage is blocked (nothing known about this device)', () => {
    const spy = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    try {
      run(BEFORE)
    } finally {
      spy.mockRestore()
    }
    expect(shown()).toBe(false)
    expect(shell()).toBe('Loading the schedule…')
  })
})
