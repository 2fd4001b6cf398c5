// Who speaks at an event: a stable id per person, and the A–Z list of speakers with their sessions, searchable.
// Pure; the speakers page, speaker links and filters build on it.
//
// Ids are stable across re-imports. A source that names its people (frab/pretalx `code`, `id`, `guid`) gives the
// speaker that id, stored in the snapshot (Speaker.id): a respelled name keeps the speaker's page. Otherwise (Sched,
// bare names) the id is made from the name when read (speakerId.ts), normalised as search normalises it, so the
// affiliation that comes with it does not matter. A Sched segment that could not be split with certainty is one
// "speaker" under its raw text (see speakers.ts): never taken apart into people it might not be.
import type { Session, SessionId, SpeakerId } from './model'
import { normalizeText, queryTerms } from './search'
import { speakerIdOf } from './speakerId'
import { isSourceSpeakerId } from './sessionExtras'

/** The fields of a source person an id can come from, most stable first (see sourceSpeakerId). */
export const PERSON_ID_FIELDS = ['code', 'id', 'guid'] as const
export type PersonIdField = (typeof PERSON_ID_FIELDS)[number]

const PERSON_ID_PREFIX: Record<PersonIdField, string> = { code: 'c', id: 'i', guid: 'g' }

export interface SpeakerEntry {
  id: SpeakerId
  /** The spelling the sessions use most (the first of equals). */
  name: string
  /** The affiliation listed most often, the fullest of equals (role and company over company alone); when known. */
  company?: string
  role?: string
  /** Their sessions, in the order of the sessions given, each once. */
  sessionIds: SessionId[]
  /** Every spelling of the name and affiliation, normalised as search.ts does: what searchSpeakers matches. */
  searchText: string
}

/**
 * A speaker id from a source person's `field`. The order of PERSON_ID_FIELDS is the order of trust: `code` is
 * pretalx's public speaker id (the one in its speaker URLs), `id` is what frab requires of every person, and `guid`
 * is the format's newer field; taking the older ones first keeps ids when an exporter starts writing guids.
 * Undefined when the value can't be one (not a whole number or a plain string, or odd characters).
 */
export function sourceSpeakerId(field: PersonIdField, value: unknown): SpeakerId | undefined {
  let text: string
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) return undefined
    text = String(value)
  } else if (typeof value === 'string') {
    // UUIDs compare case-insensitively (as session guids do in ids.ts).
    text = field === 'guid' ? value.trim().toLowerCase() : value.trim()
  } else {
    return undefined
  }
  const id = `${PERSON_ID_PREFIX[field]}-${text}`
  return isSourceSpeakerId(id) ? id : undefined
}

interface Affiliation {
  company?: string
  role?: string
  count: number
}

interface Gathered {
  names: Map<string, number>
  affiliations: Map<string, Affiliation>
  sessionIds: SessionId[]
}

function mostListed<T>(items: Iterable<[T, number]>, better: (a: T, b: T) => boolean = () => false): T | undefined {
  let best: [T, number] | undefined
  for (const item of items) if (!best || item[1] > best[1] || (item[1] === best[1] && better(item[0], best[0]))) best = item
  return best?.[0]
}

const parts = (a: Affiliation) => (a.company !== undefined ? 1 : 0) + (a.role !== undefined ? 1 : 0)

// Names A–Z the way people read them: accents and case do not change the order.
const byName = new Intl.Collator('en', { sensitivity: 'base' })

/** Every speaker of `sessions`, A–Z by name (then id). */
export function speakerIndex(sessions: readonly Pick<Session, 'id' | 'speakers'>[]): SpeakerEntry[] {
  const gathered = new Map<SpeakerId, Gathered>()
  for (const session of sessions) {
    for (const speaker of session.speakers) {
      const id = speakerIdOf(speaker)
      let g = gathered.get(id)
      if (!g) {
        g = { names: new Map(), affiliations: new Map(), sessionIds: [] }
        gathered.set(id, g)
      }
      g.names.set(speaker.name, (g.names.get(speaker.name) ?? 0) + 1)
      if (speaker.company !== undefined || speaker.role !== undefined) {
        const key = JSON.stringify([speaker.company, speaker.role])
        const a = g.affiliations.get(key) ?? { company: speaker.company, role: speaker.role, count: 0 }
        a.count++
        g.affiliations.set(key, a)
      }
      if (!g.sessionIds.includes(session.id)) g.sessionIds.push(session.id)
    }
  }
  const entries: SpeakerEntry[] = []
  for (const [id, g] of gathered) {
    const affiliation = mostListed(
      [...g.affiliations.values()].map((a): [Affiliation, number] => [a, a.count]),
      (a, b) => parts(a) > parts(b),
    )
    const texts = [...g.names.keys(), ...[...g.affiliations.values()].flatMap((a) => [a.role ?? '', a.company ?? ''])]
    const entry: SpeakerEntry = {
      id,
      name: mostListed(g.names)!,
      sessionIds: g.sessionIds,
      searchText: normalizeText([...new Set(texts)].join(' ')),
    }
    if (affiliation?.company !== undefined) entry.company = affiliation.company
    if (affiliation?.role !== undefined) entry.role = affiliation.role
    entries.push(entry)
  }
  return entries.sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The entries whose name, role or company hold every word of `query` (accents and case aside); all for an empty one. */
export function searchSpeakers(index: readonly SpeakerEntry[], query: string): SpeakerEntry[] {
  const terms = queryTerms(query)
  if (terms.length === 0) return [...index]
  return index.filter((e) => terms.every((t) => e.searchText.includes(t)))
}
