// frab XML (`schedule.xml`, the export of frab, pretalx and Pentabarf that Giggity and EventFahrplan read) → the frab
// JSON form frabParser.ts reads, so both go through the same checks, IDs and mapping decisions. The XML is parsed by
// whoever calls: the browser's DOMParser in the app, @xmldom/xmldom in the CLI. This module only walks the Document
// through the few DOM members both have, so it stays pure. Problems name the element, and its line when the parser
// records one (xmldom does; the browser does not).
//
// Mapping (the XSD is voc/schedule's validator/xsd/schedule.xml.xsd): <conference> gives acronym, title,
// time_zone_name and base_url; each <day date start> with its <room name> lists <event guid id> whose child elements
// carry the JSON fields of the same names. <persons><person id guid>Name</person> become persons; <links><link
// href type>Title</link> and <attachments> become links; <recording><optout>true</optout> is do_not_record. An empty
// element (<subtitle/>) is the field left out.
import { DOCUMENT_PATH, type FrabImportProblem } from './frabParser'
import { SourceLocator } from './sourceLocator'

/** The DOM members read here: both the browser's Document and xmldom's have them. */
export interface XmlNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly textContent: string | null
  readonly childNodes: ArrayLike<XmlNode>
  /** xmldom's source position; the browser has none. */
  readonly lineNumber?: number
}

export interface XmlElement extends XmlNode {
  getAttribute(name: string): string | null
}

export interface XmlDocument {
  readonly documentElement: XmlElement | null
  getElementsByTagName(name: string): ArrayLike<XmlElement>
}

/** Parses XML text into a Document, or throws (xmldom) or returns one holding a <parsererror> (browsers). */
export type XmlParser = (text: string) => XmlDocument

export type XmlConversion =
  | { ok: true; json: unknown; locate: (path: string) => string }
  | { ok: false; problems: FrabImportProblem[] }

const ELEMENT_NODE = 1
/** Event fields copied as text: what frabParser reads under the same names. */
const TEXT_FIELDS = [
  'date', 'start', 'duration', 'end', 'room', 'title', 'subtitle', 'track', 'type', 'language', 'abstract', 'description',
  'url', 'feedback_url',
] as const
/** characters of a parser's message kept: enough for the line, column and reason, not a page of context. */
const MAX_PARSER_MESSAGE = 300

function isElement(node: XmlNode): node is XmlElement {
  return node.nodeType === ELEMENT_NODE
}

function children(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = []
  for (let i = 0; i < el.childNodes.length; i++) {
    const node = el.childNodes[i]!
    if (isElement(node) && (name === undefined || node.nodeName === name)) out.push(node)
  }
  return out
}

function text(el: XmlElement): string {
  return el.textContent ?? ''
}

/** `place (line N)` when the parser knows the element's line. */
function at(place: string, el: XmlNode): string {
  return el.lineNumber !== undefined ? `${place} (line ${el.lineNumber})` : place
}

/** Parses `source` with `parseXml` and turns the frab schedule in it into frab JSON; never throws. */
export function frabXmlToJson(source: string, parseXml: XmlParser): XmlConversion {
  let doc: XmlDocument
  try {
    doc = parseXml(source)
  } catch (err) {
    return notWellFormed(err instanceof Error ? err.message : String(err))
  }
  const error = doc.getElementsByTagName('parsererror')[0]
  if (error) return notWellFormed(text(error))
  const root = doc.documentElement
  if (!root) return notWellFormed('no root element')
  if (root.nodeName !== 'schedule') {
    return {
      ok: false,
      problems: [{ path: DOCUMENT_PATH, message: `this is an XML file, but not a frab schedule: its root element is <${root.nodeName}>, not <schedule>` }],
    }
  }
  return { ok: true, ...convert(root) }
}

function notWellFormed(parserMessage: string): XmlConversion {
  const message = parserMessage.replace(/\s+/g, ' ').trim().slice(0, MAX_PARSER_MESSAGE)
  return { ok: false, problems: [{ path: DOCUMENT_PATH, message: `this looks like an XML file, but it is not well-formed XML (${message})` }] }
}

function convert(root: XmlElement): { json: unknown; locate: (path: string) => string } {
  const where = new SourceLocator()
  const C = 'schedule.conference'
  const conference: Record<string, unknown> = {}
  const schedule: Record<string, unknown> = { conference }
  const conf = children(root, 'conference')[0]
  where.set(C, at('schedule/conference', conf ?? root))
  if (conf) {
    for (const el of children(conf)) {
      const name = el.nodeName
      if (name === 'acronym' || name === 'title' || name === 'time_zone_name') conference[name] = text(el).trim() || undefined
      else if (name === 'base_url') schedule.base_url = text(el).trim() || undefined
      else continue
      where.set(name === 'base_url' ? 'schedule.base_url' : `${C}.${name}`, at(`schedule/conference/${name}`, el))
    }
  }
  const days: unknown[] = []
  conference.days = days
  where.set(`${C}.days`, 'schedule/day')
  children(root, 'day').forEach((dayEl, di) => {
    const dayPath = `${C}.days[${di}]`
    const dayPlace = `schedule/day[${di + 1}]`
    where.set(dayPath, at(dayPlace, dayEl))
    where.set(`${dayPath}.date`, at(`${dayPlace}/@date`, dayEl))
    const rooms: Record<string, unknown[]> = {}
    days.push({ date: dayEl.getAttribute('date') ?? undefined, day_start: dayEl.getAttribute('start') ?? undefined, rooms })
    for (const roomEl of children(dayEl, 'room')) {
      const roomName = roomEl.getAttribute('name') ?? ''
      // Two <room> elements of one name on a day are one room: their events continue its list.
      const list = (rooms[roomName] ??= [])
      const roomPlace = `${dayPlace}/room[@name=${JSON.stringify(roomName)}]`
      children(roomEl, 'event').forEach((eventEl, ei) => {
        const path = `${dayPath}.rooms[${JSON.stringify(roomName)}][${list.length}]`
        list.push(convertEvent(eventEl, path, `${roomPlace}/event[${ei + 1}]`, where))
      })
    }
  })
  return { json: { schedule }, locate: where.locate }
}

function convertEvent(el: XmlElement, path: string, place: string, where: SourceLocator): Record<string, unknown> {
  where.set(path, at(place, el))
  const event: Record<string, unknown> = {}
  for (const attr of ['guid', 'id'] as const) {
    const v = el.getAttribute(attr)
    if (v !== null) {
      event[attr] = v
      where.set(`${path}.${attr}`, at(`${place}/@${attr}`, el))
    }
  }
  for (const child of children(el)) {
    const name = child.nodeName
    const childPlace = at(`${place}/${name}`, child)
    if ((TEXT_FIELDS as readonly string[]).includes(name)) {
      const value = text(child)
      if (value.trim() !== '') event[name] = value
      where.set(`${path}.${name}`, childPlace)
    } else if (name === 'persons') {
      event.persons = children(child, 'person').map((p, i) => {
        where.set(`${path}.persons[${i}]`, at(`${place}/persons/person[${i + 1}]`, p))
        const person: Record<string, unknown> = { public_name: text(p) }
        for (const attr of ['id', 'guid'] as const) {
          const v = p.getAttribute(attr)
          if (v !== null && v.trim() !== '') person[attr] = /^\d+$/.test(v.trim()) ? Number(v) : v
        }
        return person
      })
    } else if (name === 'links' || name === 'attachments') {
      const itemName = name === 'links' ? 'link' : 'attachment'
      event[name] = children(child, itemName).map((item, i) => {
        const itemPlace = `${place}/${name}/${itemName}[${i + 1}]`
        where.set(`${path}.${name}[${i}]`, at(itemPlace, item))
        where.set(`${path}.${name}[${i}].url`, at(`${itemPlace}/@href`, item))
        const link: Record<string, unknown> = { url: item.getAttribute('href') ?? undefined }
        const title = text(item).trim()
        if (title !== '') link.title = title
        const type = item.getAttribute('type')?.trim().toLowerCase()
        if (type) link.type = type
        return link
      })
    } else if (name === 'recording') {
      const optout = children(child, 'optout')[0]
      if (optout) {
        const v = text(optout).trim()
        event.do_not_record = v === 'true' ? true : v === 'false' ? false : v
        where.set(`${path}.do_not_record`, at(`${place}/recording/optout`, optout))
      }
    }
  }
  return event
}
