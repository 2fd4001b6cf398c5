// Links to the app's own pages as plain anchors, opened in the app by one click handler on the element holding
// them: a virtual list or grid mounts a few new links on every scrolled frame, and wouter's Link subscribes each one
// to the router's location (and renders again when it changes) only to handle its own click.
import { useCallback, type MouseEvent } from 'react'
import { useLocation, useRouter } from 'wouter'

/** The href of one of the app's paths ("/session/…"), as wouter's Link writes it (the router's base before it). */
export function useAppHref(): (path: string) => string {
  const router = useRouter()
  return useCallback((path: string) => router.hrefs(router.base + path, router), [router])
}

/**
 * The link a click opens in the app, or undefined when the browser should have it: a click that is not a plain
 * primary one (a modifier key opens a new tab or window, as on any link), a link to another tab, frame or origin, a
 * download, or a click already handled. Then, like wouter's Link: `event.preventDefault()` and navigate.
 */
export function appLinkClicked(event: MouseEvent<HTMLElement>): HTMLAnchorElement | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return undefined
  const link = (event.target as Element).closest?.('a[href]')
  if (!(link instanceof HTMLAnchorElement) || !event.currentTarget.contains(link)) return undefined
  if ((link.target !== '' && link.target !== '_self') || link.hasAttribute('download') || link.origin !== window.location.origin) return undefined
  return link
}

/** Navigates in the app to a link found by {@link appLinkClicked}, with history state for the page it opens. */
export function useOpenAppLink(): (link: HTMLAnchorElement, state?: unknown) => void {
  const [, navigate] = useLocation()
  // "~": the anchor's path already holds the router's base.
  return useCallback((link, state) => navigate(`~${link.pathname}${link.search}${link.hash}`, { state }), [navigate])
}
