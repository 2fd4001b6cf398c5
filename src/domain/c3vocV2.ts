// c3voc "schedule v2" (the hub format: a top-level `schedule.events` array, schema voc/schedule
// validator/json/schema2.json) → the frab JSON form frabParser.ts reads, so it goes through the same checks, IDs and
// mapping decisions. Problems and warnings name the v2 path (`schedule.events[3].start`).
//
// Mapping: `start` and `end` are the frab `date` and `end`; `room` is a reference ({name} or {guid} of
// conference.rooms); `track` a reference ({slug}, {guid} or {name} of conference.tracks), whose name is the type;
// `type` (TALK, LIGHTNING_TALK…) reads "Talk", "Lightning talk"; abstract and description may be one text per
// language ({"en": …}): the conference's default language, else English, else the first. Participants are the speakers
// (those with role SPEAKER or MODERATOR, or no role; a CONTRIBUTOR is not one). A FEEDBACK link is the feedback_url and
// an ORIGIN link the talk page when `url` is missing; other link types are lowercased. Events whose `state` says they
// will not happen (CANCELED, WITHDRAWN, REJECTED, DELETED) are left out with a warning.
import { SourceLocator } from './sourceLocator'

type Json = Record<string, unknown>

const NOT_HAPPENING = new Set(['CANCELED', 'CANCELLED', 'WITHDRAWN', 'REJECTED', 'DELETED'])
const SPEAKER_ROLES = new Set(['SPEAKER', 'MODERATOR'])

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** True when `json` is a c3voc schedule v2: `schedule.events` is an array (a frab export nests events in days). */
export function looksLikeC3vocV2(json: unknown): boolean {
  return isObject(json) && isObject(json.schedule) && Array.isArray(json.schedule.events)
}

export interface V2Conversion {
  json: unknown
  locate: (path: string) => string
  warnings: string[]
}

/** The frab JSON form of a v2 schedule (see looksLikeC3vocV2), for frabParser; shapes it can't use are left to it. */
export function c3vocV2ToFrab(json: Json & { schedule: Json & { events: unknown[] } }): V2Conversion {
  const where = new SourceLocator()
  const warnings: string[] = []
  const source = json.schedule
  const conf = isObject(source.conference) ? source.conference : {}
  const defaults = isObject(conf.defaults) ? conf.defaults : {}
  const language = typeof defaults.language === 'string' ? defaults.language : 'en'
  const tracks = Array.isArray(conf.tracks) ? conf.tracks.filter(isObject) : []
  const roomList = Array.isArray(conf.rooms) ? conf.rooms.filter(isObject) : []

  const C = 'schedule.conference'
  const rooms: Record<string, unknown[]> = {}
  const conference: Json = {
    acronym: conf.acronym,
    title: conf.title,
    time_zone_name: conf.time_zone_name,
    // One day holds every event: each carries its own `start`, so frab's day grouping adds nothing.
    days: [{ rooms }],
  }
  for (const field of ['acronym', 'title', 'time_zone_name']) where.set(`${C}.${field}`, `${C}.${field}`)
  where.set(`${C}.days`, 'schedule.events')
  where.set(`${C}.days[0]`, 'schedule.events')

  let dropped = 0
  let firstDropped = ''
  source.events.forEach((item, i) => {
    const place = `schedule.events[${i}]`
    if (!isObject(item)) {
      // Left as it is, so frabParser reports its shape at this place.
      const list = (rooms[''] ??= [])
      where.set(`${C}.days[0].rooms[""][${list.length}]`, place)
      list.push(item)
      return
    }
    if (typeof item.state === 'string' && NOT_HAPPENING.has(item.state.toUpperCase())) {
      if (dropped++ === 0) firstDropped = `${place}.state: "${item.state}"; the event is left out`
      return
    }
    const room = referenceName(item.room, roomList)
    const list = (rooms[room] ??= [])
    const path = `${C}.days[0].rooms[${JSON.stringify(room)}][${list.length}]`
    where.set(path, place)
    for (const [to, from] of [['date', 'start'], ['end', 'end'], ['duration', 'duration'], ['title', 'title'], ['subtitle', 'subtitle'],
      ['guid', 'guid'], ['id', 'code'], ['url', 'url'], ['language', 'language'], ['abstract', 'abstract'], ['description', 'description'],
      ['persons', 'participants'], ['links', 'links'], ['attachments', 'attachments'], ['track', 'track'], ['type', 'type']] as const) {
      where.set(`${path}.${to}`, `${place}.${from}`)
    }
    list.push(convertEvent(item, tracks, language))
  })
  if (dropped > 0) warnings.push(`${firstDropped}${dropped > 1 ? ` (and ${dropped - 1} more like it)` : ''}`)
  return { json: { schedule: { base_url: source.base_url, conference } }, locate: where.locate, warnings }
}

function convertEvent(e: Json, tracks: readonly Json[], language: string): Json {
  const links = Array.isArray(e.links) ? e.links : undefined
  const event: Json = {
    guid: e.guid,
    date: e.start,
    end: e.end,
    duration: e.end === undefined || e.end === null ? e.duration : undefined,
    title: e.title,
    subtitle: e.subtitle,
    track: referenceName(e.track, tracks),
    type: typeof e.type === 'string' ? typeWords(e.type) : e.type,
    language: e.language,
    abstract: localized(e.abstract, language),
    description: localized(e.description, language),
    url: e.url,
    persons: Array.isArray(e.participants) ? e.participants.filter(isSpeaker).map(person) : e.participants,
    links: links?.filter((l) => !isObject(l) || !isSpecialLink(l)).map(link),
    attachments: Array.isArray(e.attachments) ? e.attachments.map(link) : e.attachments,
  }
  // `code` is the short id pretalx gives a talk; a guid, when there is one, comes first anyway (see frabParser).
  if (e.guid === undefined && e.code !== undefined) event.id = e.code
  const feedback = links?.find((l) => isObject(l) && l.type === 'FEEDBACK')
  if (isObject(feedback)) event.feedback_url = feedback.url
  const origin = links?.find((l) => isObject(l) && l.type === 'ORIGIN')
  if (isObject(origin) && (e.url === undefined || e.url === null)) event.url = origin.url
  return event
}

function isSpecialLink(l: Json): boolean {
  return l.type === 'FEEDBACK' || l.type === 'ORIGIN'
}

function isSpeaker(p: unknown): boolean {
  return !isObject(p) || p.role === undefined || p.role === null || (typeof p.role === 'string' && SPEAKER_ROLES.has(p.role))
}

function person(p: unknown): unknown {
  return isObject(p) ? { public_name: p.name, guid: p.guid } : p
}

function link(l: unknown): unknown {
  if (!isObject(l)) return l
  return { url: l.url, title: l.title, type: typeof l.type === 'string' ? l.type.toLowerCase() : l.type }
}

/** A room or track reference's name: its own, else the listed one of the same guid or slug. */
function referenceName(ref: unknown, listed: readonly Json[]): string {
  if (typeof ref === 'string') return ref
  if (!isObject(ref)) return ''
  if (typeof ref.name === 'string' && ref.name.trim() !== '') return ref.name
  const match = listed.find((t) => (ref.guid !== undefined && t.guid === ref.guid) || (ref.slug !== undefined && t.slug === ref.slug))
  return match && typeof match.name === 'string' ? match.name : ''
}

/** "LIGHTNING_TALK" → "Lightning talk". */
function typeWords(type: string): string {
  const words = type.replace(/[_-]+/g, ' ').trim().toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A LocalizableString's text: the conference's language, else English, else the first given. */
function localized(v: unknown, language: string): unknown {
  if (!isObject(v)) return v
  const texts = Object.values(v).filter((t): t is string => typeof t === 'string')
  const pick = v[language] ?? v.en ?? texts[0]
  return typeof pick === 'string' ? pick : undefined
}
