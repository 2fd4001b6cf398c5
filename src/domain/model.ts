// The schedule model shared by every layer: what a snapshot holds and what the UI shows.
// Times are UTC instants as ISO strings (`2025-11-13T20:15:00Z`) everywhere; they sort as strings.

export type SessionId = string & { readonly __brand: 'SessionId' }
export type EventId = string & { readonly __brand: 'EventId' }
/** An ISO-8601 UTC instant, always `YYYY-MM-DDTHH:mm:ssZ`, so string order is time order. */
export type Instant = string & { readonly __brand: 'Instant' }
/** A venue-local calendar day, `YYYY-MM-DD`. */
export type VenueDay = string & { readonly __brand: 'VenueDay' }
/**
 * A speaker within one event: `c-…`, `i-…` or `g-…` from the source's person code, id or guid (stored in the
 * snapshot), else `n-…` from the normalised name (derived when read). See speakerIndex.ts.
 */
export type SpeakerId = string & { readonly __brand: 'SpeakerId' }

export interface Speaker {
  /** The source's person id as a SpeakerId (frab/pretalx `code`, `id` or `guid`); absent when it has none. */
  id?: SpeakerId
  name: string
  /** Only set when the split of the source text was certain. */
  role?: string
  company?: string
  /** The exact source text this speaker came from. */
  raw: string
}

export interface Venue {
  /** e.g. "Building B"; absent when the source has no building (frab rooms). */
  building?: string
  /** e.g. "Level 4" */
  level?: string
  /** e.g. "B406b-407" or "Exhibit Hall B3-B5" */
  room: string
  /** A named spot inside the room, e.g. "Learning Lounge" (the fourth part of a Sched venue). */
  area?: string
  /** The venue text as the source gave it. */
  raw: string
}

/** The kinds of link frab/pretalx name (their `Reference.type`): "media" is a recording, "slides" the slides. */
export const LINK_TYPES = ['slides', 'paper', 'web', 'blog', 'article', 'media', 'related', 'activitypub'] as const
export type LinkType = (typeof LINK_TYPES)[number]

/** A link from the source. Untrusted text, checked on import: the url is always an absolute http(s) address. */
export interface SessionLink {
  url: string
  /** Plain text (show it escaped); absent when the source gave none. */
  title?: string
  type?: LinkType
}

export interface Session {
  id: SessionId
  title: string
  start: Instant
  end: Instant
  /** The venue-local day the session starts on. */
  day: VenueDay
  /** Sched "Type" (e.g. "AI + ML", "🚨 CONTRIBFEST"); frab track/type. Empty string when unknown. */
  type: string
  description: string
  speakers: Speaker[]
  /** The whole speakers text as the source gave it; empty when there were none. */
  speakersRaw: string
  venue: Venue
  // Since schemaVersion 2, from frab/pretalx only, each absent when the source has nothing there (and in every
  // version-1 snapshot or row stored from one).
  /** Also the first paragraph of `description`, which reads as it did in version 1. */
  subtitle?: string
  /** Also in `description`, after the subtitle (unless the long description already opens with it). */
  abstract?: string
  /** A BCP 47 tag in its usual case: "en", "de-CH", "zh-Hant". */
  language?: string
  /** True: the talk will not be recorded; false: it may be. Absent: the source does not say. */
  doNotRecord?: boolean
  /** The session's page at the source (http or https). */
  url?: string
  /** Where to give feedback (http or https). */
  feedbackUrl?: string
  links?: SessionLink[]
  attachments?: SessionLink[]
}

export interface EventInfo {
  id: EventId
  title: string
  /** IANA zone of the venue, e.g. "America/New_York". */
  timeZone: string
  /** Venue-local days with sessions, ascending. */
  days: VenueDay[]
}

/**
 * Version 2 added the optional Session fields from subtitle on and Speaker.id. parseSnapshot also reads version 1
 * (SNAPSHOT_SCHEMA_VERSIONS), which lacks them, as version 2.
 */
export const SNAPSHOT_SCHEMA_VERSION = 2 as const
export const SNAPSHOT_SCHEMA_VERSIONS: readonly number[] = [1, SNAPSHOT_SCHEMA_VERSION]

/**
 * sessions: the most one event may have, in a file the app opens, `npm run import` or a snapshot. The largest real
 * export known holds about 900; 200,000 tiny ones froze the page for 7 s and took 316 MB, and fit in a 16 MB file.
 */
export const MAX_SESSIONS = 20_000

/** Characters: the longest event id (it names the snapshot file and scopes stored stars). */
export const MAX_EVENT_ID_LENGTH = 64

export interface Snapshot {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION
  event: EventInfo
  /** Hash of `event` + `sessions`: a different hash means different content. */
  contentHash: string
  /** Where the snapshot came from, e.g. "sched-text:kubecon-na-2025-thursday.sched.txt". */
  source: string
  /** Sorted by start, then room, then title. */
  sessions: Session[]
}
