// The inline scripts that decide before the first paint whether index.html's prerendered screen stands
// (src/prerender/firstScreenScript.ts), run in jsdom against a root holding prerendered cards.
import { bodyScript, headScript, PRERENDER_GLOBAL, type FirstScreenConfig } from '../../src/prerender/firstScreenScript'
import { replayEarlyInput } from '../../src/prerender/earlyInput'

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
  '<div class="card-wrap" data-card-for="s1"><div class="card card-row card--upcoming"><a class="card__title" href="/session/s1" data-session-id="s1">Title</a> ' +
  '<span class="card__details"><span class="card__meta"> <span class="card__time">9:00 – 9:30 AM</span></span></span></div>' +
  '<div class="card__star"><button type="button" aria-pressed="false">Star Title</button></div></div>'
const SEARCH = '<form role="search"><input type="search" aria-label="Search sessions" value=""></form><input type="checkbox" aria-label="Hide past">'

function run(now: number, path = '/'): void {
  vi.setSystemTime(now)
  window.history.replaceState(null, '', path)
  document.documentElement.className = ''
  document.body.innerHTML = `<div id="root"><main>${SEARCH}${CARD}${CARD.replaceAll('s1', 's2')}</main></div>`
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

/** Marks `el` as React marks an element it has rendered or hydrated: its props, under a per-root random key. */
function takeOver(el: Element, props: Record<string, unknown> = {}): void {
  ;(el as unknown as Record<string, unknown>)['__reactProps$test'] = props
}

describe('input on the prerendered screen before the app has taken it over', () => {
  const star = (n = 0) => document.querySelectorAll<HTMLButtonElement>('#root .card__star button')[n]!
  const box = () => document.querySelector<HTMLInputElement>('#root input[type="search"]')!
  const tick = () => document.querySelector<HTMLInputElement>('#root input[type="checkbox"]')!
  const early = () => window[PRERENDER_GLOBAL]!.early!

  it('is noted in order, taps held back from the page; links, and what the app already has, are left alone', () => {
    run(BEFORE)
    const heard: string[] = []
    document.addEventListener('click', (e) => heard.push((e.target as Element).tagName), { once: false })
    star(1).click()
    tick().click()
    expect(tick().checked).toBe(false) // held back: the app ticks it when the tap is played
    const link = document.querySelector<HTMLAnchorElement>('#root a[data-session-id]')!
    link.addEventListener('click', (e) => e.preventDefault()) // jsdom would try to navigate
    link.click()
    takeOver(star(0))
    star(0).click()
    expect(early().map((i) => [i.type, i.el])).toEqual([
      ['click', star(1)],
      ['click', tick()],
    ])
    // The page heard only the link and the app's own button.
    expect(heard).toEqual(['A', 'BUTTON'])
  })

  it('notes "s" on a card and the last text typed into a box, not keys typed into the box', () => {
    run(BEFORE)
    const link = document.querySelector<HTMLElement>('#root a[data-session-id]')!
    link.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true, cancelable: true }))
    link.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }))
    box().dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true, cancelable: true }))
    for (const text of ['k', 'ke', 'key']) {
      box().value = text
      box().dispatchEvent(new Event('input', { bubbles: true }))
    }
    expect(early().map((i) => [i.type, i.el, i.key ?? i.value])).toEqual([
      ['key', link, 's'],
      ['text', box(), 'key'],
    ])
  })

  it('is played again in order once the app has the screen, and the listeners stand down', () => {
    run(BEFORE)
    star(1).click()
    box().value = 'keynote'
    box().dispatchEvent(new Event('input', { bubbles: true }))
    const played: string[] = []
    takeOver(star(1))
    star(1).addEventListener('click', () => played.push('star'))
    takeOver(box())
    box().addEventListener('input', () => played.push(`text:${box().value}`))
    // The app's first commit put its own (empty) text back into the box.
    box().value = ''
    replayEarlyInput(window[PRERENDER_GLOBAL]!)
    expect(played).toEqual(['star', 'text:keynote'])
    expect(box().value).toBe('keynote')
    // Standing down: a later tap on a button the app has not taken over is not held back.
    star(0).click()
    expect(early()).toEqual([])
  })

  it('waits for an element the app has not taken over yet, and skips one that is gone', () => {
    vi.useFakeTimers({ toFake: ['Date', 'requestAnimationFrame'] })
    run(BEFORE)
    star(0).click()
    star(1).click()
    const played: string[] = []
    star(1).addEventListener('click', () => played.push('second'))
    star(0).closest('.card-wrap')!.remove()
    replayEarlyInput(window[PRERENDER_GLOBAL]!)
    expect(played).toEqual([])
    takeOver(star(0)) // the second card's star is the first one left
    vi.advanceTimersToNextFrame()
    expect(played).toEqual(['second'])
  })
})
