// The checks on the untrusted extras a frab/pretalx session carries (addresses, link titles, language tags): one
// definition for the importer, which leaves out what fails them, and for parseSnapshot, which refuses it.
import { LINK_TYPES, type LinkType, type SpeakerId } from './model'

const MAX_URL_LENGTH = 2048 // characters: the longest address every browser and server handles
const MAX_LANGUAGE_LENGTH = 35 // characters: language-extlang-script-region-variant, the longest common BCP 47 tag
// A primary language of 2–3 letters, then subtags of 1–8 letters or digits. pretalx writes "en"; "pt_BR" (POSIX
// style) is common enough to accept. Anything else ("English", "en; …") is not a tag.
const LANGUAGE_TAG_RE = /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i
const CONTROL_CHARS = /[\p{Cc}\p{Cf}]/gu
// A person's code (c-), id (i-) or guid (g-) from the source. It goes into URLs (/speaker/:id) as it is, so only
// plain characters; 64 holds any UUID or number.
const SOURCE_SPEAKER_ID_RE = /^[cig]-[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export type HttpUrlCheck =
  | { ok: true; url: string }
  /** not-http: another scheme (javascript:, data:…) or not an address at all; relative: no base to resolve it on. */
  | { ok: false; why: 'not-http' | 'credentials' | 'relative' }

/**
 * `text` as an absolute http(s) address (the parsed, normalised href, so what is stored is what was checked). A
 * relative one is resolved on `base` when given. An address with a user name or password is refused: it is how a
 * link that reads "https://conference.example@…" goes somewhere else.
 */
export function checkHttpUrl(text: string, base?: string): HttpUrlCheck {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.length > MAX_URL_LENGTH) return { ok: false, why: 'not-http' }
  let url = parseUrl(trimmed)
  if (url === undefined) {
    if (base === undefined) return { ok: false, why: 'relative' }
    url = parseUrl(trimmed, base)
    if (url === undefined) return { ok: false, why: 'not-http' }
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return { ok: false, why: 'not-http' }
  if (url.username !== '' || url.password !== '') return { ok: false, why: 'credentials' }
  return { ok: true, url: url.href }
}

// Not URL.canParse: Safari has it only since 17.
function parseUrl(text: string, base?: string): URL | undefined {
  try {
    return new URL(text, base)
  } catch {
    return undefined
  }
}

/** True for what checkHttpUrl gives back: an absolute http(s) address without credentials, in its normal form. */
export function isHttpUrl(text: string): boolean {
  const check = checkHttpUrl(text)
  return check.ok && check.url === text
}

/** `text` as a language tag in its usual case ("EN" → "en", "pt_br" → "pt-BR"), or undefined when it is none. */
export function languageTag(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed.length > MAX_LANGUAGE_LENGTH || !LANGUAGE_TAG_RE.test(trimmed)) return undefined
  try {
    return Intl.getCanonicalLocales(trimmed.replace(/_/g, '-'))[0]
  } catch {
    // Right characters, wrong structure (e.g. a repeated variant): not a tag.
    return undefined
  }
}

/** The shape languageTag returns, for checking a stored value without depending on the engine's canonical forms. */
export function isLanguageTag(text: string): boolean {
  return text.length <= MAX_LANGUAGE_LENGTH && LANGUAGE_TAG_RE.test(text) && !text.includes('_')
}

export function isLinkType(v: unknown): v is LinkType {
  return typeof v === 'string' && (LINK_TYPES as readonly string[]).includes(v)
}

/** A link title as one line of plain text: control characters gone, whitespace runs one space; '' when nothing is left. */
export function linkTitleText(text: string): string {
  return text.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim()
}

/** What a stored Speaker.id looks like: a source person's id, never one made from a name (those are derived when read). */
export function isSourceSpeakerId(text: string): text is SpeakerId {
  return SOURCE_SPEAKER_ID_RE.test(text)
}
