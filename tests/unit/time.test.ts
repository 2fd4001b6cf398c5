// Venue time and the device's time zone. These tests also run with the process in Asia/Tokyo and in
// America/Los_Angeles (the unit-tokyo and unit-la projects of vitest.config.ts): every answer here is the same in any
// device zone, because every conversion names its zone.
import type { Instant, VenueDay } from '../../src/domain/model'
import {
  calendarDaysFrom,
  formatVenueDay,
  formatVenueTime,
  formatVenueTimeRange,
  venueDayOf,
  zoneAbbreviation,
} from '../../src/domain/time'
import { venueWallClockToInstant } from '../../src/domain/wallClock'

const NY = 'America/New_York'
const DRAGONFLY_START = '2025-11-13T20:15:00Z' as Instant // 3:15 PM EST on the seed's Thursday
const DRAGONFLY_END = '2025-11-13T20:45:00Z' as Instant
const THURSDAY = '2025-11-13' as VenueDay

describe('the process time zone', () => {
  it('is the one the project asked for (so the zone projects really test another zone)', () => {
    const asked = process.env.TZ
    if (asked === undefined || asked === '') return // the plain unit project: whatever the machine has
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(asked)
    // Date's local time follows too: 20:15 UTC is not 20 o'clock in Tokyo or Los Angeles.
    expect(new Date(DRAGONFLY_START).getHours()).not.toBe(20)
  })
})

describe('venue time, whatever the device zone', () => {
  it('reads and writes the venue wall clock', () => {
    expect(venueWallClockToInstant(THURSDAY, 15, 15, NY)).toBe(DRAGONFLY_START)
    expect(formatVenueTime(DRAGONFLY_START, NY)).toBe('3:15 PM')
    expect(formatVenueTimeRange(DRAGONFLY_START, DRAGONFLY_END, NY)).toBe('3:15 – 3:45 PM EST')
    expect(formatVenueTimeRange('2025-11-13T16:30:00Z' as Instant, '2025-11-13T17:15:00Z' as Instant, NY)).toBe(
      '11:30 AM – 12:15 PM EST',
    )
  })

  it('puts late-evening sessions on the venue day, not the UTC or device day', () => {
    // 9 PM EST is 02:00 UTC the next day, and already Friday morning in Tokyo.
    const evening = venueWallClockToInstant(THURSDAY, 21, 0, NY)
    expect(evening).toBe('2025-11-14T02:00:00Z')
    expect(venueDayOf(evening, NY)).toBe(THURSDAY)
    expect(formatVenueDay(THURSDAY)).toBe('Thursday, Nov 13')
  })

  it('follows daylight saving time at the venue (EDT before Nov 2, 2025)', () => {
    const october = venueWallClockToInstant('2025-10-30' as VenueDay, 15, 15, NY)
    expect(october).toBe('2025-10-30T19:15:00Z')
    expect(zoneAbbreviation(october, NY)).toBe('EDT')
  })
})

describe('zoneAbbreviation', () => {
  it('names zones the way people there do, not only the American ones', () => {
    const cases: Array<[string, string]> = [
      [NY, 'EST'],
      ['America/Los_Angeles', 'PST'],
      ['Asia/Tokyo', 'JST'],
      ['Europe/Paris', 'CET'],
      ['Europe/London', 'GMT'],
      ['Asia/Kolkata', 'IST'],
      ['Australia/Sydney', 'AEDT'],
      ['Asia/Singapore', 'SGT'],
      ['UTC', 'UTC'],
    ]
    for (const [zone, name] of cases) expect(zoneAbbreviation(DRAGONFLY_START, zone), zone).toBe(name)
  })

  it('falls back to the GMT offset for a zone no locale names', () => {
    expect(zoneAbbreviation(DRAGONFLY_START, 'Asia/Seoul')).toBe('GMT+9')
  })

  it('names summer time in the same locale as winter time', () => {
    expect(zoneAbbreviation('2025-07-01T12:00:00Z' as Instant, 'Europe/Paris')).toBe('CEST')
    expect(zoneAbbreviation('2025-07-01T12:00:00Z' as Instant, 'Australia/Sydney')).toBe('AEST')
  })
})

describe('calendarDaysFrom', () => {
  it('is 0 in the venue zone, +1 for Dragonfly seen from Tokyo, -1 for an early talk seen from Honolulu', () => {
    expect(calendarDaysFrom(THURSDAY, DRAGONFLY_START, NY)).toBe(0)
    expect(formatVenueTime(DRAGONFLY_START, 'Asia/Tokyo')).toBe('5:15 AM')
    expect(calendarDaysFrom(THURSDAY, DRAGONFLY_START, 'Asia/Tokyo')).toBe(1)
    const early = venueWallClockToInstant(THURSDAY, 4, 30, NY) // 11:30 PM Wednesday in Honolulu
    expect(calendarDaysFrom(THURSDAY, early, 'Pacific/Honolulu')).toBe(-1)
  })

  it('counts across a month end and up to the two days the widest zone gap allows', () => {
    const lastOfOctober = venueWallClockToInstant('2025-10-31' as VenueDay, 23, 30, 'Pacific/Kiritimati') // UTC+14
    expect(calendarDaysFrom('2025-10-31' as VenueDay, lastOfOctober, 'Pacific/Pago_Pago')).toBe(-1) // UTC-11
    const early = venueWallClockToInstant('2025-11-01' as VenueDay, 0, 30, 'Pacific/Kiritimati')
    expect(calendarDaysFrom('2025-11-01' as VenueDay, early, 'Pacific/Pago_Pago')).toBe(-2)
    expect(calendarDaysFrom('2025-10-31' as VenueDay, '2025-11-01T06:00:00Z' as Instant, 'Asia/Tokyo')).toBe(1)
  })
})

describe('clock labels at the edges of the day (Intl, assembled from parts)', () => {
  it('writes midnight and noon as 12, with a plain space before AM/PM', () => {
    expect(formatVenueTime('2025-11-14T05:00:00Z' as Instant, NY)).toBe('12:00 AM')
    expect(formatVenueTime('2025-11-13T17:05:00Z' as Instant, NY)).toBe('12:05 PM')
    expect(formatVenueTime('2025-11-13T17:05:00Z' as Instant, NY)).not.toMatch(/[\u202f\u00a0]/)
  })

  it('drops the first AM/PM only when both ends share it', () => {
    expect(formatVenueTimeRange('2025-11-13T16:30:00Z' as Instant, '2025-11-13T17:15:00Z' as Instant, NY)).toBe(
      '11:30 AM – 12:15 PM EST',
    )
    expect(formatVenueTimeRange('2025-11-14T04:30:00Z' as Instant, '2025-11-14T05:30:00Z' as Instant, NY)).toBe(
      '11:30 PM – 12:30 AM EST',
    )
  })

  it('names the venue day across a year boundary and on a DST change', () => {
    expect(venueDayOf('2026-01-01T04:59:00Z' as Instant, NY)).toBe('2025-12-31')
    expect(venueDayOf('2026-01-01T05:00:00Z' as Instant, NY)).toBe('2026-01-01')
    expect(venueDayOf('2025-03-09T06:59:00Z' as Instant, NY)).toBe('2025-03-09') // 1:59 AM EST, clocks go forward at 2
    expect(formatVenueTime('2025-03-09T07:00:00Z' as Instant, NY)).toBe('3:00 AM') // 2 AM EST is 3 AM EDT
    expect(venueDayOf('2025-11-13T20:15:00Z' as Instant, 'Pacific/Kiritimati')).toBe('2025-11-14') // UTC+14
  })

  it('writes every day of a week with its own weekday', () => {
    const days = ['2025-11-09', '2025-11-10', '2025-11-11', '2025-11-12', '2025-11-13', '2025-11-14', '2025-11-15']
    expect(days.map((d) => formatVenueDay(d as VenueDay))).toEqual([
      'Sunday, Nov 9',
      'Monday, Nov 10',
      'Tuesday, Nov 11',
      'Wednesday, Nov 12',
      'Thursday, Nov 13',
      'Friday, Nov 14',
      'Saturday, Nov 15',
    ])
  })
})
