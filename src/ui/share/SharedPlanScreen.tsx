// A plan someone shared (/share#p=…), next to the user's own: day by day, what both have, what only one has, when
// both are free; add one of their sessions or all of them (conflicts shown before), or replace the plan (asked
// first, undoable). The link is untrusted: a bad one gets a plain message and changes nothing; the plan's name is
// only ever rendered as text. A link names its event: when that is another event on this device, the screen switches
// to it (once per link, and says so); when the device lacks it, it says which file to open.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { Link } from 'wouter'
import { isolateText } from '../../domain/bidiText'
import { compareConflicts, type Conflict, type PlannedSession } from '../../domain/conflicts'
import type { EventInfo, Session, SessionId } from '../../domain/model'
import { addedSideOf, comparePlans, conflictsIfAdded, type CompareSide } from '../../domain/planCompare'
import type { SharedPlanLink, SharedPlanMatch, SharedRef } from '../../domain/shareCodec'
import { useUiStore } from '../../store/uiStore'
import { ConflictPreview } from '../plan/ConflictPreview'
import { conflictCounts, conflictWords } from '../plan/conflictText'
import { AnyIcon as Icon } from '../common/moreIcons'
import { OpenScheduleDialog } from '../events/OpenScheduleDialog'
import { addButtonSelector, ShareCompareDay, SIDE_WORDS, type CompareFilter } from './ShareCompareDay'
import { REPLACE_BUTTON_SELECTOR, ShareReplaceDialog, type ReplaceCounts } from './ShareReplaceDialog'
import { useEvents } from '../events/useEvents'
import { usePageHeading } from '../common/usePageHeading'
import { usePlan } from '../common/usePlan'
import { useSchedule } from '../common/useSchedule'
import { useMergeActions, useSharedPlan, type SharedPlanView } from './useSharedPlan'
import './share.css'

const ADD_ALL_SELECTOR = '[data-share-add-all]'

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

function headingOf(view: SharedPlanView): string {
  switch (view.kind) {
    case 'bad':
      return "This link can't be opened"
    case 'other-event':
      return 'A plan for another event'
    case 'ready':
      return view.link.name ?? 'A shared plan'
    case 'loading':
      return 'A shared plan'
  }
}

export function SharedPlanScreen() {
  const view = useSharedPlan()
  const { event } = useSchedule()
  const heading = headingOf(view)
  const headingRef = usePageHeading(heading)
  const switched = useSwitchToLinkEvent(view)
  const [opening, setOpening] = useState(false)

  return (
    <div className="shared">
      <p className="shared__kicker">
        <Icon name="share" /> Shared plan
      </p>
      {/* A text child: a name like "<script>…" shows as those characters and nothing else. */}
      <h1 ref={headingRef} tabIndex={-1} className="page-title shared__title" dir="auto">
        {heading}
      </h1>
      {view.kind === 'bad' && (
        <Refusal>
          <p className="shared__problem">{view.message}</p>
        </Refusal>
      )}
      {view.kind === 'other-event' && !view.installed && (
        <Refusal>
          <p className="shared__problem">
            This plan is for <span className="shared__event-id">{view.eventId}</span>, which isn't on this device. Open its
            schedule file first.
          </p>
          <p>
            <button type="button" className="button" data-open-schedule-for-link="" onClick={() => setOpening(true)}>
              <Icon name="plus" /> Open a schedule file…
            </button>
          </p>
        </Refusal>
      )}
      {view.kind === 'other-event' && view.installed && <OtherInstalledEvent title={view.installed.title} eventId={view.eventId} />}
      {view.kind === 'ready' && switched && switched.to === view.link.eventId && (
        <p className="shared__switched card-row">
          <Icon name="check" />{' '}
          <span>
            This plan is for <bdi>{event?.title}</bdi>, so Hallway switched to it
            {switched.fromTitle ? ` (you were looking at ${isolateText(switched.fromTitle)})` : ''}. The event menu at the top switches back.
          </span>
        </p>
      )}
      {view.kind === 'ready' && event && <SharedPlanBody link={view.link} match={view.match} event={event} />}
      {opening && (
        <OpenScheduleDialog afterAdd="stay" onClose={() => setOpening(false)} fallbackFocus="[data-open-schedule-for-link]" />
      )}
    </div>
  )
}

/**
 * Switches to the link's event when this device has it and another one is shown: once per link, so the user can still
 * switch away with the event menu (and come back with the button below) without the screen pulling them back.
 */
function useSwitchToLinkEvent(view: SharedPlanView): { to: string; fromTitle: string | undefined } | null {
  const { event } = useSchedule()
  const { actions } = useEvents()
  const [switched, setSwitched] = useState<{ to: string; fromTitle: string | undefined } | null>(null)
  const tried = useRef<string | null>(null)
  const target = view.kind === 'other-event' && view.installed ? view.eventId : null
  const fromTitle = event?.title
  useEffect(() => {
    if (!target || !actions || tried.current === target) return
    tried.current = target
    actions.switchTo(target).then(
      () => setSwitched({ to: target, fromTitle }),
      // Left on the "switch to it" state below, whose button says what to do.
      (error: unknown) => console.warn('Hallway: switching to the shared plan’s event failed.', error),
    )
  }, [target, actions, fromTitle])
  return switched
}

/** The link's event is on this device but not shown (the user switched away after the automatic switch). */
function OtherInstalledEvent({ title, eventId }: { title: string; eventId: SharedPlanLink['eventId'] }) {
  const { actions } = useEvents()
  const showToast = useUiStore((s) => s.showToast)
  return (
    <div className="shared__refusal">
      <p className="shared__problem">
        This plan is for <bdi>{title}</bdi>, which isn't the event on screen.
      </p>
      <p className="shared__refusal-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!actions}
          onClick={() =>
            void actions?.switchTo(eventId).catch((error: unknown) =>
              showToast({ tone: 'error', message: error instanceof Error ? error.message : String(error) }),
            )
          }
        >
          <span>
            Switch to <bdi>{title}</bdi>
          </span>
        </button>
        <Link href="/plan" className="button">
          Go to my plan
        </Link>
      </p>
    </div>
  )
}

/** Why nothing can be shown, and the reassurance that nothing changed. */
function Refusal({ children }: { children: ReactNode }) {
  return (
    <div className="shared__refusal">
      {children}
      <p>Your own plan hasn't changed.</p>
      <p className="shared__refusal-actions">
        <Link href="/plan" className="button button--primary">
          Go to my plan
        </Link>
        <Link href="/" className="button">
          Browse the schedule
        </Link>
      </p>
    </div>
  )
}

function SharedPlanBody({ link, match, event }: { link: SharedPlanLink; match: SharedPlanMatch; event: EventInfo }) {
  const { sessions } = useSchedule()
  const { status, plan: mine, options } = usePlan()
  const { add, replace } = useMergeActions()
  const [filter, setFilter] = useState<CompareFilter>('all')
  const [confirming, setConfirming] = useState(false)
  const theirs = match.found
  const tz = event.timeZone
  const planLabel = link.name !== undefined ? isolateText(link.name) : 'the shared plan'

  const days = useMemo(() => comparePlans(theirs, mine, sessions, options), [theirs, mine, sessions, options])
  const totals = useMemo(() => {
    const t: Record<CompareSide, number> = { both: 0, theirs: 0, mine: 0 }
    for (const d of days) for (const side of ['both', 'theirs', 'mine'] as const) t[side] += d.counts[side]
    return t
  }, [days])
  const mineById = useMemo(() => new Map(mine.map((p) => [p.session.id, p])), [mine])
  const onlyTheirs = useMemo(() => theirs.filter((p) => !mineById.has(p.session.id)), [theirs, mineById])
  const previews = useMemo(
    () => new Map(onlyTheirs.map((p) => [p.session.id, conflictsIfAdded([p], mine, options)])),
    [onlyTheirs, mine, options],
  )
  const allConflicts = useMemo(() => conflictsIfAdded(onlyTheirs, mine, options), [onlyTheirs, mine, options])
  const replaceCounts = useMemo((): ReplaceCounts => {
    const theirIds = new Set(theirs.map((t) => t.session.id))
    return {
      added: onlyTheirs.length,
      removed: mine.filter((p) => !theirIds.has(p.session.id)).length,
      changed: theirs.filter((t) => {
        const m = mineById.get(t.session.id)
        return m !== undefined && m.level !== t.level
      }).length,
    }
  }, [onlyTheirs, mine, theirs, mineById])

  const addOne = useCallback(
    (item: PlannedSession) =>
      void add([item], {
        message: (r) => {
          const title = isolateText(item.session.title)
          return r.added > 0 ? `Added ${title} to your plan.` : `${title} was already in your plan.`
        },
        returnFocus: addButtonSelector(item.session.id),
      }),
    [add],
  )
  const addAll = () =>
    void add(onlyTheirs, {
      message: (r) => `Added ${count(r.added, 'session', 'sessions')} from ${planLabel} to your plan.`,
      returnFocus: ADD_ALL_SELECTOR,
    })
  const replaceMine = () => {
    setConfirming(false)
    void replace(theirs, {
      message: (r) => `Replaced your plan with ${planLabel}: ${r.added} added, ${r.removed} removed.`,
      returnFocus: REPLACE_BUTTON_SELECTOR,
    })
  }

  // The added side of each conflict, so "add all" previews name the session that brings it.
  const addedIds = useMemo(() => new Set<SessionId>(onlyTheirs.map((p) => p.session.id)), [onlyTheirs])
  const addedSide = useCallback((c: Conflict): Session => addedSideOf(c, addedIds), [addedIds])

  const differs = replaceCounts.added + replaceCounts.removed + replaceCounts.changed > 0

  return (
    <>
      <p className="shared__summary">
        {theirs.length === 0
          ? match.missing.length + match.ambiguous.length > 0
            ? 'None of the sessions in this plan are in the schedule on this device.'
            : 'This plan is empty.'
          : `${count(theirs.length, 'session', 'sessions')} in this plan: ${totals.both || 'none'} also in yours, ` +
            `${totals.theirs || 'none'} only in theirs.` +
            (totals.mine > 0 ? ` You have ${count(totals.mine, 'session', 'sessions')} they don't.` : '')}
      </p>
      <Unmatched missing={match.missing} ambiguous={match.ambiguous} />

      {status === 'loading' ? (
        <p className="loading" role="status">
          Loading your plan…
        </p>
      ) : (
        theirs.length > 0 && (
          <>
            <section className="shared__actions" aria-label="Take sessions from this plan">
              {onlyTheirs.length > 0 ? (
                <div className="shared__add-all">
                  <AddAllPreview conflicts={allConflicts} count={onlyTheirs.length} addedSide={addedSide} timeZone={tz} />
                  <button type="button" className="button button--primary" data-share-add-all onClick={addAll}>
                    <Icon name="plus" />
                    {onlyTheirs.length === 1 ? 'Add their 1 session to my plan' : `Add all ${onlyTheirs.length} of theirs to my plan`}
                  </button>
                </div>
              ) : (
                <p className="shared__all-in">
                  <Icon name="check" /> Every session of this plan is already in yours.
                </p>
              )}
              {mine.length > 0 && differs && (
                <button type="button" className="button" data-share-replace onClick={() => setConfirming(true)}>
                  Replace my plan with this one…
                </button>
              )}
            </section>

            <CompareFilterControl filter={filter} onChange={setFilter} totals={totals} />
            {days.map((day) => (
              <ShareCompareDay key={day.day} day={day} filter={filter} timeZone={tz} conflictsIfAdded={previews} onAdd={addOne} />
            ))}
          </>
        )
      )}
      {confirming && (
        <ShareReplaceDialog planLabel={planLabel} counts={replaceCounts} onConfirm={replaceMine} onClose={() => setConfirming(false)} />
      )}
    </>
  )
}

/**
 * What adding all of theirs would bring, in one line ("would bring 2 overlaps and 1 tight walk"), with the
 * list behind a toggle: each card below already shows its own.
 */
function AddAllPreview({
  conflicts,
  count: n,
  addedSide,
  timeZone,
}: {
  conflicts: readonly Conflict[]
  count: number
  addedSide: (c: Conflict) => Session
  timeZone: string
}) {
  const [open, setOpen] = useState(false)
  const listId = useId()
  if (conflicts.length === 0) {
    return <ConflictPreview conflicts={[]} sessionId={addedSide} timeZone={timeZone} fits={n === 1 ? 'It fits your plan' : `All ${n} fit your plan`} />
  }
  const parts = conflictCounts(conflicts)
  const what = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]
  // The worst one sets the icon and the tone of the line.
  const worst = conflictWords([...conflicts].sort(compareConflicts)[0]!)
  const tone = conflicts.some((c) => c.severity === 'hard') ? 'hard' : 'soft'
  return (
    <div className="shared__preview">
      <p className={`fit fit--${tone}`}>
        <Icon name={worst.icon} className="conflict__icon" />
        <span>
          <strong>Adding {n === 1 ? 'it' : `all ${n}`} would bring {what}.</strong>{' '}
          <button type="button" className="button--quiet shared__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide them' : 'Show them'}
          </button>
        </span>
      </p>
      <div id={listId} hidden={!open}>
        {open && <ConflictPreview conflicts={conflicts} sessionId={addedSide} timeZone={timeZone} />}
      </div>
    </div>
  )
}

/** Sessions of the link this device's schedule cannot show. The link holds ID prefixes only, so no titles. */
function Unmatched({ missing, ambiguous }: { missing: readonly SharedRef[]; ambiguous: readonly SharedRef[] }) {
  if (missing.length + ambiguous.length === 0) return null
  const levels = (refs: readonly SharedRef[]) => {
    const must = refs.filter((r) => r.level === 'must').length
    return [must > 0 && `${must} must`, refs.length - must > 0 && `${refs.length - must} maybe`].filter(Boolean).join(', ')
  }
  return (
    <div className="note shared__unmatched">
      <Icon name="possible-clash" />
      <div>
        {missing.length > 0 && (
          <p>
            {count(missing.length, 'session', 'sessions')} of this plan {missing.length === 1 ? 'is' : 'are'} no longer in the
            schedule ({levels(missing)}).
          </p>
        )}
        {ambiguous.length > 0 && (
          <p>
            {count(ambiguous.length, 'session', 'sessions')} of this plan could be more than one session in the schedule on
            this device, so {ambiguous.length === 1 ? 'it was' : 'they were'} left out ({levels(ambiguous)}).
          </p>
        )}
      </div>
    </div>
  )
}

function CompareFilterControl({
  filter,
  onChange,
  totals,
}: {
  filter: CompareFilter
  onChange: (filter: CompareFilter) => void
  totals: Record<CompareSide, number>
}) {
  const name = useId()
  const choices: Array<{ value: CompareFilter; label: string }> = [
    { value: 'all', label: 'Everything' },
    ...(['theirs', 'both', 'mine'] as const).map((side) => ({ value: side, label: `${SIDE_WORDS[side].tag} (${totals[side]})` })),
  ]
  return (
    <fieldset className="cmp-filter">
      <legend className="cmp-filter__legend">Show</legend>
      {choices.map((c) => (
        <label key={c.value} className={`cmp-filter__choice${filter === c.value ? ' cmp-filter__choice--on' : ''}`}>
          <input type="radio" name={name} checked={filter === c.value} onChange={() => onChange(c.value)} />
          {c.label}
        </label>
      ))}
    </fieldset>
  )
}
