// When a feed is checked (start, tab shown, back online, every 15 minutes, backing off after failures) and whether a
// fetched schedule may replace the stored one. A fake clock: plain numbers for "now".
import {
  FEED_INTERVAL_MS,
  FEED_MAX_BACKOFF_MS,
  FEED_MIN_GAP_MS,
  feedCheckInterval,
  feedDelayUntilDue,
  feedDue,
  feedEnded,
  feedProblemText,
  feedStarted,
  judgeFeedFile,
  sameEdition,
  NEW_FEED_TIMING,
  type FeedSides,
} from '../../src/domain/feedPolicy'
import type { EventId } from '../../src/domain/model'

const T0 = Date.UTC(2025, 10, 13, 14, 0)
const MIN = 60 * 1000

describe('when a feed is checked', () => {
  it('checks a feed never checked in this tab on any trigger', () => {
    for (const trigger of ['start', 'visible', 'online', 'interval', 'manual'] as const) expect(feedDue(NEW_FEED_TIMING, trigger, T0)).toBe(true)
  })

  it('never runs two checks of one feed at once', () => {
    const running = feedStarted(NEW_FEED_TIMING, T0)
    expect(feedDue(running, 'manual', T0 + 2 * FEED_INTERVAL_MS)).toBe(false)
  })

  it('checks every 15 minutes while all is well, and a shown tab or the network back after a minute', () => {
    const checked = feedEnded(feedStarted(NEW_FEED_TIMING, T0), true)
    expect(feedDue(checked, 'interval', T0 + FEED_INTERVAL_MS - 1)).toBe(false)
    expect(feedDue(checked, 'interval', T0 + FEED_INTERVAL_MS)).toBe(true)
    expect(feedDelayUntilDue(checked, T0 + 5 * MIN)).toBe(10 * MIN)
    expect(feedDue(checked, 'visible', T0 + FEED_MIN_GAP_MS - 1)).toBe(false)
    expect(feedDue(checked, 'visible', T0 + FEED_MIN_GAP_MS)).toBe(true)
    expect(feedDue(checked, 'online', T0 + FEED_MIN_GAP_MS)).toBe(true)
    expect(feedDue(checked, 'manual', T0 + 1)).toBe(true)
  })

  it('backs off after failures in a row (15, 30, 60, 60 min), except when the device comes back online', () => {
    expect([1, 2, 3, 4, 10].map(feedCheckInterval)).toEqual([15 * MIN, 30 * MIN, 60 * MIN, FEED_MAX_BACKOFF_MS, FEED_MAX_BACKOFF_MS])
    let timing = NEW_FEED_TIMING
    for (let i = 0; i < 2; i++) timing = feedEnded(feedStarted(timing, T0), false)
    expect(timing.failures).toBe(2)
    expect(feedDue(timing, 'interval', T0 + 15 * MIN)).toBe(false)
    expect(feedDue(timing, 'visible', T0 + 15 * MIN)).toBe(false)
    expect(feedDue(timing, 'interval', T0 + 30 * MIN)).toBe(true)
    expect(feedDue(timing, 'online', T0 + FEED_MIN_GAP_MS)).toBe(true)
    // One check that goes through ends the backoff.
    expect(feedEnded(feedStarted(timing, T0), true).failures).toBe(0)
  })
})

describe('whether a fetched schedule replaces the stored one', () => {
  const ID = 'democon' as EventId
  const sides = (fetched: Partial<FeedSides['fetched']>): FeedSides => ({
    stored: { id: ID, contentHash: 'a', sessionCount: 100 },
    fetched: { id: ID, contentHash: 'b', sessionCount: 100, ...fetched },
  })

  it('applies a changed file of the same event, and leaves the same file alone', () => {
    expect(judgeFeedFile(sides({}))).toEqual({ kind: 'apply' })
    expect(judgeFeedFile(sides({ contentHash: 'a' }))).toEqual({ kind: 'unchanged' })
  })

  it('takes a file whose first day moved by days as the same edition, and a year later (or another acronym) as another event', () => {
    expect(sameEdition('democon-2020-12-27', 'democon-2020-12-27')).toBe(true)
    expect(sameEdition('democon-2020-12-27', 'democon-2020-12-29')).toBe(true)
    expect(sameEdition('democon-2020-12-27', `democon-2021-01-${String(10).padStart(2, '0')}`)).toBe(true) // 14 days
    expect(sameEdition('democon-2020-12-27', 'democon-2021-01-11')).toBe(false) // 15 days
    expect(sameEdition('democon-2020-12-27', 'democon-2021-12-26')).toBe(false)
    expect(sameEdition('democon-2020-12-27', 'othercon-2020-12-27')).toBe(false)
    // Stored before ids named the edition: the acronym alone.
    expect(sameEdition('democon', 'democon-2020-12-27')).toBe(true)
    expect(sameEdition('democon', 'othercon-2020-12-27')).toBe(false)
    expect(sameEdition('democon-2020-12-27', 'democon')).toBe(false)
  })

  it('refuses a file for another event', () => {
    expect(judgeFeedFile(sides({ id: 'othercon' as EventId }))).toEqual({ kind: 'other-event', fileEventId: 'othercon' })
  })

  it('asks before a file that lost more than half of the sessions, and applies that very file once approved', () => {
    expect(judgeFeedFile(sides({ sessionCount: 50 }))).toEqual({ kind: 'apply' })
    expect(judgeFeedFile(sides({ sessionCount: 49 }))).toEqual({ kind: 'shrunk', before: 100, after: 49 })
    expect(judgeFeedFile(sides({ sessionCount: 49 }), 'b')).toEqual({ kind: 'apply' })
    expect(judgeFeedFile(sides({ sessionCount: 49, contentHash: 'c' }), 'b')).toEqual({ kind: 'shrunk', before: 100, after: 49 })
  })

  it('says why in words, and points a CORS refusal at downloading the file', () => {
    expect(feedProblemText({ kind: 'http', status: 500 })).toBe('The server answered with an error (HTTP 500).')
    expect(feedProblemText({ kind: 'refused', crossOrigin: true })).toMatch(/doesn’t allow other sites.*Download the file and open it/)
    expect(feedProblemText({ kind: 'shrunk', before: 1200, after: 3 })).toMatch(/only 3 of the 1,200 sessions/)
  })
})
