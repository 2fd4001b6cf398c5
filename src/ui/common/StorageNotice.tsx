// Says plainly when nothing can be saved on this device (private mode, full disk, another tab upgrading), because
// otherwise stars would silently vanish on reload. Dismissible for the rest of the tab's life.
import { useState } from 'react'
import { readWebStorage, writeWebStorage } from '../../db/webStorage'
import { useSchedule } from './useSchedule'

export function StorageNotice() {
  const { storage } = useSchedule()
  // Web Storage (per tab) rather than memory: the notice is about storage being unusable, so it must not come back on
  // every reload of the same tab. Blocked storage reads as "not dismissed", and the dismissal lasts until reload.
  const [dismissedEarlier, setDismissedEarlier] = useState(() => readWebStorage('storageNoticeDismissed') === '1')
  const dismissEarlier = () => {
    writeWebStorage('storageNoticeDismissed', '1')
    setDismissedEarlier(true)
  }
  // Another tab's upgrade happens mid-session, after any earlier notice was dismissed, and it must be seen: it has
  // its own dismissal, for this page only.
  const [supersededDismissed, setSupersededDismissed] = useState(false)
  const superseded = storage.kind === 'memory' && storage.problem.kind === 'superseded'
  const dismissed = superseded ? supersededDismissed : dismissedEarlier
  const dismiss = superseded ? () => setSupersededDismissed(true) : dismissEarlier
  // Reloading is the fix when a newer Hallway owns the database (it loads that version), or when the storage code
  // did not download.
  const problem = storage.kind === 'memory' ? storage.problem.kind : undefined
  // …or another tab holds the storage (a reload may find it free; stars tapped meanwhile are saved when it opens).
  const reloadFixes = superseded || problem === 'newer-version' || problem === 'not-downloaded' || problem === 'held'
  // The live region is always in the page so a problem that appears later is announced, not just shown.
  const visible = storage.kind === 'memory' && !dismissed
  return (
    <div role="status" className={visible ? 'notice' : undefined}>
      {visible && (
        <div className="notice__inner">
          <p className="notice__text">
            <strong>{problem === 'held' ? 'Not saved yet.' : 'Not saving on this device.'}</strong> {storage.problem.message}
          </p>
          {reloadFixes && (
            <button type="button" className="button notice__dismiss" onClick={() => window.location.reload()}>
              Reload
            </button>
          )}
          <button type="button" className="button notice__dismiss" onClick={dismiss} aria-label="Dismiss storage notice">
            Dismiss
          </button>
        </div>
      )}
    </div>
  )
}
