// Carrying session IDs from one version of a schedule to the next. An importer numbers sessions that share a title by
// time (ids.ts), so when the first of two "Lightning Talks" goes, the second would take its ID, and with it the
// first one's star, share links and calendar UID. Here each session of the new version is matched to the one it was
// in the previous version instead, and keeps that session's ID. Used by `npm run import` (against the snapshot it
// overwrites) and by every install of a newer version in the app (against the stored one).
//
// The rule, title by title (normalized as ids.ts does):
// - A title both versions have once: the same session, wherever it moved (as the bare hash always said).
// - Otherwise sessions pair up by place, best first: same start and room, same start, same venue day and room
//   (nearest start), same venue day (nearest start). A repeated title on another day is another session: Tuesday's
//   coffee break is not Wednesday's, so a break removed on Tuesday and one added on Wednesday are a cancellation and
//   a new session, not a move.
// - A paired session keeps its previous ID. An unpaired new one gets a fresh ID from its title and start
//   (ids.ts freshSessionId) that no session of the previous version has, so it never revives a removed one's star.
// - A title the previous version lacks keeps the importer's IDs; so does a session whose ID is the source's own
//   (a frab guid or id: see titleDerivedIds), which pairs by that ID alone.
import { freshSessionId, normalizeTitle, titleDerivedIds } from './ids'
import type { EventInfo, Session, SessionId, Snapshot } from './model'
import { roomKey } from './scheduleDiff'
import { buildSnapshot } from './snapshotBuild'

export interface CarriedIds {
  /** `next` in its order, each session with the ID it carries. */
  sessions: Session[]
  /** [ID in `next`, ID now] of every session whose ID changed, in `next`'s order. Empty when nothing changed. */
  changed: Array<[SessionId, SessionId]>
}

/**
 * Sessions compared per tier: for a session of the previous version, the few new ones nearest in start time on each
 * side. A title repeats a handful of times a day in a real schedule, so this considers every pair there, and keeps a
 * hostile file with thousands of equal titles from costing (old × new) pairs.
 */
const NEIGHBOURS = 4

interface Placed {
  session: Session
  /** Normalized. */
  title: string
  room: string
  ms: number
  /** Unpaired only: whether the previous version had this title (then the importer's ID may be a removed one's). */
  titleKnown?: boolean
}

/** What a tier pairs on; within a key, the nearest starts pair first. */
const TIERS: ReadonlyArray<(p: Placed) => string> = [
  (p) => `${p.session.start}\u0000${p.room}`,
  (p) => p.session.start,
  (p) => `${p.session.day}\u0000${p.room}`,
  (p) => p.session.day,
]

/** IDs for `next` (the new version of `eventId`'s schedule) that keep what `previous` called each session. */
export function carryIds(eventId: string, previous: readonly Session[], next: readonly Session[]): CarriedIds {
  const previousIds = new Set<string>(previous.map((s) => s.id))
  const before = groupByTitle(previous)
  const ids = new Map<Session, SessionId>()
  const taken = new Set<string>()
  const keep = (s: Session) => {
    ids.set(s, s.id)
    taken.add(s.id)
  }

  // Sessions whose ID settles itself: the usual title seen once in each version with the same ID, a title new to
  // this version, and IDs that are a source's own (they name their session whatever its title or place).
  const claimed = new Set<string>()
  const contested: Array<[string, Session[]]> = []
  for (const [title, news] of groupByTitle(next)) {
    const olds = before.get(title) ?? []
    const only = news.length === 1 ? news[0]! : undefined
    if (only && (olds.length === 0 ? !previousIds.has(only.id) : olds.length === 1 && olds[0]!.id === only.id)) {
      keep(only)
      claimed.add(only.id)
      continue
    }
    const derived = titleDerivedIds(eventId, title, news.length)
    const byTitle: Session[] = []
    for (const s of news) {
      if (derived.has(s.id)) {
        byTitle.push(s)
      } else {
        keep(s)
        claimed.add(s.id)
      }
    }
    if (byTitle.length > 0) contested.push([title, byTitle])
  }

  const unpaired: Placed[] = []
  for (const [title, sessions] of contested) {
    const news = sessions.map((s) => place(s, title)).sort(comparePlaced)
    const olds = (before.get(title) ?? []).filter((s) => !claimed.has(s.id)).map((s) => place(s, title)).sort(comparePlaced)
    const pairs = olds.length === 1 && news.length === 1 ? [[olds[0]!, news[0]!] as const] : pairByPlace(olds, news)
    for (const [old, now] of pairs) {
      ids.set(now.session, old.session.id)
      taken.add(old.session.id)
    }
    const paired = new Set(pairs.map(([, now]) => now))
    for (const now of news) if (!paired.has(now)) unpaired.push({ ...now, titleKnown: olds.length > 0 })
  }

  // New sessions, in one order that depends on content alone, so the CLI and the app give the same IDs.
  unpaired.sort(comparePlaced)
  const fresh: Placed[] = []
  for (const p of unpaired) {
    // A title the previous version lacked keeps the importer's ID, unless a previous session had that ID.
    if (!p.titleKnown && !taken.has(p.session.id) && !previousIds.has(p.session.id)) keep(p.session)
    else fresh.push(p)
  }
  const avoid = new Set([...taken, ...previousIds])
  for (const p of fresh) {
    const id = freshSessionId(eventId, p.title, p.session.start, avoid)
    ids.set(p.session, id)
    avoid.add(id)
  }

  const changed: CarriedIds['changed'] = []
  const sessions = next.map((s) => {
    const id = ids.get(s)!
    if (id === s.id) return s
    changed.push([s.id, id])
    return { ...s, id }
  })
  return { sessions, changed }
}

/**
 * `next` with the IDs `previous` gave its sessions (see {@link carryIds}), rebuilt so its order and content hash are
 * its own; `next` itself when `previous` is another event's or nothing changed.
 */
export async function carrySnapshotIds(previous: Snapshot | undefined, next: Snapshot): Promise<Snapshot> {
  if (!previous || previous.event.id !== next.event.id) return next
  const carried = carryIds(next.event.id, previous.sessions, next.sessions)
  if (carried.changed.length === 0) return next
  const { id, title, timeZone }: EventInfo = next.event
  return buildSnapshot({ id, title, timeZone }, carried.sessions, next.source)
}

function groupByTitle(sessions: readonly Session[]): Map<string, Session[]> {
  const groups = new Map<string, Session[]>()
  for (const session of sessions) {
    const title = normalizeTitle(session.title)
    const group = groups.get(title)
    if (group) group.push(session)
    else groups.set(title, [session])
  }
  return groups
}

function place(session: Session, title: string): Placed {
  return { session, title, room: roomKey(session.venue), ms: Date.parse(session.start) }
}

/** By start, room, title as written, then ID: the last only settles sessions that are the same in every other way. */
function comparePlaced(a: Placed, b: Placed): number {
  return (
    a.ms - b.ms ||
    compareText(a.room, b.room) ||
    compareText(a.title, b.title) ||
    compareText(a.session.title, b.session.title) ||
    compareText(a.session.id, b.session.id)
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Pairs sessions of one title, tier by tier (see {@link TIERS}), nearest start first. Both lists are in comparePlaced order. */
function pairByPlace(olds: readonly Placed[], news: readonly Placed[]): Array<readonly [Placed, Placed]> {
  const pairs: Array<readonly [Placed, Placed]> = []
  const used = new Set<Placed>()
  for (const tierKey of TIERS) {
    const buckets = new Map<string, { olds: Placed[]; news: Placed[] }>()
    const bucket = (p: Placed) => {
      const key = tierKey(p)
      let b = buckets.get(key)
      if (!b) buckets.set(key, (b = { olds: [], news: [] }))
      return b
    }
    for (const p of news) if (!used.has(p)) bucket(p).news.push(p)
    for (const p of olds) if (!used.has(p)) buckets.get(tierKey(p))?.olds.push(p)

    for (const { olds: o, news: n } of buckets.values()) {
      if (o.length === 0) continue
      const candidates: Array<{ cost: number; i: number; j: number }> = []
      o.forEach((old, i) => {
        const at = firstNotBefore(n, old.ms)
        for (let j = Math.max(0, at - NEIGHBOURS); j < Math.min(n.length, at + NEIGHBOURS); j++) {
          candidates.push({ cost: Math.abs(n[j]!.ms - old.ms), i, j })
        }
      })
      // Nearest first; ties by the sessions' order, so the pairing is the same every time.
      candidates.sort((x, y) => x.cost - y.cost || x.i - y.i || x.j - y.j)
      for (const { i, j } of candidates) {
        const old = o[i]!
        const now = n[j]!
        if (used.has(old) || used.has(now)) continue
        used.add(old)
        used.add(now)
        pairs.push([old, now])
      }
    }
  }
  return pairs
}

/** Index of the first of `sorted` (by start) that starts at or after `ms`. */
function firstNotBefore(sorted: readonly Placed[], ms: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]!.ms < ms) lo = mid + 1
    else hi = mid
  }
  return lo
}
