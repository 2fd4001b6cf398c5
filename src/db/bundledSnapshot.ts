// The schedule snapshot shipped with the app (precached by the service worker), fetched and validated.
// Fetched by URL rather than imported as a module, so the JSON (146 KB for one conference day, several times that for
// a whole event) stays out of the JS bundle and is parsed off the first-render path.
import snapshotUrl from '../../data/kubecon-na-2025.snapshot.json?url'
import type { EventId, Snapshot } from '../domain/model'
import { parseSnapshot } from '../domain/snapshot'

export const BUNDLED_EVENT_ID = 'kubecon-na-2025' as EventId
/**
 * The bundled event's schedule feed: the same snapshot at a stable, unhashed path next to the app (vite.config.ts
 * copies data/kubecon-na-2025.snapshot.json there), so a deployer updates the schedule by uploading that one file.
 */
export const BUNDLED_FEED_URL = `${import.meta.env.BASE_URL}data/kubecon-na-2025.snapshot.json`

/**
 * The Cache Storage cache holding the newest bundled-feed file the app has checked and applied (see
 * {@link keepBundledFeedCopy}). Written only by the app, never by the service worker from whatever the network
 * answered: start-up installs what it reads here without the feed's checks, so only a checked file may be in it.
 */
const FEED_CACHE = 'hallway-feeds'

/**
 * Fetches, parses and validates the bundled snapshot. Throws an Error with a user-facing message on any failure.
 *
 * Cache first: the newest feed file this device checked and applied, so a start never goes back to an older schedule
 * than the feed brought (it would, with the build's copy, and then forward again at the next check, announcing every
 * change twice). Else the build's own copy, which the service worker precaches (the first open works offline) and
 * index.html preloads.
 */
export async function loadBundledSnapshot(): Promise<Snapshot> {
  const checked = await readBundledFeedCopy()
  if (checked) return checked
  return fetchSnapshot(snapshotUrl)
}

/** Keeps `text`, a bundled-feed file the app has checked, as the copy the next start reads. Best effort. */
export async function keepBundledFeedCopy(text: string): Promise<void> {
  if (typeof caches === 'undefined') return
  try {
    const cache = await caches.open(FEED_CACHE)
    await cache.put(BUNDLED_FEED_URL, new Response(text, { headers: { 'content-type': 'application/json' } }))
  } catch (error) {
    // Storage full or Cache Storage unavailable (private mode): the next start reads the build's copy and the feed
    // brings the newer one again. Nothing is lost.
    console.warn('Hallway: keeping the schedule feed’s file for the next start failed.', error)
  }
}

async function readBundledFeedCopy(): Promise<Snapshot | undefined> {
  if (typeof caches === 'undefined') return undefined
  try {
    const response = await caches.match(BUNDLED_FEED_URL, { cacheName: FEED_CACHE })
    if (!response) return undefined
    const parsed = parseSnapshot(await response.json())
    return parsed.ok ? parsed.value : undefined
  } catch {
    return undefined
  }
}

async function fetchSnapshot(url: string): Promise<Snapshot> {
  let json: unknown
  try {
    // index.html preloads this URL (vite.config.ts), so this takes the response already under way.
    const response = await fetch(url)
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
