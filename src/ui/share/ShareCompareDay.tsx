// One day of a shared plan next to the user's own: sessions that start together share a row, theirs on the left and
// the user's on the right (stacked, each with its tag, on a phone), sessions in both plans across the whole row, and
// the time both are free between them. Every mark is an icon plus words, never colour alone.
import { useId } from 'react'
import { Link } from 'wouter'
import { isolateText } from '../../domain/bidiText'
import type { Conflict, PlannedSession, StarLevel } from '../../domain/conflicts'
import type { SessionId } from '../../domain/model'
import type { CommonFreeTime, CompareDay, CompareEntry, CompareSide, CompareSlot } from '../../domain/planCompare'
import { formatVenueDay } from '../../domain/time'
import { venueLabel } from '../common/sessionText'
import { durationLabel, venueTimeLabel, venueTimeRangeLabel } from '../common/timeLabels'
import { ConflictPreview } from '../plan/ConflictPreview'
import { AnyIcon as Icon, type AnyIconName as IconName } from '../common/moreIcons'

/** Which sessions the comparison shows: all of them with the free time, or one side. */
export type CompareFilter = 'all' | CompareSide

export const SIDE_WORDS: Record<CompareSide, { tag: string; icon: IconName }> = {
  both: { tag: 'In both plans', icon: 'both' },
  theirs: { tag: 'Only theirs', icon: 'theirs' },
  mine: { tag: 'Only yours', icon: 'plan' },
}

/** The selector of a session's "Add to my plan" button, for moving focus back to it after Undo. */
export function addButtonSelector(sessionId: SessionId): string {
  return `[data-add-for="${sessionId}"]`
}

export interface ShareCompareDayProps {
  day: CompareDay
  filter: CompareFilter
  timeZone: string
  /** For each session only they have: the conflicts adding it would bring into the user's plan. */
  conflictsIfAdded: ReadonlyMap<SessionId, Conflict[]>
  onAdd: (item: PlannedSession) => void
}

export function ShareCompareDay({ day, filter, timeZone, conflictsIfAdded, onAdd }: ShareCompareDayProps) {
  const headingId = useId()
  const items = day.items.flatMap((item): Array<CompareSlot | CommonFreeTime> => {
    if (item.kind === 'free') return filter === 'all' ? [item] : []
    const entries = filter === 'all' ? item.entries : item.entries.filter((e) => e.side === filter)
    return entries.length > 0 ? [{ ...item, entries }] : []
  })
  const { both, theirs, mine } = day.counts
  const count = [both > 0 && `${both} in both`, theirs > 0 && `${theirs} only theirs`, mine > 0 && `${mine} only yours`]
    .filter(Boolean)
    .join(' · ')

  return (
    <section className="cmp-day" aria-labelledby={headingId}>
      <h2 id={headingId} className="plan-day__title">
        {formatVenueDay(day.day)} <span className="plan-day__count">{count}</span>
      </h2>
      {/* Wide screens only, where the columns are side by side; every entry also says whose it is. */}
      <div className="cmp-cols" aria-hidden="true">
        <span>
          <Icon name="theirs" /> Theirs
        </span>
        <span>
          <Icon name="plan" /> Yours
        </span>
      </div>
      {items.length === 0 ? (
        <p className="muted">Nothing to show on this day.</p>
      ) : (
        <ol className="cmp-timeline">
          {items.map((item) =>
            item.kind === 'free' ? (
              <li key={`free-${item.start}`} className="cmp-free">
                <Icon name="clock" />
                <span>
                  <strong>Both free</strong> · {venueTimeLabel(item.start, timeZone)} – {venueTimeLabel(item.end, timeZone)} (
                  {durationLabel(item.minutes)})
                </span>
              </li>
            ) : (
              <li key={`slot-${item.start}`} className="cmp-slot">
                <p className="cmp-slot__time">{venueTimeLabel(item.start, timeZone)}</p>
                <div className="cmp-slot__grid">
                  {item.entries.map((entry) => (
                    <CompareCard
                      key={entry.session.id}
                      entry={entry}
                      timeZone={timeZone}
                      conflicts={conflictsIfAdded.get(entry.session.id)}
                      onAdd={onAdd}
                    />
                  ))}
                </div>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  )
}

function levelWord(level: StarLevel): string {
  return level === 'must' ? 'must' : 'maybe'
}

/** "Theirs: must", "Yours: maybe", "Both: must", "Theirs: maybe · yours: must". */
function levelsText(entry: CompareEntry): string {
  const { theirs, mine } = entry
  if (theirs && mine) return theirs === mine ? `Both: ${levelWord(theirs)}` : `Theirs: ${levelWord(theirs)} · yours: ${levelWord(mine)}`
  return theirs ? `Theirs: ${levelWord(theirs)}` : `Yours: ${levelWord(mine!)}`
}

function CompareCard({
  entry,
  timeZone,
  conflicts,
  onAdd,
}: {
  entry: CompareEntry
  timeZone: string
  conflicts: Conflict[] | undefined
  onAdd: (item: PlannedSession) => void
}) {
  const { session, side } = entry
  const words = SIDE_WORDS[side]
  const level = entry.theirs ?? entry.mine!
  return (
    <div className={`cmp card-row cmp--${side}`}>
      <p className="cmp__tag">
        <Icon name={words.icon} /> {words.tag}
      </p>
      <Link href={`/session/${session.id}`} className="cmp__title card-row__title" dir="auto">
        {session.title}
      </Link>
      <p className="cmp__meta card-row__meta">
        <span>{venueTimeRangeLabel(session.start, session.end, timeZone)}</span>
        <span dir="auto">{venueLabel(session.venue)}</span>
      </p>
      <p className="cmp__levels">
        <Icon name={level === 'must' ? 'star-filled' : 'star-half'} className="cmp__star" /> {levelsText(entry)}
      </p>
      {side === 'theirs' && entry.theirs && (
        <div className="cmp__add">
          <ConflictPreview conflicts={conflicts ?? []} sessionId={session.id} timeZone={timeZone} />
          <button
            type="button"
            className="button button--small"
            data-add-for={session.id}
            // Starts with the visible words (WCAG 2.5.3), then says which session and at what level.
            aria-label={`Add to my plan: ${isolateText(session.title)} (as ${levelWord(entry.theirs)})`}
            onClick={() => onAdd({ session, level: entry.theirs! })}
          >
            <Icon name="plus" /> Add to my plan
          </button>
        </div>
      )}
    </div>
  )
}
