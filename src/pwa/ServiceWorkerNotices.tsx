// Registers the service worker (prompt mode) and says what it is doing: "Ready to work offline" once the app is
// cached, and "A new version is ready — reload" when an update waits. Nothing ever reloads unless the user taps
// Reload in this tab. Rendered by main.tsx, outside <App>: the virtual module exists only in Vite builds.
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useStore } from 'zustand'
import { PWA_NOTICE_SLOT_ID } from './noticeSlot'
import { INSTALLING_CLASS } from '../prerender/firstScreenScript'
import { registerServiceWorker, serviceWorkerNews, stopKeepingNoteRoom } from './serviceWorkerRegistration'
import './pwa.css'

// The "Ready to work offline" note stays until dismissed: it takes the room kept for it since the first paint (see
// INSTALLING_CLASS), and going by itself would move the page under the reader. Settings say the same thing for good.

const setOfflineReady = (offlineReady: boolean) => serviceWorkerNews.setState({ offlineReady })
const setNeedRefresh = (needRefresh: boolean) => serviceWorkerNews.setState({ needRefresh })

export function ServiceWorkerNotices() {
  // Set when the user taps Reload here, so only this tab reloads once the new version takes over.
  const acceptedHere = useRef(false)
  // The new version took over because another tab accepted it: this tab still runs the old code.
  const [updatedElsewhere, setUpdatedElsewhere] = useState(false)
  const { needRefresh, offlineReady } = useStore(serviceWorkerNews)
  // The app frame's slot for the offline note. Looked up after mounting: this renders beside <App>, not inside it.
  const [noticeSlot, setNoticeSlot] = useState<HTMLElement | null>(null)
  useEffect(() => setNoticeSlot(document.getElementById(PWA_NOTICE_SLOT_ID)), [])

  // Once this is on screen (an effect runs only for a committed render), never from a render React may discard.
  useEffect(() => {
    registerServiceWorker()
  }, [])

  // A new version taking control of this tab: reload if the user asked for it here, otherwise only say so. Watched
  // directly rather than through the plugin's onNeedReload, which never fires in a tab whose first visit installed
  // the service worker (Workbox counts that tab as "not an update"), so Reload there would do nothing.
  useEffect(() => {
    const container = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined
    if (!container) return
    let controlled = container.controller !== null
    const onControllerChange = () => {
      // The first takeover (clientsClaim on a first visit) is the app becoming ready offline, not an update.
      if (!controlled) {
        controlled = true
        // Workbox says so too (onOfflineReady), but not in a second tab opened while the first one installed it: there
        // the room kept for the note would otherwise keep saying "Saving…".
        if (document.documentElement.classList.contains(INSTALLING_CLASS)) setOfflineReady(true)
        return
      }
      if (acceptedHere.current) window.location.reload()
      else setUpdatedElsewhere(true)
    }
    container.addEventListener('controllerchange', onControllerChange)
    return () => container.removeEventListener('controllerchange', onControllerChange)
  }, [])

  const reload = () => {
    if (updatedElsewhere) {
      window.location.reload()
      return
    }
    acceptedHere.current = true
    // Tells the waiting worker to take over; the controllerchange effect then reloads this tab, keeping its URL.
    void registerServiceWorker()(true)
  }

  const showUpdate = needRefresh || updatedElsewhere
  // News, not a question: in the page's flow under the header, so on a phone it covers no card (a toast at the
  // bottom hid about one for the 8 s it showed), in the room kept for it on a first visit.
  const offlineNote = (
    <div role="status" className="pwa-note-slot">
      {offlineReady && !showUpdate && (
        <div className="pwa-note">
          <p className="pwa-note__text">Ready to work offline.</p>
          <button
            type="button"
            className="button button--small"
            aria-label="Dismiss offline notice"
            onClick={() => {
              stopKeepingNoteRoom()
              setOfflineReady(false)
            }}
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  )
  return (
    <div className="pwa-toasts">
      {/* Always in the page, so a message that appears later is announced (role=status is polite: it never
          interrupts a screen reader mid-sentence). */}
      <div role="status" className="pwa-toast-slot">
        {showUpdate && (
          <div className="pwa-toast">
            <p className="pwa-toast__text">
              {updatedElsewhere ? 'Hallway was updated in another tab — reload to use the new version' : 'A new version is ready — reload'}
            </p>
            <div className="pwa-toast__actions">
              <button type="button" className="button button--primary" onClick={reload}>
                Reload
              </button>
              <button type="button" className="button" onClick={() => { setNeedRefresh(false); setUpdatedElsewhere(false) }}>
                Later
              </button>
            </div>
          </div>
        )}
      </div>
      {/* Without the app frame (it failed to render) the note still shows, as a toast. */}
      {noticeSlot ? createPortal(offlineNote, noticeSlot) : offlineNote}
    </div>
  )
}
