// A schedule feed for the browser tests: a plain Node server on a free port (another origin than the app's) whose
// answer each test sets between requests: a file (with an ETag, so the browser revalidates and a 304 comes back when
// it has not changed), with or without CORS headers, an HTTP error, a request that never answers, or one that breaks
// off half-way (the device going offline mid-fetch).
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type FeedAnswer =
  | { kind: 'file'; body: string; cors?: boolean }
  | { kind: 'error'; status: number }
  /** Never answers (until the server closes). */
  | { kind: 'hang' }
  /** Sends the headers and half the body, then waits for `breakOff()` and drops the connection. */
  | { kind: 'stall'; body: string }

export interface FeedServer {
  /** The feed's address. */
  url: string
  answer(next: FeedAnswer): void
  /** Every request so far: the status it got ('hang' and 'stall' count as 0). */
  requests: number[]
  /** Drops the connection of a 'stall' answer. */
  breakOff(): void
  close(): Promise<void>
}

export async function startFeedServer(): Promise<FeedServer> {
  let answer: FeedAnswer = { kind: 'error', status: 404 }
  const requests: number[] = []
  const open = new Set<ServerResponse>()
  let stalled: ServerResponse | undefined
  const cors = { 'access-control-allow-origin': '*' }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    open.add(res)
    res.on('close', () => open.delete(res))
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-headers': '*' }).end()
      return
    }
    const a = answer
    if (a.kind === 'hang') return void requests.push(0)
    if (a.kind === 'error') {
      requests.push(a.status)
      res.writeHead(a.status, { ...cors, 'content-type': 'text/plain' }).end('Internal error')
      return
    }
    if (a.kind === 'stall') {
      requests.push(0)
      res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(a.body)) })
      res.write(a.body.slice(0, a.body.length / 2))
      stalled = res
      return
    }
    const etag = `"${createHash('sha256').update(a.body).digest('hex').slice(0, 16)}"`
    // no-cache: the browser keeps the file but asks every time (what pretalx and most static hosts send for exports).
    const headers = { ...(a.cors === false ? {} : cors), etag, 'cache-control': 'no-cache', 'content-type': 'application/json' }
    if (req.headers['if-none-match'] === etag) {
      requests.push(304)
      res.writeHead(304, headers).end()
      return
    }
    requests.push(200)
    res.writeHead(200, headers).end(a.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/democon/schedule.json`,
    answer: (next) => (answer = next),
    requests,
    breakOff: () => stalled?.destroy(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy()
        server.close(() => resolve())
      }),
  }
}
