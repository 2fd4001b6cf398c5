// Loads the IndexedDB half of src/db (./connect, with Dexie) as its own chunk. Apart from ./connect so importing
// this loader does not import Dexie.
export type IndexedDbModule = typeof import('./connect')

let loading: Promise<IndexedDbModule> | undefined

/**
 * The IndexedDB layer, downloaded once. main.tsx starts it before the first render, so it arrives in parallel with
 * React's work. A failed download (offline before the service worker had it) is not kept: the next call retries.
 */
export function loadIndexedDb(): Promise<IndexedDbModule> {
  loading ??= import('./connect').catch((err: unknown) => {
    loading = undefined
    throw err
  })
  return loading
}
