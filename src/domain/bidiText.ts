// Schedule text is untrusted, and one unclosed RIGHT-TO-LEFT OVERRIDE (U+202E) in a title reverses every word after
// it on the line: "(10:15 – 10:45 AM UTC)" would read "(CTU MA 54:01 – 51:01)". The UI renders schedule text isolated
// (`<bdi>`, `dir="auto"`); this is for where only a string will do: aria-labels, document.title, toasts, confirm
// text, <option>s, and the sentences the domain composes (a clash's "Overlaps with …").

/** Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI), as a regex class body. */
export const BIDI_FORMATTING_CHARS = '\u202A-\u202E\u2066-\u2069'
/** ARABIC LETTER MARK, LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK, as a regex class body. */
export const BIDI_MARKS = '\u061C\u200E\u200F'

const FORMATTING_RE = new RegExp(`[${BIDI_FORMATTING_CHARS}]`, 'g')
// Where Unicode puts right-to-left letters and Arabic digits (bidi classes R, AL, AN; unassigned code points in these
// blocks default to them too): Hebrew to Arabic Extended-A, the Hebrew and Arabic presentation forms, and the
// historic right-to-left scripts of the SMP. RLM and ALM count: they are strong right-to-left characters.
const RIGHT_TO_LEFT_RE = /[\u0590-\u08FF\u200F\u061C\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u

const FIRST_STRONG_ISOLATE = '\u2068'
const POP_DIRECTIONAL_ISOLATE = '\u2069'

/** `text` without bidi embeddings, overrides and isolates; marks and everything else stay. */
export function stripBidiControls(text: string): string {
  return text.replace(FORMATTING_RE, '')
}

/**
 * Schedule text made safe to put inside the app's own words in one string: its bidi embeddings, overrides and isolates
 * removed (so nothing in it stays open, and no PDI in it can close the isolate early), then, when it has right-to-left
 * characters, wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so it reads in its own direction as one unit.
 * Text with no right-to-left character left cannot reorder anything around it, so it comes back without the two
 * invisible characters: labels and messages of ordinary schedules stay exactly as they were.
 */
export function isolateText(text: string): string {
  const clean = stripBidiControls(text)
  return RIGHT_TO_LEFT_RE.test(clean) ? `${FIRST_STRONG_ISOLATE}${clean}${POP_DIRECTIONAL_ISOLATE}` : clean
}
