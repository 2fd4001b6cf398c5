// The event's speakers as the speakers screens read them: built once per schedule, shared by the list and each page.
import type { Session } from '../../domain/model'
import { speakerIndex, type SpeakerEntry } from '../../domain/speakerIndex'
import { useHallway } from '../common/useHallway'

// Keyed by the schedule's sessions array, which keeps its identity while the data is unchanged (ScheduleState), so
// going from the list to a speaker and back does not walk every session again; a new schedule drops the old entry.
const built = new WeakMap<readonly Session[], readonly SpeakerEntry[]>()

function indexOf(sessions: readonly Session[]): readonly SpeakerEntry[] {
  let index = built.get(sessions)
  if (!index) built.set(sessions, (index = speakerIndex(sessions)))
  return index
}

/** Every speaker of the current event, A–Z. */
export function useSpeakerIndex(): readonly SpeakerEntry[] {
  const sessions = useHallway((s) => s.schedule.sessions)
  return indexOf(sessions)
}

/** One speaker by id; undefined when no session of the current event names them. */
export function useSpeaker(id: string): SpeakerEntry | undefined {
  return useSpeakerIndex().find((e) => e.id === id)
}
