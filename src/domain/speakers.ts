// Splitting a Sched "Speakers:" line into people. The raw text is always kept; role and company are only
// filled in when the split is certain, because Sched mangles some lines (titles leak in, affiliations merge).
import type { Speaker } from './model'

// "Name (Title, Company)" or "Name (Company)", with nothing odd in either part.
const NAME_PAREN_RE = /^([^()]+?)\s*\((.*)\)$/
// A paren part ending in a company-form suffix ("CyberAgent, Inc.") can't be split at its last comma.
const COMPANY_SUFFIX_RE = /^(inc\.?|llc|l\.l\.c\.|ltd\.?|co\.?|corp\.?|gmbh|ag|s\.a\.?|plc|b\.v\.?)$/i
// Job-title words: "Founder & CEO, Solo.io" is one person's title, "AMD & Daron Yöndem, AWS" is two people merged.
const TITLE_WORD_RE = /\b(ceo|cto|cfo|coo|vp|svp|founder|co-founder|cofounder|manager|engineer|engineering|director|maintainer|lead|president|officer|developer|advocate|architect|creator|head|chair|consultant|scientist|researcher|principal|staff|senior|product|program)\b/i
// A date or clock time inside the parentheses means Sched put session details there, not an affiliation.
const CLOCK_RE = /\d{1,2}:\d{2}\s*(am|pm)?/i

function uncertain(segment: string): Speaker[] {
  return [{ name: segment, raw: segment }]
}

function ampersandIsInTitle(paren: string): boolean {
  const comma = paren.lastIndexOf(', ')
  const beforeCompany = comma === -1 ? paren : paren.slice(0, comma)
  return beforeCompany.split('&').every((part) => TITLE_WORD_RE.test(part))
}

function splitSegment(segment: string): Speaker[] {
  const m = NAME_PAREN_RE.exec(segment)
  if (!m) return uncertain(segment)
  const namePart = m[1]!.trim()
  const paren = m[2]!.trim()
  // Title fragments ("The Why (What and How … - Rahul Sharma)") and merged affiliations ("A (X & B, Y)").
  if (/ - |:/.test(namePart) || / - /.test(paren) || CLOCK_RE.test(paren) || paren === '') return uncertain(segment)
  if (paren.includes('&') && !ampersandIsInTitle(paren)) return uncertain(segment)
  if (namePart.includes(' & ')) {
    // Co-speakers listed under one affiliation: the names are certain, whose affiliation it is is not.
    return namePart.split(' & ').map((name) => ({ name: name.trim(), raw: segment }))
  }
  const comma = paren.lastIndexOf(', ')
  if (comma === -1) return [{ name: namePart, company: paren, raw: segment }]
  const role = paren.slice(0, comma).trim()
  const company = paren.slice(comma + 2).trim()
  if (COMPANY_SUFFIX_RE.test(company) || role === '' || company === '') return [{ name: namePart, raw: segment }]
  const speaker: Speaker = { name: namePart, company, raw: segment }
  // Sched sometimes repeats the name where the job title belongs; that is not a role.
  if (role !== namePart) speaker.role = role
  return [speaker]
}

/** Speakers from a Sched "Speakers:" value (without the label). Empty input gives no speakers. */
export function parseSchedSpeakers(line: string): Speaker[] {
  const text = line.trim()
  if (text === '') return []
  return text
    .split(/;\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .flatMap(splitSegment)
}
