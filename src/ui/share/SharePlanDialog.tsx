// "Share my plan": the plan as a short link (the plan rides in the #fragment, so it never reaches a server), an
// optional name the receiver sees, the system share sheet where there is one, Copy link everywhere, and a QR code
// for sharing in person. Opened from My plan.
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react'
import { sanitizePlanName, shareUrl, type SharedPlan } from '../../domain/shareCodec'
import { usePlan } from '../common/usePlan'
import { useSchedule } from '../common/useSchedule'
import { Dialog, DialogHead } from '../common/Dialog'
import { AnyIcon as Icon } from '../common/moreIcons'
import { ShareQrCode } from './ShareQrCode'
import './share.css'

/** The app's /share page on this host (and sub-path, when Hallway is served from one). */
function shareBase(): string {
  return new URL(`${import.meta.env.BASE_URL}share`, window.location.origin).href
}

type Result = { ok: true; url: string } | { ok: false; message: string }

export function SharePlanButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button share-open" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <Icon name="share" /> Share my plan
      </button>
      {open && <SharePlanDialog onClose={() => setOpen(false)} />}
    </>
  )
}

function SharePlanDialog({ onClose }: { onClose: () => void }) {
  const uid = useId()
  const headingId = `${uid}-heading`
  const { plan, eventId } = usePlan()
  const { sessions } = useSchedule()
  const [name, setName] = useState('')
  const [status, setStatus] = useState('')
  const linkRef = useRef<HTMLInputElement>(null)

  const scheduleIds = useMemo(() => sessions.map((s) => s.id), [sessions])
  const result = useMemo((): Result => {
    if (!eventId) return { ok: false, message: 'The schedule is still loading.' }
    const shared: SharedPlan = { eventId, stars: new Map(plan.map((p) => [p.session.id, p.level])) }
    const clean = sanitizePlanName(name)
    if (clean !== undefined) shared.name = clean
    try {
      return { ok: true, url: shareUrl(shared, scheduleIds, shareBase()) }
    } catch (error) {
      // Only a plan over the link's session limit gets here: the app writes nothing else the encoder refuses.
      console.warn('Hallway: the plan cannot be put in a link.', error)
      return { ok: false, message: 'Your plan has too many sessions to fit in a link. Remove some and try again.' }
    }
  }, [eventId, plan, name, scheduleIds])
  // Typing a name must not redraw the QR code on every key.
  const qrText = useDeferredValue(result.ok ? result.url : '')
  const canShare = typeof navigator.share === 'function'

  // Focus too, so a keyboard user is on the selected link, ready for Ctrl+C.
  const selectLink = () => {
    linkRef.current?.focus()
    linkRef.current?.select()
  }

  const copy = async (url: string) => {
    try {
      if (!navigator.clipboard) throw new Error('No clipboard here (an insecure page, or an old browser).')
      await navigator.clipboard.writeText(url)
      setStatus('Link copied')
    } catch (error) {
      console.warn('Hallway: copying the link failed.', error)
      selectLink()
      setStatus("Couldn't copy the link: it is selected in the field above, copy it from there.")
    }
  }

  const share = async (url: string) => {
    try {
      const title = sanitizePlanName(name) ?? 'My Hallway plan'
      await navigator.share({ title, url })
      setStatus('')
    } catch (error) {
      // The user closed the share sheet: nothing to say. Anything else: fall back to copying.
      if (error instanceof DOMException && error.name === 'AbortError') return
      console.warn('Hallway: the share sheet failed.', error)
      await copy(url)
    }
  }

  return (
    <Dialog labelledBy={headingId} onClose={onClose}>
      <DialogHead id={headingId} onClose={onClose}>
          <Icon name="share" /> Share your plan
      </DialogHead>
      <p className="muted share__intro">
        {plan.length === 1 ? '1 session' : `${plan.length} sessions`}. The plan travels inside the link: no account, and
        nothing is uploaded.
      </p>

      <div className="share__field">
        <label htmlFor={`${uid}-name`}>Name (optional)</label>
        <input
          id={`${uid}-name`}
          className="text-input"
          type="text"
          value={name}
          placeholder="e.g. Sam's Thursday"
          autoComplete="off"
          aria-describedby={`${uid}-name-hint`}
          onChange={(e) => {
            setName(e.target.value)
            setStatus('')
          }}
        />
        <p id={`${uid}-name-hint`} className="share__hint muted">
          Shown to whoever opens the link, as plain text.
        </p>
      </div>

      {result.ok ? (
        <>
          <div className="share__field">
            <label htmlFor={`${uid}-link`}>Link</label>
            <input
              ref={linkRef}
              id={`${uid}-link`}
              className="text-input share__link"
              type="text"
              readOnly
              value={result.url}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <div className="share__actions">
            {canShare && (
              <button type="button" className="button button--primary" onClick={() => void share(result.url)}>
                <Icon name="share" /> Share…
              </button>
            )}
            <button
              type="button"
              className={`button${canShare ? '' : ' button--primary'}`}
              onClick={() => void copy(result.url)}
            >
              Copy link
            </button>
          </div>
          {/* Always in the page, so the confirmation is announced when it appears. */}
          <p className="share__status" role="status">
            {status !== '' && (
              <>
                {status === 'Link copied' && <Icon name="check" />} {status}
              </>
            )}
          </p>
          <figure className="share__qr">
            {qrText !== '' && <ShareQrCode text={qrText} label="QR code of the link to your plan" />}
            <figcaption className="muted">Scan with a phone's camera to open this plan.</figcaption>
          </figure>
        </>
      ) : (
        <p className="shared__problem" role="alert">
          {result.message}
        </p>
      )}
      <div className="dialog__foot">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
