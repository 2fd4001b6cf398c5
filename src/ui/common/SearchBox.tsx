// The search box of a list (the schedule, the speakers): a search landmark whose input is uncontrolled, its text
// kept by useSearchText (src/ui/schedule/useViewState.ts), which writes it to the URL once typing pauses. Styled by
// `.search` in schedule.css, part of the first view's CSS and so loaded on every screen.
import { memo, type FormEvent, type RefObject } from 'react'

interface SearchBoxProps {
  inputRef: RefObject<HTMLInputElement | null>
  /** The input's id, unique on the page. */
  id: string
  /** Its accessible name ("Search sessions"). */
  label: string
  placeholder: string
  /** The text at mount; after that the box is uncontrolled (see useSearchText). */
  initialText: string
  onText: (text: string) => void
  onLeave: () => void
  onSubmit: () => void
}

// Memoised: React re-applies an input's type and name on every render that reaches it, and a list screen renders on
// every keystroke's transition.
export const SearchBox = memo(function SearchBox({
  inputRef,
  id,
  label,
  placeholder,
  initialText,
  onText,
  onLeave,
  onSubmit,
}: SearchBoxProps) {
  return (
    <form
      role="search"
      className="search"
      onSubmit={(e: FormEvent) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="search__input"
        type="search"
        placeholder={placeholder}
        autoComplete="off"
        enterKeyHint="search"
        defaultValue={initialText}
        onChange={(e) => onText(e.target.value)}
        // Leaving the box (for a result, a day, a filter) writes what was typed, so links and Back carry it.
        onBlur={onLeave}
      />
    </form>
  )
})
