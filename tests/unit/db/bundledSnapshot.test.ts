// The bundled snapshot loader: the real data file validates, and every failure becomes a message a user can read.
import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BUNDLED_EVENT_ID, loadBundledSnapshot } from '../../../src/db/bundledSnapshot'
import { parseSnapshot } from '../../../src/domain/snapshot'
import { makeSession, makeSnapshot } from './factories'

const BUNDLED_FILE = new URL('../../../data/kubecon-na-2025.snapshot.json', import.meta.url)

function serve(body: string, init: ResponseInit = { status: 200 }) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL) => new Response(body, init))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('loadBundledSnapshot', () => {
  it('the bundled file in data/ is a valid snapshot for BUNDLED_EVENT_ID', async () => {
    const parsed = parseSnapshot(JSON.parse(await readFile(BUNDLED_FILE, 'utf8')))
    expect(parsed.ok).toBe(true)
    expect(parsed.ok && parsed.value.event.id).toBe(BUNDLED_EVENT_ID)
  })

  it('fetches the bundled file by its asset URL and returns the validated snapshot', async () => {
    const snapshot = makeSnapshot([makeSession(), makeSession()])
    const fetchMock = serve(JSON.stringify(snapshot))
    expect(await loadBundledSnapshot()).toEqual(snapshot)
    expect(String(fetchMock.mock.calls[0]?.[0])).toMatch(/kubecon-na-2025\.snapshot\.json/)
  })

  it.each([
    ['not JSON', () => serve('{"schemaVersion": 1, '), /not valid JSON/],
    ['a 404', () => serve('nope', { status: 404, statusText: 'Not Found' }), /404/],
    [
      'a schema problem',
      () => serve(JSON.stringify({ ...makeSnapshot([makeSession()]), schemaVersion: 9 })),
      /snapshot\.schemaVersion: this app reads versions 1 and 2, the file has 9/,
    ],
    [
      'a bad session',
      () => serve(JSON.stringify(makeSnapshot([makeSession({ title: '' })]))),
      /snapshot\.sessions\[0\]\.title/,
    ],
    [
      'no network',
      () => vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))),
      /Failed to fetch/,
    ],
  ])('explains %s', async (_label, arrange, reason) => {
    arrange()
    const error = await loadBundledSnapshot().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/^The bundled schedule could not be read: /)
    expect((error as Error).message).toMatch(reason)
  })
})
