// Speaker IDs and the A–Z speaker index, on the KubeCon seed (Sched text, names only) and pretalx's demo conference
// (person codes).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseFrabSchedule } from '../../src/domain/frabParser'
import type { Session, SpeakerId } from '../../src/domain/model'
import { parseSchedSpeakers } from '../../src/domain/speakers'
import { speakerIdOf } from '../../src/domain/speakerId'
import { searchSpeakers, speakerIndex, type SpeakerEntry } from '../../src/domain/speakerIndex'
import { makeSession, seed } from './planFactories'

const DEMOCON = JSON.parse(readFileSync(join(__dirname, '../fixtures/pretalx-democon.json'), 'utf8')) as Record<string, any>

function democonSessions(doc: Record<string, any> = DEMOCON): Session[] {
  const result = parseFrabSchedule(doc)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.sessions
}

function entry(index: readonly SpeakerEntry[], name: string): SpeakerEntry {
  const hits = index.filter((e) => e.name === name)
  if (hits.length !== 1) throw new Error(`${hits.length} speakers named "${name}"`)
  return hits[0]!
}

/** A seed-like session whose Speakers line is `line`, split as the Sched importer splits it. */
function schedSession(line: string, overrides: Partial<Session> = {}): Session {
  return makeSession({ speakers: parseSchedSpeakers(line), speakersRaw: line, ...overrides })
}

describe('speakerIdOf', () => {
  it('is the normalised name when the source has no person id: case, accents and spacing do not matter', () => {
    expect(speakerIdOf({ name: 'Lucas Käldström' })).toBe('n-lucas-kaldstrom')
    expect(speakerIdOf({ name: '  lucas   KALDSTROM ' })).toBe('n-lucas-kaldstrom')
    expect(speakerIdOf({ name: 'Kevin L’Ecuyer' })).toBe(speakerIdOf({ name: "Kevin L'Ecuyer" }))
  })

  it('keeps letters of any script, and names made of none still get an id', () => {
    expect(speakerIdOf({ name: '王小明' })).toBe('n-王小明')
    expect(speakerIdOf({ name: '🙂' })).toMatch(/^n-[0-9a-f]{8}$/)
    expect(speakerIdOf({ name: '🙂' })).not.toBe(speakerIdOf({ name: '🙃' }))
  })

  it('shortens a long raw segment, keeping a hash of all of it so two long lines never share an id', () => {
    const a = speakerIdOf({ name: 'Intro (Updates, Model Distribution With Cloud Native Infra - Wenbo Qi & Tao Peng, Ant Group)' })
    const b = speakerIdOf({ name: 'Intro (Updates, Model Distribution With Cloud Native Infra - Wenbo Qi & Tao Peng, Ant Group Inc)' })
    expect(a.length).toBeLessThanOrEqual(64)
    expect(a).toMatch(/^n-intro-updates-model-distribution-.*-[0-9a-f]{8}$/)
    expect(a).not.toBe(b)
  })

  it('is the stored source id when there is one', () => {
    expect(speakerIdOf({ id: 'c-N33EUY' as SpeakerId, name: 'Stephanie Hudson' })).toBe('c-N33EUY')
  })

  it('does not depend on the affiliation, the session or its place in the schedule', () => {
    const [a] = parseSchedSpeakers('Hemant Kumar (Software Engineer, Red Hat, Red Hat)')
    const [b] = parseSchedSpeakers('Hemant Kumar (Red Hat)')
    expect(speakerIdOf(a!)).toBe(speakerIdOf(b!))
  })
})

describe('speakerIndex on the KubeCon seed', () => {
  const index = speakerIndex(seed())

  it('lists every speaker once, A–Z', () => {
    expect(index).toHaveLength(164)
    expect(new Set(index.map((e) => e.id)).size).toBe(index.length)
    const names = index.map((e) => e.name)
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'en', { sensitivity: 'base' })))
    expect(names[0]).toBe('Aanand Krishnan')
  })

  it('gathers one person’s sessions, with company and role when the split was certain', () => {
    expect(entry(index, 'Jeremy Rickard')).toMatchObject({
      id: 'n-jeremy-rickard',
      company: 'Microsoft',
      role: 'Principal Software Engineer',
      sessionIds: ['2720404f', 'abffed9b'],
    })
  })

  it('names co-speakers of one affiliation apart, without guessing whose affiliation it is', () => {
    // "Mauricio Vásquez Bernal & Jose Blanquicet (Microsoft)"
    const mauricio = entry(index, 'Mauricio Vásquez Bernal')
    expect(mauricio.sessionIds).toEqual(['29395d47'])
    expect(mauricio.company).toBeUndefined()
    expect(entry(index, 'Jose Blanquicet').sessionIds).toEqual(['29395d47'])
  })

  it('keeps an uncertain Sched segment as one speaker under its raw text, never split into wrong people', () => {
    for (const raw of [
      'Aurélie Vache (OVHcloud & Sherine Khoury, Red Hat)',
      'Intro (Updates, Model Distribution With Cloud Native Infra - Wenbo Qi & Tao Peng, Ant Group)',
      'Gustavo Carvalho (Thursday November 13, 2025 1:45pm - 3:00pm EST)',
    ]) {
      const e = entry(index, raw)
      expect(e.company).toBeUndefined()
      expect(e.sessionIds).toHaveLength(1)
    }
    for (const wrong of ['Sherine Khoury', 'Aurélie Vache', 'Tao Peng', 'Wenbo Qi', 'Intro']) {
      expect(index.find((e) => e.name === wrong)).toBeUndefined()
    }
  })

  it('finds speakers by name, company or role, ignoring accents and case', () => {
    const names = (query: string) => searchSpeakers(index, query).map((e) => e.name)
    expect(names('kaldstrom')).toEqual(['Lucas Käldström (Upbound & Micah Hausler, AWS)'])
    expect(names('rickard microsoft')).toEqual(['Jeremy Rickard'])
    expect(names('principal software')).toContain('Jeremy Rickard')
    expect(names('  ')).toHaveLength(index.length)
    expect(names('no such person')).toEqual([])
  })
})

describe('speakerIndex: one person, several spellings of their affiliation', () => {
  it('is one speaker with both sessions, showing the fuller affiliation it was listed with', () => {
    const a = schedSession('Hemant Kumar (Red Hat)', { title: 'A' })
    const b = schedSession('Hemant Kumar (Software Engineer, Red Hat, Red Hat)', { title: 'B' })
    const c = schedSession('hemant kumar (Software Engineer, Red Hat Inc)', { title: 'C' })
    const index = speakerIndex([a, b, c])
    expect(index).toHaveLength(1)
    expect(index[0]).toMatchObject({ name: 'Hemant Kumar', company: 'Red Hat', role: 'Software Engineer, Red Hat' })
    expect(index[0]!.sessionIds).toEqual([a.id, b.id, c.id])
  })

  it('counts a session once when it names the same person twice', () => {
    const s = schedSession('Jane Doe (Google); Jane Doe (Engineer, Google)')
    expect(speakerIndex([s])).toMatchObject([{ name: 'Jane Doe', sessionIds: [s.id] }])
  })
})

describe('speaker IDs from pretalx persons', () => {
  const sessions = democonSessions()
  const index = speakerIndex(sessions)

  it('uses the person code, so a speaker of three talks is one speaker', () => {
    expect(index).toHaveLength(27)
    expect(entry(index, 'Stephanie Hudson')).toMatchObject({ id: 'c-N33EUY' })
    expect(entry(index, 'Stephanie Hudson').sessionIds).toHaveLength(3)
    expect(entry(index, 'Kimberly Griffin')).toMatchObject({ id: 'c-QLYZSY' })
  })

  it('keeps the ids through a re-import in which talks move and a name is respelled', () => {
    const doc = structuredClone(DEMOCON)
    const room = doc.schedule.conference.days[0].rooms['Gray Room'] as Array<Record<string, any>>
    for (const event of room) event.date = event.date.replace('T09:', 'T10:')
    for (const day of doc.schedule.conference.days) {
      for (const events of Object.values(day.rooms) as Array<Array<Record<string, any>>>) {
        for (const event of events) for (const p of event.persons) if (p.code === 'N33EUY') p.public_name = 'Stephanie M. Hudson'
      }
    }
    const again = speakerIndex(democonSessions(doc))
    expect(again.map((e) => e.id).sort()).toEqual(index.map((e) => e.id).sort())
    expect(again.find((e) => e.id === 'c-N33EUY')?.name).toBe('Stephanie M. Hudson')
  })
})
