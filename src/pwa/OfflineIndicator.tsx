// A small "Offline" tag in the header while the device has no connection: in words (not a colour or icon alone),
// and announced once when it changes, so people know the app is working from what it saved.
import { useOnlineStatus } from './useOnlineStatus'
import './pwa.css'

export function OfflineIndicator() {
  const online = useOnlineStatus()
  // The live region stays in the page while online, empty, so going offline is announced rather than just shown.
  return (
    <p role="status" className="offline-indicator">
      {!online && (
        <span className="offline-indicator__tag">
          <svg className="offline-indicator__icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M2 8.5a15 15 0 0 1 20 0M5.5 12a10 10 0 0 1 13 0M9 15.5a5 5 0 0 1 6 0M3 3l18 18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          Offline
          <span className="visually-hidden">: Hallway keeps working from this device.</span>
        </span>
      )}
    </p>
  )
}
