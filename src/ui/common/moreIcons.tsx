// Icons only lazily loaded screens use (plan, sharing, session page, settings, file errors): their drawings load with
// those screens, not with the first view. AnyIcon draws these and the first view's (Icons.tsx) alike.
import type { ReactNode } from 'react'
import { IconFrame, PATHS, type IconName } from './Icons'

export type MoreIconName = 'clash' | 'possible-clash' | 'walk' | 'calendar-add' | 'share' | 'both' | 'theirs' | 'not-recorded'
export type AnyIconName = IconName | MoreIconName

const MORE_PATHS: Record<MoreIconName, ReactNode> = {
  clash: (
    <>
      <path d="M12 3 22 20H2Z" fill="currentColor" strokeLinejoin="round" />
      <path d="M12 9.5v5M12 17.2v.3" stroke="var(--icon-knockout, #fff)" strokeWidth="2.2" strokeLinecap="round" />
    </>
  ),
  'possible-clash': (
    <>
      <circle cx="12" cy="12" r="9" fill="none" />
      <path d="M12 7.5v5.5M12 16.3v.3" strokeWidth="2.2" strokeLinecap="round" />
    </>
  ),
  walk: (
    <>
      <circle cx="13" cy="4.5" r="1.8" fill="currentColor" stroke="none" />
      <path d="m9 21 2.5-6.5L14 17v4M8 12l2.5-4.5h3L16 11l3 1M11.5 14.5 12.8 9" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  // A calendar page with an arrow into it: "add to your calendar" (the downloaded .ics file).
  'calendar-add': (
    <>
      <rect x="3.5" y="4.5" width="17" height="16" rx="2" fill="none" />
      <path d="M3.5 9.5h17M8 2.5v4M16 2.5v4M12 11.5v6M9.3 14.8l2.7 2.7 2.7-2.7" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  // An arrow leaving a tray: the usual "share" mark on both phone platforms.
  share: <path d="M12 3v12M7.5 7.5 12 3l4.5 4.5M5 12v7.5h14V12" fill="none" strokeLinecap="round" strokeLinejoin="round" />,
  // Two overlapping rings with the overlap filled: "in both plans".
  both: (
    <>
      <circle cx="9" cy="12" r="6" fill="none" />
      <circle cx="15" cy="12" r="6" fill="none" />
      <path d="M12 6.8a6 6 0 0 1 0 10.4 6 6 0 0 1 0-10.4Z" fill="currentColor" stroke="none" />
    </>
  ),
  // A person: "someone else's plan".
  theirs: (
    <>
      <circle cx="12" cy="8" r="3.5" fill="none" />
      <path d="M5 20.5c.6-4 3.3-6 7-6s6.4 2 7 6" fill="none" strokeLinecap="round" />
    </>
  ),
  // A video camera struck through: "will not be recorded".
  'not-recorded': (
    <>
      <rect x="2.5" y="6.5" width="13" height="11" rx="2" fill="none" />
      <path d="m15.5 10.5 6-3.5v10l-6-3.5" fill="none" strokeLinejoin="round" />
      <path d="m3 3 18 18" strokeLinecap="round" />
    </>
  ),
}

export function AnyIcon({ name, className }: { name: AnyIconName; className?: string }) {
  return <IconFrame className={className}>{name in MORE_PATHS ? MORE_PATHS[name as MoreIconName] : PATHS[name as IconName]}</IconFrame>
}
