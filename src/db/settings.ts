// The user's settings (walking pace and buffer, calendar reminder, venue or device time), kept in the settings table
// and read back defensively: a value this build does not understand (hand-edited, or written by another version)
// falls back to the default. They are the person's, so one value holds for every event on the device (what is per
// event, and why, is decided at the top of events.ts).
import type { ReminderScope } from '../domain/reminders'
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

/** The stored value of `key` when `isValid` accepts it, else `fallback`. */
function settingOr<T>(settings: ReadonlyMap<string, unknown>, key: string, isValid: (v: unknown) => v is T, fallback: T): T {
  const value = settings.get(key)
  return isValid(value) ? value : fallback
}

/** The walking settings in a settings map (from a snapshot of the table), defaults where missing or invalid. */
export function walkingSettingsOf(settings: ReadonlyMap<string, unknown>): WalkingSettings {
  return {
    pace: settingOr(settings, SETTING_WALKING_PACE, isWalkingPace, DEFAULT_WALKING_SETTINGS.pace),
    bufferMin: settingOr(settings, SETTING_WALKING_BUFFER, isBufferMin, DEFAULT_WALKING_SETTINGS.bufferMin),
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

// ---- Calendar export and time display --------------------------------------------------------------------------

export const SETTING_REMINDER_MIN = 'calendarReminderMin'
export const SETTING_TIME_DISPLAY = 'timeDisplay'
export const SETTING_LEAVE_REMINDERS = 'leaveReminders'

/**
 * The calendar's reminder: minutes before a session, 'walk' for the leave-now moment (the walk from the previous
 * plan session's room, as the in-app reminders count it), or null for none.
 */
export type CalendarReminder = number | 'walk' | null

/**
 * minutes before a session: the calendar reminders on offer (null: none; 'walk': when to leave). Five fixed steps
 * cover "walk over now" (5–10) to "find the building" (30); anything else is better set in the calendar app itself.
 */
export const REMINDER_CHOICES: readonly CalendarReminder[] = [null, 'walk', 5, 10, 15, 30]

/** Whose clock times show in: the venue's (the default, as the printed schedule and the signs read) or the device's. */
export type TimeDisplay = 'venue' | 'device'

export interface DisplaySettings {
  /** The exported calendar's reminder: minutes before each session, 'walk' for the leave-now moment, null for none. */
  reminderMin: CalendarReminder
  timeDisplay: TimeDisplay
  /** Which plan sessions get a "leave now" reminder while Hallway is open. Off until the user turns it on. */
  reminders: ReminderScope
}

export const DEFAULT_DISPLAY_SETTINGS: Readonly<DisplaySettings> = { reminderMin: null, timeDisplay: 'venue', reminders: 'off' }

function isReminderMin(value: unknown): value is CalendarReminder {
  return REMINDER_CHOICES.includes(value as CalendarReminder)
}

// Spelled out here rather than imported, so reading the settings at start-up does not pull the reminders' code into
// the first view.
const REMINDER_SCOPES: readonly ReminderScope[] = ['off', 'musts', 'all']

export function isReminderScope(value: unknown): value is ReminderScope {
  return (REMINDER_SCOPES as readonly unknown[]).includes(value)
}

function isTimeDisplay(value: unknown): value is TimeDisplay {
  return value === 'venue' || value === 'device'
}

/** The export reminder and time display in a settings map, defaults where missing or invalid. */
export function displaySettingsOf(settings: ReadonlyMap<string, unknown>): DisplaySettings {
  return {
    // Absent means never chosen: no reminder. (A stored null is a choice of none; both read the same.)
    reminderMin: settingOr(settings, SETTING_REMINDER_MIN, isReminderMin, DEFAULT_DISPLAY_SETTINGS.reminderMin),
    timeDisplay: settingOr(settings, SETTING_TIME_DISPLAY, isTimeDisplay, DEFAULT_DISPLAY_SETTINGS.timeDisplay),
    reminders: settingOr(settings, SETTING_LEAVE_REMINDERS, isReminderScope, DEFAULT_DISPLAY_SETTINGS.reminders),
  }
}

export function setLeaveReminders(store: UserDataStore, scope: ReminderScope): Promise<void> {
  if (!isReminderScope(scope)) return Promise.reject(new RangeError(`Unknown reminder choice: ${String(scope)}`))
  return store.transact((tx) => tx.putSetting(SETTING_LEAVE_REMINDERS, scope))
}

export function setReminderMinutes(store: UserDataStore, minutes: CalendarReminder): Promise<void> {
  if (!isReminderMin(minutes)) {
    return Promise.reject(new RangeError(`The reminder must be one of ${REMINDER_CHOICES.map(String).join(', ')} minutes.`))
  }
  return store.transact((tx) => tx.putSetting(SETTING_REMINDER_MIN, minutes))
}

export function setTimeDisplay(store: UserDataStore, display: TimeDisplay): Promise<void> {
  if (!isTimeDisplay(display)) return Promise.reject(new RangeError(`Unknown time display: ${String(display)}`))
  return store.transact((tx) => tx.putSetting(SETTING_TIME_DISPLAY, display))
}
