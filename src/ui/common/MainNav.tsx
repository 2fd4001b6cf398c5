// The app's main navigation: Schedule, My plan (with its star count), Speakers, Now & next, Settings. In the header on
// wide screens; a bottom bar on phones, where the thumb is (the stylesheet decides).
import type { ReactNode } from 'react'
import { Link, useRoute } from 'wouter'
import { usePlan } from './usePlan'
import { Icon, type IconName } from './Icons'

function NavLink({ href, icon, children }: { href: string; icon: IconName; children: ReactNode }) {
  const [active] = useRoute(href)
  return (
    <Link href={href} className="app-nav__link" aria-current={active ? 'page' : undefined}>
      <Icon name={icon} className="app-nav__icon" />
      <span className="app-nav__label">{children}</span>
    </Link>
  )
}

export function MainNav() {
  const { plan } = usePlan()
  return (
    <nav className="app-nav" aria-label="Main">
      <NavLink href="/" icon="list">
        Schedule
      </NavLink>
      <NavLink href="/plan" icon="plan">
        My plan
        {plan.length > 0 && (
          <>
            {' '}
            {/* Read as "My plan (5)" from one text node (browsers pad a badge's box with spaces: "( 5 )"). */}
            <span className="app-nav__count" aria-hidden="true">
              {plan.length}
            </span>
            <span className="visually-hidden">({plan.length})</span>
          </>
        )}
      </NavLink>
      <NavLink href="/speakers" icon="person">
        Speakers
      </NavLink>
      <NavLink href="/now" icon="clock">
        Now
      </NavLink>
      <NavLink href="/settings" icon="settings">
        Settings
      </NavLink>
    </nav>
  )
}
