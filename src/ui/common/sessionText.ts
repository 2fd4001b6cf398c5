// How a session's venue and speakers read on a card and on the detail page. Each piece of schedule text in a joined
// line is isolated (bidiText), so a bidi control in a room or a name cannot reorder the rest of the line.
import { isolateText } from '../../domain/bidiText'
import type { Venue } from '../../domain/model'

/** "Building B · Level 4 · B406b-407", plus the area ("· Learning Lounge") when there is one. */
export function venueLabel(venue: Venue): string {
  const parts = [venue.building, venue.level, venue.room, venue.area].filter((p): p is string => !!p && p !== '')
  return parts.length > 0 ? parts.map(isolateText).join(' · ') : isolateText(venue.raw)
}

/** "Principal Engineer, ControlPlane"; empty when neither is known. */
export function speakerAffiliation(speaker: { role?: string; company?: string }): string {
  return [speaker.role, speaker.company].filter((p): p is string => !!p).map(isolateText).join(', ')
}

export type DescriptionBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] }

// Sched flattens lists into one line as "… learn how to: • Build …; • Manage …". Three or more bullets read better
// as a list; one or two stray "•" are more likely punctuation.
const MIN_BULLETS_FOR_LIST = 3

/** A description as paragraphs (split on line breaks) and, where Sched flattened one, bulleted lists. */
export function descriptionBlocks(description: string): DescriptionBlock[] {
  const blocks: DescriptionBlock[] = []
  for (const para of description.split(/\n+/)) {
    const text = para.trim()
    if (text === '') continue
    const pieces = text.split(/\s+•\s+/)
    if (pieces.length - 1 >= MIN_BULLETS_FOR_LIST) {
      const [intro, ...items] = pieces
      if (intro && intro.trim() !== '') blocks.push({ kind: 'paragraph', text: intro.trim() })
      blocks.push({ kind: 'list', items: items.map((i) => i.trim()).filter((i) => i !== '') })
    } else {
      blocks.push({ kind: 'paragraph', text })
    }
  }
  return blocks
}

/**
 * The description's blocks without the opening paragraph when that is the subtitle (frab/pretalx descriptions start
 * with it), for a page that already shows the subtitle under the title.
 */
export function descriptionBlocksAfter(description: string, subtitle: string | undefined): DescriptionBlock[] {
  const blocks = descriptionBlocks(description)
  const first = blocks[0]
  if (subtitle !== undefined && first?.kind === 'paragraph' && first.text === subtitle.trim()) blocks.shift()
  return blocks
}
