// Settings section "Install": the install button where the browser offers one, Share-sheet steps on iOS Safari,
// and a plain answer everywhere else.
import { useState } from 'react'
import { IosInstallSteps } from './InstallInstructions'
import { promptInstall, useInstallOption } from './installPrompt'
import './pwa.css'

export function InstallSettings() {
  const option = useInstallOption()
  const [outcome, setOutcome] = useState<'accepted' | 'dismissed' | 'unavailable' | null>(null)

  const install = async () => setOutcome(await promptInstall())

  return (
    <section className="settings__section" aria-labelledby="install-settings-title">
      <h2 id="install-settings-title" className="section-title">Install</h2>
      {option === 'installed' && <p>Hallway is installed on this device. It opens from your home screen or app list.</p>}
      {option === 'prompt' && (
        <>
          <p>Install Hallway to open it from your home screen or app list, in its own window. It works offline either way.</p>
          <button type="button" className="button button--primary" onClick={() => void install()}>
            Install app
          </button>
        </>
      )}
      {option === 'ios-instructions' && (
        <>
          <p>To put Hallway on your home screen:</p>
          <IosInstallSteps />
        </>
      )}
      {option === 'unavailable' && (
        <p>
          This browser isn’t offering to install Hallway right now. In Chrome or Edge, look for <strong>Install</strong> or{' '}
          <strong>Add to Home screen</strong> in the browser menu; on iPhone or iPad, open Hallway in Safari and use{' '}
          <strong>Share → Add to Home Screen</strong>.
        </p>
      )}
      <p role="status">{outcome === 'dismissed' && 'Not installed. You can install Hallway here any time.'}</p>
    </section>
  )
}
