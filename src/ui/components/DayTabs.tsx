// One link per conference day. Links, not an ARIA tablist: each day is its own URL (shareable, Back returns to the
// previous day), and links need no custom arrow-key handling to be keyboard-usable.
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { Link } from 'wouter'
import type { VenueDay } from '../../domain/model'
import { viewStateToSearch, type ViewState } from '../viewState'

function dayParts(day: VenueDay): { weekday: string; date: string } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  // Noon UTC names the same calendar date in every device zone (UTC−12…UTC+14).
  const noon = new TZDate(Date.UTC(y, m - 1, d, 12), 'UTC')
  return { weekday: format(noon, 'EEE'), date: format(noon, 'MMM d') }
}

export function DayTabs({ days, current, view }: { days: readonly VenueDay[]; current: VenueDay; view: ViewState }) {
  return (
    <nav className="days" aria-label="Days">
      <ul className="days__list">
        {days.map((day) => {
          const { weekday, date } = dayParts(day)
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
