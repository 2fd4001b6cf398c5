// The two inline scripts that decide, before the first paint, whether the first screen prerendered into index.html at
// build time (./firstScreen.tsx) is the one to show, and the CSS they lean on. No module may run first: they are
// classic scripts written into the page, so they are plain ES5 strings here, with their inputs as JSON.
//
// The prerendered screen is the bundled event's schedule list, at the base path with no query, as the server renders
// it: no stars, no hidden rooms, venue times, every session upcoming. It is the right screen when
// - the address is the base path with no query (any query is another view: a day, a search, the grid, a share);
// - the event this device last showed is the bundled one, at the same version (content hash), or nothing was shown yet
//   (a first visit); an older install that remembered the event but not its version gets the shell once;
// - the remembered layout is not the grid;
// - the event is not on: before its first session every session is upcoming, and after its last every one has ended
//   (the body script marks them so, exactly as React renders it); while it runs, the list carries "On now" and the
//   Now & next summary, which depend on the minute and the plan, so the shell is shown instead.
// Otherwise the body script swaps the prerendered screen for the shell (header and "Loading the schedule…") before
// anything is painted, and main.tsx renders from scratch. Stars, hidden rooms and display settings are the device's
// own: they arrive in the render after hydration, as they do after any start today.
import { STORAGE_KEYS } from '../db/webStorage'

/**
 * On <html> from the head script until the body script has run: the root stays unpainted while it is swapped for the
 * shell or its cards marked ended, should the browser paint while the page is still arriving.
 */
export const HOLD_CLASS = 'hw-hold'
/**
 * On <html> from the first paint of a visit the service worker does not control yet (a first visit): the room of the
 * "Ready to work offline" note is kept under the header, saying it is being saved, so the note arriving moves nothing
 * (src/pwa/pwa.css). Removed when the note is dismissed or the worker can't be registered.
 */
export const INSTALLING_CLASS = 'hw-installing'
/** Set by the head script when the prerendered screen stands: main.tsx hydrates it then, and renders afresh otherwise. */
export const PRERENDER_GLOBAL = '__hallwayPrerender'

export interface FirstScreenConfig {
  /** The app's base path ("/" or "/hallway/"). */
  base: string
  /** The bundled event, and the content hash of the snapshot the screen was rendered from. */
  eventId: string
  contentHash: string
  /** ms since the epoch: the event's first session start and last session end. */
  from: number
  to: number
}

/** What the head script leaves in `window[PRERENDER_GLOBAL]` when the prerendered screen stands. */
export interface PrerenderDecision {
  eventId: string
  contentHash: string
  /** Every session had ended when the page was parsed: the cards were marked so. */
  ended: boolean
  /**
   * What the reader did on the prerendered screen before the app took it over, in order, kept by the body script for
   * the app to play again once it has (./earlyInput.ts): a tap on a button or a box, "s" on a card, words typed.
   */
  early?: EarlyInput[]
  /** Set once the app has taken the page over (or replaced the screen): the body script's listeners stand down. */
  done?: boolean
}

/** One input on the prerendered screen, made before the app could handle it. */
export interface EarlyInput {
  type: 'click' | 'key' | 'text'
  el: HTMLElement
  /** For 'key': the key pressed. */
  key?: string
  /** For 'text': the box's text after the last word typed (the app may have emptied the box since). */
  value?: string
}

declare global {
  interface Window {
    [PRERENDER_GLOBAL]?: PrerenderDecision
  }
}

/** The shell shown when the prerendered screen is not the one: the app's frame and a loading line, in its own classes. */
export function shellHtml(base: string): string {
  return (
    `<header class="app-header"><div class="app-header__inner"><a href="${escapeAttribute(base)}" class="brand">Hallway</a></div></header>` +
    '<main id="main" class="main"><p class="loading" role="status">Loading the schedule…</p></main>'
  )
}

/**
 * CSS for the moment between the two scripts. (The prerendered list's rows stand in flow until the app places them:
 * schedule.css, "The virtual list".)
 */
export const FIRST_SCREEN_CSS = `html.${HOLD_CLASS} #root{visibility:hidden}`

/** The head script: decides, and marks <html> with HOLD_CLASS until the body script has run. */
export function headScript(config: FirstScreenConfig): string {
  const keys = {
    event: STORAGE_KEYS.shownEvent.key,
    eventFormer: STORAGE_KEYS.shownEvent.formerKey,
    schedule: STORAGE_KEYS.shownSchedule.key,
    layout: STORAGE_KEYS.scheduleLayout.key,
  }
  return `(function(c,k){var d=document.documentElement,n=Date.now(),ok=false;try{var l=window.location,s=window.localStorage,` +
    `e=s.getItem(k.event);if(e===null)e=s.getItem(k.eventFormer);var h=s.getItem(k.schedule);` +
    `ok=l.pathname===c.base&&l.search===''&&(e===null&&h===null||e===c.eventId&&h===c.contentHash)&&s.getItem(k.layout)!=='grid'&&(n<c.from||n>=c.to)}catch(x){ok=false}` +
    `d.classList.add(${json(HOLD_CLASS)});` +
    `try{var w=navigator.serviceWorker;if(w&&!w.controller)d.classList.add(${json(INSTALLING_CLASS)})}catch(x){}` +
    `if(ok){window[${json(PRERENDER_GLOBAL)}]={eventId:c.eventId,contentHash:c.contentHash,ended:n>=c.to}}` +
    `})(${json(config)},${json(keys)})`
}

/**
 * The body script, right after the root element: swaps in the shell when the head script said no; otherwise, after the
 * event, marks every card ended exactly as SessionCard renders an ended session (class and badge), so hydration
 * matches. And it keeps what the reader does on the screen before the app has taken it over (see EARLY_INPUT_SCRIPT).
 */
export function bodyScript(config: FirstScreenConfig): string {
  return `(function(){var d=document.documentElement,r=document.getElementById('root'),p=window[${json(PRERENDER_GLOBAL)}];try{` +
    `if(!p||!r){if(r)r.innerHTML=${json(shellHtml(config.base))};return}` +
    EARLY_INPUT_SCRIPT +
    `if(!p.ended)return;var cards=r.querySelectorAll('.card--upcoming');for(var i=0;i<cards.length;i++){var c=cards[i],m=c.querySelector('.card__meta');` +
    `c.className=c.className.replace('card--upcoming','card--ended');if(m){var b=document.createElement('span');b.className='badge badge--ended';` +
    `b.textContent='Ended';m.insertBefore(b,m.firstChild)}}}finally{d.classList.remove(${json(HOLD_CLASS)})}})()`
}

/**
 * Part of the body script, with `p` the decision and `r` the root: until the app has taken the prerendered screen over,
 * a tap on one of its buttons or boxes, or "s" on a card, would reach no handler and be lost, and words typed into its
 * search box would be wiped when the app renders it. Such input is noted in `p.early` (listeners in the capture phase
 * on the document, so they run first) and the tap or key held back from the page (a box's tick too, as the app ticks
 * it when the tap is played again); words typed stay in the box, and their last state is noted too. An element the app has already taken over (React's
 * props on it) is left to the app. Links are left alone: they open their page as links do.
 */
const EARLY_INPUT_SCRIPT =
  `var q=p.early=[];` +
  `function own(t){if(p.done||!t||!t.closest||!r.contains(t))return false;var k=Object.keys(t);` +
  `for(var i=0;i<k.length;i++)if(k[i].indexOf('__reactProps')===0)return false;return true}` +
  `document.addEventListener('click',function(e){var t=e.target,b=t&&t.closest?t.closest('button,input[type=checkbox],input[type=radio]'):null;` +
  `if(!own(b))return;e.preventDefault();e.stopImmediatePropagation();q.push({type:'click',el:b})},true);` +
  `document.addEventListener('keydown',function(e){var t=e.target;if(e.key!=='s'&&e.key!=='S'||e.ctrlKey||e.metaKey||e.altKey||!own(t)||` +
  `t.closest('input,textarea,select,[contenteditable]')||!t.closest('[data-card-for]'))return;` +
  `e.preventDefault();e.stopImmediatePropagation();q.push({type:'key',el:t,key:e.key})},true);` +
  `document.addEventListener('input',function(e){var t=e.target;if(!own(t)||t.type==='checkbox'||t.type==='radio')return;` +
  `for(var i=0;i<q.length;i++)if(q[i].el===t&&q[i].type==='text'){q[i].value=t.value;return}q.push({type:'text',el:t,value:t.value})},true);`

function json(value: unknown): string {
  // Inside a <script>: "</script>" or "<!--" in a string would end or confuse it.
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
