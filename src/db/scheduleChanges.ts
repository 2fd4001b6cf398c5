// The user's side of schedule updates: marking recorded changes as seen. (Recording them happens inside the
// snapshot install's transaction, in snapshotInstall.ts, so a change is never recorded without the update.)
import type { EventId } from '../domain/model'
import type { UserDataStore } from './userDataStore'

/**
 * Marks the changes `keys` of `eventId` as acknowledged, all in one unit of work; they leave the "What changed" list
 * and their badges go. Returns how many were still unacknowledged (another tab may have been first).
 */
export function acknowledgeChanges(store: UserDataStore, eventId: EventId, keys: readonly string[]): Promise<number> {
  return store.transact(async (tx) => {
    let count = 0
    for (const key of keys) if (await tx.acknowledgeChange(eventId, key)) count += 1
    return count
  })
}
