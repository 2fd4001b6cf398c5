// What installing Hallway looks like on this browser: Chromium's own prompt (beforeinstallprompt), instructions for
// iOS Safari (which has no prompt, only Share → Add to Home Screen), already installed, or nothing to offer.
import { useSyncExternalStore } from 'react'

/** Chromium's event (not in TypeScript's DOM types, not on standards track). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>
}

export type InstallOption =
  /** The browser will show its install dialog on request. */
  | 'prompt'
  /** iOS Safari: the user installs from the Share sheet; show how. */
  | 'ios-instructions'
  /** Running as the installed app, or installed during this visit. */
  | 'installed'
  /** Nothing to offer here (desktop Firefox, an in-app browser, Chromium that has not offered yet…). */
  | 'unavailable'

let deferred: BeforeInstallPromptEvent | null = null
let installedNow = false
let captured = false
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

/**
 * Starts listening for the install events. Call it before the first render: Chromium fires beforeinstallprompt
 * once, soon after load, and a listener added later never hears it.
 */
export function captureInstallPrompt(win: Window = window): void {
  if (captured) return
  captured = true
  win.addEventListener('beforeinstallprompt', (event) => {
    // Keep Chromium's own mini-infobar away; Hallway offers the same thing in its own words (InstallBanner).
    event.preventDefault()
    deferred = event as BeforeInstallPromptEvent
    emit()
  })
  win.addEventListener('appinstalled', () => {
    deferred = null
    installedNow = true
    emit()
  })
}

/**
 * iPhone, iPod or iPad Safari. iPadOS reports itself as a Mac ("Macintosh"), so a Mac with a touch screen counts
 * as an iPad. Other iOS browsers (Chrome, Firefox, Edge, in-app browsers) name themselves in the UA and are left out:
 * the Share-sheet instructions are Safari's.
 */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1)
  const safari = /Version\/[\d.]+.*Safari\//.test(userAgent)
  const otherBrowser = /CriOS|FxiOS|EdgiOS|OPiOS|OPT\/|GSA\/|DuckDuckGo|YaBrowser|FBAN|FBAV|Instagram|Line\//.test(userAgent)
  return ios && safari && !otherBrowser
}

/** Running as an installed app (standalone window), on any platform. */
export function isStandalone(win: Window = window): boolean {
  const iosStandalone = (win.navigator as Navigator & { standalone?: boolean }).standalone === true
  return iosStandalone || (typeof win.matchMedia === 'function' && win.matchMedia('(display-mode: standalone)').matches)
}

export function currentInstallOption(win: Window = window): InstallOption {
  if (installedNow || isStandalone(win)) return 'installed'
  if (deferred) return 'prompt'
  if (isIosSafari(win.navigator.userAgent, win.navigator.maxTouchPoints ?? 0)) return 'ios-instructions'
  return 'unavailable'
}

/**
 * Shows the browser's install dialog. The event can be used once, so the option goes back to 'unavailable'
 * (or 'installed' when accepted) either way.
 */
export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const event = deferred
  if (!event) return 'unavailable'
  deferred = null
  await event.prompt()
  const { outcome } = await event.userChoice
  if (outcome === 'accepted') installedNow = true
  emit()
  return outcome
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useInstallOption(): InstallOption {
  return useSyncExternalStore(subscribe, () => currentInstallOption(), () => 'unavailable')
}

/** @internal Forgets captured state between tests. */
export function resetInstallPromptForTests(): void {
  deferred = null
  installedNow = false
  captured = false
  listeners.clear()
}
