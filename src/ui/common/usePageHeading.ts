// A screen's arrival: its document title, and focus on its h1 so screen readers announce the new page.
import { useEffect, useRef } from 'react'
import { isolateText } from '../../domain/bidiText'

/**
 * Sets `document.title` to "<title> · Hallway" and focuses the heading the returned ref is put on (tabIndex -1). The
 * title may be schedule text or a shared plan's name: it is isolated, so it cannot reorder " · Hallway".
 */
export function usePageHeading(title: string) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    document.title = `${isolateText(title)} · Hallway`
  }, [title])
  useEffect(() => {
    // Only on arrival: a re-render (a new preview time, a star) must not pull focus back up.
    headingRef.current?.focus()
  }, [])
  return headingRef
}
