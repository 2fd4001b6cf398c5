// Reading a picked schedule file without freezing the page: the parsers run in a Web Worker (scheduleReader.worker.ts)
// that posts how far it has got and then what the file holds; cancelling terminates it. Where there is no Worker
// (jsdom, in the UI tests) the same code runs on this thread, loaded on demand. Either way the importers stay out of
// the first view, and both are precached by the service worker, so a file opens offline too. A worker has no
// DOMParser, so a frab XML file, once the worker has seen it is one, is read on this thread with the browser's.
import type { ScheduleFileInput, ScheduleFileRead, ScheduleReadProgress } from '../../domain/scheduleFile'

/** The page → the worker: read this file (a File clones to a worker without copying its bytes). */
export interface ReadRequest {
  file: File
  zones: Pick<ScheduleFileInput, 'timeZone' | 'deviceTimeZone' | 'storedEventIds'>
}

/** The worker → the page: it has the request, how far it has got (every few hundred sessions), what the file holds. */
export type ReadReply =
  | { kind: 'started' }
  | { kind: 'progress'; progress: ScheduleReadProgress }
  | { kind: 'done'; read: ScheduleFileRead }

export interface ScheduleReading {
  /** What the file holds, or why it can't be opened. Never rejects; never settles once cancelled. */
  result: Promise<ScheduleFileRead>
  /** Stops reading (the worker is terminated): the dialog closed, or another file or zone was picked. */
  cancel(): void
}

const NOT_LOADED = 'Hallway’s schedule reader couldn’t be loaded. Check the connection and try again.'
const READ_FAILED = 'The file couldn’t be read.'

function failure(message: string): ScheduleFileRead {
  return { ok: false, problems: [{ message }] }
}

/** Reads `request.file` off the main thread where the browser can, calling `onProgress` as it goes. */
export function readScheduleFileInBackground(request: ReadRequest, onProgress: (progress: ScheduleReadProgress) => void): ScheduleReading {
  if (typeof Worker === 'undefined') return readOnThisThread(request, onProgress)
  const worker = new Worker(new URL('./scheduleReader.worker.ts', import.meta.url), { type: 'module', name: 'schedule-reader' })
  let cancelled = false
  let cancelHere = () => {}
  const result = new Promise<ScheduleFileRead>((resolve) => {
    let started = false
    const finish = (read: ScheduleFileRead) => {
      worker.terminate()
      if (cancelled) return
      if (!read.ok && read.needsXmlParser) {
        const here = readOnThisThread(request, onProgress)
        cancelHere = here.cancel
        void here.result.then(resolve)
      } else resolve(read)
    }
    worker.onmessage = (e: MessageEvent<ReadReply>) => {
      const reply = e.data
      if (reply.kind === 'started') started = true
      else if (reply.kind === 'progress') {
        if (!cancelled) onProgress(reply.progress)
      } else finish(reply.read)
    }
    // Before 'started', the worker's script did not load (offline before it was cached); after, it broke (out of memory).
    worker.onerror = (e) => {
      e.preventDefault()
      finish(failure(started ? READ_FAILED : NOT_LOADED))
    }
    worker.onmessageerror = () => finish(failure(READ_FAILED))
  })
  worker.postMessage(request satisfies ReadRequest)
  return {
    result,
    cancel: () => {
      cancelled = true
      worker.terminate()
      cancelHere()
    },
  }
}

type Importer = typeof import('../../domain/scheduleFile')
let importer: Promise<Importer> | undefined

/** The importers' chunk, fetched once (precached by the service worker, so this works offline too). */
function loadImporter(): Promise<Importer> {
  importer ??= import('../../domain/scheduleFile').catch((error: unknown) => {
    importer = undefined // let the next pick try again
    throw error
  })
  return importer
}

/** The browser's XML parser: a Document, with a <parsererror> in it when the text is not well-formed. */
function parseXmlHere(text: string): Document {
  return new DOMParser().parseFromString(text, 'application/xml')
}

function readOnThisThread(request: ReadRequest, onProgress: (progress: ScheduleReadProgress) => void): ScheduleReading {
  let cancelled = false
  const result = loadImporter().then(
    (mod) =>
      mod
        .readPickedFile(request.file, { ...request.zones, parseXml: parseXmlHere }, (p) => {
          if (!cancelled) onProgress(p)
        })
        .catch(() => failure(READ_FAILED)),
    () => failure(NOT_LOADED),
  )
  return {
    result: result.then((read) => (cancelled ? new Promise<never>(() => {}) : read)),
    cancel: () => {
      cancelled = true
    },
  }
}
