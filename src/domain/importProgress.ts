// How far an import has got, for the app's "Reading… 45%": the parsers report a fraction done every few hundred
// sessions, never per session, and a caller maps each parser's 0…1 onto its own share of the whole read.

/** Called with the fraction done, 0…1, growing. */
export type ProgressReport = (fraction: number) => void

/** items between reports: a few dozen messages for the biggest file, and none at all for a small one. */
const PROGRESS_STEP = 500

/** Counts `total` items and reports the fraction done every PROGRESS_STEP of them and at the last. */
export function progressCounter(total: number, report: ProgressReport | undefined): () => void {
  let done = 0
  return () => {
    done += 1
    if (report && (done % PROGRESS_STEP === 0 || done === total)) report(Math.min(1, done / total))
  }
}

/** `report` seen as the span from…to of a larger whole: 0 is `from`, 1 is `to`. */
export function progressSpan(report: ProgressReport | undefined, from: number, to: number): ProgressReport | undefined {
  return report && ((fraction) => report(from + (to - from) * fraction))
}
