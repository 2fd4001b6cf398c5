// Turns a pasted must-watch list (a blog's bullets, a chat message, an e-mail) into sessions of one schedule.
//
// A line matches by its *title*, never by a speaker alone: recaps cover a whole week while a schedule may hold one
// day, and the same speaker often gives two talks. So:
// - a line that contains a whole title (as words, whatever the dashes, quotes, case and punctuation) is a candidate
//   for that session; a longer title found in the line beats a shorter one inside it;
// - a line holding several whole titles ("X and Y at 11") means each of them;
// - failing that, a line whose title part is the start of a title (a title cut short, "…" or not) is a candidate,
//   if it is long enough to mean something;
// - a speaker or company in the rest of the line only confirms or separates candidates. One candidate is a sure
//   match unless the line names someone else after a dash; several are offered to choose from (never guessed);
// - a line naming a speaker of this schedule but no title of theirs says so as a hint, with no candidate.
// Pure: no DOM. 100 lines against 10,000 sessions stay well under a frame per line (see benchmarkListMatch).
import type { Session, SessionId } from './model'
import { normalizeText } from './search'
import { SHARE_FRAGMENT_PARAM } from './shareCodec'
import { compareSessions } from './snapshotBuild'

export type ListLineResult =
  /** One session, and nothing on the line that speaks against it. */
  | { kind: 'sure'; line: string; session: Session }
  /** More than one session could be meant, or the line names other speakers: the user picks one or none. */
  | { kind: 'choose'; line: string; candidates: Session[]; why: ChooseReason }
  /** Not in this schedule. `speakerSessions`: sessions of a speaker the line names, as a hint only. */
  | { kind: 'none'; line: string; speakerSessions: Session[]; speakerName?: string }
  /** A Hallway share link: open it as a shared plan rather than match it. */
  | { kind: 'share-link'; line: string; url: string }

export type ChooseReason = 'same-title' | 'several-titles' | 'other-speakers'

export interface ListMatcher {
  match(text: string): ListLineResult[]
}

/** A title cut short must keep at least this many words, and this share of the title's letters, to be a candidate. */
const CUT_MIN_WORDS = 3
const CUT_MIN_SHARE = 0.4
/** A one-word title ("Lunch", "Keynotes") matches only a line that is just that word: in a sentence it means little. */
const CONTAINED_MIN_WORDS = 2
/** Candidates offered for one line at most; more means the line says too little to pick from. */
export const MAX_CANDIDATES = 8
/** Lines read from one paste at most; a list longer than this is not a must-watch list. */
export const MAX_LIST_LINES = 500
/** Characters read per line at most (a pasted paragraph is cut, not choked on). */
const MAX_LINE_CHARS = 600

// A Hallway share link: any URL whose fragment carries a plan (`#p=`), as shareUrl writes it.
const SHARE_LINK = new RegExp(`https?://\\S+#${SHARE_FRAGMENT_PARAM}=[\\w-]+`)
// Leading bullets and numbering: "- ", "* ", "• ", "1. ", "2) ", "[ ] ", "> " (a quoted chat line).
const BULLET = /^(?:[-*•·‣◦▪►>+]|\d{1,3}[.)]|\[[ xX]?\])\s+/u
// Separators between a title and who gives it: spaced dashes, a pipe, or " by ".
const SEPARATOR = /\s[-–—|]\s|\s[-–—]{2}\s|\sby\s/giu

interface TitleEntry {
  /** Normalised words joined by single spaces, with a space at both ends for whole-word search. */
  padded: string
  words: number
  letters: number
  sessions: Session[]
}

interface SpeakerEntry {
  padded: string
  name: string
  sessions: Session[]
}

/** The first Hallway share link in `text` (a whole URL whose fragment carries a plan), if any. */
export function findShareLink(text: string): string | undefined {
  return SHARE_LINK.exec(text.slice(0, MAX_LIST_LINES * MAX_LINE_CHARS))?.[0]
}

/** Lowercase words of letters and digits only: every dash, quote, slash and stop is a word break. */
export function matchWords(text: string): string {
  return normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const padded = (words: string) => ` ${words} `

export function createListMatcher(sessions: readonly Session[]): ListMatcher {
  const titles = new Map<string, TitleEntry>()
  const speakers = new Map<string, SpeakerEntry>()
  // For each session, the words naming who gives it (names and companies), to confirm a candidate.
  const whoWords = new Map<SessionId, Set<string>>()

  for (const s of sessions) {
    const words = matchWords(s.title)
    if (words === '') continue
    const key = padded(words)
    const entry = titles.get(key)
    if (entry) entry.sessions.push(s)
    else titles.set(key, { padded: key, words: words.split(' ').length, letters: words.replace(/ /g, '').length, sessions: [s] })

    const who = new Set<string>()
    for (const sp of s.speakers) {
      for (const part of [sp.name, sp.company ?? '']) {
        for (const w of matchWords(part).split(' ')) if (w.length > 1) who.add(w)
      }
      const name = matchWords(sp.name)
      // A name of one word ("Kelsey") would hint at every line with that word in it.
      if (name.includes(' ')) {
        const sk = padded(name)
        const se = speakers.get(sk)
        if (se) se.sessions.push(s)
        else speakers.set(sk, { padded: sk, name: sp.name, sessions: [s] })
      }
    }
    whoWords.set(s.id, who)
  }
  const titleList = [...titles.values()]
  const speakerList = [...speakers.values()]

  function confirmed(candidates: readonly Session[], rest: string): Session[] {
    const restWords = rest.split(' ').filter((w) => w.length > 1)
    return candidates.filter((s) => {
      const who = whoWords.get(s.id)
      return who !== undefined && restWords.some((w) => who.has(w))
    })
  }

  function matchLine(raw: string): ListLineResult[] {
    const line = raw.slice(0, MAX_LINE_CHARS).trim()
    const share = SHARE_LINK.exec(line)
    if (share) return [{ kind: 'share-link', line, url: share[0] }]
    const body = line.replace(BULLET, '').trim()
    const words = matchWords(body)
    if (words === '') return []
    const lineKey = padded(words)

    // 1. Whole titles inside the line; a title inside a longer found title is that longer title's words.
    let found = titleList.filter(
      (t) => (t.words >= CONTAINED_MIN_WORDS || t.padded === lineKey) && lineKey.includes(t.padded),
    )
    if (found.length > 1) found = found.filter((t) => !found.some((o) => o !== t && o.padded.includes(t.padded)))
    if (found.length > 1) {
      // Several titles side by side: each is meant, and what is left after all of them names who gives them.
      let rest = lineKey
      for (const t of found) rest = rest.replace(t.padded, ' ')
      return found.map((t) => judge(line, [t], rest.trim()))
    }
    if (found.length === 1) {
      const [title] = found as [TitleEntry]
      return [judge(line, found, lineKey.replace(title.padded, ' ').trim(), whoAfterTitle(body, title.padded))]
    }

    // 2. A title cut short: the line up to a separator (or all of it) is how a title begins.
    for (const head of titleHeads(body)) {
      const headWords = matchWords(head.replace(/(?:\.{3}|…)\s*$/u, ''))
      const n = headWords === '' ? 0 : headWords.split(' ').length
      if (n < CUT_MIN_WORDS) continue
      const headLetters = headWords.replace(/ /g, '').length
      const prefix = ` ${headWords} `.trimEnd()
      const cut = titleList.filter((t) => t.padded.startsWith(prefix) && headLetters >= t.letters * CUT_MIN_SHARE)
      if (cut.length > 0) {
        const rest = matchWords(body.slice(head.length))
        return [judge(line, cut, rest, rest)]
      }
    }
    return [noMatch(line, lineKey)]
  }

  /**
   * The verdict on the titles a line (or part of it) matched. `rest`: the line's words outside the title; `who`:
   * what follows the title after a separator ("– Dipti Pai, Microsoft"), which names who gives the talk.
   */
  function judge(line: string, found: readonly TitleEntry[], rest: string, who = ''): ListLineResult {
    const candidates = found.flatMap((t) => t.sessions).sort(compareSessions)
    if (candidates.length === 1) {
      const [only] = candidates as [Session]
      // "Title – Someone Else": the line is about another talk of the same name (another day, another event).
      if (only.speakers.length > 0 && namesSomeone(who) && confirmed(candidates, who).length === 0) {
        return { kind: 'choose', line, candidates, why: 'other-speakers' }
      }
      return { kind: 'sure', line, session: only }
    }
    const sure = confirmed(candidates, rest)
    // The speaker tells sessions apart only when they are given by different people (a repeated workshop isn't).
    if (sure.length === 1 && (found.length > 1 || sessionsDifferInWho(candidates))) {
      return { kind: 'sure', line, session: sure[0]! }
    }
    const pool = sure.length > 1 ? sure : candidates
    return {
      kind: 'choose',
      line,
      candidates: pool.slice(0, MAX_CANDIDATES),
      why: found.length > 1 ? 'several-titles' : 'same-title',
    }
  }

  function noMatch(line: string, lineKey: string): ListLineResult {
    const speaker = speakerList.find((s) => lineKey.includes(s.padded))
    return speaker
      ? { kind: 'none', line, speakerSessions: [...speaker.sessions].sort(compareSessions), speakerName: speaker.name }
      : { kind: 'none', line, speakerSessions: [] }
  }

  return {
    match(text: string): ListLineResult[] {
      const out: ListLineResult[] = []
      for (const raw of text.split(/\r\n|\r|\n/).slice(0, MAX_LIST_LINES)) out.push(...matchLine(raw))
      return out
    },
  }
}

/** The parts of a line that could be a whole title: up to each separator, longest first, then the whole line. */
function titleHeads(body: string): string[] {
  const heads: string[] = []
  for (const m of body.matchAll(SEPARATOR)) heads.push(body.slice(0, m.index))
  heads.reverse()
  heads.unshift(body)
  return heads.map((h) => h.trim()).filter((h) => h !== '')
}

/**
 * The words after the line's last separator, when they are not part of the title: "– Stefan Prodan, ControlPlane".
 * Words after a title with no separator ("… at 11, room fills early!") are chat, not a speaker.
 */
function whoAfterTitle(body: string, titlePadded: string): string {
  const separators = [...body.matchAll(SEPARATOR)]
  const last = separators[separators.length - 1]
  if (!last) return ''
  const tail = matchWords(body.slice(last.index + last[0].length))
  return tail === '' || titlePadded.includes(padded(tail)) || padded(tail).includes(titlePadded) ? '' : tail
}

/** Words that can name people: at least two of letters (a first and a last name, or a name and a company). */
function namesSomeone(words: string): boolean {
  return words.split(' ').filter((w) => /^\p{L}{2,}$/u.test(w)).length >= 2
}

/** Sessions of one title given by different people (then the speaker can tell them apart). */
function sessionsDifferInWho(sessions: readonly Session[]): boolean {
  return new Set(sessions.map((s) => matchWords(s.speakersRaw))).size > 1
}
