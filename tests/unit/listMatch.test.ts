import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createListMatcher, matchWords, MAX_CANDIDATES, type ListLineResult } from '../../src/domain/listMatch'
import type { Session } from '../../src/domain/model'
import { makeSession } from '../fixtures/factories'
import { seedSnapshot } from '../fixtures/seedSnapshot'

const seed = seedSnapshot().sessions
const bySeedTitle = (title: string) => {
  const s = seed.find((x) => x.title === title)
  if (!s) throw new Error(`not in the seed: ${title}`)
  return s
}

/** The "Must-Watch Sessions" list that ends the Atlanta recap (copied from ../shared/seeds/recap-kubecon-na-2025-atlanta.txt, so a fresh clone has it), as a reader would copy it. */
function recapList(): string {
  const recap = readFileSync(join(__dirname, '../fixtures/recap-must-watch.txt'), 'utf8')
  const lines = recap.split('\n')
  const start = lines.findIndex((l) => l.startsWith('Must-Watch Sessions'))
  return lines.slice(start + 1, start + 17).join('\n')
}

const sureIds = (results: readonly ListLineResult[]) =>
  results.flatMap((r) => (r.kind === 'sure' ? [r.session.id] : []))

describe('the Atlanta recap’s must-watch list against the Thursday schedule', () => {
  const results = createListMatcher(seed).match(recapList())

  it('reads 16 lines and matches exactly the two Thursday talks, surely', () => {
    expect(results).toHaveLength(16)
    expect(sureIds(results)).toEqual([
      bySeedTitle('AI-Assisted GitOps With Flux MCP Server').id,
      bySeedTitle('The Journey of Deploying Backstage in a Large Organization').id,
    ])
  })

  it('reports the other 14 as not in this schedule, with no candidate to pick', () => {
    expect(results.filter((r) => r.kind === 'none')).toHaveLength(14)
    expect(results.filter((r) => r.kind === 'choose')).toEqual([])
  })

  it('never turns "Building PCI Compliant Kubernetes Platforms" into "Building AI/ML Pipelines on Kubernetes"', () => {
    const pci = results.find((r) => r.line.includes('Building PCI Compliant'))
    expect(pci?.kind).toBe('none')
  })

  it('hints that Stefan Prodan gives another talk, without making it a match', () => {
    const gitless = results.find((r) => r.line.includes('GitLess'))
    expect(gitless).toMatchObject({ kind: 'none', speakerName: 'Stefan Prodan' })
    expect(gitless?.kind === 'none' && gitless.speakerSessions.map((s) => s.title)).toEqual([
      'AI-Assisted GitOps With Flux MCP Server',
    ])
  })
})

describe('tolerance', () => {
  const m = createListMatcher(seed)
  const journey = bySeedTitle('The Journey of Deploying Backstage in a Large Organization')

  it.each([
    ['a bullet and a trailing speaker after a dash', '* The Journey of Deploying Backstage in a Large Organization - Mathieu Girard'],
    ['numbering, quotes and other case', '3. “the journey of deploying BACKSTAGE in a large organization”'],
    ['a title cut short with an ellipsis', '- The Journey of Deploying Backstage…'],
    ['a title cut short mid-word, then a company', 'The Journey of Deploying Backst... — Beneva'],
    ['a chat message around it', 'don’t miss The Journey of Deploying Backstage in a Large Organization at 11, room fills early!'],
    ['a trailing company after a comma', 'The Journey of Deploying Backstage in a Large Organization, Beneva'],
  ])('%s', (_what, line) => {
    expect(sureIds(m.match(line))).toEqual([journey.id])
  })

  it('a chat line naming two titles means both', () => {
    const line = 'Going to AI-Assisted GitOps With Flux MCP Server and then The Journey of Deploying Backstage in a Large Organization'
    expect(sureIds(m.match(line))).toEqual([bySeedTitle('AI-Assisted GitOps With Flux MCP Server').id, journey.id])
  })

  it('skips blank lines and lines of punctuation; keeps order', () => {
    const results = m.match('\n  \n---\n• \nThe Journey of Deploying Backstage in a Large Organization\n')
    expect(results.map((r) => r.kind)).toEqual(['sure'])
  })

  it('hands a Hallway share link over as a link, not a title', () => {
    const [r] = m.match('my plan: https://hallway.example.org/share#p=AbC-1_x9 see you there')
    expect(r).toMatchObject({ kind: 'share-link', url: 'https://hallway.example.org/share#p=AbC-1_x9' })
  })
})

describe('never a wrong sure match', () => {
  const m = createListMatcher(seed)
  const sameTitle = (s: Session) => seed.filter((x) => x.title === s.title).map((x) => x.id)

  /** Each way of writing a seed title must give that session surely, or offer it among candidates: never another. */
  function expectRightOrAsked(s: Session, line: string) {
    const results = m.match(line)
    for (const r of results) {
      if (r.kind === 'sure') expect(sameTitle(s), `${line} → ${r.session.title}`).toContain(r.session.id)
    }
    const offered = results.flatMap((r) => (r.kind === 'sure' ? [r.session.id] : r.kind === 'choose' ? r.candidates.map((c) => c.id) : []))
    expect(offered, line).toContain(s.id)
  }

  it.each(seed.map((s) => [s.title, s] as const))('%s, written five ways', (_title, s) => {
    expectRightOrAsked(s, s.title)
    expectRightOrAsked(s, `- “${s.title.toUpperCase()}”`)
    if (s.speakersRaw) expectRightOrAsked(s, `${s.title} – ${s.speakersRaw}`)
    const words = s.title.split(' ')
    if (words.length >= 6) expectRightOrAsked(s, `${words.slice(0, Math.ceil(words.length * 0.7)).join(' ')}…`)
    // A one-word title ("Lunch") is only read on a line of its own.
    if (matchWords(s.title).includes(' ')) expectRightOrAsked(s, `Don't miss ${s.title}!`)
  })

  it.each(seed.filter((s) => s.title.split(' ').length >= 4).map((s) => [s.title, s] as const))(
    '%s with a word changed is never a sure match',
    (_title, s) => {
      const words = s.title.split(' ')
      const middle = Math.floor(words.length / 2)
      const changed = [...words.slice(0, middle), 'Quantum', ...words.slice(middle + 1)].join(' ')
      // The start of the title is still there, and may be offered as a title cut short; but never as a sure match
      // to a session whose title the line doesn't hold.
      for (const r of m.match(changed)) expect(r.kind, `${changed} → ${r.kind === 'sure' ? r.session.title : ''}`).not.toBe('sure')
    },
  )
})

describe('telling sessions of one title apart', () => {
  const lightningA = makeSession({ title: 'Lightning Talks', from: '10:00am', speakersRaw: 'Ana Lima', speakers: [{ name: 'Ana Lima', raw: 'Ana Lima' }] })
  const lightningB = makeSession({ title: 'Lightning Talks', from: '3:00pm', speakersRaw: 'Bo Chen', speakers: [{ name: 'Bo Chen', raw: 'Bo Chen' }] })
  const coffee1 = makeSession({ title: 'Coffee Break', from: '10:30am' })
  const coffee2 = makeSession({ title: 'Coffee Break', from: '3:30pm' })
  const lunch = makeSession({ title: 'Lunch', from: '12:15pm' })
  const m = createListMatcher([lightningA, lightningB, coffee1, coffee2, lunch])

  it('asks which one when the line can’t tell', () => {
    expect(m.match('Coffee Break')).toEqual([
      { kind: 'choose', line: 'Coffee Break', candidates: [coffee1, coffee2], why: 'same-title' },
    ])
  })

  it('lets a speaker pick one', () => {
    expect(sureIds(m.match('Lightning Talks – Bo Chen'))).toEqual([lightningB.id])
  })

  it('asks when the line names someone else after a dash', () => {
    const only = makeSession({ title: 'Scaling Flux Across Clusters', speakersRaw: 'Ana Lima', speakers: [{ name: 'Ana Lima', raw: 'Ana Lima' }] })
    const [r] = createListMatcher([only]).match('Scaling Flux Across Clusters – Dipti Pai, Microsoft')
    expect(r).toMatchObject({ kind: 'choose', why: 'other-speakers', candidates: [only] })
  })

  it('matches a one-word title only on a line of its own', () => {
    expect(sureIds(m.match('Lunch'))).toEqual([lunch.id])
    expect(m.match('let’s grab lunch after the keynote')).toMatchObject([{ kind: 'none' }])
  })

  it('offers at most a handful of candidates', () => {
    const many = Array.from({ length: 20 }, (_, i) => makeSession({ title: `Weekly Office Hours ${i}` }))
    const [r] = createListMatcher(many).match('Weekly Office Hours…')
    expect(r?.kind === 'choose' && r.candidates).toHaveLength(MAX_CANDIDATES)
  })
})

describe('hostile input', () => {
  it('reads a huge paste in bounded time and size', () => {
    const m = createListMatcher(seed)
    const line = 'AI-Assisted GitOps With Flux MCP Server '.repeat(2000)
    const results = m.match(`${line}\n`.repeat(1000))
    expect(results.length).toBeLessThanOrEqual(500)
    expect(results[0]?.kind).toBe('sure')
  })
})
