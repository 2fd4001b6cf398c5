// The rule that carries session IDs from one version of a schedule to the next (src/domain/idCarry.ts): sessions that
// share a title keep theirs when another goes, a new one never takes over a removed one's ID, and the CLI's carried
// snapshot and the app's install over the stored one agree.
import { carryIds, carrySnapshotIds } from '../../src/domain/idCarry'
import type { Session, SessionId, Snapshot } from '../../src/domain/model'
import { diffSchedules } from '../../src/domain/scheduleDiff'
import {
  COFFEE_TUE_AM,
  COFFEE_TUE_PM,
  COFFEE_WED_AM,
  COFFEE_WED_PM,
  importListing,
  KEYNOTE,
  LIGHTNING_TUE,
  LIGHTNING_WED,
  REPEATED_EVENT_ID,
  sessionAt,
  type ListedSession,
} from '../fixtures/repeatedTitles'

/** `next` as the app installs it over `previous`. */
function carried(previous: Snapshot, next: Snapshot): Snapshot {
  return { ...next, sessions: carryIds(REPEATED_EVENT_ID, previous.sessions, next.sessions).sessions }
}

const idOf = (snapshot: Snapshot, listed: ListedSession) => sessionAt(snapshot, listed).id

describe('carryIds', () => {
  it('the issue’s case: Tuesday’s "Lightning Talks" dropped, Wednesday’s keeps its ID; the diff says only Tuesday’s went', async () => {
    const before = await importListing([KEYNOTE, LIGHTNING_TUE, LIGHTNING_WED])
    const imported = await importListing([KEYNOTE, LIGHTNING_WED])
    // What the importer alone gives: Wednesday's takes Tuesday's ID (occurrence 0).
    expect(idOf(imported, LIGHTNING_WED)).toBe(idOf(before, LIGHTNING_TUE))

    const after = carried(before, imported)

    expect(idOf(after, LIGHTNING_WED)).toBe(idOf(before, LIGHTNING_WED))
    expect(idOf(after, KEYNOTE)).toBe(idOf(before, KEYNOTE))
    const diff = diffSchedules(before.sessions, after.sessions)
    expect(diff.removed.map((r) => r.session.id)).toEqual([idOf(before, LIGHTNING_TUE)])
    expect(diff.changed).toEqual([])
    expect(diff.added).toEqual([])
    expect(diff.renamed).toEqual([])
  })

  it('three "Coffee Break"s: the middle one removed and one added on the next day is a cancellation and a new break', async () => {
    const before = await importListing([COFFEE_TUE_AM, COFFEE_TUE_PM, COFFEE_WED_AM])
    const after = carried(before, await importListing([COFFEE_TUE_AM, COFFEE_WED_AM, COFFEE_WED_PM]))

    expect(idOf(after, COFFEE_TUE_AM)).toBe(idOf(before, COFFEE_TUE_AM))
    expect(idOf(after, COFFEE_WED_AM)).toBe(idOf(before, COFFEE_WED_AM))
    const diff = diffSchedules(before.sessions, after.sessions)
    expect(diff.removed.map((r) => r.session.id)).toEqual([idOf(before, COFFEE_TUE_PM)])
    expect(diff.added.map((a) => a.session.id)).toEqual([idOf(after, COFFEE_WED_PM)])
    expect(diff.changed).toEqual([])
  })

  it('a repeated title moved within its day keeps its ID (nearest start in the same room, then in the day)', async () => {
    const before = await importListing([COFFEE_TUE_AM, COFFEE_TUE_PM, COFFEE_WED_AM])
    const laterPm = { ...COFFEE_TUE_PM, time: '3:15pm EST - 3:45pm EST' }
    const elsewhereAm = { ...COFFEE_WED_AM, time: '11:00am EST - 11:30am EST', room: 'Terrace' }
    const after = carried(before, await importListing([COFFEE_TUE_AM, laterPm, elsewhereAm]))

    expect(idOf(after, laterPm)).toBe(idOf(before, COFFEE_TUE_PM))
    expect(idOf(after, elsewhereAm)).toBe(idOf(before, COFFEE_WED_AM))
    const diff = diffSchedules(before.sessions, after.sessions)
    expect(diff.changed.map((c) => c.fields)).toEqual([['time'], ['time', 'room']])
    expect(diff.removed).toEqual([])
  })

  it('a title that appears once in both versions is the same session wherever it moves, as before', async () => {
    const before = await importListing([KEYNOTE, LIGHTNING_TUE])
    const after = carried(before, await importListing([KEYNOTE, { ...LIGHTNING_WED }]))
    expect(idOf(after, LIGHTNING_WED)).toBe(idOf(before, LIGHTNING_TUE))
  })

  it('never gives a new session an ID a removed one had, over several updates', async () => {
    const v1 = await importListing([LIGHTNING_TUE, LIGHTNING_WED])
    const v2 = carried(v1, await importListing([LIGHTNING_WED]))
    const thursdayLike = { ...LIGHTNING_TUE, time: '4:00pm EST - 4:30pm EST', room: 'Room C' }
    const v3 = carried(v2, await importListing([thursdayLike, LIGHTNING_WED]))

    expect(idOf(v3, LIGHTNING_WED)).toBe(idOf(v1, LIGHTNING_WED))
    expect([idOf(v1, LIGHTNING_TUE), idOf(v1, LIGHTNING_WED)]).not.toContain(idOf(v3, thursdayLike))
  })

  it('keeps a source’s own IDs (frab guid) as they are, even where places would pair differently', () => {
    const session = (id: string, start: string): Session => ({
      id: id as SessionId,
      title: 'Coffee Break',
      start: start as Session['start'],
      end: start as Session['end'],
      day: '2025-11-11' as Session['day'],
      type: '',
      description: '',
      speakers: [],
      speakersRaw: '',
      venue: { room: 'Foyer', raw: 'Foyer' },
    })
    const previous = [session('aaaaaaaa', '2025-11-11T15:30:00Z'), session('bbbbbbbb', '2025-11-11T20:00:00Z')]
    // The guid that was at 10:30 moved into the other's slot, which is gone.
    const next = [session('aaaaaaaa', '2025-11-11T20:00:00Z')]
    expect(carryIds(REPEATED_EVENT_ID, previous, next)).toEqual({ sessions: next, changed: [] })
  })

  it('agrees with itself: the app installing the CLI’s carried snapshot over the previous one changes no ID', async () => {
    const before = await importListing([KEYNOTE, LIGHTNING_TUE, LIGHTNING_WED, COFFEE_TUE_AM, COFFEE_TUE_PM, COFFEE_WED_AM])
    const file = await carrySnapshotIds(before, await importListing([KEYNOTE, LIGHTNING_WED, COFFEE_TUE_AM, COFFEE_WED_AM, COFFEE_WED_PM]))
    expect(carryIds(REPEATED_EVENT_ID, before.sessions, file.sessions).changed).toEqual([])
  })

  it('leaves a schedule without repeated titles exactly as the importer made it', async () => {
    const before = await importListing([KEYNOTE, LIGHTNING_TUE])
    const next = await importListing([KEYNOTE, LIGHTNING_TUE, COFFEE_WED_AM])
    expect(await carrySnapshotIds(before, next)).toBe(next)
  })
})
