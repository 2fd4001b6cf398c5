// Starts the schedule feeds (src/db/feedRunner.ts) for the app's session, with the schedule file reader of "Open
// another schedule" (its Web Worker), so a feed reads every format a picked file does. Its own chunk, loaded after the
// first render (main.tsx): nothing in it is needed to show the schedule.
import { keepBundledFeedCopy } from '../../db/bundledSnapshot'
import { runFeeds, type FeedRunner } from '../../db/feedRunner'
import type { HallwaySession } from '../../db/session'
import { readScheduleFileInBackground } from './scheduleReader'

let runner: FeedRunner | undefined

/**
 * ms, for the browser tests only: a shorter feed timeout, set before the app loads (`window.hallwayFeedTimeoutMs`),
 * so a hanging request is tested without waiting 10 s. Unset in the app.
 */
function testTimeoutMs(): number | undefined {
  const value = (globalThis as { hallwayFeedTimeoutMs?: unknown }).hallwayFeedTimeoutMs
  return typeof value === 'number' && value > 0 ? value : undefined
}

/** Starts checking feeds (once per page). */
export function startFeeds(session: HallwaySession): FeedRunner {
  const timeoutMs = testTimeoutMs()
  runner ??= runFeeds(session, {
    // A Sched listing names no zone: read it in the stored event's (a frab file names its own and ignores this).
    read: (file, timeZone) => readScheduleFileInBackground({ file, zones: { deviceTimeZone: timeZone } }, () => {}).result,
    onBundledFile: (text) => void keepBundledFeedCopy(text),
    ...(timeoutMs !== undefined && { timeoutMs }),
  })
  return runner
}

/** The page's feed runner, once started. */
export function feedRunner(): FeedRunner | undefined {
  return runner
}
