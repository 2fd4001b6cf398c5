// Walking settings: stored in the settings table, validated on the way in and on the way out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HallwayDB } from '../../../src/db/HallwayDB'
import {
  DEFAULT_WALKING_SETTINGS,
  SETTING_WALKING_BUFFER,
  SETTING_WALKING_PACE,
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
