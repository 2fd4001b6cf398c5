// The notice on every screen but My plan when a schedule update changed sessions in the user's plan, linking to the
// "What changed" list (ScheduleChanges.tsx, which loads with My plan). Apart from that list so the first view does
// not download the schedule-diff text.
import { Link, useRoute } from 'wouter'
import { usePlan } from '../common/usePlan'
import { Icon } from '../common/Icons'

/** On every screen but My plan: "2 sessions in your plan changed", with the way to the list. */
export function ScheduleChangesNotice() {
  const { changes } = usePlan()
  const [onPlan] = useRoute('/plan')
  const n = changes.length
  // The live region is always in the page, so a change arriving later (an update installed in the background) is read.
  const visible = n > 0 && !onPlan
  return (
    <div role="status" className={visible ? 'notice notice--changes' : undefined}>
      {visible && (
        <div className="notice__inner">
          <p className="notice__text">
            <Icon name="changed" /> <strong>Schedule updated:</strong>{' '}
            {n === 1 ? '1 session in your plan changed.' : `${n} sessions in your plan changed.`}
          </p>
          <Link href="/plan" className="button button--small">
            See what changed
          </Link>
        </div>
      )}
    </div>
  )
}
