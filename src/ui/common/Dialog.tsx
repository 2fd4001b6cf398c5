// A modal dialog (a bottom sheet on phones, a centred panel on wider screens). Not the native <dialog>: jsdom lacks
// showModal, and the tests must exercise the same focus handling the browser runs. While open, everything else on
// the page is inert; Tab stays inside; Escape or the backdrop closes it; focus returns to where it was.
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { Icon } from './Icons'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export interface DialogProps {
  /** The id of the heading that names the dialog; it gets focus on open, so screen readers read the title. */
  labelledBy: string
  onClose: () => void
  /** Where focus goes on close when the control that opened the dialog is gone (a CSS selector). */
  fallbackFocus?: string
  children: ReactNode
}

export function Dialog({ labelledBy, onClose, fallbackFocus, children }: DialogProps) {
  const backdropRef = useRef<HTMLDivElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  // Read at close time, so a caller can change it while the dialog is open.
  const fallbackRef = useRef(fallbackFocus)
  useLayoutEffect(() => {
    fallbackRef.current = fallbackFocus
  })

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const backdrop = backdropRef.current
    const others = [...document.body.children].filter(
      (el) => el !== backdrop && !el.hasAttribute('inert'),
    )
    // The attribute rather than the `inert` property, which older engines (and jsdom) lack.
    for (const el of others) el.setAttribute('inert', '')
    document.getElementById(labelledBy)?.focus()
    return () => {
      for (const el of others) el.removeAttribute('inert')
      const target =
        opener?.isConnected
          ? opener
          : ((fallbackRef.current ? document.querySelector<HTMLElement>(fallbackRef.current) : null) ??
            document.querySelector<HTMLElement>('main h1'))
      target?.focus()
    }
  }, [labelledBy])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onClose()
      return
    }
    if (e.key !== 'Tab') return
    const focusable = [...(panelRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])]
    const first = focusable[0]
    const last = focusable.at(-1)
    if (!first || !last) return
    const active = document.activeElement
    if (e.shiftKey && (active === first || !panelRef.current?.contains(active))) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && active === last) {
      e.preventDefault()
      first.focus()
    }
  }

  return createPortal(
    // A press on the backdrop closes, as a convenience for pointers; keyboards have Escape and the Close button.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      ref={backdropRef}
      className="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
    >
      {/* Keys here keep Tab inside the dialog (the focus trap); the dialog itself is no control. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div ref={panelRef} className="dialog" role="dialog" aria-modal="true" aria-labelledby={labelledBy} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>,
    document.body,
  )
}

/** A dialog's sticky head: its title (the `labelledBy` target, focused on open) and a Close button. */
export function DialogHead({ id, onClose, children }: { id: string; onClose: () => void; children: ReactNode }) {
  return (
    <div className="dialog__head">
      <h2 id={id} tabIndex={-1} className="dialog__title">
        {children}
      </h2>
      <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
        <Icon name="close" />
      </button>
    </div>
  )
}
