// Settings section "Offline and storage": can Hallway work offline here, will the browser keep its data, how much
// space it uses, and which build this is.
import { useEffect, useState } from 'react'
import { readStorageStatus, requestPersistence, type StorageStatus } from '../db/persistence'
import { APP_BUILD } from './appBuild'
import { useOfflineReadiness } from './useOfflineReadiness'
import './pwa.css'

const KB = 1024
const MB = 1024 * KB
const GB = 1024 * MB

/** "312 KB", "1.4 MB", "12 GB": one decimal only where it says something. */
export function formatBytes(bytes: number): string {
  // A few bytes read as 1 KB, not 0 KB, which would look like nothing is stored.
  if (bytes < MB) return `${bytes === 0 ? 0 : Math.max(1, Math.round(bytes / KB))} KB`
  if (bytes < GB) return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`
  return `${(bytes / GB).toFixed(bytes < 10 * GB ? 1 : 0)} GB`
}

const OFFLINE_TEXT = {
  ready: 'Ready. Hallway opens and works with no connection.',
  pending: 'Not yet. Keep Hallway open while online for a moment so it can save itself.',
  unsupported: "This browser can't keep Hallway for offline use. It works while you're online.",
} as const

type Asked = 'idle' | 'asking' | 'granted' | 'refused'

export function StorageSettings() {
  const offline = useOfflineReadiness()
  const [status, setStatus] = useState<StorageStatus | null>(null)
  const [asked, setAsked] = useState<Asked>('idle')

  useEffect(() => {
    let live = true
    void readStorageStatus().then((s) => {
      if (live) setStatus(s)
    })
    return () => {
      live = false
    }
  }, [asked])

  const ask = async () => {
    setAsked('asking')
    setAsked((await requestPersistence()) ? 'granted' : 'refused')
  }

  return (
    <section className="settings__section" aria-labelledby="storage-settings-title">
      <h2 id="storage-settings-title" className="section-title">Offline and storage</h2>
      <dl className="pwa-facts">
        <dt>Offline use</dt>
        <dd>{OFFLINE_TEXT[offline]}</dd>
        <dt>Kept safe</dt>
        <dd>
          {status === null
            ? 'Checking…'
            : status.persisted === true
              ? "Yes. The browser won't clear your stars and settings to free up space."
              : status.persisted === false
                ? 'Not guaranteed. If the device runs short of space, the browser may clear Hallway’s data. Hallway asks to keep it when you star your first session.'
                : "Unknown. This browser doesn't say whether it keeps Hallway's data."}
        </dd>
        <dt>Space used</dt>
        <dd>
          {status?.usageBytes === undefined
            ? status === null
              ? 'Checking…'
              : 'Unknown'
            : status.quotaBytes === undefined
              ? formatBytes(status.usageBytes)
              : `${formatBytes(status.usageBytes)} of ${formatBytes(status.quotaBytes)} the browser allows`}
        </dd>
        <dt>Version</dt>
        <dd>Build {APP_BUILD}</dd>
      </dl>
      {status?.persisted === false && asked !== 'granted' && (
        <button type="button" className="button" onClick={() => void ask()} disabled={asked === 'asking'}>
          Ask the browser to keep Hallway’s data
        </button>
      )}
      <p role="status" className="settings-section__status">
        {asked === 'granted' && 'Done: the browser will keep Hallway’s data.'}
        {asked === 'refused' &&
          'The browser said not now. Browsers usually agree once Hallway is installed or used often; your data stays on this device meanwhile.'}
      </p>
    </section>
  )
}
