// The offer to install Hallway, where the browser can install it and it isn't yet. Only this gate is in the first
// view: the banner itself (InstallBannerBody.tsx, with the iOS steps) loads when there is something to offer, which
// most starts there isn't (installed, dismissed, or a browser that can't install).
import { lazy, Suspense, useState } from 'react'
import { useInstallOption } from './installPrompt'
import { readWebStorage } from '../db/webStorage'

const InstallBannerBody = lazy(() => import('./InstallBannerBody').then((m) => ({ default: m.InstallBannerBody })))

// Web Storage rather than the settings table: this is a per-browser hint about the browser itself, and it must
// work when IndexedDB is unusable too. Blocked storage reads as "not dismissed".
const readDismissed = () => readWebStorage('installBannerDismissed') === '1'

export function InstallBanner() {
  const option = useInstallOption()
  const [dismissed, setDismissed] = useState(readDismissed)
  if (dismissed || (option !== 'prompt' && option !== 'ios-instructions')) return null
  // No fallback: the banner is an offer, and a failed download of it costs the user nothing.
  return (
    <Suspense fallback={null}>
      <InstallBannerBody option={option} onDismissed={() => setDismissed(true)} />
    </Suspense>
  )
}
