// The mark on a starred session whose room or track the user hid: it stays on screen (a star is never hidden
// silently), and says so in words beside the icon.
import { HIDDEN_KIND_WORD } from './useHiding'

export function HiddenMark({ reason }: { reason: 'room' | 'type' }) {
  return (
    <span className="badge badge--hidden">
      <span aria-hidden="true">⊘ </span>
      {`In a hidden ${HIDDEN_KIND_WORD[reason]}`}
    </span>
  )
}
