// One link per conference day. Links, not an ARIA tablist: each day is its own URL (shareable, Back returns to the
// previous day), and links need no custom arrow-key handling to be keyboard-usable.
import { memo } from 'react'
import { Link } from 'wouter'
import type { VenueDay } from '../../domain/model'
import { dayTabLabel } from '../common/timeLabels'
import { Icon } from '../common/Icons'
import { viewStateToSearch, type ViewState } from './viewState'

export interface DayTabsProps {
  days: readonly VenueDay[]
  current: VenueDay
  view: ViewState
  /** Starred sessions per day, shown on each tab ("★ 3", read as "3 in your plan"). */
  counts?: ReadonlyMap<VenueDay, number>
}

/** Memoised: a keystroke in the search box leaves the tabs alone (their links follow the URL, not the box). */
export const DayTabs = memo(function DayTabs({ days, current, view, counts }: DayTabsProps) {
  return (
    <nav className="days" aria-label="Days">
      <ul className="days__list">
        {days.map((day) => {
          const { weekday, date } = dayTabLabel(day)
          const starred = counts?.get(day) ?? 0
          return (
            <li key={day}>
              <Link
                href={`/${viewStateToSearch({ ...view, day })}`}
                className="days__link"
                aria-current={day === current ? 'page' : undefined}
              >
                <span className="days__weekday">{weekday}</span> <span className="days__date">{date}</span>
                {starred > 0 && (
                  <>
                    {' '}
                    {/* One text node for the name ("2 in your plan"); the eye gets a star and the number. */}
                    <span className="days__stars">
                      <Icon name="star-filled" />
                      <span aria-hidden="true">{starred}</span>
                      <span className="visually-hidden">{`${starred} in your plan`}</span>
                    </span>
                  </>
                )}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
})
