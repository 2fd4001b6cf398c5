// The timers behind the "leave now" reminders while Hallway is open: one timeout at a time, for the next moment,
// driven by the app's clock (so a test's fake clock, or the browser's controlled one, moves them too).
import type { Reminder } from '../../domain/reminders'

// ms: the longest single wait. A phone asleep or a laptop lid shut stops timers, and the system clock can jump
// (a time zone change, NTP); waking at least this often re-reads the clock. An hour costs nothing.
const MAX_WAIT_MS = 60 * 60_000

/** One reminder's identity: a moved session (new start or room) is a new reminder and fires again. */
export function reminderKey(r: Reminder): string {
  return `${r.item.session.id}@${r.atMs}`
}

/**
 * Calls `fire` for every reminder whose leave moment has come and whose session has not started, once per key in
 * `fired` (shared across reschedules, so a plan change does not repeat a reminder already shown). Due ones fire at
 * once: opening Hallway between the leave moment and the start still says "leave now". Returns the cancel.
 */
export function scheduleReminders(
  reminders: readonly Reminder[],
  clock: () => number,
  fire: (reminder: Reminder) => void,
  fired: Set<string>,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const check = () => {
    clearTimeout(timer)
    const now = clock()
    let nextAt = Infinity
    for (const r of reminders) {
      if (r.atMs > now) {
        nextAt = Math.min(nextAt, r.atMs)
        continue
      }
      if (r.startMs <= now || fired.has(reminderKey(r))) continue
      fired.add(reminderKey(r))
      fire(r)
    }
    if (nextAt !== Infinity) timer = setTimeout(check, Math.min(nextAt - now, MAX_WAIT_MS))
  }
  // Timers were paused while the page was hidden on a phone: catch up as soon as it shows again.
  const onVisible = () => {
    if (document.visibilityState === 'visible') check()
  }
  document.addEventListener('visibilitychange', onVisible)
  check()
  return () => {
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisible)
  }
}
