// Settings (walking, calendar reminder, time display): stored in the settings table, validated on the way in and out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HallwayDB } from '../../../src/db/HallwayDB'
import {
  DEFAULT_DISPLAY_SETTINGS,
  DEFAULT_WALKING_SETTINGS,
  displaySettingsOf,
  REMINDER_CHOICES,
  SETTING_LEAVE_REMINDERS,
  SETTING_REMINDER_MIN,
  SETTING_TIME_DISPLAY,
  SETTING_WALKING_BUFFER,
  SETTING_WALKING_PACE,
  setLeaveReminders,
  setReminderMinutes,
  setTimeDisplay,
  setWalkingBuffer,
  setWalkingPace,
  walkingSettingsOf,
} from '../../../src/db/settings'
import { indexedDbUserData, readUserData } from '../../../src/db/userDataStore'
import { makeTestDB, TEST_EVENT_ID } from './factories'

let db: HallwayDB

beforeEach(() => {
  db = makeTestDB()
})

afterEach(async () => {
  await db.delete()
})

async function stored() {
  return walkingSettingsOf((await readUserData(db, TEST_EVENT_ID)).settings)
}

describe('walking settings', () => {
  it('defaults to a normal pace and no buffer', async () => {
    expect(await stored()).toEqual(DEFAULT_WALKING_SETTINGS)
  })

  it('stores the pace and the buffer', async () => {
    const store = indexedDbUserData(db)
    await setWalkingPace(store, 'relaxed')
    await setWalkingBuffer(store, 5)
    expect(await stored()).toEqual({ pace: 'relaxed', bufferMin: 5 })
    expect(await db.settings.get(SETTING_WALKING_PACE)).toEqual({ key: SETTING_WALKING_PACE, value: 'relaxed' })
  })

  it('rejects values it could not read back, and writes nothing', async () => {
    const store = indexedDbUserData(db)
    await expect(setWalkingBuffer(store, -1)).rejects.toThrow(RangeError)
    await expect(setWalkingBuffer(store, 2.5)).rejects.toThrow(RangeError)
    await expect(setWalkingBuffer(store, 31)).rejects.toThrow(RangeError)
    await expect(setWalkingPace(store, 'sprint' as any)).rejects.toThrow(RangeError)
    expect(await db.settings.count()).toBe(0)
  })

  it('falls back to the defaults for stored values it does not understand', async () => {
    await db.settings.bulkPut([
      { key: SETTING_WALKING_PACE, value: 'jogging' },
      { key: SETTING_WALKING_BUFFER, value: '10' },
    ])
    expect(await stored()).toEqual(DEFAULT_WALKING_SETTINGS)
  })
})

describe('calendar reminder and time display', () => {
  const display = async () => displaySettingsOf((await readUserData(db, TEST_EVENT_ID)).settings)

  it('defaults to no reminder and venue time', async () => {
    expect(await display()).toEqual(DEFAULT_DISPLAY_SETTINGS)
    expect(DEFAULT_DISPLAY_SETTINGS).toEqual({ reminderMin: null, timeDisplay: 'venue', reminders: 'off' })
  })

  it('remembers each reminder on offer, "none" included, and the device-time choice', async () => {
    const store = indexedDbUserData(db)
    for (const minutes of REMINDER_CHOICES) {
      await setReminderMinutes(store, minutes)
      expect((await display()).reminderMin).toBe(minutes)
    }
    await setTimeDisplay(store, 'device')
    expect(await display()).toEqual({ reminderMin: 30, timeDisplay: 'device', reminders: 'off' })
  })

  it('remembers the leave-now reminders choice, and reads junk as off', async () => {
    const store = indexedDbUserData(db)
    for (const scope of ['musts', 'all', 'off'] as const) {
      await setLeaveReminders(store, scope)
      expect((await display()).reminders).toBe(scope)
    }
    await expect(setLeaveReminders(store, 'maybes' as any)).rejects.toThrow(RangeError)
    await db.settings.put({ key: SETTING_LEAVE_REMINDERS, value: true })
    expect((await display()).reminders).toBe('off')
  })

  it('rejects reminders not on offer and unknown displays, writing nothing; reads junk as the default', async () => {
    const store = indexedDbUserData(db)
    await expect(setReminderMinutes(store, 7)).rejects.toThrow(RangeError)
    await expect(setReminderMinutes(store, -5)).rejects.toThrow(RangeError)
    await expect(setTimeDisplay(store, 'utc' as any)).rejects.toThrow(RangeError)
    expect(await db.settings.count()).toBe(0)
    await db.settings.bulkPut([
      { key: SETTING_REMINDER_MIN, value: '10' },
      { key: SETTING_TIME_DISPLAY, value: 'UTC' },
    ])
    expect(await display()).toEqual(DEFAULT_DISPLAY_SETTINGS)
  })
})
