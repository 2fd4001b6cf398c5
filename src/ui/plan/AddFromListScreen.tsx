// "Add from a list…" (/add-from-list): paste a must-watch list from a blog, a chat or an e-mail, see what each line
// matches in this schedule (src/domain/listMatch.ts), pick where a line could mean several sessions, preview the
// clashes the picks would bring, and add them as must or maybe, with Undo. Also the Web Share Target: text shared
// from another app arrives as ?title=&text=&url= and fills the box; a shared Hallway link opens the shared plan.
import { useEffect, useId, useMemo, useState, type ChangeEvent } from 'react'
import { Link, useLocation, useSearch } from 'wouter'
import type { Conflict, PlannedSession } from '../../domain/conflicts'
import { createListMatcher, findShareLink, type ListLineResult } from '../../domain/listMatch'
import type { Session, SessionId } from '../../domain/model'
import { addedSideOf, conflictsIfAdded } from '../../domain/planCompare'
import type { StarLevel } from '../../domain/stars'
import { AnyIcon as Icon } from '../common/moreIcons'
import { usePageHeading } from '../common/usePageHeading'
import { usePlan } from '../common/usePlan'
import { useSchedule } from '../common/useSchedule'
import { venueLabel } from '../common/sessionText'
import { venueTimeRangeLabel } from '../common/timeLabels'
import { useMergeActions } from '../share/useSharedPlan'
import { ConflictPreview } from './ConflictPreview'
import './addFromList.css'

/** The box's text from a share (title, text and url, each when given) or empty. */
function sharedText(search: string): string {
  const q = new URLSearchParams(search)
  return ['title', 'text', 'url']
    .map((k) => q.get(k)?.trim() ?? '')
    .filter((v, i, all) => v !== '' && all.indexOf(v) === i)
    .join('\n')
}

/** The local route for a Hallway share link from anywhere (`…/share#p=…` → `/share#p=…`). */
function localShareRoute(url: string): string {
  return `/share${url.slice(url.indexOf('#'))}`
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export function AddFromListScreen() {
  const headingRef = usePageHeading('Add from a list')
  const search = useSearch()
  const [, navigate] = useLocation()
  const { event, sessions } = useSchedule()
  const { plan: mine, stars, options, displayZone, status } = usePlan()
  const { add } = useMergeActions()
  const [shared] = useState(() => sharedText(search))
  const [text, setText] = useState(shared)
  // Shared into Hallway from another app (the share target) with a Hallway link in it: that is a plan to compare,
  // not a list to match, so it opens as one. Replace: Back should not return to this hand-over.
  useEffect(() => {
    const link = findShareLink(shared)
    if (link) navigate(localShareRoute(link), { replace: true })
  }, [shared, navigate])
  const [level, setLevel] = useState<StarLevel>('must')
  /** The user's pick per line that offered candidates (line index → session, or null for none of them). */
  const [picks, setPicks] = useState<ReadonlyMap<number, SessionId | null>>(new Map())
  /** Sure matches the user unticked. */
  const [skipped, setSkipped] = useState<ReadonlySet<number>>(new Set())
  const boxId = useId()
  const levelName = useId()

  const matcher = useMemo(() => createListMatcher(sessions), [sessions])
  const results = useMemo(() => matcher.match(text), [matcher, text])

  // The sessions to add: ticked sure matches and picked candidates, once each, not those already in the plan.
  const chosen = useMemo(() => {
    const out = new Map<SessionId, Session>()
    results.forEach((r, i) => {
      const s =
        r.kind === 'sure' ? (skipped.has(i) ? undefined : r.session) : r.kind === 'choose' ? r.candidates.find((c) => c.id === picks.get(i)) : undefined
      if (s && !stars.has(s.id)) out.set(s.id, s)
    })
    return [...out.values()]
  }, [results, skipped, picks, stars])
  const adding = useMemo((): PlannedSession[] => chosen.map((session) => ({ session, level })), [chosen, level])
  const conflicts = useMemo(() => conflictsIfAdded(adding, mine, options), [adding, mine, options])

  const onlyShareLink = results.length === 1 && results[0]?.kind === 'share-link' ? results[0] : undefined
  const found = results.filter((r) => r.kind === 'sure').length
  const toPick = results.filter((r) => r.kind === 'choose').length
  const missing = results.filter((r) => r.kind === 'none').length

  const onText = (e: ChangeEvent<HTMLTextAreaElement>) => {
    setText(e.target.value)
    // Line numbers mean other lines now.
    setPicks(new Map())
    setSkipped(new Set())
  }

  const addAll = () =>
    void add(adding, {
      message: (r) => `Added ${count(r.added, 'session', 'sessions')} from your list to your plan as ${level}.`,
      returnFocus: '#add-from-list-submit',
    }).then(() => {
      setText('')
      setPicks(new Map())
      setSkipped(new Set())
    })

  // The side of each conflict that is being added: its title leads the message.
  const chosenIds = useMemo(() => new Set(chosen.map((s) => s.id)), [chosen])
  const addedSide = (c: Conflict): Session => addedSideOf(c, chosenIds)

  return (
    <div className="add-list">
      <h1 ref={headingRef} tabIndex={-1} className="page-title">
        Add from a list
      </h1>
      <p className="add-list__intro">
        Paste a must-watch list from a blog post, a chat or an e-mail: one talk per line, with or without the speaker.
        Hallway finds each title in {event ? <bdi>{event.title}</bdi> : 'this schedule'} and never guesses: where a line
        could mean several sessions, you choose.
      </p>
      <label htmlFor={boxId} className="add-list__label">
        Your list
      </label>
      <textarea
        id={boxId}
        className="add-list__box"
        rows={6}
        value={text}
        onChange={onText}
        spellCheck={false}
        placeholder={'AI-Assisted GitOps With Flux MCP Server – Stefan Prodan\nThe Journey of Deploying Backstage…'}
      />

      {onlyShareLink && (
        <p className="add-list__share">
          <Icon name="share" /> This is a link to someone’s Hallway plan.{' '}
          <button type="button" className="button button--primary" onClick={() => navigate(localShareRoute(onlyShareLink.url))}>
            Open the shared plan
          </button>
        </p>
      )}

      {results.length > 0 && !onlyShareLink && (
        <section aria-labelledby="add-list-found" className="add-list__results">
          <h2 id="add-list-found" className="add-list__heading">
            {count(found, 'match', 'matches')}
            {toPick > 0 ? ` · ${toPick} to choose` : ''}
            {missing > 0 ? ` · ${missing} not in this schedule` : ''}
          </h2>
          <ol className="add-list__lines">
            {results.map((r, i) => (
              <ListLine
                key={i}
                result={r}
                timeZone={displayZone}
                levelOf={(id) => stars.get(id)}
                picked={picks.get(i) ?? null}
                skipped={skipped.has(i)}
                onPick={(id) => setPicks((m) => new Map(m).set(i, id))}
                onSkip={(skip) =>
                  setSkipped((s) => {
                    const next = new Set(s)
                    if (skip) next.add(i)
                    else next.delete(i)
                    return next
                  })
                }
                onOpenShare={(url) => navigate(localShareRoute(url))}
              />
            ))}
          </ol>

          <fieldset className="add-list__level">
            <legend>Add them as</legend>
            {(['must', 'maybe'] as const).map((l) => (
              <label key={l} className="add-list__choice">
                <input type="radio" name={levelName} value={l} checked={level === l} onChange={() => setLevel(l)} />
                {l === 'must' ? 'Must' : 'Maybe'}
              </label>
            ))}
          </fieldset>

          {chosen.length > 0 && (
            <div className="add-list__preview" aria-live="polite">
              <h2 className="add-list__heading">What adding them does to your plan</h2>
              <ConflictPreview conflicts={conflicts} sessionId={addedSide} timeZone={displayZone} fits="They all fit your plan" />
            </div>
          )}

          <p className="add-list__actions">
            <button
              type="button"
              id="add-from-list-submit"
              className="button button--primary"
              disabled={chosen.length === 0 || status !== 'ready'}
              onClick={addAll}
            >
              {chosen.length === 0 ? 'Nothing to add' : `Add ${count(chosen.length, 'session', 'sessions')} as ${level}`}
            </button>
          </p>
        </section>
      )}
      <p className="add-list__actions">
        <Link href="/plan" className="button">
          Go to my plan
        </Link>
      </p>
    </div>
  )
}

interface ListLineProps {
  result: ListLineResult
  timeZone: string
  levelOf: (id: SessionId) => StarLevel | undefined
  picked: SessionId | null
  skipped: boolean
  onPick: (id: SessionId | null) => void
  onSkip: (skip: boolean) => void
  onOpenShare: (url: string) => void
}

function ListLine({ result, timeZone, levelOf, picked, skipped, onPick, onSkip, onOpenShare }: ListLineProps) {
  const groupName = useId()
  const line = (
    <q className="add-list__quote">
      <bdi>{result.line}</bdi>
    </q>
  )
  if (result.kind === 'share-link') {
    return (
      <li className="add-list__line">
        {line}
        <p>
          <Icon name="share" /> A link to someone’s Hallway plan.{' '}
          <button type="button" className="button button--quiet" onClick={() => onOpenShare(result.url)}>
            Open the shared plan
          </button>
        </p>
      </li>
    )
  }
  if (result.kind === 'none') {
    return (
      <li className="add-list__line add-list__line--none">
        {line}
        <p>
          <Icon name="close" /> <strong>Not in this schedule.</strong>
          {result.speakerName && result.speakerSessions.length > 0 && (
            <>
              {' '}
              <bdi>{result.speakerName}</bdi> gives{' '}
              {result.speakerSessions.length === 1 ? 'another talk' : 'other talks'} here:{' '}
              {result.speakerSessions.map((s, i) => (
                <span key={s.id}>
                  {i > 0 && ', '}
                  <Link href={`/session/${s.id}`}>
                    <bdi>{s.title}</bdi>
                  </Link>
                </span>
              ))}
              .
            </>
          )}
        </p>
      </li>
    )
  }
  if (result.kind === 'sure') {
    const s = result.session
    const already = levelOf(s.id)
    return (
      <li className="add-list__line add-list__line--sure">
        {line}
        {already ? (
          <p>
            <Icon name="check" /> Already in your plan as {already}: <SessionSummary session={s} timeZone={timeZone} />
          </p>
        ) : (
          <label className="add-list__choice">
            <input type="checkbox" checked={!skipped} onChange={(e) => onSkip(!e.target.checked)} />
            <span>
              <Icon name="check" /> <strong>Found:</strong> <SessionSummary session={s} timeZone={timeZone} />
            </span>
          </label>
        )}
      </li>
    )
  }
  const question =
    result.why === 'other-speakers'
      ? 'This title is here, but the line names other speakers. Is it this one?'
      : `This could be ${result.candidates.length} sessions. Which one?`
  return (
    <li className="add-list__line add-list__line--choose">
      {line}
      <fieldset className="add-list__pick">
        <legend>
          <Icon name="list" /> {question}
        </legend>
        {result.candidates.map((s) => (
          <label key={s.id} className="add-list__choice">
            <input type="radio" name={groupName} checked={picked === s.id} onChange={() => onPick(s.id)} />
            <span>
              <SessionSummary session={s} timeZone={timeZone} />
              {levelOf(s.id) && ` (already in your plan as ${levelOf(s.id)})`}
            </span>
          </label>
        ))}
        <label className="add-list__choice">
          <input type="radio" name={groupName} checked={picked === null} onChange={() => onPick(null)} />
          <span>None of these</span>
        </label>
      </fieldset>
    </li>
  )
}

function SessionSummary({ session, timeZone }: { session: Session; timeZone: string }) {
  return (
    <>
      <Link href={`/session/${session.id}`}>
        <bdi>{session.title}</bdi>
      </Link>{' '}
      · {venueTimeRangeLabel(session.start, session.end, timeZone, session.day)} · <bdi>{venueLabel(session.venue)}</bdi>
    </>
  )
}
