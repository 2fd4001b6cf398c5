// The schedule file reader's worker: checks, parses and validates a picked file and builds its snapshot here, off the
// page's thread, so even the biggest file never freezes the page. Speaks only the messages of scheduleReader.ts.
import { readPickedFile } from '../../domain/scheduleFile'
import type { ReadReply, ReadRequest } from './scheduleReader'

/** The parts of a dedicated worker's global scope used here (the project's TypeScript lib is the DOM's). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<ReadRequest>) => void) | null
  postMessage(reply: ReadReply): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (e) => {
  const { file, zones } = e.data
  scope.postMessage({ kind: 'started' })
  void readPickedFile(file, zones, (progress) => scope.postMessage({ kind: 'progress', progress })).then((read) =>
    scope.postMessage({ kind: 'done', read }),
  )
}
