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
  venueWallClockToInstant,
  zoneAbbreviation,
} from '../../src/domain/time'

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
