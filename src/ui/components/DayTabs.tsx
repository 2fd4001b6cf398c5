// One link per conference day. Links, not an ARIA tablist: each day is its own URL (shareable, Back returns to the
// previous day), and links need no custom arrow-key handling to be keyboard-usable.
import { Link } from 'wouter'
import type { VenueDay } from '../../domain/model'
import { dayTabLabel } from '../timeLabels'
import { viewStateToSearch, type ViewState } from '../viewState'

export function DayTabs({ days, current, view }: { days: readonly VenueDay[]; current: VenueDay; view: ViewState }) {
  return (
    <nav className="days" aria-label="Days">
      <ul className="days__list">
        {days.map((day) => {
          const { weekday, date } = dayTabLabel(day)
          return (
            <li key={day}>
              <Link
                href={`/${viewStateToSearch({ ...view, day })}`}
                className="days__link"
                aria-current={day === current ? 'page' : undefined}
              >
                <span className="days__weekday">{weekday}</span> <span className="days__date">{date}</span>
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
