// Downloading a schedule feed: one request through the browser's HTTP cache, abandoned after a timeout, and every way
// it can fail turned into a FeedProblem. Then reading what came: a Hallway snapshot (the bundled event's own feed) or
// any schedule file, through the same pipeline as "Open another schedule" (the reader is passed in: it lives in the UI,
// which runs it in a worker). Holds no Dexie, so the "From a web address" dialog can use it too.
import { FEED_TIMEOUT_MS, type FeedProblem } from '../domain/feedPolicy'
import type { Snapshot } from '../domain/model'
import type { ScheduleFileRead } from '../domain/scheduleFile'
import { parseSnapshot } from '../domain/snapshot'

export interface FeedFetchEnv {
  fetch?: typeof fetch
  /** ms; FEED_TIMEOUT_MS by default (the e2e tests inject a short one). */
  timeoutMs?: number
  online?: () => boolean
  /** The app's origin, to tell a CORS refusal (another origin) from a server that can't be reached. */
  origin?: string
}

export type FeedDownload = { ok: true; text: string; name: string } | { ok: false; problem: FeedProblem }

/**
 * Fetches `url` with `cache: 'no-cache'`: the browser revalidates its cached copy (ETag / Last-Modified), so a feed
 * that did not change costs a 304 and no download, without the page needing to read validators a cross-origin server
 * may not expose. Never rejects.
 */
export async function downloadFeed(url: string, env: FeedFetchEnv = {}): Promise<FeedDownload> {
  const doFetch = env.fetch ?? globalThis.fetch.bind(globalThis)
  const timeoutMs = env.timeoutMs ?? FEED_TIMEOUT_MS
  const online = env.online ?? (() => navigator.onLine)
  const abort = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    abort.abort()
  }, timeoutMs)
  try {
    const response = await doFetch(url, { cache: 'no-cache', signal: abort.signal, credentials: 'omit' })
    if (!response.ok) return { ok: false, problem: { kind: 'http', status: response.status } }
    const text = await response.text()
    return { ok: true, text, name: fileNameOf(url) }
  } catch {
    if (timedOut) return { ok: false, problem: { kind: 'timeout', seconds: Math.max(1, Math.round(timeoutMs / 1000)) } }
    if (!online()) return { ok: false, problem: { kind: 'offline' } }
    return { ok: false, problem: { kind: 'refused', crossOrigin: isCrossOrigin(url, env.origin) } }
  } finally {
    clearTimeout(timer)
  }
}

/** Reads a schedule file: the text, under the feed's file name, in the venue zone given. Never rejects. */
export type FeedReader = (file: File, timeZone: string) => Promise<ScheduleFileRead>

export type FeedRead = { ok: true; snapshot: Snapshot } | { ok: false; problem: FeedProblem }

/**
 * What a feed's text holds. A Hallway snapshot (what `npm run import` writes, the bundled event's feed) is validated
 * as one; anything else goes through the schedule file pipeline, which detects the format. `timeZone`: the stored
 * event's, which a Sched listing needs and names nowhere.
 */
export async function readFeedText(text: string, name: string, timeZone: string, read: FeedReader): Promise<FeedRead> {
  const json = snapshotJson(text)
  if (json !== undefined) {
    const parsed = parseSnapshot(json)
    return parsed.ok ? { ok: true, snapshot: parsed.value } : { ok: false, problem: { kind: 'unreadable', reason: parsed.error } }
  }
  const result = await read(new File([text], name), timeZone)
  if (result.ok) return { ok: true, snapshot: result.snapshot }
  const [first] = result.problems
  const reason = first ? `${first.where !== undefined ? `${first.where}: ` : ''}${first.message}` : 'no sessions found.'
  return { ok: false, problem: { kind: 'unreadable', reason } }
}

/** chars: a snapshot names its schemaVersion first (snapshotBuild.ts writes it so); a frab file never has one. */
const SNAPSHOT_HEAD_CHARS = 200

/** The parsed JSON when `text` is a Hallway snapshot, else undefined (checked on its head before parsing it all). */
function snapshotJson(text: string): unknown {
  const head = text.slice(0, SNAPSHOT_HEAD_CHARS).replace(/^\uFEFF/, '').trimStart()
  if (!head.startsWith('{') || !/"schemaVersion"\s*:/.test(head)) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** "schedule.json" from "https://host/event/schedule.json?x=1"; "schedule" when the path names no file. */
export function fileNameOf(url: string): string {
  try {
    const last = new URL(url, 'http://localhost/').pathname.split('/').pop()
    return last ? decodeURIComponent(last) : 'schedule'
  } catch {
    return 'schedule'
  }
}

function isCrossOrigin(url: string, origin: string | undefined): boolean {
  const here = origin ?? globalThis.location?.origin
  if (here === undefined) return true
  try {
    return new URL(url, here).origin !== here
  } catch {
    return true
  }
}
