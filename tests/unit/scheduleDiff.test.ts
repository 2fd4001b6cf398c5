// Schedule updates on a modified copy of the real KubeCon Thursday: moved, retimed, renamed, cancelled and added
// sessions are reported, unchanged ones are not, stars follow renames, and the user-facing sentences read right.
import type { StarLevel } from '../../src/domain/conflicts'
import { assignStableIds, normalizeTitle } from '../../src/domain/ids'
import type { Instant, Session, SessionId } from '../../src/domain/model'
import {
  carryOverStars,
  diffSchedules,
  followStarredChanges,
  hasScheduleChanges,
  starredChangeKey,
  starredChanges,
  type ScheduleDiff,
  type StarredChange,
} from '../../src/domain/scheduleDiff'
import { describeStarredChange } from '../../src/ui/events/changeText'
import { seedSnapshot } from '../fixtures/seedSnapshot'
import { est, makeSession, manySessions, place } from './planFactories'

const snapshot = seedSnapshot()
const EVENT = snapshot.event.id
const TZ = snapshot.event.timeZone
const OLD: readonly Session[] = snapshot.sessions

function find(sessions: readonly Session[], prefix: string): Session {
  const hits = sessions.filter((s) => s.title.startsWith(prefix))
  if (hits.length !== 1) throw new Error(`${hits.length} sessions start with "${prefix}"`)
  return hits[0]!
}

function shift(instant: Instant, minutes: number): Instant {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString().replace('.000', '') as Instant
}

/** The ID the importer would give a session with this title (the first of its name). */
function idFor(title: string): SessionId {
  return assignStableIds(EVENT, [normalizeTitle(title)])[0]!
}

const FLAGS = find(OLD, 'Feature Flags Suck!') // 11:00–11:30, Thomas Murphy Ballroom 2-3 (B, Level 5)
const FLUX = find(OLD, 'AI-Assisted GitOps With Flux') // 11:00–11:30, B206
const KUBEFLOW = find(OLD, 'Kubeflow Ecosystem') // 2:30–3:00, C111-112
const PUP = find(OLD, 'Pet-a-Pup') // 12:00–1:00, Willow Garden Foyer
const FFDD = find(OLD, 'Feature Flag Driven Development') // 3:15–3:45, B406b-407
const KEYNOTE = find(OLD, 'Keynote: Beyond Operations') // 9:07–9:23
const DEMOS = find(OLD, 'Project Demos')
const RENAMED_TITLE = 'Kubeflow Ecosystem 2.0: Cloud Native AI/ML Pipelines, Live'
const ADDED = makeSession({
  id: idFor('Late Addition: Lightning Talks') as SessionId,
  title: 'Late Addition: Lightning Talks',
  from: '5:30pm',
  to: '6:00pm',
  at: 'Building B | Level 2 | B206',
})

/** The update: one of each kind of change, plus edits that must not count as changes. */
const NEW: Session[] = OLD.filter((s) => s.id !== PUP.id).map((s) => {
  switch (s.id) {
    case FLAGS.id: // moved to Building C
      return { ...s, venue: place('Building C | Level 3 | Georgia Ballroom 2') }
    case FLUX.id: // retimed to the next slot
      return { ...s, start: est('11:45am'), end: est('12:15pm') }
    case KUBEFLOW.id: // renamed, so a new ID; same slot and room, 5 minutes longer
      return { ...s, id: idFor(RENAMED_TITLE), title: RENAMED_TITLE, end: shift(s.end, 5) }
    case FFDD.id: // moved and retimed at once
      return { ...s, start: shift(s.start, 60), end: shift(s.end, 60), venue: place('Building B | Level 2 | B206') }
    case KEYNOTE.id: // title case edit: same ID (IDs hash the normalised title)
      return { ...s, title: s.title.replace('Beyond Operations', 'BEYOND OPERATIONS') }
    case DEMOS.id: // not changes: abstract, speakers, raw venue text, spacing in the title
      return {
        ...s,
        title: `  ${s.title}  `,
        description: 'New abstract',
        speakers: [{ name: 'Someone', raw: 'Someone' }],
        venue: { ...s.venue, raw: s.venue.raw.replace(', Atlanta, GA, USA', '') },
      }
    default:
      return s
  }
})
NEW.push(ADDED)

describe('diffSchedules on the real Thursday', () => {
  const diff = diffSchedules(OLD, NEW)

  it('reports exactly the changed sessions, by ID, and nothing for the 93 unchanged ones', () => {
    expect(diff.changed.map((c) => [c.before.title.slice(0, 30), c.fields])).toEqual([
      ['Keynote: Beyond Operations: Sc', ['title']],
      ['Feature Flags Suck!', ['room']],
      ['AI-Assisted GitOps With Flux M', ['time']],
      ['Feature Flag Driven Developmen', ['time', 'room']],
    ])
    expect(diff.changed.every((c) => c.before.id === c.id && c.after.id === c.id)).toBe(true)
    expect(hasScheduleChanges(diff)).toBe(true)
  })

  it('matches the renamed session by slot, and carries what else changed', () => {
    expect(diff.renamed).toHaveLength(1)
    const r = diff.renamed[0]!
    expect(r).toMatchObject({ kind: 'renamed', oldId: KUBEFLOW.id, newId: idFor(RENAMED_TITLE), fields: ['time', 'title'] })
    expect(r.after.title).toBe(RENAMED_TITLE)
    expect(r.titleSimilarity).toBeGreaterThan(0.2)
    expect(r.titleSimilarity).toBeLessThan(1)
  })

  it('reports the cancelled and the added session, not the renamed one under either', () => {
    expect(diff.removed.map((r) => r.session.id)).toEqual([PUP.id])
    expect(diff.added.map((a) => a.session.id)).toEqual([ADDED.id])
  })

  it('the same schedule, reordered, has no changes', () => {
    const same = diffSchedules(OLD, [...OLD].reverse())
    expect(same).toEqual({ added: [], removed: [], changed: [], renamed: [] })
    expect(hasScheduleChanges(same)).toBe(false)
  })
})

describe('starredChanges', () => {
  const diff = diffSchedules(OLD, NEW)
  const stars = new Map<SessionId, StarLevel>([
    [FLAGS.id, 'must'],
    [FLUX.id, 'maybe'],
    [KUBEFLOW.id, 'must'],
    [PUP.id, 'maybe'],
    [FFDD.id, 'must'],
    [DEMOS.id, 'must'], // only non-changes
    [find(OLD, 'Badge Pick-Up').id, 'must'], // untouched
  ])

  it('lists what the user must see, in the old time order', () => {
    expect(starredChanges(diff, stars).map((c) => [c.before.title.slice(0, 20), c.what, c.newId === c.id])).toEqual([
      ['AI-Assisted GitOps W', ['retimed'], true],
      ['Feature Flags Suck!', ['moved'], true],
      ['Pet-a-Pup', ['cancelled'], false],
      ['Kubeflow Ecosystem: ', ['renamed', 'retimed'], false],
      ['Feature Flag Driven ', ['retimed', 'moved'], true],
    ])
    const cancelled = starredChanges(diff, stars).find((c) => c.what[0] === 'cancelled')!
    expect(cancelled).toMatchObject({ id: PUP.id, newId: null, after: null })
  })

  it('takes a set of IDs as well as the star map, and ignores unstarred changes', () => {
    expect(starredChanges(diff, new Set([FLUX.id])).map((c) => c.id)).toEqual([FLUX.id])
    expect(starredChanges(diff, new Set<SessionId>())).toEqual([])
  })

  it('says each change in words, in the venue zone', () => {
    expect(starredChanges(diff, stars).map((c) => describeStarredChange(c, TZ))).toEqual([
      ['Now 11:45 AM – 12:15 PM EST (was 11:00 – 11:30 AM EST)'],
      ['Moved to Georgia Ballroom 2, Building C, Level 3 (was Thomas Murphy Ballroom 2-3, Building B, Level 5)'],
      ['Cancelled: no longer in the schedule'],
      [`Renamed from "${KUBEFLOW.title}"`, 'Now 2:30 – 3:05 PM EST (was 2:30 – 3:00 PM EST)'],
      ['Now 4:15 – 4:45 PM EST (was 3:15 – 3:45 PM EST)', 'Moved to B206, Building B, Level 2 (was B406b-407, Building B, Level 4)'],
    ])
  })

  it('names the day when a session moves to another one', () => {
    const friday = { ...FLUX, start: shift(FLUX.start, 24 * 60), end: shift(FLUX.end, 24 * 60), day: '2025-11-14' as Session['day'] }
    const [change] = starredChanges(diffSchedules([FLUX], [friday]), new Set([FLUX.id]))
    expect(describeStarredChange(change!, TZ)).toEqual(['Now Friday, Nov 14, 11:00 – 11:30 AM EST (was Thursday, Nov 13, 11:00 – 11:30 AM EST)'])
  })

  it('gives a change a stable key, and a new one when the session changes again', () => {
    const key = starredChangeKey(starredChanges(diff, stars)[0]!)
    expect(starredChangeKey(starredChanges(diffSchedules(OLD, NEW), stars)[0]!)).toBe(key)
    const later = NEW.map((s) => (s.id === FLUX.id ? { ...s, venue: place('Building B | Level 3 | B308-309') } : s))
    const again = starredChanges(diffSchedules(OLD, later), stars).find((c) => c.id === FLUX.id)!
    expect(starredChangeKey(again)).not.toBe(key)
  })
})

describe('followStarredChanges: a second update before the user looked', () => {
  const stars = new Map<SessionId, StarLevel>([
    [FLAGS.id, 'must'],
    [FLUX.id, 'maybe'],
    [KUBEFLOW.id, 'must'],
    [PUP.id, 'maybe'],
  ])
  const first = starredChanges(diffSchedules(OLD, NEW), stars)
  const starsAfter = carryOverStars(stars, diffSchedules(OLD, NEW))
  const update = (edit: (s: Session) => Session | null): Session[] =>
    NEW.map(edit).filter((s): s is Session => s !== null)
  const entry = (changes: StarredChange[], id: SessionId) => changes.find((c) => c.before.id === id)

  it('a session moved twice is one entry, from the room the user knew to the newest one', () => {
    const second = update((s) => (s.id === FLAGS.id ? { ...s, venue: place('Building B | Level 3 | B308-309') } : s))
    const next = followStarredChanges(first, diffSchedules(NEW, second), starsAfter)
    expect(next.filter((c) => c.before.id === FLAGS.id)).toHaveLength(1)
    expect(describeStarredChange(entry(next, FLAGS.id)!, TZ)).toEqual([
      'Moved to B308-309, Building B, Level 3 (was Thomas Murphy Ballroom 2-3, Building B, Level 5)',
    ])
  })

  it('a session moved back to where the user knew it leaves no entry', () => {
    const second = update((s) => (s.id === FLAGS.id ? { ...s, venue: FLAGS.venue } : s))
    const next = followStarredChanges(first, diffSchedules(NEW, second), starsAfter)
    expect(entry(next, FLAGS.id)).toBeUndefined()
    expect(next.map((c) => c.before.id).sort()).toEqual(first.filter((c) => c.id !== FLAGS.id).map((c) => c.before.id).sort())
  })

  it('a cancelled session that comes back is compared with what the user knew: unchanged, or retimed', () => {
    const back = [...NEW, PUP]
    expect(entry(followStarredChanges(first, diffSchedules(NEW, back), starsAfter), PUP.id)).toBeUndefined()
    const later = { ...PUP, start: shift(PUP.start, 30), end: shift(PUP.end, 30) }
    const retimed = entry(followStarredChanges(first, diffSchedules(NEW, [...NEW, later]), starsAfter), PUP.id)!
    expect(retimed).toMatchObject({ id: PUP.id, newId: PUP.id, what: ['retimed'], after: later })
  })

  it('a renamed session then cancelled is one "cancelled" entry, keyed by the ID its star moved to', () => {
    const newId = idFor(RENAMED_TITLE)
    const second = update((s) => (s.id === newId ? null : s))
    const next = followStarredChanges(first, diffSchedules(NEW, second), starsAfter)
    expect(entry(next, KUBEFLOW.id)).toMatchObject({ id: newId, newId: null, after: null, what: ['cancelled'], before: KUBEFLOW })
    expect(starsAfter.has(newId)).toBe(true)
  })

  it('keeps entries the update did not touch as they were, and adds entries for newly changed sessions', () => {
    const second = update((s) => (s.id === FFDD.id ? { ...s, title: 'Feature Flag Driven Development, Revisited' } : s))
    const withFfdd = new Map(starsAfter).set(FFDD.id, 'must')
    const next = followStarredChanges(first, diffSchedules(NEW, second), withFfdd)
    for (const c of first) expect(next).toContainEqual(c)
    // FFDD had moved in the first update too, but without a star then: the user only learns of the rename now.
    expect(entry(next, FFDD.id)?.what).toEqual(['renamed'])
    expect(next).toHaveLength(first.length + 1)
    expect(next.map((c) => c.before.start)).toEqual([...next.map((c) => c.before.start)].sort())
  })
})

describe('carryOverStars', () => {
  const diff = diffSchedules(OLD, NEW)

  it('moves the star of a renamed session to its new ID, keeps the rest (cancelled included)', () => {
    const stars = new Map<SessionId, StarLevel>([
      [KUBEFLOW.id, 'maybe'],
      [PUP.id, 'must'],
      [FLAGS.id, 'must'],
    ])
    const next = carryOverStars(stars, diff)
    expect([...next].sort()).toEqual(
      [
        [idFor(RENAMED_TITLE), 'maybe'],
        [PUP.id, 'must'],
        [FLAGS.id, 'must'],
      ].sort(),
    )
    expect(stars.has(KUBEFLOW.id)).toBe(true) // the input is not modified
  })

  it('keeps the stronger level when both the old and the new ID were starred', () => {
    const stars = new Map<SessionId, StarLevel>([
      [KUBEFLOW.id, 'must'],
      [idFor(RENAMED_TITLE), 'maybe'],
    ])
    expect(carryOverStars(stars, diff)).toEqual(new Map([[idFor(RENAMED_TITLE), 'must']]))
  })
})

describe('rename matching', () => {
  const at = 'Building B | Level 3 | B308-309'
  const renamedTo = (s: Session, title: string, extra: Partial<Session> = {}): Session => ({ ...s, id: idFor(title), title, ...extra })

  it('a session that only got a new ID is a rename the user is not told about', () => {
    const a = makeSession({ title: 'Same Title', at })
    const b = { ...a, id: 'feedf00d' as SessionId }
    const diff = diffSchedules([a], [b])
    expect(diff.renamed.map((r) => [r.oldId, r.newId, r.fields])).toEqual([[a.id, b.id, []]])
    expect(starredChanges(diff, new Set([a.id]))).toEqual([])
    expect(carryOverStars(new Map([[a.id, 'must']]), diff)).toEqual(new Map([[b.id, 'must']]))
  })

  it('needs the same start, the same room and a similar length', () => {
    const a = makeSession({ title: 'Scaling etcd', at, from: '11:00am', to: '11:30am' })
    const cases: Array<[string, Session, boolean]> = [
      ['35 minutes', renamedTo(a, 'Scaling etcd in 2025', { end: est('11:35am') }), true],
      ['25 minutes', renamedTo(a, 'Scaling etcd in 2025', { end: est('11:25am') }), true],
      ['75 minutes', renamedTo(a, 'Scaling etcd in 2025', { end: est('12:15pm') }), false],
      ['other room', renamedTo(a, 'Scaling etcd in 2025', { venue: place('Building B | Level 3 | B312') }), false],
      ['other area', renamedTo(a, 'Scaling etcd in 2025', { venue: { ...a.venue, area: 'Stage' } }), false],
      ['5 minutes later', renamedTo(a, 'Scaling etcd in 2025', { start: est('11:05am'), end: est('11:35am') }), false],
    ]
    for (const [label, b, rename] of cases) {
      const diff = diffSchedules([a], [b])
      expect(diff.renamed.length, label).toBe(rename ? 1 : 0)
      expect(diff.removed.length + diff.added.length, label).toBe(rename ? 0 : 2)
    }
  })

  it('lets a 5-minute keynote and a 75-minute workshop each keep a proportionate slack', () => {
    const keynote = makeSession({ title: 'Keynote: Opening', at, from: '9:00am', to: '9:05am' })
    expect(diffSchedules([keynote], [renamedTo(keynote, 'Keynote: Welcome', { end: est('9:10am') })]).renamed).toHaveLength(1)
    expect(diffSchedules([keynote], [renamedTo(keynote, 'Keynote: Welcome', { end: est('9:15am') })]).renamed).toHaveLength(0)
    const workshop = makeSession({ title: 'Contribfest: Backstage', at, from: '1:00pm', to: '2:15pm' })
    expect(diffSchedules([workshop], [renamedTo(workshop, 'Contribfest: Backstage!', { end: est('2:30pm') })]).renamed).toHaveLength(1)
  })

  it('in a shared slot, pairs by length, then by title words', () => {
    const room = 'Building B | Level 1 | Exhibit Hall B3-B5'
    const short = makeSession({ title: 'Lightning: eBPF tracing', at: room, from: '3:30pm', to: '3:45pm' })
    const long = makeSession({ title: 'Demo: GitOps at scale', at: room, from: '3:30pm', to: '4:30pm' })
    const diff = diffSchedules(
      [short, long],
      [renamedTo(long, 'Demo: GitOps at scale, part 2'), renamedTo(short, 'Lightning: eBPF tracing (updated)')],
    )
    expect(diff.renamed.map((r) => [r.before.title, r.after.title])).toEqual([
      ['Lightning: eBPF tracing', 'Lightning: eBPF tracing (updated)'],
      ['Demo: GitOps at scale', 'Demo: GitOps at scale, part 2'],
    ])
    // Same length: the title decides.
    const a = makeSession({ title: 'Policy as code with Kyverno', at })
    const b = makeSession({ title: 'Service mesh without sidecars', at })
    const byWords = diffSchedules([a, b], [renamedTo(b, 'Service mesh without sidecars: ambient mode'), renamedTo(a, 'Policy as code with Kyverno 2')])
    expect(byWords.renamed.map((r) => [r.oldId, r.after.title])).toEqual([
      [a.id, 'Policy as code with Kyverno 2'],
      [b.id, 'Service mesh without sidecars: ambient mode'],
    ])
  })

  it('makes no rename when two pairings are equally good: the user re-stars rather than gets the wrong talk', () => {
    const a = makeSession({ title: 'Alpha', at })
    const b = makeSession({ title: 'Beta', at })
    const diff = diffSchedules([a, b], [renamedTo(a, 'Gamma'), renamedTo(b, 'Delta')])
    expect(diff.renamed).toEqual([])
    expect(diff.removed.map((r) => r.session.title)).toEqual(['Alpha', 'Beta'])
    expect(diff.added.map((r) => r.session.title)).toEqual(['Delta', 'Gamma'])
  })

  // Scale (correctness only; speed is npm run bench's job, never a timed assertion). Skipped in the zone projects.
  it.skipIf(process.env.HALLWAY_SKIP_SPEED_CHECKS === '1')('handles 10,000 sessions with 200 renames, and every title changing', () => {
    const before = manySessions(10_000)
    const after = before.map((s, i) => (i % 50 === 0 ? { ...s, id: idFor(`${s.title} v2`), title: `${s.title} v2` } : s))
    const diff: ScheduleDiff = diffSchedules(before, after)
    expect(diff.renamed).toHaveLength(200)
    expect(diff.added.length + diff.removed.length + diff.changed.length).toBe(0)

    const allRenamed = before.map((s, i) => ({ ...s, id: (0xc0000000 + i).toString(16) as SessionId, title: `${s.title} (renamed)` }))
    const all = diffSchedules(before, allRenamed)
    expect(all.renamed.length + all.removed.length).toBe(10_000)
  })
})
