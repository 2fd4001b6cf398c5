// Turning imported sessions into a snapshot: canonical order, event days, content hash. Every importer ends here,
// so two importers of the same schedule produce the same bytes.
import { SNAPSHOT_SCHEMA_VERSION, type EventInfo, type Session, type SessionLink, type Snapshot, type VenueDay } from './model'

export function compareSessions(a: Session, b: Session): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1
  if (a.venue.room !== b.venue.room) return a.venue.room < b.venue.room ? -1 : 1
  if (a.title !== b.title) return a.title < b.title ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** SHA-256 (Web Crypto, in browsers and Node alike) of the canonical JSON, first 16 hex digits. */
export async function contentHashOf(event: EventInfo, sessions: readonly Session[]): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify({ event, sessions }))
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('')
}

export async function buildSnapshot(
  event: Omit<EventInfo, 'days'>,
  sessions: readonly Session[],
  source: string,
): Promise<Snapshot> {
  const sorted = [...sessions].sort(compareSessions)
  const days = [...new Set(sorted.map((s) => s.day))].sort() as VenueDay[]
  // Fixed key order, so the JSON (and its hash) does not depend on how an importer built the objects.
  const fullEvent: EventInfo = { id: event.id, title: event.title, timeZone: event.timeZone, days }
  const canonical = sorted.map(canonicalSession)
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    event: fullEvent,
    contentHash: await contentHashOf(fullEvent, canonical),
    source,
    sessions: canonical,
  }
}

/** The session with its keys in the one canonical order (JSON and hashes depend on key order). */
export function canonicalSession(s: Session): Session {
  const venue = {} as Session['venue']
  if (s.venue.building !== undefined) venue.building = s.venue.building
  if (s.venue.level !== undefined) venue.level = s.venue.level
  venue.room = s.venue.room
  if (s.venue.area !== undefined) venue.area = s.venue.area
  venue.raw = s.venue.raw
  const out: Session = {
    id: s.id,
    title: s.title,
    start: s.start,
    end: s.end,
    day: s.day,
    type: s.type,
    description: s.description,
    speakers: s.speakers.map((p) => {
      const speaker = (p.id !== undefined ? { id: p.id, name: p.name } : { name: p.name }) as Session['speakers'][number]
      if (p.role !== undefined) speaker.role = p.role
      if (p.company !== undefined) speaker.company = p.company
      speaker.raw = p.raw
      return speaker
    }),
    speakersRaw: s.speakersRaw,
    venue,
  }
  // Schema 2's fields come last and only when set, so a session without them hashes as it did in version 1.
  if (s.subtitle !== undefined) out.subtitle = s.subtitle
  if (s.abstract !== undefined) out.abstract = s.abstract
  if (s.language !== undefined) out.language = s.language
  if (s.doNotRecord !== undefined) out.doNotRecord = s.doNotRecord
  if (s.url !== undefined) out.url = s.url
  if (s.feedbackUrl !== undefined) out.feedbackUrl = s.feedbackUrl
  if (s.links !== undefined) out.links = s.links.map(canonicalLink)
  if (s.attachments !== undefined) out.attachments = s.attachments.map(canonicalLink)
  return out
}

function canonicalLink(l: SessionLink): SessionLink {
  const out: SessionLink = { url: l.url }
  if (l.title !== undefined) out.title = l.title
  if (l.type !== undefined) out.type = l.type
  return out
}
