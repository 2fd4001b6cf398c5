// Resolving one overlap or tight walk: keep either side, or pick another session in the same slot instead (same type
// and matching words first, each flagged when it would conflict too). The other side becomes a maybe or leaves the
// plan, as the user chooses; the toast that follows offers Undo. Mounted once; which one is open lives in the UI store.
import { useId, useMemo, useState } from 'react'
import { alternativesFor, type Alternative } from '../../domain/alternatives'
import { isolateText } from '../../domain/bidiText'
import { otherSide, sidesOf, type PlannedSession } from '../../domain/conflicts'
import type { Session } from '../../domain/model'
import type { DropTo } from '../../db/stars'
import { useUiStore, type ResolveTarget } from '../../store/uiStore'
import { conflictMessage, conflictWords, resolvedMessage } from './conflictText'
import { usePlan } from '../common/usePlan'
import { useSchedule, useScheduleContext } from '../common/useSchedule'
import { starButtonSelector, useStarActions } from '../common/useStarActions'
import { venueLabel } from '../common/sessionText'
import { venueTimeRangeLabel } from '../common/timeLabels'
import { ConflictPreview } from './ConflictPreview'
import { Dialog } from '../common/Dialog'
import { Icon } from '../common/Icons'
import './conflicts.css'
import './resolveDialog.css'

// Alternatives shown before "Show all": the best-ranked ones fit a phone screen; a slot of the seed has up to 17.
const FIRST_ALTERNATIVES = 5

export function ResolveDialog() {
  const target = useUiStore((s) => s.resolving)
  const close = useUiStore((s) => s.closeResolve)
  if (!target) return null
  // Keyed on the conflict, so its choices and "show all" start afresh for another one.
  return <ResolvePanel key={`${target.sessionId}-${target.otherId}`} target={target} onClose={close} />
}

function ResolvePanel({ target, onClose }: { target: ResolveTarget; onClose: () => void }) {
  const uid = useId()
  const headingId = `${uid}-heading`
  const { sessions } = useSchedule()
  const { byId } = useScheduleContext()
  const { stars, options, conflictsBySession, displayZone: timeZone } = usePlan()
  const { resolve } = useStarActions()

  const conflict = conflictsBySession
    .get(target.sessionId)
    ?.find((c) => otherSide(c, target.sessionId).session.id === target.otherId)
  const session = byId.get(target.sessionId)

  const bothMust = conflict ? sidesOf(conflict).every((s) => s.level === 'must') : false
  const [dropTo, setDropTo] = useState<DropTo>(bothMust ? 'maybe' : 'remove')
  const [showAll, setShowAll] = useState(false)

  const alternatives = useMemo(
    () => (session ? alternativesFor(session, sessions, stars, options) : []),
    [session, sessions, stars, options],
  )

  const fallbackFocus = starButtonSelector(target.sessionId)

  if (!conflict || !session) {
    return (
      <Dialog labelledBy={headingId} onClose={onClose} fallbackFocus={fallbackFocus}>
        <div className="dialog__head">
          <h2 id={headingId} tabIndex={-1} className="dialog__title">
            Already resolved
          </h2>
        </div>
        <p>The two sessions no longer overlap, and the walk between them fits (the plan or the walking settings changed).</p>
        <div className="dialog__foot">
          <button type="button" className="button button--primary" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    )
  }

  const words = conflictWords(conflict)
  const sides = sidesOf(conflict)
  const replaced = sides.find((s) => s.session.id === target.sessionId)!

  const keep = (kept: PlannedSession) => {
    const dropped = otherSide(conflict, kept.session.id)
    onClose()
    void resolve(
      { keep: kept.session.id, keepLevel: 'must', drop: dropped.session.id, dropTo },
      { message: resolvedMessage(kept.session.title, dropped.session.title, dropTo, false), returnFocus: starButtonSelector(kept.session.id) },
    )
  }

  const pick = (alternative: Session) => {
    onClose()
    void resolve(
      { keep: alternative.id, keepLevel: replaced.level, drop: replaced.session.id, dropTo },
      {
        message: resolvedMessage(alternative.title, replaced.session.title, dropTo, true),
        returnFocus: starButtonSelector(replaced.session.id),
      },
    )
  }

  const shown = showAll ? alternatives : alternatives.slice(0, FIRST_ALTERNATIVES)

  return (
    <Dialog labelledBy={headingId} onClose={onClose} fallbackFocus={fallbackFocus}>
      <div className="dialog__head">
        <h2 id={headingId} tabIndex={-1} className="dialog__title">
          <Icon name={words.icon} className={`conflict__icon conflict__icon--${conflict.severity}`} />
          Resolve {words.label.toLowerCase()}
        </h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <p className={`conflict conflict--${conflict.severity} conflict--${conflict.kind} conflict__text`}>
        <span>
          <strong className="conflict__label">{words.label}:</strong> {conflictMessage(conflict, target.sessionId, timeZone)}
        </span>
      </p>

      <fieldset className="resolve__drop">
        <legend>The one you don't keep</legend>
        <label className="toggle">
          <input type="radio" name={`${uid}-drop`} checked={dropTo === 'maybe'} onChange={() => setDropTo('maybe')} />
          becomes a maybe
        </label>
        <label className="toggle">
          <input type="radio" name={`${uid}-drop`} checked={dropTo === 'remove'} onChange={() => setDropTo('remove')} />
          is removed from your plan
        </label>
      </fieldset>

      <h3 className="dialog__subtitle">Keep one</h3>
      <ul className="resolve__sides">
        {sides.map((side) => (
          <li key={side.session.id} className="resolve__option card-row">
            <SessionSummary session={side.session} timeZone={timeZone} note={side.level === 'must' ? 'Must' : 'Maybe'} />
            <button
              type="button"
              className="button button--small"
              aria-label={`Keep ${isolateText(side.session.title)}`}
              onClick={() => keep(side)}
            >
              Keep
            </button>
          </li>
        ))}
      </ul>

      <h3 className="dialog__subtitle">
        Instead of <bdi>{replaced.session.title}</bdi>
      </h3>
      {alternatives.length === 0 ? (
        <p className="muted">Nothing else runs at this time.</p>
      ) : (
        <>
          <p className="muted dialog__hint">
            {alternatives.length} other {alternatives.length === 1 ? 'session' : 'sessions'} at this time; same type and
            similar topics first.
          </p>
          <ul className="resolve__alternatives">
            {shown.map((alt) => (
              <AlternativeItem
                key={alt.session.id}
                alternative={alt}
                replacedTitle={replaced.session.title}
                timeZone={timeZone}
                onPick={pick}
              />
            ))}
          </ul>
          {!showAll && alternatives.length > FIRST_ALTERNATIVES && (
            <button type="button" className="button button--quiet" onClick={() => setShowAll(true)}>
              Show all {alternatives.length} alternatives
            </button>
          )}
        </>
      )}
    </Dialog>
  )
}

function SessionSummary({ session, timeZone, note }: { session: Session; timeZone: string; note?: string }) {
  return (
    <div className="resolve__summary">
      <span className="resolve__title" dir="auto">{session.title}</span>
      <span className="resolve__meta">
        {venueTimeRangeLabel(session.start, session.end, timeZone)} · <bdi>{venueLabel(session.venue)}</bdi>
        {note ? ` · ${note}` : ''}
      </span>
    </div>
  )
}

function AlternativeItem({
  alternative,
  replacedTitle,
  timeZone,
  onPick,
}: {
  alternative: Alternative
  replacedTitle: string
  timeZone: string
  onPick: (session: Session) => void
}) {
  const { session, sameType, sharedWords, conflicts } = alternative
  const type = isolateText(session.type)
  const why = [sameType ? `Same type: ${type}` : type, sharedWords.length > 0 ? `also about ${sharedWords.map(isolateText).join(', ')}` : '']
    .filter((p) => p !== '')
    .join(' · ')
  return (
    <li className="resolve__option resolve__option--alt card-row">
      <SessionSummary session={session} timeZone={timeZone} />
      {why !== '' && <span className="resolve__why">{why}</span>}
      <ConflictPreview conflicts={conflicts} sessionId={session.id} timeZone={timeZone} />
      <button
        type="button"
        className="button button--small"
        aria-label={`Pick ${isolateText(session.title)} instead of ${isolateText(replacedTitle)}`}
        onClick={() => onPick(session)}
      >
        Pick this instead
      </button>
    </li>
  )
}
