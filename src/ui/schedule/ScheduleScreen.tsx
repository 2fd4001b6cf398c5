// The schedule: one day's sessions as a list under time-slot headers, or as a rooms × time grid (its own chunk), with
// search, filters and "hide past". All view state is in the URL (see viewState.ts); this screen derives everything
// else with memoised pure functions.
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { isolateText } from '../../domain/bidiText'
import type { EventInfo, Session, VenueDay } from '../../domain/model'
import { buildSearchIndex, createSessionSearch, facetsOf, filterOffersOf, filterSessions, prepareSearch, type SessionFilter } from '../../domain/search'
import { useHiding } from '../common/useHiding'
import { formatVenueDay, instantFromMs, venueDayOf } from '../../domain/time'
import { useUiStore } from '../../store/uiStore'
import { readWebStorage, writeWebStorage } from '../../db/webStorage'
import { ChunkBoundary } from '../common/ChunkBoundary'
import { FilterPanel } from './FilterPanel'
import { DayTabs } from './DayTabs'
import { NowSummary } from '../now/NowSummary'
import { SessionList } from './SessionList'
import { SearchBox } from '../common/SearchBox'
import { useNow } from '../common/useNow'
import { useDisplayZone } from '../common/usePlan'
import { useHallway } from '../common/useHallway'
import { useStarActions } from '../common/useStarActions'
import { FILTER_WRITE, useSearchText, useViewState, type SetViewState } from './useViewState'
import { rowsBySlot } from './scheduleRows'
import { activeFilterCount, hasNarrowing, type ScheduleLayout } from './viewState'
import { whenIdle } from '../common/whenIdle'
import './schedule.css'

// The grid (its geometry, virtualisation and CSS) loads only when first shown, so the list's first view stays in budget.
const TimetableGrid = lazy(() => import('./TimetableGrid'))

const MINUTE_MS = 60_000
const FILTERS_ID = 'filters'
const HEADING_ID = 'list-heading'

// Sessions indexed per check of the idle deadline (~0.05 ms each on a phone).
const PREPARE_SLICE = 25

/** The day asked for if the event has it; else today at the venue while the event runs; else its first day. */
export function resolveDay(requested: VenueDay | undefined, event: EventInfo, nowMs: number): VenueDay | undefined {
  if (requested && event.days.includes(requested)) return requested
  const today = venueDayOf(instantFromMs(nowMs), event.timeZone)
  if (event.days.includes(today)) return today
  return event.days[0]
}

function countLabel(n: number): string {
  return `${n} ${n === 1 ? 'session' : 'sessions'}`
}

export function ScheduleScreen({ event, sessions }: { event: EventInfo; sessions: readonly Session[] }) {
  const [view, setView] = useViewState()
  // The box's text runs ahead of the URL while typing; the URL follows once typing pauses.
  const searchRef = useRef<HTMLInputElement>(null)
  const search = useSearchText(view.q, setView, searchRef)
  const nowMs = useNow()
  // Minute precision: hide-past and "On now" need no more, and memoised results then change at most once a minute.
  const nowMinuteMs = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS
  const nowMinute = useMemo(() => instantFromMs(nowMinuteMs), [nowMinuteMs])
  const filtersOpen = useUiStore((s) => s.filtersOpen)
  const toggleFilters = useUiStore((s) => s.toggleFilters)
  // Not the whole plan: the cards read their own stars, so a star re-renders the day tabs' counts, not this screen's list.
  const countsByDay = useHallway((s) => s.plan.countsByDay)
  const hidden = useHallway((s) => s.plan.hidden)
  const hiddenCount = hidden.rooms.length + hidden.types.length
  // The stars only while something is hidden (they keep their sessions in the list): otherwise a star re-renders
  // the cards alone, as above.
  const keep = useHallway((s) => (hiddenCount > 0 ? s.plan.stars : undefined))
  const hiding = useHiding()
  const displayZone = useDisplayZone()
  const { cycle } = useStarActions()
  // The URL's layout wins (a link, Back); without one, the one last chosen on this device.
  const [remembered, setRemembered] = useState<ScheduleLayout>(() => (readWebStorage('scheduleLayout') === 'grid' ? 'grid' : 'list'))
  const layout = view.layout ?? remembered

  // The expensive part (normalising a session's text) runs once per session, not per keystroke, and only for the
  // days searched: at 10,000 sessions, indexing everything up front held up the first render for a long task.
  // The user's notes are searched too; the map stays the same object while they are unchanged (see session.ts).
  const notes = useHallway((s) => s.plan.notes)
  const index = useMemo(() => buildSearchIndex(sessions, notes), [sessions, notes])
  // Remembers recent answers: Backspace is a lookup, and typing on narrows the last answer instead of the whole day.
  const searchSessions = useMemo(() => createSessionSearch(index), [index])
  // Memoised on the minute: resolving "today at the venue" builds a TZDate, and this runs on every keystroke.
  const day = useMemo(() => resolveDay(view.day, event, nowMinuteMs), [view.day, event, nowMinuteMs])
  const daySessions = useMemo(() => filterSessions(index, { query: '', types: [], day }), [index, day])
  const facets = useMemo(() => facetsOf(daySessions), [daySessions])
  const offers = useMemo(() => filterOffersOf(sessions), [sessions])

  // What the list shows. Typing: the box shows each keystroke by itself (it is uncontrolled, so no render is
  // needed), and the list follows in a transition, which React abandons for a newer keystroke instead of finishing
  // a stale one. Filters and "hide past" (one click each) change the list in the same render as their control.
  const query = search.text
  const hideEndedBefore = view.hidePast ? nowMinute : undefined
  const { types, building, room, language, recordedOnly } = view
  const filter = useMemo(
    (): SessionFilter => ({ query, types, building, room, language, recordedOnly, hideEndedBefore, day, hidden, keep }),
    [query, types, building, room, language, recordedOnly, hideEndedBefore, day, hidden, keep],
  )
  const results = useMemo(() => searchSessions(filter), [searchSessions, filter])
  const rows = useMemo(() => rowsBySlot(results), [results])

  const dayLabel = useMemo(() => (day ? formatVenueDay(day) : event.title), [day, event.title])
  useEffect(() => {
    document.title = `${isolateText(dayLabel)} · Hallway`
  }, [dayLabel])

  // Index the day's text in idle time once the list shows, in slices, so the first keystroke finds it ready.
  useEffect(() => whenIdle((timeLeft) => {
    while (timeLeft() > 2) if (prepareSearch(index, day, PREPARE_SLICE)) return true
    return false
  }), [index, day])

  // A new day starts at its top, not at the previous day's scroll offset.
  const previousDay = useRef(day)
  useEffect(() => {
    if (previousDay.current !== day) window.scrollTo(0, 0)
    previousDay.current = day
  }, [day])

  // A remembered grid goes into the URL too, so the address shared or bookmarked says what is on screen.
  useEffect(() => {
    if (!view.layout && remembered === 'grid') setView({ layout: 'grid' }, { replace: true })
  }, [view.layout, remembered, setView])
  const chooseLayout = useCallback(
    (next: ScheduleLayout) => {
      writeWebStorage('scheduleLayout', next)
      setRemembered(next)
      // A replace, like "hide past": Back leaves the schedule rather than flipping the layout.
      setView({ layout: next === 'grid' ? 'grid' : undefined }, { replace: true })
    },
    [setView],
  )

  const narrowed = hasNarrowing({ ...view, q: query })
  const filterCount = activeFilterCount(view)
  const { setText, replaceText, flush } = search

  const clearAll = () => {
    replaceText('')
    // A push, not a replace: Back brings the cleared filters back.
    setView({ q: '', types: [], building: undefined, room: undefined, language: undefined, recordedOnly: false, hidePast: false })
    searchRef.current?.focus()
  }

  // Enter / the phone keyboard's Search key: go to the results (which also closes the on-screen keyboard).
  const onSubmit = useCallback(() => {
    flush()
    document.getElementById('session-list')?.focus()
  }, [flush])
  const [initialQuery] = useState(query)

  return (
    <div className="schedule">
      <div className="schedule__head">
        <h1 id={HEADING_ID} className="schedule__day" tabIndex={-1} dir="auto">
          {dayLabel}
        </h1>
        <p className="schedule__count" aria-live="polite" aria-atomic="true">
          {countLabel(results.length)}
        </p>
      </div>

      {event.days.length > 1 && day && <DayTabs days={event.days} current={day} view={view} counts={countsByDay} />}

      {day && <NowSummary day={day} nowMs={nowMinuteMs} />}

      <SearchBox
        inputRef={searchRef}
        id="search-input"
        label="Search sessions"
        placeholder="Title, speaker, company…"
        initialText={initialQuery}
        onText={setText}
        onLeave={flush}
        onSubmit={onSubmit}
      />

      <div className="controls">
        <button
          type="button"
          className="button filters-toggle"
          aria-expanded={filtersOpen}
          aria-controls={FILTERS_ID}
          onClick={toggleFilters}
          // The badge is a bare number on screen; the name says what it counts.
          aria-label={filterCount > 0 ? `Filters, ${filterCount} active` : undefined}
        >
          Filters
          {filterCount > 0 && <span className="filters-toggle__badge">{filterCount}</span>}
        </button>
        <HidePastToggle checked={view.hidePast} setView={setView} />
        {hiddenCount > 0 && (
          <button type="button" className="button button--quiet" onClick={() => void hiding.showAll()}>
            {`${hiddenCount} hidden · Show`}
          </button>
        )}
        <LayoutSwitch layout={layout} onChoose={chooseLayout} />
        {/* With no results the empty state offers its own "Clear filters"; one such button is enough. */}
        {narrowed && results.length > 0 && (
          <button type="button" className="button button--quiet" onClick={clearAll}>
            Clear all filters
          </button>
        )}
      </div>

      <div className="schedule__body">
        <FilterPanel
          id={FILTERS_ID}
          open={filtersOpen}
          facets={facets}
          types={view.types}
          building={view.building}
          room={view.room}
          offers={offers}
          language={view.language}
          recordedOnly={view.recordedOnly}
          setView={setView}
          hidden={hidden}
          onHide={hiding.hide}
        />
        <div className="schedule__results">
          {results.length > 0 && layout === 'grid' && day ? (
            <ChunkBoundary fallback={<GridFailed />}>
              <Suspense fallback={<p className="loading">Loading the grid…</p>}>
                <TimetableGrid
                  key={day}
                  sessions={results}
                  day={day}
                  venueZone={event.timeZone}
                  timeZone={displayZone}
                  now={nowMinute}
                  labelledBy={HEADING_ID}
                  onCycle={cycle}
                />
              </Suspense>
            </ChunkBoundary>
          ) : results.length > 0 ? (
            <SessionList
              rows={rows}
              timeZone={displayZone}
              now={nowMinute}
              labelledBy={HEADING_ID}
              onCycle={cycle}
            />
          ) : (
            <EmptyState
              query={query}
              dayHasSessions={daySessions.length > 0}
              endedMatches={view.hidePast ? filterSessions(index, { ...filter, hideEndedBefore: undefined }).length : 0}
              onClear={clearAll}
              onShowPast={() => setView({ hidePast: false }, { replace: true })}
            />
          )}
        </div>
      </div>
    </div>
  )
}

// The toggle is its own memoised component, like the search box: React re-applies an input's type and name on every
// render that reaches it, and the screen renders on every keystroke's transition and every filter click.

const HidePastToggle = memo(function HidePastToggle({ checked, setView }: { checked: boolean; setView: SetViewState }) {
  return (
    <label className="toggle">
      <input type="checkbox" checked={checked} onChange={(e) => setView({ hidePast: e.target.checked }, FILTER_WRITE)} />{' '}
      Hide past sessions
    </label>
  )
})

/** List | Grid: two pressed-or-not buttons, so each says its state and one tap picks it. */
const LayoutSwitch = memo(function LayoutSwitch({ layout, onChoose }: { layout: ScheduleLayout; onChoose: (layout: ScheduleLayout) => void }) {
  return (
    <div className="layout-switch" role="group" aria-label="Layout">
      <button type="button" className="layout-switch__option" aria-pressed={layout === 'list'} onClick={() => onChoose('list')}>
        List
      </button>
      <button type="button" className="layout-switch__option" aria-pressed={layout === 'grid'} onClick={() => onChoose('grid')}>
        Grid
      </button>
    </div>
  )
})

function GridFailed() {
  return (
    <p className="empty__message" role="alert">
      The grid didn't download. Reload while online to get it, or switch to the list.
    </p>
  )
}

interface EmptyStateProps {
  /** The search text the list shows (it may trail the box while typing). */
  query: string
  dayHasSessions: boolean
  /** How many sessions would match if past ones were shown. */
  endedMatches: number
  onClear: () => void
  onShowPast: () => void
}

function EmptyState({ query, dayHasSessions, endedMatches, onClear, onShowPast }: EmptyStateProps) {
  const q = query.trim()
  let message: string
  if (!dayHasSessions) message = 'There are no sessions on this day.'
  else if (endedMatches > 0) message = q ? `Every session matching "${q}" has ended.` : 'Every matching session has ended.'
  else if (q) message = `No sessions match "${q}"`
  else message = 'No sessions match these filters'

  return (
    // The same id as the list: the empty state stands in for it, so "Skip to sessions" and Enter in the search box
    // land on the message that says what to do.
    <div id="session-list" className="empty" tabIndex={-1}>
      <p className="empty__message">{message}</p>
      {dayHasSessions && (
        <>
          <p className="empty__hint">
            {endedMatches > 0
              ? `Show past sessions to see ${endedMatches === 1 ? 'it' : `all ${endedMatches}`}, or clear the filters.`
              : 'Try fewer or shorter words, or clear the filters to see the whole day.'}
          </p>
          <div className="empty__actions">
            {endedMatches > 0 && (
              <button type="button" className="button" onClick={onShowPast}>
                Show past sessions
              </button>
            )}
            <button type="button" className="button button--primary" onClick={onClear}>
              Clear filters
            </button>
          </div>
        </>
      )}
    </div>
  )
}
