// A speaker's name as a link to their page (/speaker/:id), wherever a session names its speakers: the session page,
// plan rows, the list's cards. Here, not in speakers/, so those screens link without loading the speakers chunk.
import { Fragment } from 'react'
import { Link } from 'wouter'
import type { Speaker, SpeakerId } from '../../domain/model'
import { speakerIdOf } from '../../domain/speakerId'

/** The speaker page's path. Name-made ids keep letters of any script, so the id is encoded (wouter decodes it). */
export function speakerHref(id: SpeakerId): string {
  return `/speaker/${encodeURIComponent(id)}`
}

export function SpeakerLink({ speaker, className }: { speaker: Pick<Speaker, 'id' | 'name'>; className?: string }) {
  return (
    <Link href={speakerHref(speakerIdOf(speaker))} className={className} dir="auto">
      {speaker.name}
    </Link>
  )
}

/**
 * "Name, Name, Name", each a link; the separators stay outside the isolated names. With `companies`, each known
 * company follows its name as text: "Name (Company)".
 */
export function SpeakerLinks({
  speakers,
  companies = false,
  className,
}: {
  speakers: readonly Pick<Speaker, 'id' | 'name' | 'company'>[]
  companies?: boolean
  className?: string
}) {
  return speakers.map((speaker, i) => (
    <Fragment key={`${speaker.name}-${i}`}>
      {i > 0 && ', '}
      <SpeakerLink speaker={speaker} className={className} />
      {companies && speaker.company && (
        <>
          {' ('}
          <bdi>{speaker.company}</bdi>
          {')'}
        </>
      )}
    </Fragment>
  ))
}
