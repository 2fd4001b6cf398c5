// Keeps every event's schedule feed checked while the app is open: at start, when the tab is shown again, when the
// device comes back online and on a timer (src/domain/feedPolicy.ts decides when). Checks run one feed at a time
// (a phone on venue Wi-Fi gains nothing from parallel downloads) and only while the session has IndexedDB: a feed's
// status and the update it brings are stored, and memory mode has nowhere to keep them.
import { feedDelayUntilDue, feedDue, feedEnded, feedStarted, NEW_FEED_TIMING, type FeedTiming, type FeedTrigger } from '../domain/feedPolicy'
import type { EventId } from '../domain/model'
import { checkFeed, type FeedCheck, type FeedCheckEnv } from './feeds'
import type { HallwayDB } from './HallwayDB'
import type { HallwaySession } from './session'

export interface FeedRunnerEnv extends FeedCheckEnv {
  clock?: () => number
  win?: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setTimeout' | 'clearTimeout'>
  doc?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>
}

export interface FeedRunner {
  /** Checks one event's feed now (Settings' "Check now"), whatever the schedule says. */
  checkNow(eventId: EventId): Promise<FeedCheck | undefined>
  stop(): void
}

/** Starts checking the feeds of the events `session` lists. */
export function runFeeds(session: HallwaySession, env: FeedRunnerEnv): FeedRunner {
  const { clock = Date.now, win = window, doc = document } = env
  const timings = new Map<string, FeedTiming>()
  let timer: ReturnType<Window['setTimeout']> | undefined
  let queue: Promise<unknown> = Promise.resolve()
  let stopped = false

  const feeds = () => {
    const { db, events } = session.getState()
    return { db, list: events.flatMap((e) => (e.feed ? [{ eventId: e.id, url: e.feed.url }] : [])) }
  }
  const keyOf = (eventId: EventId, url: string) => `${eventId} ${url}`

  const checkOne = (db: HallwayDB, eventId: EventId, url: string): Promise<FeedCheck | undefined> => {
    const key = keyOf(eventId, url)
    timings.set(key, feedStarted(timings.get(key) ?? NEW_FEED_TIMING, clock()))
    const run = queue.then(async (): Promise<FeedCheck | undefined> => {
      let ok = false
      try {
        const result = await checkFeed(db, eventId, url, env)
        ok = result.kind !== 'problem' || result.problem.kind === 'shrunk'
        return result
      } catch (error) {
        console.warn('Hallway: checking a schedule feed failed.', error)
        return undefined
      } finally {
        timings.set(key, feedEnded(timings.get(key) ?? NEW_FEED_TIMING, ok))
        plan()
      }
    })
    queue = run
    return run
  }

  const trigger = (why: FeedTrigger) => {
    if (stopped) return
    const { db, list } = feeds()
    if (!db) return
    for (const { eventId, url } of list) {
      if (feedDue(timings.get(keyOf(eventId, url)) ?? NEW_FEED_TIMING, why, clock())) void checkOne(db, eventId, url)
    }
    plan()
  }

  /** One timer, for the feed due soonest. */
  const plan = () => {
    if (timer !== undefined) win.clearTimeout(timer)
    timer = undefined
    if (stopped) return
    const { list } = feeds()
    const delays = list.map(({ eventId, url }) => {
      const timing = timings.get(keyOf(eventId, url))
      return timing?.inFlight ? Infinity : feedDelayUntilDue(timing ?? NEW_FEED_TIMING, clock())
    })
    const soonest = Math.min(...delays)
    if (Number.isFinite(soonest)) timer = win.setTimeout(() => trigger('interval'), soonest)
  }

  const onVisible = () => {
    if (doc.visibilityState === 'visible') trigger('visible')
  }
  const onOnline = () => trigger('online')
  doc.addEventListener('visibilitychange', onVisible)
  win.addEventListener('online', onOnline)
  // 'start' once storage is open and the events are listed, and again for an event added later (a new feed has no
  // timing, so it is due at once); a change of events that brings no new feed checks nothing.
  let lastList = ''
  const unsubscribe = session.subscribe((state) => {
    const list = state.db ? feeds().list.map((f) => keyOf(f.eventId, f.url)).join('\n') : ''
    if (list === lastList) return
    lastList = list
    trigger('start')
  })
  if (session.getState().db) {
    lastList = feeds().list.map((f) => keyOf(f.eventId, f.url)).join('\n')
    trigger('start')
  }

  return {
    checkNow: (eventId) => {
      const { db, list } = feeds()
      const feed = list.find((f) => f.eventId === eventId)
      if (!db || !feed) return Promise.resolve(undefined)
      return checkOne(db, feed.eventId, feed.url)
    },
    stop: () => {
      stopped = true
      unsubscribe()
      if (timer !== undefined) win.clearTimeout(timer)
      doc.removeEventListener('visibilitychange', onVisible)
      win.removeEventListener('online', onOnline)
    },
  }
}
