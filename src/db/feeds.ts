// Checking one event's schedule feed: download, read, judge (src/domain/feedPolicy.ts), and either apply the file
// through the schedule-update path (installSnapshot: stars kept, "What changed" recorded) together with the feed's
// status, in one transaction, or keep the schedule and record why. Also: applying a held file the user approved.
import { snapshotAsEvent } from '../domain/editions'
import { judgeFeedFile, sameEdition, type FeedProblem } from '../domain/feedPolicy'
import { fnv1a32Hex } from '../domain/ids'
import type { EventId, Snapshot } from '../domain/model'
import { BUNDLED_EVENT_ID } from './bundledSnapshot'
import { downloadFeed, readFeedText, type FeedFetchEnv, type FeedReader } from './feedFetch'
import type { FeedRow, HallwayDB } from './HallwayDB'
import { installedFileHash, installSnapshot } from './snapshotInstall'

export interface FeedCheckEnv extends FeedFetchEnv {
  read: FeedReader
  now?: () => Date
  /** Hears the text of a bundled-feed file that was applied or found current, to keep the offline copy fresh. */
  onBundledFile?: (text: string) => void
}

/**
 * How a check ended: 'applied' (the schedule was replaced), 'unchanged' (already current), or the problem that kept
 * the schedule as it was. 'gone': the event was removed meanwhile.
 */
export type FeedCheck = { kind: 'applied' | 'unchanged' | 'gone' } | { kind: 'problem'; problem: FeedProblem }

/** Checks the feed of `eventId` at `url` once. Never rejects for a network or file problem; rejects when storage fails. */
export async function checkFeed(db: HallwayDB, eventId: EventId, url: string, env: FeedCheckEnv): Promise<FeedCheck> {
  const now = env.now ?? (() => new Date())
  const download = await downloadFeed(url, env)
  if (!download.ok) return record(db, eventId, now(), download.problem)
  const stored = await db.events.get(eventId)
  if (!stored) return { kind: 'gone' }
  const row = await db.feeds.get(eventId)
  // The very text of the last check that went through (a 304 hands back the cached copy): nothing to read again.
  const textHash = fnv1a32Hex(download.text)
  if (row?.textHash === textHash && row.problem === undefined) return succeed(db, eventId, now(), textHash, 'unchanged', env, download.text)

  const read = await readFeedText(download.text, download.name, stored.timeZone, env.read)
  if (!read.ok) return record(db, eventId, now(), read.problem)
  // The same event with its first day moved has another edition id: it is stored under the id it has here.
  const fileId = read.snapshot.event.id
  const snapshot = fileId !== eventId && sameEdition(eventId, fileId) ? await snapshotAsEvent(read.snapshot, eventId) : read.snapshot
  const sessionCount = await db.sessions.where('eventId').equals(eventId).count()
  const verdict = judgeFeedFile({
    stored: { id: eventId, contentHash: installedFileHash(stored), sessionCount },
    fetched: { id: snapshot.event.id, contentHash: snapshot.contentHash, sessionCount: snapshot.sessions.length },
  })
  switch (verdict.kind) {
    case 'unchanged':
      return succeed(db, eventId, now(), textHash, 'unchanged', env, download.text)
    case 'other-event':
      return record(db, eventId, now(), verdict)
    case 'shrunk':
      return record(db, eventId, now(), verdict, snapshot)
    case 'apply':
      return succeed(db, eventId, now(), textHash, 'applied', env, download.text, snapshot)
  }
}

/**
 * Applies the file a check held back (it lost most of the sessions) because the user said so. 'gone' when nothing
 * waits any more (applied or replaced in another tab).
 */
export async function applyHeldFeedFile(db: HallwayDB, eventId: EventId, now: Date = new Date()): Promise<'applied' | 'gone'> {
  return db.transaction('rw', [db.events, db.sessions, db.stars, db.notes, db.scheduleChanges, db.feeds], async () => {
    const row = await db.feeds.get(eventId)
    if (!row?.held || !(await db.events.get(eventId))) return 'gone'
    await installSnapshot(db, row.held, now)
    await db.feeds.put(withoutProblem(row, now))
    return 'applied'
  })
}

/** The status after a check that went through: applied (with the install in the same transaction) or current. */
async function succeed(
  db: HallwayDB,
  eventId: EventId,
  at: Date,
  textHash: string,
  kind: 'applied' | 'unchanged',
  env: FeedCheckEnv,
  text: string,
  snapshot?: Snapshot,
): Promise<FeedCheck> {
  const done = await db.transaction('rw', [db.events, db.sessions, db.stars, db.notes, db.scheduleChanges, db.feeds], async () => {
    // Removed while the file downloaded: nothing to update, and no feed row to bring back.
    if (!(await db.events.get(eventId))) return false
    if (snapshot) await installSnapshot(db, snapshot, at)
    await db.feeds.put({ ...withoutProblem((await db.feeds.get(eventId)) ?? { eventId }, at), textHash })
    return true
  })
  if (!done) return { kind: 'gone' }
  if (eventId === BUNDLED_EVENT_ID) env.onBundledFile?.(text)
  return { kind }
}

/** Keeps the schedule and records why; a shrunk file is kept too, for the user to apply. */
async function record(db: HallwayDB, eventId: EventId, at: Date, problem: FeedProblem, held?: Snapshot): Promise<FeedCheck> {
  const kept = await db.transaction('rw', db.events, db.feeds, async () => {
    if (!(await db.events.get(eventId))) return false
    const row: FeedRow = (await db.feeds.get(eventId)) ?? { eventId }
    const { held: before, ...rest } = row
    // A held file stays until another file is judged (a failed download says nothing about it).
    const keep = held ?? (problem.kind === 'other-event' || problem.kind === 'unreadable' ? undefined : before)
    await db.feeds.put({ ...rest, lastCheckedAt: at.toISOString(), problem, ...(keep && { held: keep }) })
    return true
  })
  return kept ? { kind: 'problem', problem } : { kind: 'gone' }
}

function withoutProblem({ problem: _p, held: _h, ...row }: FeedRow, at: Date): FeedRow {
  return { ...row, lastSuccessAt: at.toISOString(), lastCheckedAt: at.toISOString() }
}
