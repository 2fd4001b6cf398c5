// On My plan, when the stars saved on this device exist but can't be read in this tab (a newer Hallway's database, or
// storage held by another tab): says so, so an empty or partial plan in memory is never taken for the saved one.
import type { StorageProblemKind } from '../../db/storageErrors'
import { useSchedule } from '../common/useSchedule'

const WHY: Partial<Record<StorageProblemKind, string>> = {
  'newer-version':
    'Your saved plan can’t be shown until Hallway is updated: a newer version of Hallway saved it on this device. ' +
    'Nothing was deleted. Reload to get the latest version.',
  held:
    'Your saved plan can’t be shown while another Hallway tab is holding the storage. Close that tab or reload this ' +
    'one. Stars you tap now are kept in this tab, and saved as soon as the storage opens.',
}

/** True when the saved plan can't be read in this tab (and {@link SavedPlanNotice} says why). */
export function useSavedPlanUnreadable(): boolean {
  const { storage } = useSchedule()
  return storage.kind === 'memory' && WHY[storage.problem.kind] !== undefined
}

export function SavedPlanNotice() {
  const { storage } = useSchedule()
  const why = storage.kind === 'memory' ? WHY[storage.problem.kind] : undefined
  if (!why) return null
  return (
    <div className="note">
      <p>
        <strong>{why}</strong>
      </p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  )
}
