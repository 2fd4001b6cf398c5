// A deterministic synthetic schedule for scale tests and the benchmark: "ten days of a large conference".
// Shapes follow the KubeCon seed (types, building/level/room venues, Name (Role, Company) speakers).
import type { EventId, Session, Snapshot, VenueDay } from './model'
import { assignStableIds } from './ids'
import { buildSnapshot } from './snapshotBuild'
import { instantFromMs, toMs } from './time'
import { venueWallClockToInstant } from './wallClock'

const TYPES = ['AI + ML', 'APPLICATION DEVELOPMENT', 'DATA PROCESSING + STORAGE', 'MAINTAINER TRACK', 'OPERATIONS + PERFORMANCE',
  'PLATFORM ENGINEERING', 'SECURITY', 'CLOUD NATIVE NOVICE', 'KEYNOTE SESSIONS', '🚨 CONTRIBFEST', 'EXPERIENCES', 'BREAKS']
const TOPICS = ['Kubernetes', 'eBPF', 'GitOps', 'Service Mesh', 'Observability', 'OpenTelemetry', 'Argo', 'Flux', 'Envoy',
  'Cilium', 'Prometheus', 'GPU Scheduling', 'WebAssembly', 'Policy as Code', 'Supply Chain Security', 'Multi-Cluster',
  'Platform APIs', 'Inference Serving', 'Autoscaling', 'Storage Drivers', 'Gateway API', 'Dynamic Resource Allocation']
const ANGLES = ['Lessons Learned From', 'A Deep Dive Into', 'Scaling', 'Debugging', 'The Future of', 'Securing',
  'Migrating To', 'Running', 'Cost-Efficient', 'Zero-Downtime', 'Building a Platform With', 'Testing']
const TAILS = ['at Scale', 'in Production', 'for Humans', 'Without Tears', 'the Hard Way', 'on the Edge', 'in 2025', '']
const FIRST = ['Ana', 'Ben', 'Chen', 'Dara', 'Emeka', 'Fatima', 'Gustavo', 'Hiro', 'Ines', 'Jonas', 'Käthe', 'Luis', 'Mona',
  'Nikhil', 'Olga', 'Priya', 'Quinn', 'Rafael', 'Sana', 'Tomás', 'Uma', 'Vera', 'Wen', 'Yusuf', 'Zoë']
const LAST = ['Okafor', 'Müller', 'Tanaka', 'Silva', 'Nguyen', 'Kowalski', 'Haddad', 'Johansson', 'Patel', 'García',
  'Smith', 'Rossi', 'Kim', 'Ivanova', 'Dubois', 'Yılmaz']
const COMPANIES = ['Google', 'Microsoft', 'Red Hat', 'AWS', 'Isovalent', 'Datadog', 'Grafana Labs', 'Spotify', 'Apple',
  'SUSE', 'Akuity', 'Independent']
const ROLES = ['Software Engineer', 'Staff Engineer', 'Principal Engineer', 'Maintainer', 'Developer Advocate', 'SRE']
const WORDS = ('cluster workload controller operator latency throughput rollout canary tenant namespace scheduler ' +
  'pipeline artifact registry sidecar proxy network storage policy identity secret trace metric log alert budget')
  .split(' ')

const SLOT_MIN = 45 // minutes: a talk (30–40) plus the usual 15-minute break rounds to this grid
const FIRST_SLOT_HOUR = 9 // venue time; days run 9:00 to about 18:00 like the seed
const SLOTS_PER_DAY = 12

/** mulberry32: a tiny seeded PRNG, so every run (a synthetic schedule, a fuzz test) is the same. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface SyntheticOptions {
  count: number
  days?: number
  seed?: number
  eventId?: string
  timeZone?: string
  /** First venue day, YYYY-MM-DD. */
  firstDay?: string
}

/** Sessions spread evenly over `days` days, `SLOTS_PER_DAY` slots a day, as many rooms in parallel as needed. */
export function makeSyntheticSessions(options: SyntheticOptions): Session[] {
  const { count, days = 10, seed = 1, eventId = 'synthetic', timeZone = 'America/New_York', firstDay = '2025-11-10' } = options
  const rand = prng(seed)
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const perDay = Math.ceil(count / days)
  const rooms = Math.max(1, Math.ceil(perDay / SLOTS_PER_DAY))
  const dayStart = toMs(venueWallClockToInstant(firstDay as VenueDay, 12, 0, 'UTC'))
  const drafts: Array<Omit<Session, 'id'>> = []
  for (let i = 0; i < count; i++) {
    const dayIndex = Math.floor(i / perDay)
    const inDay = i % perDay
    const slot = Math.floor(inDay / rooms)
    const roomIndex = inDay % rooms
    const day = instantFromMs(dayStart + dayIndex * 86_400_000).slice(0, 10) as VenueDay
    const startMinutes = FIRST_SLOT_HOUR * 60 + slot * SLOT_MIN
    const start = venueWallClockToInstant(day, Math.floor(startMinutes / 60), startMinutes % 60, timeZone)
    const length = pick([25, 30, 30, 35, 40])
    const speakers = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const name = `${pick(FIRST)} ${pick(LAST)}`
      const role = pick(ROLES)
      const company = pick(COMPANIES)
      return { name, role, company, raw: `${name} (${role}, ${company})` }
    })
    const building = `Building ${'ABC'[roomIndex % 3]}`
    const level = `Level ${1 + (Math.floor(roomIndex / 3) % 5)}`
    const room = `${building.slice(-1)}${100 * (1 + (Math.floor(roomIndex / 3) % 5)) + roomIndex}`
    const description = Array.from({ length: 60 + Math.floor(rand() * 60) }, () => pick(WORDS)).join(' ')
    drafts.push({
      title: `${pick(ANGLES)} ${pick(TOPICS)} ${pick(TAILS)}`.trim() + ` (#${i + 1})`,
      start,
      end: instantFromMs(toMs(start) + length * 60_000),
      day,
      type: pick(TYPES),
      description: description.charAt(0).toUpperCase() + description.slice(1) + '.',
      speakers,
      speakersRaw: speakers.map((s) => s.raw).join('; '),
      venue: { building, level, room, raw: `${building} | ${level} | ${room}` },
    })
  }
  const ids = assignStableIds(eventId, drafts.map((d) => d.title))
  return drafts.map((d, i) => ({ id: ids[i]!, ...d }))
}

export function makeSyntheticSnapshot(options: SyntheticOptions): Promise<Snapshot> {
  const eventId = (options.eventId ?? 'synthetic') as EventId
  const sessions = makeSyntheticSessions({ ...options, eventId })
  return buildSnapshot(
    { id: eventId, title: `Synthetic Conference (${options.count} sessions)`, timeZone: options.timeZone ?? 'America/New_York' },
    sessions,
    `synthetic:count=${options.count},seed=${options.seed ?? 1}`,
  )
}
