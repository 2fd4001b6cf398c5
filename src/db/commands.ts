// What the user does to their data, as commands on the storage session: stars, clash resolutions, merges from a
// shared plan, settings, acknowledged changes and the events on the device. Each returns an Outcome: its value (and,
// where the change can be taken back, its undo), or the one user-facing message a failure becomes. Failures are
// turned into words here, in run(), and nowhere else; nothing here throws.
import type { EventId, SessionId, Snapshot } from '../domain/model'
import { NOTHING_HIDDEN } from '../domain/search'
import type { StarLevel } from '../domain/stars'
import type { WalkingPace } from '../domain/walking'
import type { AddEventOutcome, RemovedEvent } from './eventLibrary'
import { changeHidden, hiddenSettingKey, withHidden, type HiddenKind } from './hidden'
import { addStars, replaceStars, type MergeResult } from './merge'
import { pendingStars } from './pendingStars'
import { requestPersistence } from './persistence'
import { acknowledgeChanges } from './scheduleChanges'
import type { HallwaySession } from './session'
import type { ReminderScope } from '../domain/reminders'
import {
  setLeaveReminders,
  setReminderMinutes,
  setTimeDisplay,
  setWalkingBuffer,
  setWalkingPace,
  type CalendarReminder,
  type TimeDisplay,
} from './settings'
import { restoreNote, saveNote } from './notes'
import { cycleStar, resolveConflict, undoStars, type Resolution, type StarUndo } from './stars'
import { toScheduleSaveProblem, toStorageProblem, type StorageProblem } from './storageErrors'
import type { UserDataStore } from './userDataStore'

/** Takes a change back; reports like any command. */
export type Undo = () => Promise<Outcome<void>>

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * Runs `work`, turning a failure into the message the user sees: "<what> didn’t work." and what happened to
 * storage (`problemOf` words it; a schedule write's names the schedule). A plain Error is one of Hallway's own
 * refusals ("the bundled schedule can’t be removed"), already in words.
 */
export async function run<T>(
  what: string,
  work: () => Promise<T>,
  problemOf: (error: unknown) => StorageProblem = toStorageProblem,
): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    console.warn(`Hallway: ${what.toLowerCase()} failed.`, error)
    const own = error instanceof Error && error.name === 'Error'
    return { ok: false, message: `${what} didn’t work. ${own ? error.message : problemOf(error).message}` }
  }
}

const refused = (message: string): Outcome<never> => ({ ok: false, message })

export interface StarCycle {
  level: StarLevel | null
  /** Absent for a tap made before the saved stars were read (it waits in pendingStars, and only ever raises). */
  undo?: Undo
}

/** Sessions and the levels a merge gives them. */
type Entries = ReadonlyArray<readonly [SessionId, StarLevel]>

/** What a merge from a shared plan did, and its undo. */
export type Merged = Omit<MergeResult, 'undo'> & { undo: Undo }

export interface HallwayCommands {
  /** One step along none → must → maybe → none, from what the user sees. */
  cycleStar(sessionId: SessionId): Promise<Outcome<StarCycle>>
  resolve(resolution: Resolution): Promise<Outcome<{ undo: Undo }>>
  /** Their sessions into the user's plan (a must stays a must). */
  addStars(entries: ReadonlyArray<readonly [SessionId, StarLevel]>): Promise<Outcome<Merged>>
  /** The user's plan becomes theirs. */
  replaceStars(entries: ReadonlyArray<readonly [SessionId, StarLevel]>): Promise<Outcome<Merged>>
  setWalkingPace(pace: WalkingPace): Promise<Outcome<void>>
  setWalkingBuffer(bufferMin: number): Promise<Outcome<void>>
  setReminderMinutes(minutes: CalendarReminder): Promise<Outcome<void>>
  /** Which plan sessions get a leave-now reminder while Hallway is open. */
  setLeaveReminders(scope: ReminderScope): Promise<Outcome<void>>
  /** The user's private note on a session; empty removes it. `undo` puts back the note that was there. */
  saveNote(sessionId: SessionId, text: string): Promise<Outcome<{ text: string; undo: Undo }>>
  setTimeDisplay(display: TimeDisplay): Promise<Outcome<void>>
  acknowledgeChanges(keys: readonly string[]): Promise<Outcome<void>>
  switchEvent(eventId: EventId): Promise<Outcome<void>>
  /** Adds (or, with `replace`, replaces) and shows it when written; `feedUrl`: the web address it came from. */
  addEvent(snapshot: Snapshot, replace: boolean, feedUrl?: string): Promise<Outcome<AddEventOutcome>>
  /** Hides a room or a type (Sched's track) in the event on screen, for good (saved per event). */
  hide(kind: HiddenKind, name: string): Promise<Outcome<{ undo: Undo }>>
  /** Shows every room and type hidden in the event on screen again. */
  showHidden(): Promise<Outcome<{ undo: Undo }>>
  /** Removes an event the user added, with its stars. */
  removeEvent(eventId: EventId): Promise<Outcome<RemovedEvent>>
  /** Applies the file an event's feed held back (it lost most of the sessions): the user said so. */
  applyHeldFeed(eventId: EventId): Promise<Outcome<'applied' | 'gone'>>
}

const bySession = new WeakMap<HallwaySession, HallwayCommands>()

/** The commands on `session` (one set per session). */
export function hallwayCommands(session: HallwaySession): HallwayCommands {
  let commands = bySession.get(session)
  if (!commands) bySession.set(session, (commands = makeCommands(session)))
  return commands
}

function makeCommands(session: HallwaySession): HallwayCommands {
  const plan = () => session.getState().plan
  /** The store and event a write goes to, once the saved stars are read; undefined before. */
  const ready = (): { store: UserDataStore; eventId: EventId } | undefined => {
    const { store, eventId, status } = plan()
    return store && eventId && status === 'ready' ? { store, eventId } : undefined
  }
  const undoOf =
    (store: UserDataStore, undo: StarUndo): Undo =>
    () =>
      run('Undo', () => undoStars(store, undo))
  const setting =
    <A>(what: string, write: (store: UserDataStore, value: A) => Promise<void>) =>
    (value: A): Promise<Outcome<void>> => {
      const store = plan().store
      if (!store) return Promise.resolve(refused(`Saving the ${what} didn’t work. Your settings are still loading.`))
      return run(`Saving the ${what}`, () => write(store, value))
    }
  const merge =
    (what: string, write: (store: UserDataStore, eventId: EventId, entries: Entries) => Promise<MergeResult>) =>
    async (entries: Entries): Promise<Outcome<Merged>> => {
      const { store, eventId, stars } = plan()
      if (!store || !eventId) return refused(`${what} didn’t work. Your plan is still loading; try again in a moment.`)
      const out = await run(what, () => write(store, eventId, entries))
      if (!out.ok) return out
      // As with the first star: the user now has something to lose, so ask the browser to keep it.
      if (stars.size === 0 && out.value.added > 0 && store.persistent) void requestPersistence()
      return { ok: true, value: { ...out.value, undo: undoOf(store, out.value.undo) } }
    }
  const library = () => session.getState().library
  const hiding =
    (what: string, change: Parameters<typeof changeHidden>[2]) =>
    async (): Promise<Outcome<{ undo: Undo }>> => {
      const { store, eventId } = plan()
      if (!store || !eventId) return refused(`${what} didn’t work. The schedule is still loading.`)
      return run(what, async () => {
        const before = await changeHidden(store, eventId, change)
        const undo: Undo = () => run('Undo', async () => void (await changeHidden(store, eventId, () => before)))
        return { undo }
      })
    }

  return {
    async cycleStar(sessionId) {
      const { eventId } = plan()
      if (!eventId) return refused('Saving your star didn’t work. The schedule is still loading.')
      const at = ready()
      // The saved stars are not read yet: the tap waits, and only ever raises what is saved (see pendingStars).
      if (!at) return { ok: true, value: { level: pendingStars.tap(eventId, sessionId) } }
      return run('Saving your star', async () => {
        // A tap kept from before the plan was read is on screen: this one steps on from it, not from under it.
        await pendingStars.flush(at.store, at.eventId)
        const { level, undo } = await cycleStar(at.store, at.eventId, sessionId)
        return { level, undo: undoOf(at.store, undo) }
      })
    },
    async resolve(resolution) {
      const at = ready()
      // Only stars tapped before the plan was read can clash now, and the saved ones may change what is best.
      if (!at) return refused('Your saved plan is still loading. Try again in a moment.')
      return run('Resolving the clash', async () => {
        await pendingStars.flush(at.store, at.eventId)
        return { undo: undoOf(at.store, await resolveConflict(at.store, at.eventId, resolution)) }
      })
    },
    addStars: merge('Adding to your plan', addStars),
    // Stars on sessions this schedule no longer has are not the user's plan as they see it: they stay.
    replaceStars: merge('Replacing your plan', (store, eventId, entries) =>
      replaceStars(store, eventId, entries, (id) => session.getState().byId.has(id)),
    ),
    setWalkingPace: setting('walking pace', setWalkingPace),
    setWalkingBuffer: setting('extra time', setWalkingBuffer),
    setReminderMinutes: setting('reminder', setReminderMinutes),
    setLeaveReminders: setting('reminders', setLeaveReminders),
    setTimeDisplay: setting('time zone', setTimeDisplay),
    async saveNote(sessionId, text) {
      const { store, eventId } = plan()
      if (!store || !eventId) return refused('Saving your note didn’t work. Your plan is still loading; try again in a moment.')
      return run('Saving your note', async () => {
        const saved = await saveNote(store, eventId, sessionId, text)
        return { text: saved.text, undo: () => run('Undo', () => restoreNote(store, eventId, sessionId, saved.previous)) }
      })
    },
    async acknowledgeChanges(keys) {
      const { store, eventId } = plan()
      if (!store || !eventId) return refused('Marking the change as seen didn’t work. Your plan is still loading.')
      return run('Marking the change as seen', async () => {
        await acknowledgeChanges(store, eventId, keys)
      })
    },
    hide: (kind, name) => hiding(kind === 'room' ? 'Hiding the room' : 'Hiding the track', (before) => withHidden(before, kind, name))(),
    showHidden: hiding('Showing what you hid', () => NOTHING_HIDDEN),
    async switchEvent(eventId) {
      const events = library()
      if (!events) return refused('Switching events didn’t work. The schedule is still loading.')
      return run('Switching events', () => events.switchTo(eventId))
    },
    async addEvent(snapshot, replace, feedUrl) {
      const events = library()
      const what = replace ? 'Replacing the schedule' : 'Adding the schedule'
      if (!events) return refused(`${what} didn’t work. The schedule is still loading.`)
      return run(what, () => events.add(snapshot, { replace, ...(feedUrl !== undefined && { feedUrl }) }), toScheduleSaveProblem)
    },
    async removeEvent(eventId) {
      const events = library()
      if (!events) return refused('Removing the event didn’t work. The schedule is still loading.')
      const store = plan().store
      return run('Removing the event', async () => {
        const removed = await events.remove(eventId)
        // In memory mode the stars live in the plan's memory store, not beside the schedule: delete them there, so
        // opening the same file again in this tab does not bring back a plan the user was told was deleted.
        if (events.persistent || !store) return removed
        const stars = await store.transact(async (tx) => {
          const rows = await tx.listStars(eventId)
          for (const r of rows) await tx.deleteStar(eventId, r.sessionId)
          await tx.putSetting(hiddenSettingKey(eventId), undefined)
          return rows.length
        })
        return { ...removed, stars }
      })
    },
    async applyHeldFeed(eventId) {
      const db = session.getState().db
      if (!db) return refused('Applying the new schedule didn’t work. Storage is not open.')
      return run(
        'Applying the new schedule',
        async () => {
          // Loaded on demand: it brings Dexie's install path, which the first view does without.
          const { applyHeldFeedFile } = await import('./feeds')
          return applyHeldFeedFile(db, eventId)
        },
        toScheduleSaveProblem,
      )
    },
  }
}
