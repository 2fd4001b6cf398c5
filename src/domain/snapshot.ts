// Reading a snapshot from untrusted JSON: every field is checked, so a corrupt file becomes a message, not a crash.
import {
  MAX_SESSIONS,
  SNAPSHOT_SCHEMA_VERSION,
  SNAPSHOT_SCHEMA_VERSIONS,
  type EventId,
  type Instant,
  type Session,
  type SessionId,
  type SessionLink,
  type Snapshot,
  type Speaker,
  type Venue,
  type VenueDay,
} from './model'
import { isHttpUrl, isLanguageTag, isLinkType, isSourceSpeakerId } from './sessionExtras'
import { isInstant, isValidTimeZone } from './time'

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string }

const SESSION_ID_RE = /^[0-9a-f]{8}$/
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/

class SnapshotError extends Error {}

function fail(path: string, problem: string): never {
  throw new SnapshotError(`${path}: ${problem}`)
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object')
  return v as Record<string, unknown>
}

function str(v: unknown, path: string, opts: { optional?: boolean; nonEmpty?: boolean } = {}): string {
  if (v === undefined && opts.optional) return ''
  if (typeof v !== 'string') fail(path, 'expected a string')
  if (opts.nonEmpty && v.trim() === '') fail(path, 'must not be empty')
  return v
}

function optStr(v: unknown, path: string): string | undefined {
  if (v === undefined) return undefined
  return str(v, path)
}

function instant(v: unknown, path: string): Instant {
  if (!isInstant(v)) fail(path, 'expected a UTC instant like 2025-11-13T20:15:00Z')
  return v
}

function day(v: unknown, path: string): VenueDay {
  if (typeof v !== 'string' || !DAY_RE.test(v)) fail(path, 'expected a day like 2025-11-13')
  return v as VenueDay
}

function httpUrl(v: unknown, path: string): string {
  if (typeof v !== 'string' || !isHttpUrl(v)) fail(path, 'expected an http(s) address without a user name or password')
  return v
}

function link(v: unknown, path: string): SessionLink {
  const o = obj(v, path)
  const out: SessionLink = { url: httpUrl(o.url, `${path}.url`) }
  const title = optStr(o.title, `${path}.title`)
  if (title !== undefined) out.title = title
  if (o.type !== undefined) {
    if (!isLinkType(o.type)) fail(`${path}.type`, 'unknown link type')
    out.type = o.type
  }
  return out
}

function links(v: unknown, path: string): SessionLink[] {
  if (!Array.isArray(v)) fail(path, 'expected an array')
  return v.map((l, i) => link(l, `${path}[${i}]`))
}

/** Schema 2's optional fields of a session, each checked as the importer writes it. */
function extras(o: Record<string, unknown>, path: string): Partial<Session> {
  const out: Partial<Session> = {}
  for (const key of ['subtitle', 'abstract'] as const) {
    const text = optStr(o[key], `${path}.${key}`)
    if (text !== undefined) out[key] = text
  }
  if (o.language !== undefined) {
    if (typeof o.language !== 'string' || !isLanguageTag(o.language)) fail(`${path}.language`, 'expected a language tag like en or pt-BR')
    out.language = o.language
  }
  if (o.doNotRecord !== undefined) {
    if (typeof o.doNotRecord !== 'boolean') fail(`${path}.doNotRecord`, 'expected true or false')
    out.doNotRecord = o.doNotRecord
  }
  if (o.url !== undefined) out.url = httpUrl(o.url, `${path}.url`)
  if (o.feedbackUrl !== undefined) out.feedbackUrl = httpUrl(o.feedbackUrl, `${path}.feedbackUrl`)
  if (o.links !== undefined) out.links = links(o.links, `${path}.links`)
  if (o.attachments !== undefined) out.attachments = links(o.attachments, `${path}.attachments`)
  return out
}

function speaker(v: unknown, path: string): Speaker {
  const o = obj(v, path)
  const s: Speaker = { name: str(o.name, `${path}.name`, { nonEmpty: true }), raw: str(o.raw, `${path}.raw`) }
  if (o.id !== undefined) {
    if (typeof o.id !== 'string' || !isSourceSpeakerId(o.id)) fail(`${path}.id`, 'expected a source speaker id like c-N33EUY')
    s.id = o.id
  }
  const role = optStr(o.role, `${path}.role`)
  const company = optStr(o.company, `${path}.company`)
  if (role !== undefined) s.role = role
  if (company !== undefined) s.company = company
  return s
}

function venue(v: unknown, path: string): Venue {
  const o = obj(v, path)
  const out: Venue = { room: str(o.room, `${path}.room`), raw: str(o.raw, `${path}.raw`) }
  for (const key of ['building', 'level', 'area'] as const) {
    const value = optStr(o[key], `${path}.${key}`)
    if (value !== undefined) out[key] = value
  }
  return out
}

function session(v: unknown, path: string): Session {
  const o = obj(v, path)
  const id = str(o.id, `${path}.id`)
  if (!SESSION_ID_RE.test(id)) fail(`${path}.id`, 'expected 8 lowercase hex digits')
  const start = instant(o.start, `${path}.start`)
  const end = instant(o.end, `${path}.end`)
  if (end < start) fail(path, `ends (${end}) before it starts (${start})`)
  if (!Array.isArray(o.speakers)) fail(`${path}.speakers`, 'expected an array')
  return {
    id: id as SessionId,
    title: str(o.title, `${path}.title`, { nonEmpty: true }),
    start,
    end,
    day: day(o.day, `${path}.day`),
    type: str(o.type, `${path}.type`),
    description: str(o.description, `${path}.description`),
    speakers: o.speakers.map((s, i) => speaker(s, `${path}.speakers[${i}]`)),
    speakersRaw: str(o.speakersRaw, `${path}.speakersRaw`),
    venue: venue(o.venue, `${path}.venue`),
    ...extras(o, path),
  }
}

/**
 * Validates parsed JSON as a snapshot. Never throws. A version 1 snapshot comes back as version 2: it only lacks
 * fields that version 2 made optional.
 */
export function parseSnapshot(input: unknown): ParseResult<Snapshot> {
  try {
    const o = obj(input, 'snapshot')
    if (typeof o.schemaVersion !== 'number' || !SNAPSHOT_SCHEMA_VERSIONS.includes(o.schemaVersion)) {
      const found = typeof o.schemaVersion === 'number' ? String(o.schemaVersion) : 'none'
      fail('snapshot.schemaVersion', `this app reads versions ${SNAPSHOT_SCHEMA_VERSIONS.join(' and ')}, the file has ${found}`)
    }
    const e = obj(o.event, 'snapshot.event')
    const timeZone = str(e.timeZone, 'snapshot.event.timeZone', { nonEmpty: true })
    if (!isValidTimeZone(timeZone)) fail('snapshot.event.timeZone', `unknown time zone "${timeZone}"`)
    if (!Array.isArray(e.days)) fail('snapshot.event.days', 'expected an array')
    if (!Array.isArray(o.sessions)) fail('snapshot.sessions', 'expected an array')
    if (o.sessions.length > MAX_SESSIONS) {
      fail('snapshot.sessions', `${o.sessions.length.toLocaleString('en-US')} sessions; Hallway reads up to ${MAX_SESSIONS.toLocaleString('en-US')}`)
    }
    const sessions = o.sessions.map((s, i) => session(s, `snapshot.sessions[${i}]`))
    const seen = new Set<string>()
    for (const [i, s] of sessions.entries()) {
      if (seen.has(s.id)) fail(`snapshot.sessions[${i}].id`, `duplicate id ${s.id}`)
      seen.add(s.id)
    }
    return {
      ok: true,
      value: {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        event: {
          id: str(e.id, 'snapshot.event.id', { nonEmpty: true }) as EventId,
          title: str(e.title, 'snapshot.event.title', { nonEmpty: true }),
          timeZone,
          days: e.days.map((d, i) => day(d, `snapshot.event.days[${i}]`)),
        },
        contentHash: str(o.contentHash, 'snapshot.contentHash', { nonEmpty: true }),
        source: str(o.source, 'snapshot.source'),
        sessions,
      },
    }
  } catch (err) {
    if (err instanceof SnapshotError) return { ok: false, error: err.message }
    return { ok: false, error: `snapshot: ${String(err)}` }
  }
}
