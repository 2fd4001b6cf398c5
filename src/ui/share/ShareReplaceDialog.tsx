// "Replace my plan": the one merge that takes stars away, so it asks first and says exactly what will change. The
// toast after it offers Undo, which puts back the plan as it was, row for row.
import { useId } from 'react'
import { Dialog, DialogHead } from '../common/Dialog'

/** What replacing would do to the user's plan. */
export interface ReplaceCounts {
  added: number
  removed: number
  /** Sessions in both plans whose level becomes theirs. */
  changed: number
}

/** The selector of the button that opens this dialog: focus returns there on close and after Undo. */
export const REPLACE_BUTTON_SELECTOR = '[data-share-replace]'

function sessions(n: number): string {
  return `${n} ${n === 1 ? 'session' : 'sessions'}`
}

export function ShareReplaceDialog({
  planLabel,
  counts,
  onConfirm,
  onClose,
}: {
  /** "Sam's Thursday" or "the shared plan": plain text. */
  planLabel: string
  counts: ReplaceCounts
  onConfirm: () => void
  onClose: () => void
}) {
  const headingId = useId()
  const changes = [
    counts.removed > 0 && `${sessions(counts.removed)} only you have will be removed`,
    counts.added > 0 && `${sessions(counts.added)} will be added`,
    counts.changed > 0 && `${sessions(counts.changed)} in both will take their level`,
  ].filter((c): c is string => typeof c === 'string')

  return (
    <Dialog labelledBy={headingId} onClose={onClose} fallbackFocus={REPLACE_BUTTON_SELECTOR}>
      <DialogHead id={headingId} onClose={onClose}>
          Replace your plan?
      </DialogHead>
      <p>Your plan will become exactly {planLabel}:</p>
      <ul className="share-replace__changes">
        {changes.map((c) => (
          <li key={c}>{c}.</li>
        ))}
      </ul>
      <p className="muted">You can undo this right after.</p>
      <div className="dialog__foot dialog__foot--wrap">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={onConfirm}>
          Replace my plan
        </button>
      </div>
    </Dialog>
  )
}
