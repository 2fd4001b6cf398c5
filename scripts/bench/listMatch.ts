// "Add from a list…": matching a pasted list against a big schedule, timed in this Node process (no browser, no CPU
// throttle: multiply by about 4 for a mid-range phone). The floor is the least any whole-title search must do: one
// `includes` per title per line over the same normalised titles.
import { performance } from 'node:perf_hooks'
import { createListMatcher, matchWords } from '../../src/domain/listMatch'
import { makeSyntheticSessions } from '../../src/domain/synthetic'
import { median } from './measure'

export interface ListMatchFigures {
  /** Median ms per pasted line, matcher and floor. */
  perLine: number
  floorPerLine: number
  /** Building the matcher's tables once per schedule. */
  build: number
  sure: number
}

/** `lines` lines (a third exact titles, a third cut short with a speaker, a third in no schedule) × `runs` runs. */
export function benchListMatch(count: number, lines: number, runs: number): ListMatchFigures {
  const sessions = makeSyntheticSessions({ count })
  const pick = (i: number) => sessions[(i * 7919) % sessions.length]!
  const text = Array.from({ length: lines }, (_, i) => {
    const s = pick(i)
    if (i % 3 === 0) return `- ${s.title}`
    if (i % 3 === 1) return `${s.title.split(' ').slice(0, 4).join(' ')}… – ${s.speakersRaw}`
    return `- A Talk Nobody Gave Number ${i} – Someone Else, Nowhere`
  }).join('\n')

  const builds: number[] = []
  const per: number[] = []
  const floor: number[] = []
  let sure = 0
  for (let r = 0; r < runs; r++) {
    let t = performance.now()
    const matcher = createListMatcher(sessions)
    builds.push(performance.now() - t)
    t = performance.now()
    sure = matcher.match(text).filter((x) => x.kind === 'sure').length
    per.push((performance.now() - t) / lines)

    const titles = sessions.map((s) => ` ${matchWords(s.title)} `)
    t = performance.now()
    let hits = 0
    for (const line of text.split('\n')) {
      const key = ` ${matchWords(line)} `
      for (const title of titles) if (key.includes(title)) hits++
    }
    floor.push((performance.now() - t) / lines)
    if (hits < 0) throw new Error('unreachable: keeps the floor loop from being optimised away')
  }
  return { perLine: median(per), floorPerLine: median(floor), build: median(builds), sure }
}
