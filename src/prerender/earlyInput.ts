// Plays again what the reader did on the prerendered first screen before the app had taken it over: the body script
// (./firstScreenScript.ts, EARLY_INPUT_SCRIPT) noted it and held the taps back. Called once hydration has committed,
// when every element of the screen is the app's (the same nodes: hydration keeps them).
import type { EarlyInput, PrerenderDecision } from './firstScreenScript'

// A prerendered element not yet the app's when hydration commits (a part of the screen hydrated later): tried again
// each frame, for about two seconds at most, then dropped.
const RETRY_FRAMES = 120

const nativeValueSetter = (el: HTMLInputElement | HTMLTextAreaElement) =>
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el) as object, 'value')?.set

function isTheApps(el: Element): boolean {
  return Object.keys(el).some((k) => k.startsWith('__reactProps'))
}

/**
 * Words typed into a box before hydration: the app's state does not hold them, and its first commit may have put its
 * own text back into the box. Told as an edit: React's value tracker is set to the box's text now (through the
 * element's own `value` setter, which React wraps), the box to the words, and an input event lets the app's handler
 * take them as typed.
 */
function retype(el: HTMLInputElement | HTMLTextAreaElement, typed: string): void {
  if (typed === el.value) {
    // Still there: the tracker must see a change all the same.
    el.value = el.defaultValue
    if (typed === el.value) return
  } else {
    el.value = el.value // eslint-disable-line no-self-assign -- the tracker takes the box's text
  }
  nativeValueSetter(el)?.call(el, typed)
  el.dispatchEvent(new Event('input', { bubbles: true }))
}

function play(input: EarlyInput): void {
  const { el } = input
  if (input.type === 'click') el.click()
  else if (input.type === 'key') el.dispatchEvent(new KeyboardEvent('keydown', { key: input.key, bubbles: true, cancelable: true }))
  else if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && input.value !== undefined) retype(el, input.value)
}

/**
 * Stands the body script's listeners down and plays its queue in order. An element gone from the page (the screen was
 * rendered afresh) is skipped; one not yet the app's is waited for, a frame at a time, so the order holds.
 */
export function replayEarlyInput(decision: PrerenderDecision, frames = RETRY_FRAMES): void {
  decision.done = true
  const queue = decision.early ?? []
  while (queue.length > 0) {
    const input = queue[0]!
    if (!input.el.isConnected) {
      queue.shift()
      continue
    }
    if (!isTheApps(input.el)) {
      if (frames > 0) requestAnimationFrame(() => replayEarlyInput(decision, frames - 1))
      else queue.length = 0
      return
    }
    queue.shift()
    play(input)
  }
}
