// Test data for the plan logic: a makeSession() factory with venue-time helpers, and the real KubeCon NA 2025
// Thursday snapshot, looked up by title so tests read like the schedule.
import type { Instant, Session, SessionId } from '../../src/domain/model'
import type { PlannedSession, StarLevel } from '../../src/domain/conflicts'
import { seedSnapshot } from '../fixtures/seedSnapshot'

// The one set of factories (tests/fixtures/factories.ts): makeSession takes `from`/`to`/`at` for readability.
import { est, makeSession, THURSDAY, TIME_ZONE, venue as place } from '../fixtures/factories'
export { est, makeSession, place, THURSDAY, TIME_ZONE }

export function planned(session: Session, level: StarLevel = 'must'): PlannedSession {
  return { session, level }
}

/** The 99 sessions of data/kubecon-na-2025.snapshot.json, in snapshot order. */
export function seed(): readonly Session[] {
  return seedSnapshot().sessions
}

/** The seed session whose title starts with `prefix`; throws unless exactly one matches. */
export function seedSession(prefix: string): Session {
  const hits = seed().filter((s) => s.title.startsWith(prefix))
  if (hits.length !== 1) throw new Error(`${hits.length} seed sessions start with "${prefix}"`)
  return hits[0]!
}

/** A star map from [title prefix, level] pairs of seed sessions. */
export function seedStars(...entries: Array<[string, StarLevel]>): Map<SessionId, StarLevel> {
  return new Map(entries.map(([prefix, level]) => [seedSession(prefix).id, level]))
}

const BIG_ROOMS = [
  'Building A | Level 4 | A412',
  'Building B | Level 2 | B206',
  'Building B | Level 3 | B308-309',
  'Building B | Level 4 | B406b-407',
  'Building C | Level 3 | Georgia Ballroom 2',
]
const BIG_TYPES = ['AI + ML', 'SECURITY', 'PLATFORM ENGINEERING', 'MAINTAINER TRACK', 'BREAKS']
const BIG_WORDS = ['kubernetes', 'gitops', 'observability', 'ebpf', 'scheduler', 'mesh', 'storage', 'policy']

/**
 * `count` 30-minute sessions on Thursday, starting every 45 minutes from 8:00 (a 15-minute changeover), as many
 * in parallel as it takes to fit 16 slots: 10,000 sessions means 625 in parallel, far past the seed's 18.
 */
export function manySessions(count: number): Session[] {
  const slots = 16 // slots from 8:00 to 7:15pm, 45 minutes apart
  const perSlot = Math.ceil(count / slots)
  return Array.from({ length: count }, (_, i) => {
    const slot = Math.floor(i / perSlot)
    const startMs = Date.parse(est('8:00am')) + slot * 45 * 60_000
    const word = BIG_WORDS[i % BIG_WORDS.length]!
    return makeSession({
      id: (0x10000000 + i).toString(16) as SessionId,
      title: `Session ${i}: practical ${word} at scale`,
      start: new Date(startMs).toISOString().replace('.000', '') as Instant,
      end: new Date(startMs + 30 * 60_000).toISOString().replace('.000', '') as Instant,
      type: BIG_TYPES[i % BIG_TYPES.length]!,
      description: `Lessons from running ${word} in production. `.repeat(10),
      venue: place(BIG_ROOMS[i % BIG_ROOMS.length]!),
    })
  })
}
