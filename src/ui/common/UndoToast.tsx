// The one toast: a short message at the bottom of the screen, with Undo when the change can be undone. Its region
// is always in the page (role=status), so each message is announced; it stays while hovered or focused.
import { useEffect, useRef, useState } from 'react'
import { useUiStore } from '../../store/uiStore'
import { Icon } from './Icons'

// ms: long enough to read a two-line message and reach Undo (WCAG 2.2.1 asks for a way to extend; hovering or
// focusing the toast pauses it), short enough not to cover the list for long.
const TOAST_MS = 10_000

export function UndoToast() {
  const toast = useUiStore((s) => s.toast)
  const dismiss = useUiStore((s) => s.dismissToast)
  const [paused, setPaused] = useState(false)
  const undoRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!toast || paused) return
    const timer = setTimeout(() => dismiss(toast.id), TOAST_MS)
    return () => clearTimeout(timer)
  }, [toast, paused, dismiss])

  const toastId = toast?.id
  const focusUndo = toast?.focusUndo ?? false
  useEffect(() => {
    // The control the user acted on is gone (resolved clash, removed row): put them on Undo rather than nowhere.
    if (focusUndo) undoRef.current?.focus()
  }, [toastId, focusUndo])

  return (
    <div className="toast-region" role="status">
      {toast && (
        <div
          className={`toast toast--${toast.tone}`}
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
          onFocus={() => setPaused(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setPaused(false)
          }}
        >
          <p className="toast__message">{toast.message}</p>
          {toast.undo && (
            <button
              ref={undoRef}
              type="button"
              className="button button--small toast__undo"
              onClick={() => {
                const undo = toast.undo!
                dismiss(toast.id)
                setPaused(false)
                void undo()
              }}
            >
              Undo
            </button>
          )}
          <button
            type="button"
            className="icon-button toast__close"
            aria-label="Dismiss message"
            onClick={() => {
              dismiss(toast.id)
              setPaused(false)
              // The toast took focus with it: land on the page heading, not on <body>.
              document.querySelector<HTMLElement>('main h1')?.focus()
            }}
          >
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  )
}
