// The one gate to Web Storage (localStorage, sessionStorage), with one registry of its keys: lint allows them nowhere
// else. Only small per-browser hints live here, never the user's data (stars and settings are in IndexedDB): each
// must work, or fail harmlessly, when storage is blocked, full or missing.

/** Every key Hallway keeps in Web Storage, with where it lives and why it is not in IndexedDB. */
export const STORAGE_KEYS = {
  /** The event IndexedDB last showed, so the next start can preview it before IndexedDB opens (src/db/session.ts). */
  shownEvent: { area: 'local', key: 'hallway:shown-event', formerKey: 'hallway.shownEvent' },
  /**
   * The content hash of the schedule IndexedDB last showed (with shownEvent): the build's prerendered first screen is
   * shown before any script runs only while it is of this very schedule (src/prerender/firstScreenScript.ts).
   */
  shownSchedule: { area: 'local', key: 'hallway:shown-schedule' },
  /** The install banner was dismissed. About the browser itself, and it must work when IndexedDB does not. */
  installBannerDismissed: { area: 'local', key: 'hallway:install-banner-dismissed' },
  /**
   * Stars tapped that IndexedDB does not have yet (it was still opening, or another tab held it): JSON, per event, per
   * session, the level. Here because IndexedDB is exactly what was not there; local, so a reload (which the held
   * notice asks for) or a closed tab loses none (src/db/starJournal.ts).
   */
  pendingStars: { area: 'local', key: 'hallway:pending-stars' },
  /**
   * The schedule's layout the user last picked, "list" or "grid": a per-device preference about the screen, read before
   * IndexedDB opens so the first view shows the right one.
   */
  scheduleLayout: { area: 'local', key: 'hallway:schedule-layout' },
  /** The "not saving on this device" notice was dismissed: per tab, since storage being unusable is per tab too. */
  storageNoticeDismissed: { area: 'session', key: 'hallway:storage-notice-dismissed' },
} as const satisfies Record<string, StorageKey>

interface StorageKey {
  area: 'local' | 'session'
  key: `hallway:${string}`
  /** The key's name in an earlier Hallway, still read (once) so an update forgets nothing. */
  formerKey?: string
}

export type StorageKeyName = keyof typeof STORAGE_KEYS

function areaOf(name: StorageKeyName): Storage | undefined {
  // Reading `localStorage` itself throws where storage is blocked (some private modes, sandboxed frames).
  return STORAGE_KEYS[name].area === 'local' ? globalThis.localStorage : globalThis.sessionStorage
}

/** The stored value, or null when there is none or storage can't be read (blocked: treated as never written). */
export function readWebStorage(name: StorageKeyName): string | null {
  const spec: StorageKey = STORAGE_KEYS[name]
  try {
    const area = areaOf(name)
    return area?.getItem(spec.key) ?? (spec.formerKey ? area?.getItem(spec.formerKey) : null) ?? null
  } catch {
    return null
  }
}

/** Stores `value`; false when storage is blocked or full, which callers treat as "remembered until reload". */
export function writeWebStorage(name: StorageKeyName, value: string): boolean {
  try {
    const area = areaOf(name)
    area?.setItem(STORAGE_KEYS[name].key, value)
    return area !== undefined
  } catch {
    return false
  }
}

/** Forgets the value; false when storage is blocked. */
export function removeWebStorage(name: StorageKeyName): boolean {
  try {
    areaOf(name)?.removeItem(STORAGE_KEYS[name].key)
    return true
  } catch {
    return false
  }
}
