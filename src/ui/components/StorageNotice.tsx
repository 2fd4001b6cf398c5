// Says plainly when nothing can be saved on this device (private mode, full disk, another tab upgrading), because
// otherwise stars would silently vanish on reload. Dismissible for the rest of the tab's life.
import { useSchedule } from '../hooks/useSchedule'
import { useUiStore } from '../../store/uiStore'

export function StorageNotice() {
  const { storage } = useSchedule()
  const dismissed = useUiStore((s) => s.storageNoticeDismissed)
  const dismiss = useUiStore((s) => s.dismissStorageNotice)
  // The live region is always in the page so a problem that appears later is announced, not just shown.
  const visible = storage.kind === 'memory' && !dismissed
  return (
    <div role="status" className={visible ? 'notice' : undefined}>
      {visible && (
        <div className="notice__inner">
          <p className="notice__text">
            <strong>Not saving on this device.</strong> {storage.problem.message}
          </p>
          <button type="button" className="button notice__dismiss" onClick={dismiss} aria-label="Dismiss storage notice">
            Dismiss
          </button>
        </div>
      )}
    </div>
  )
}
