// The star: how much the user wants a session, and the rules every screen and store follow when it changes.

/** How much the user wants a session. */
export type StarLevel = 'must' | 'maybe'

/** One tap: none → must → maybe → none. "must" first, because a star is usually a decision to go. */
export function nextStarLevel(level: StarLevel | null | undefined): StarLevel | null {
  if (!level) return 'must'
  return level === 'must' ? 'maybe' : null
}

const RANK: Record<StarLevel, number> = { maybe: 1, must: 2 }

/**
 * The level a session ends at when a tap made without seeing the stored level (`waiting`) is applied over it: the
 * higher of the two, so such a tap only ever adds a star or raises a maybe, never lowers or removes one.
 */
export function raisedLevel(stored: StarLevel | undefined, waiting: StarLevel | null): StarLevel | undefined {
  if (waiting === null) return stored
  return stored !== undefined && RANK[stored] >= RANK[waiting] ? stored : waiting
}
