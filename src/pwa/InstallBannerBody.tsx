// The offer to install Hallway (fixed at the bottom, see pwa.css); InstallBanner.tsx decides whether to show it.
// Dismissing it is remembered on this device; settings keep offering the same thing.
import { useState } from 'react'
import { IosInstallSteps } from './InstallInstructions'
import { promptInstall } from './installPrompt'
import './pwa.css'
import { writeWebStorage } from '../db/webStorage'

interface InstallBannerBodyProps {
  option: 'prompt' | 'ios-instructions'
  onDismissed: () => void
}

export function InstallBannerBody({ option, onDismissed }: InstallBannerBodyProps) {
  const [showSteps, setShowSteps] = useState(false)

  const dismiss = () => {
    // Blocked storage: the dismissal lasts until reload, the best this browser allows.
    writeWebStorage('installBannerDismissed', '1')
    onDismissed()
  }
  return (
    <section className="pwa-banner" aria-labelledby="install-banner-title">
      <div className="pwa-banner__inner">
        <p className="pwa-banner__text" id="install-banner-title">
          <strong>Install Hallway</strong> to use it with no Wi-Fi.
        </p>
        <div className="pwa-banner__actions">
          {option === 'prompt' ? (
            <button type="button" className="button button--primary" onClick={() => void promptInstall()}>
              Install app
            </button>
          ) : (
            <button type="button" className="button button--primary" aria-expanded={showSteps} aria-controls="install-banner-steps" onClick={() => setShowSteps((s) => !s)}>
              How to install
            </button>
          )}
          <button type="button" className="button notice__dismiss" onClick={dismiss}>
            Not now
          </button>
        </div>
        {option === 'ios-instructions' && (
          <div id="install-banner-steps" className="pwa-banner__steps" hidden={!showSteps}>
            <IosInstallSteps />
          </div>
        )}
      </div>
    </section>
  )
}
