// The user's walking settings (pace and extra buffer), kept in the settings table and read back defensively:
// a value this build does not understand (hand-edited, or written by another version) falls back to the default.
import type { WalkingOptions, WalkingPace } from '../domain/walking'
import type { UserDataStore } from './userDataStore'

export const SETTING_WALKING_PACE = 'walkingPace'
export const SETTING_WALKING_BUFFER = 'walkingBufferMin'

const PACES: readonly WalkingPace[] = ['relaxed', 'normal', 'brisk']

/** minutes: the largest buffer accepted. Past half an hour every changeover in the seed would read as a clash. */
export const MAX_BUFFER_MIN = 30

export interface WalkingSettings {
  pace: WalkingPace
  bufferMin: number
}

export const DEFAULT_WALKING_SETTINGS: Readonly<WalkingSettings> = { pace: 'normal', bufferMin: 0 }

export function isWalkingPace(value: unknown): value is WalkingPace {
  return typeof value === 'string' && (PACES as readonly string[]).includes(value)
}

function isBufferMin(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_BUFFER_MIN
}

/** The walking settings in a settings map (from a snapshot of the table), defaults where missing or invalid. */
export function walkingSettingsOf(settings: ReadonlyMap<string, unknown>): WalkingSettings {
  const pace = settings.get(SETTING_WALKING_PACE)
  const bufferMin = settings.get(SETTING_WALKING_BUFFER)
  return {
    pace: isWalkingPace(pace) ? pace : DEFAULT_WALKING_SETTINGS.pace,
    bufferMin: isBufferMin(bufferMin) ? bufferMin : DEFAULT_WALKING_SETTINGS.bufferMin,
  }
}

/** The settings as the domain's walking options. */
export function walkingOptionsOf(settings: WalkingSettings): WalkingOptions {
  return { pace: settings.pace, bufferMin: settings.bufferMin }
}

export function setWalkingPace(store: UserDataStore, pace: WalkingPace): Promise<void> {
  if (!isWalkingPace(pace)) return Promise.reject(new RangeError(`Unknown walking pace: ${String(pace)}`))
  return store.transact((tx) => tx.putSetting(SETTING_WALKING_PACE, pace))
}

export function setWalkingBuffer(store: UserDataStore, bufferMin: number): Promise<void> {
  if (!isBufferMin(bufferMin)) {
    return Promise.reject(new RangeError(`The buffer must be a whole number of minutes from 0 to ${MAX_BUFFER_MIN}.`))
  }
  return store.transact((tx) => tx.putSetting(SETTING_WALKING_BUFFER, bufferMin))
}
