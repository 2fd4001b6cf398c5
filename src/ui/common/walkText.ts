// The words for a walk between two rooms, from the walking model's figures (src/domain/walking.ts).
import { isolateText } from '../../domain/bidiText'
import type { Venue } from '../../domain/model'
import type { Transfer } from '../../domain/walking'

/**
 * A short phrase for the plan view: "same room", "3 min walk, same level", "6 min walk to Level 3",
 * "≈13 min walk to Building C", "≈5 min walk to H.1302". "≈" marks the coarse estimates. The place is schedule
 * text, isolated (bidiText) so it cannot reorder the words around it.
 */
export function describeTransfer(transfer: Transfer, to: Venue): string {
  switch (transfer.kind) {
    case 'same-room':
      return 'same room'
    case 'same-level':
      return `${transfer.walkMin} min walk, same level`
    case 'other-level':
      return `${transfer.walkMin} min walk to ${isolateText(to.level ?? to.room)}`
    case 'other-building':
      return `≈${transfer.walkMin} min walk to ${isolateText(to.building ?? to.room)}`
    case 'unknown':
      return `≈${transfer.walkMin} min walk to ${isolateText(to.room)}`
  }
}
