// The app's few icons as inline SVG (no icon font, nothing to fetch offline): those of the first view here, the rest
// in moreIcons.tsx. Always decorative: every icon stands
// next to words that say the same, so they are hidden from assistive technology.
import type { ReactNode } from 'react'

export type IconName =
  | 'star'
  | 'star-filled'
  | 'star-half'
  | 'overlap'
  | 'tight-walk'
  | 'clock'
  | 'changed'
  | 'cancelled'
  | 'list'
  | 'plan'
  | 'settings'
  | 'person'
  | 'check'
  | 'close'
  | 'plus'

const STAR = '12 2.8 14.8 8.7 21.2 9.4 16.4 13.8 17.7 20.2 12 17 6.3 20.2 7.6 13.8 2.8 9.4 9.2 8.7'

export const PATHS: Record<IconName, ReactNode> = {
  star: <polygon points={STAR} fill="none" strokeLinejoin="round" />,
  'star-filled': <polygon points={STAR} fill="currentColor" strokeLinejoin="round" />,
  // Left half filled: a shape of its own, so "maybe" differs from "must" without colour.
  'star-half': (
    <>
      <path d="M12 2.8 9.2 8.7 2.8 9.4 7.6 13.8 6.3 20.2 12 17Z" fill="currentColor" stroke="none" />
      <polygon points={STAR} fill="none" strokeLinejoin="round" />
    </>
  ),
  // Two time blocks on top of each other, the shared part filled: an overlap ("you can't attend both").
  overlap: (
    <>
      <rect x="2.5" y="4" width="13" height="10" rx="1.5" fill="none" />
      <rect x="8.5" y="10" width="13" height="10" rx="1.5" fill="none" />
      <path d="M8.5 10h7v4h-7Z" fill="currentColor" stroke="none" />
    </>
  ),
  // A walker with speed lines behind: a tight walk ("you'll be a few minutes late"), not the plain walk line.
  'tight-walk': (
    <>
      <circle cx="15" cy="4.5" r="1.8" fill="currentColor" stroke="none" />
      <path d="m11 21 2.5-6.5L16 17v4M10 12l2.5-4.5h3L18 11l3 1M13.5 14.5 14.8 9" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M2 9.5h5M1.5 13.5h5M3 17.5h4" fill="none" strokeLinecap="round" />
    </>
  ),
  clock: (
    <>
      <circle cx="12" cy="12" r="9" fill="none" />
      <path d="M12 7v5l3.5 2" fill="none" strokeLinecap="round" />
    </>
  ),
  // Two arrows chasing each other: "updated" (a starred session the schedule update moved, retimed or renamed).
  changed: (
    <path
      d="M19.5 10.5A7.6 7.6 0 0 0 6 6.6M4.5 13.5A7.6 7.6 0 0 0 18 17.4M5.6 3v3.8h3.8M18.4 21v-3.8h-3.8"
      fill="none"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  ),
  // A struck-through circle: "no longer in the schedule".
  cancelled: (
    <>
      <circle cx="12" cy="12" r="8.5" fill="none" />
      <path d="m6 6 12 12" strokeLinecap="round" />
    </>
  ),
  list: <path d="M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01" strokeLinecap="round" strokeWidth="2.2" />,
  plan: (
    <>
      <rect x="3.5" y="4.5" width="17" height="16" rx="2" fill="none" />
      <path d="M3.5 9.5h17M8 2.5v4M16 2.5v4M8.5 15l2.3 2.3 4.7-4.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  settings: (
    <>
      <circle cx="12" cy="12" r="3" fill="none" />
      <path
        d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1"
        strokeLinecap="round"
      />
    </>
  ),
  person: (
    <>
      <circle cx="12" cy="8" r="3.5" fill="none" />
      <path d="M4.5 20.5c.8-4 3.8-6.2 7.5-6.2s6.7 2.2 7.5 6.2" fill="none" strokeLinecap="round" />
    </>
  ),
  check: <path d="m4.5 12.5 4.5 4.5 10.5-10.5" fill="none" strokeLinecap="round" strokeLinejoin="round" />,
  close: <path d="M6 6l12 12M18 6 6 18" strokeLinecap="round" />,
  plus: <path d="M12 5v14M5 12h14" strokeLinecap="round" />,
}

/** The svg every icon is drawn in: decorative, sized by CSS, strokes in the text colour. */
export function IconFrame({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

/**
 * The icons of the first view. Icons only lazily loaded screens use are in moreIcons.tsx (AnyIcon), so their drawings
 * stay out of the first view's JS; this type keeps a first-view file from asking for one of them.
 */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return <IconFrame className={className}>{PATHS[name]}</IconFrame>
}
