// Turning whatever IndexedDB or Dexie threw into a StorageProblem the UI can show as a plain notice.
// Recovery never deletes the user's database: every problem here degrades to "browse without saving".

export type StorageProblemKind =
  | 'unavailable'
  | 'quota'
  | 'blocked'
  /** Opening is blocked by another tab's connection, or has not settled in time: the tab carries on in memory. */
  | 'held'
  | 'newer-version'
  | 'superseded'
  /** The storage code itself (a lazy chunk) did not download. */
  | 'not-downloaded'
  | 'unknown'

export interface StorageProblem {
  kind: StorageProblemKind
  /** A user-facing sentence or two: what happened, what still works, what to do. */
  message: string
}

const MESSAGES: Record<StorageProblemKind, string> = {
  unavailable:
    "This browser isn't letting Hallway save data (private mode or blocked storage). You can browse the schedule, " +
    "but stars and settings won't be kept.",
  quota: "Storage on this device is full, so your stars and settings can't be saved. The schedule still works.",
  blocked:
    'Hallway is open in another tab with a different version, so this tab can’t save stars and settings right now. ' +
    'Close the other Hallway tabs and reload this one. You can keep browsing the schedule.',
  held:
    'Another Hallway tab is holding the storage, so this tab can’t open it. Close that tab or reload this one. Until ' +
    'then the stars you tap are kept in this tab, and saved as soon as the storage opens.',
  'newer-version':
    'This device has data from a newer version of Hallway than the one running in this tab. Nothing was deleted. ' +
    'Reload the page to get the latest version; until then you can browse the schedule, but stars and settings ' +
    'won’t be saved.',
  superseded:
    'Hallway was updated in another tab, so this tab has stopped saving to keep your data safe. Nothing was lost. ' +
    'Reload this tab to keep starring; until then you can browse the schedule.',
  'not-downloaded':
    "Part of Hallway didn't finish downloading, so this tab can't save stars and settings. Nothing was lost. " +
    'Reload while online to fix it; until then you can browse the schedule.',
  unknown:
    "Something went wrong with this device's storage, so your stars and settings can't be saved right now. " +
    'The schedule still works; reloading the page may help.',
}

/** The problem of a given kind with its standard message (e.g. when the app runs without IndexedDB on purpose). */
export function storageProblemOf(kind: StorageProblemKind): StorageProblem {
  return { kind, message: MESSAGES[kind] }
}

/**
 * A failed write of a schedule (adding or replacing one from a file) said in its own words: the standard messages are
 * about stars and settings, which such a write never touches. Its transaction is all or nothing, so nothing changed.
 */
const SCHEDULE_SAVE_MESSAGES: Partial<Record<StorageProblemKind, string>> = {
  quota:
    'There isn’t enough storage on this device to save this schedule. Nothing was added or changed; your stars and ' +
    'settings are as they were.',
  unknown:
    "Something went wrong with this device's storage, so this schedule couldn't be saved. Nothing was added or " +
    'changed; reloading the page may help.',
}

/** {@link toStorageProblem} for a write that saved a schedule: it names the schedule, not the stars, as what failed. */
export function toScheduleSaveProblem(error: unknown): StorageProblem {
  const problem = toStorageProblem(error)
  const message = SCHEDULE_SAVE_MESSAGES[problem.kind]
  return message === undefined ? problem : { kind: problem.kind, message }
}

// Error names as IndexedDB (DOMException) and Dexie (which maps them to its own classes of the same name) use them.
const QUOTA_NAMES = new Set([
  'QuotaExceededError',
  // Firefox before it adopted the standard name.
  'NS_ERROR_DOM_QUOTA_REACHED',
])
const NEWER_VERSION_NAMES = new Set(['VersionError'])
// DatabaseClosed / VersionChange: another tab upgraded or deleted the database and Dexie closed this connection.
const BLOCKED_NAMES = new Set(['DatabaseClosedError', 'VersionChangeError'])
const UNAVAILABLE_NAMES = new Set([
  // No indexedDB global at all (some embedded browsers, very old private modes).
  'MissingAPIError',
  // Firefox private mode (before v115) and other "database not allowed" states.
  'InvalidStateError',
  // Storage blocked by the browser (third-party frame, "block all cookies", file://).
  'SecurityError',
  'NotAllowedError',
  // Dexie's wrapper for an open() that failed for a reason not more specific than the above.
  'OpenFailedError',
])
/** DOMException's legacy numeric code for QuotaExceededError (some engines set only the code). */
const QUOTA_EXCEEDED_ERR_CODE = 22

// Most specific first: an AbortError whose cause is a full disk is a quota problem, an OpenFailedError caused by a
// newer database is a newer-version problem.
const PRIORITY: readonly [StorageProblemKind, (e: ErrorLike) => boolean][] = [
  ['quota', (e) => QUOTA_NAMES.has(e.name) || e.code === QUOTA_EXCEEDED_ERR_CODE],
  ['newer-version', (e) => NEWER_VERSION_NAMES.has(e.name)],
  ['blocked', (e) => BLOCKED_NAMES.has(e.name)],
  ['unavailable', (e) => UNAVAILABLE_NAMES.has(e.name)],
]

interface ErrorLike {
  name: string
  code?: unknown
}

/** Maps anything thrown by Dexie / IndexedDB to a user-facing problem. Never throws. */
export function toStorageProblem(error: unknown): StorageProblem {
  const chain = causesOf(error)
  for (const [kind, matches] of PRIORITY) {
    if (chain.some(matches)) return storageProblemOf(kind)
  }
  return storageProblemOf('unknown')
}

/** The error, its Dexie `inner` / standard `cause` chain, and a BulkError's per-row failures, flattened. */
function causesOf(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = []
  const seen = new Set<unknown>()
  const stack: unknown[] = [error]
  while (stack.length > 0) {
    const e = stack.pop()
    if (typeof e !== 'object' || e === null || seen.has(e)) continue
    seen.add(e)
    const rec = e as Record<string, unknown>
    if (typeof rec.name === 'string') out.push({ name: rec.name, code: rec.code })
    stack.push(rec.inner, rec.cause)
    if (Array.isArray(rec.failures)) stack.push(...(rec.failures as unknown[]))
  }
  return out
}
