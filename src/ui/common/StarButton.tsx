// The one-tap star: none → must → maybe → none. Each state has its own shape and word (colour is never the only
// signal), and the accessible name starts with the visible word, then says what the session is and what a tap does.
import { memo, useId } from 'react'
import { isolateText } from '../../domain/bidiText'
import type { Session } from '../../domain/model'
import type { StarLevel } from '../../domain/stars'
import { useStarsKnown } from './usePlan'
import { Icon } from './Icons'

/** "Star Dragonfly v2.3.0: add to plan as must", "Must: Dragonfly v2.3.0 (change to maybe)", … */
export function starButtonLabel(title: string, level: StarLevel | undefined): string {
  const t = isolateText(title)
  if (level === 'must') return `Must: ${t} (change to maybe)`
  if (level === 'maybe') return `Maybe: ${t} (remove from plan)`
  return `Star ${t}: add to plan as must`
}

/**
 * The button's description while the saved stars are still being read: it may not show a star already there, and a
 * tap then only ever adds or raises one (src/db/pendingStars.ts).
 */
export const STARS_LOADING_NOTE = 'Your saved stars are still loading; a star already saved is kept.'

export interface StarButtonProps {
  session: Session
  level: StarLevel | undefined
  onCycle: (session: Session) => void
  /** Icon and word stacked (cards); the default is a row (detail, plan). */
  compact?: boolean
  disabled?: boolean
  /** -1 where the session's link is the one tab stop (the grid's roving focus); default, in the tab order. */
  tabIndex?: number
  /**
   * The icon drawn by the stylesheet (a glyph in a pseudo-element, same shapes) and the word a bare text node: one
   * node where there were four. For the timetable grid, which mounts a hundred of these in a fling.
   */
  glyph?: boolean
}

export const StarButton = memo(function StarButton({ session, level, onCycle, compact, disabled, tabIndex, glyph }: StarButtonProps) {
  const state = level ?? 'none'
  const known = useStarsKnown()
  const noteId = useId()
  const word = level === 'must' ? 'Must' : level === 'maybe' ? 'Maybe' : 'Star'
  return (
    <button
      type="button"
      className={`star star--${state}${compact ? ' star--compact' : ''}${glyph ? ' star--glyph' : ''}${known ? '' : ' star--loading'}`}
      aria-pressed={level !== undefined}
      aria-label={starButtonLabel(session.title, level)}
      aria-describedby={known ? undefined : noteId}
      data-star-for={session.id}
      disabled={disabled}
      tabIndex={tabIndex}
      onClick={() => onCycle(session)}
    >
      {glyph ? (
        word
      ) : (
        <>
          <Icon name={level === 'must' ? 'star-filled' : level === 'maybe' ? 'star-half' : 'star'} />
          <span className="star__word">{word}</span>
        </>
      )}
      {!known && (
        <span id={noteId} hidden>
          {STARS_LOADING_NOTE}
        </span>
      )}
    </button>
  )
})
