// Schedule feeds, the decisions without the fetching: when an event's feed URL is due for a check, whether a fetched
// schedule may replace the stored one, and what to tell the user when it may not. Pure; the network side is
// src/db/feedFetch.ts and src/db/feeds.ts.
import { editionParts } from './editions'
import type { EventId } from './model'

/** ms: how often an open app checks each feed. Giggity and EventFahrplan refresh on about this scale during an event. */
export const FEED_INTERVAL_MS = 15 * 60 * 1000
/** ms: a feed request that has not answered by then is abandoned. Venue Wi-Fi is slow; a 20 MB file is not 10 s of it. */
export const FEED_TIMEOUT_MS = 10_000
/**
 * ms: the least time between two checks of one feed on 'start', 'visible' and 'online'. Flicking between tabs must not
 * refetch each time; with HTTP revalidation a check costs a 304, but not zero.
 */
export const FEED_MIN_GAP_MS = 60 * 1000
/** ms: the longest wait after failures in a row (15 → 30 → 60 min): a broken server is not asked every 15 minutes. */
export const FEED_MAX_BACKOFF_MS = 60 * 60 * 1000
/** A feed that keeps at most this share of the sessions stored has "lost most of its sessions": asked, not applied. */
export const FEED_SHRINK_LIMIT = 0.5

/** What asks for a check: the app starting, the tab shown again, the device back online, the timer, the user. */
export type FeedTrigger = 'start' | 'visible' | 'online' | 'interval' | 'manual'

/** One feed's checks in this tab (not stored: a new tab checks at start). Times in ms since the epoch. */
export interface FeedTiming {
  lastAttemptAt?: number
  /** Failed checks in a row; 0 after a check that went through. */
  failures: number
  inFlight: boolean
}

export const NEW_FEED_TIMING: FeedTiming = Object.freeze({ failures: 0, inFlight: false })

/** ms to wait after the last check before the next timed one: the interval, doubled per failure in a row, capped. */
export function feedCheckInterval(failures: number): number {
  if (failures <= 0) return FEED_INTERVAL_MS
  return Math.min(FEED_INTERVAL_MS * 2 ** (failures - 1), FEED_MAX_BACKOFF_MS)
}

/** Whether `trigger` at `now` should check the feed. Never two checks of one feed at once. */
export function feedDue(timing: FeedTiming, trigger: FeedTrigger, now: number): boolean {
  if (timing.inFlight) return false
  if (timing.lastAttemptAt === undefined || trigger === 'manual') return true
  const since = now - timing.lastAttemptAt
  switch (trigger) {
    case 'interval':
      return since >= feedCheckInterval(timing.failures)
    // Coming back online is the likeliest moment for a failing feed to work again: no backoff, only the gap.
    case 'online':
    case 'start':
      return since >= FEED_MIN_GAP_MS
    // A tab shown again after a while is as good as the timer; a failing server keeps its backoff.
    case 'visible':
      return since >= (timing.failures > 0 ? feedCheckInterval(timing.failures) : FEED_MIN_GAP_MS)
  }
}

/** ms from `now` until the feed's next timed check is due (0 when it is due already). */
export function feedDelayUntilDue(timing: FeedTiming, now: number): number {
  if (timing.lastAttemptAt === undefined) return 0
  return Math.max(0, timing.lastAttemptAt + feedCheckInterval(timing.failures) - now)
}

/** The timing after a check started, and after it ended (`ok`: it went through, whatever it found). */
export function feedStarted(timing: FeedTiming, now: number): FeedTiming {
  return { ...timing, lastAttemptAt: now, inFlight: true }
}
export function feedEnded(timing: FeedTiming, ok: boolean): FeedTiming {
  return { ...timing, inFlight: false, failures: ok ? 0 : timing.failures + 1 }
}

/** Why a check left the schedule as it was. Stored with the feed (src/db/HallwayDB.ts FeedRow), shown in Settings. */
export type FeedProblem =
  /** The server answered with an HTTP error. */
  | { kind: 'http'; status: number }
  | { kind: 'timeout'; seconds: number }
  /** The device was offline (or went offline during the request). */
  | { kind: 'offline' }
  /** The request failed while online: another origin that sends no CORS headers, or a server that can't be reached. */
  | { kind: 'refused'; crossOrigin: boolean }
  /** The file is not a schedule Hallway reads; `reason` is the importer's first problem. */
  | { kind: 'unreadable'; reason: string }
  | { kind: 'other-event'; fileEventId: string }
  /** The file lost most of the sessions: waiting for the user to say apply it anyway. */
  | { kind: 'shrunk'; before: number; after: number }

/**
 * Days an event's first day may move and still be the same edition: an organiser who moves the opening day by a few
 * days publishes the same event, while a year later at the same address is the next edition, another event.
 */
export const EDITION_SHIFT_MAX_DAYS = 14
const DAY_MS = 86_400_000

/**
 * Whether a feed's file whose event id is `fileId` is the stored event `storedId` all the same: the same acronym, and
 * a first day moved by at most EDITION_SHIFT_MAX_DAYS (or a stored id from before ids named the edition). The caller
 * then stores the file under `storedId`, so stars, notes and share links stay with the event they were made in.
 */
export function sameEdition(storedId: string, fileId: string): boolean {
  if (storedId === fileId) return true
  const file = editionParts(fileId)
  if (!file) return false
  const stored = editionParts(storedId)
  if (!stored) return storedId === file.base
  if (stored.base !== file.base) return false
  return Math.abs(Date.parse(file.firstDay) - Date.parse(stored.firstDay)) <= EDITION_SHIFT_MAX_DAYS * DAY_MS
}

/** What the feed's file is and what the device holds, as far as judging it needs. */
export interface FeedSides {
  stored: { id: EventId; contentHash: string; sessionCount: number }
  fetched: { id: EventId; contentHash: string; sessionCount: number }
}

export type FeedVerdict = { kind: 'apply' } | { kind: 'unchanged' } | Extract<FeedProblem, { kind: 'other-event' | 'shrunk' }>

/**
 * Whether the fetched file may replace the stored schedule. `approvedHash`: the contentHash of a shrunk file the user
 * said to apply anyway (that very file, not whatever the feed serves next).
 */
export function judgeFeedFile({ stored, fetched }: FeedSides, approvedHash?: string): FeedVerdict {
  if (fetched.id !== stored.id) return { kind: 'other-event', fileEventId: fetched.id }
  if (fetched.contentHash === stored.contentHash) return { kind: 'unchanged' }
  const shrunk = stored.sessionCount > 0 && fetched.sessionCount < stored.sessionCount * FEED_SHRINK_LIMIT
  if (shrunk && fetched.contentHash !== approvedHash) return { kind: 'shrunk', before: stored.sessionCount, after: fetched.sessionCount }
  return { kind: 'apply' }
}

const DOWNLOAD_INSTEAD = 'Download the file and open it with “Open another schedule…” instead: that works.'

/** The problem in words, for Settings → Events and the "From a web address" dialog. Ends with what happens now. */
export function feedProblemText(problem: FeedProblem): string {
  switch (problem.kind) {
    case 'http':
      return `The server answered with an error (HTTP ${problem.status}).`
    case 'timeout':
      return `The server didn’t answer within ${problem.seconds} ${problem.seconds === 1 ? 'second' : 'seconds'}.`
    case 'offline':
      return 'This device was offline. Hallway checks again when it is back online.'
    case 'refused':
      return problem.crossOrigin
        ? `The server didn’t answer, or it doesn’t allow other sites to read this file (no CORS header). ${DOWNLOAD_INSTEAD}`
        : 'The server couldn’t be reached.'
    case 'unreadable':
      return `The file isn’t a schedule Hallway can read: ${problem.reason}`
    case 'other-event':
      return `The file is for another event (${problem.fileEventId}).`
    case 'shrunk':
      return `The new file has only ${problem.after.toLocaleString('en-US')} of the ${problem.before.toLocaleString('en-US')} sessions. It may be cut off or a mistake, so it waits for you.`
  }
}
