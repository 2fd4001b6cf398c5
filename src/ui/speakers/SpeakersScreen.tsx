// Every speaker of the event, A–Z (/speakers), with a search box whose text is kept in the URL (?q=), like the
// schedule's: reload, Back and a pasted link show the same list. Each links to the speaker's page.
import { memo, useCallback, useMemo, useRef, useState } from 'react'
import { Link } from 'wouter'
import { searchSpeakers, type SpeakerEntry } from '../../domain/speakerIndex'
import { SearchBox } from '../common/SearchBox'
import { speakerHref } from '../common/SpeakerLink'
import { speakerAffiliation } from '../common/sessionText'
import { usePageHeading } from '../common/usePageHeading'
import { useSearchText, useViewState } from '../schedule/useViewState'
import { sessionCountLabel, speakerCountLabel } from './speakerText'
import { useSpeakerIndex } from './useSpeakers'
import './speakers.css'

const LIST_ID = 'speaker-list'

export function SpeakersScreen() {
  const index = useSpeakerIndex()
  // The schedule's URL state, of which this page uses only `q`: the same parsing, writing and typing delay.
  const [view, setView] = useViewState()
  const searchRef = useRef<HTMLInputElement>(null)
  const { text, setText, replaceText, flush } = useSearchText(view.q, setView, searchRef)
  const [initialText] = useState(text)
  const headingRef = usePageHeading('Speakers')
  const shown = useMemo(() => searchSpeakers(index, text), [index, text])

  // Enter / the phone keyboard's Search key: go to the results (which also closes the on-screen keyboard).
  const onSubmit = useCallback(() => {
    flush()
    document.getElementById(LIST_ID)?.focus()
  }, [flush])

  const clear = () => {
    replaceText('')
    setView({ q: '' })
    searchRef.current?.focus()
  }

  return (
    <div className="speakers-page">
      <div className="speakers-page__head">
        <h1 ref={headingRef} tabIndex={-1} className="page-title">
          Speakers
        </h1>
        <p className="speakers-page__count" aria-live="polite" aria-atomic="true">
          {speakerCountLabel(shown.length)}
        </p>
      </div>
      <SearchBox
        inputRef={searchRef}
        id="speaker-search"
        label="Search speakers"
        placeholder="Name, company, role…"
        initialText={initialText}
        onText={setText}
        onLeave={flush}
        onSubmit={onSubmit}
      />
      {shown.length > 0 ? (
        <ul id={LIST_ID} className="speaker-list" aria-label="Speakers, A to Z" tabIndex={-1}>
          {shown.map((entry) => (
            <SpeakerItem key={entry.id} entry={entry} />
          ))}
        </ul>
      ) : (
        <div className="empty">
          <p className="empty__message">
            {index.length === 0 ? (
              'No speakers in this schedule'
            ) : (
              <>
                No speakers match “<bdi>{text.trim()}</bdi>”
              </>
            )}
          </p>
          {index.length > 0 && (
            <p>
              <button type="button" className="button" onClick={clear}>
                Clear search
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  )
}

// Memoised: a keystroke re-renders the screen, and the rows it keeps are unchanged entries.
const SpeakerItem = memo(function SpeakerItem({ entry }: { entry: SpeakerEntry }) {
  const affiliation = speakerAffiliation(entry)
  return (
    <li className="speaker-item card-row">
      <Link href={speakerHref(entry.id)} className="card-row__title speaker-item__name" dir="auto">
        {entry.name}
      </Link>
      {affiliation !== '' && (
        <p className="speaker-item__affiliation" dir="auto">
          {affiliation}
        </p>
      )}
      <p className="card-row__meta">{sessionCountLabel(entry.sessionIds.length)}</p>
    </li>
  )
})
