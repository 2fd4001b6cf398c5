// The schedule snapshot shipped with the app (precached by the service worker), fetched and validated.
// Fetched by URL rather than imported as a module, so the JSON (146 KB for one conference day, several times that for
// a whole event) stays out of the JS bundle and is parsed off the first-render path.
import snapshotUrl from '../../data/kubecon-na-2025.snapshot.json?url'
import type { EventId, Snapshot } from '../domain/model'
import { parseSnapshot } from '../domain/snapshot'

export const BUNDLED_EVENT_ID = 'kubecon-na-2025' as EventId

/** Fetches, parses and validates the bundled snapshot. Throws an Error with a user-facing message on any failure. */
export async function loadBundledSnapshot(): Promise<Snapshot> {
  let json: unknown
  try {
    // index.html preloads this URL (vite.config.ts), so this takes the response already under way.
    const response = await fetch(snapshotUrl)
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim())
    json = await response.json()
  } catch (err) {
    throw bundledError(err instanceof SyntaxError ? `the file is not valid JSON (${err.message})` : describe(err))
  }
  const parsed = parseSnapshot(json)
  if (!parsed.ok) throw bundledError(parsed.error)
  return parsed.value
}

function bundledError(reason: string): Error {
  return new Error(`The bundled schedule could not be read: ${reason}`)
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
