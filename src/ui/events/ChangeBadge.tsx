// The mark a schedule update leaves on a starred session's card, row and page until the user acknowledges it: an
// icon and words ("Moved to 2:30 PM", "Cancelled"), never colour alone.
import type { StarredChange } from '../../domain/scheduleDiff'
import { changeBadgeText } from './changeText'
import { Icon } from '../common/Icons'
import './scheduleChanges.css'

export function ChangeBadge({ change, timeZone }: { change: StarredChange; timeZone: string }) {
  const cancelled = change.after === null
  return (
    <span className={`badge ${cancelled ? 'badge--cancelled' : 'badge--changed'}`}>
      <Icon name={cancelled ? 'cancelled' : 'changed'} className="badge__icon" />
      {changeBadgeText(change, timeZone)}
    </span>
  )
}
