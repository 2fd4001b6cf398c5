// A speaker's name as a link to their page (/speaker/:id), wherever a session names its speakers: the session page,
// plan rows, the list's cards. Here, not in speakers/, so those screens link without loading the speakers chunk.
import { Fragment } from 'react'
import { Link } from 'wouter'
import type { Speaker, SpeakerId } from '../../domain/model'
import { speakerIdOf } from '../../domain/speakerId'
import { useAppHref } from './appLinks'

/** The speaker page's path. Name-made ids keep letters of any script, so the id is encoded (wouter decodes it). */
export function speakerHref(id: SpeakerId): string {
  return `/speaker/${encodeURIComponent(id)}`
}

export function SpeakerLink({ speaker, className, plain }: { speaker: Pick<Speaker, 'id' | 'name'>; className?: string; plain?: boolean }) {
  const hrefOf = useAppHref()
  if (plain) {
    return (
      <a href={hrefOf(speakerHref(speakerIdOf(speaker)))} className={className} dir="auto">
        {speaker.name}
      </a>
    )
  }
  return (
    <Link href={speakerHref(speakerIdOf(speaker))} className={className} dir="auto">
      {speaker.name}
    </Link>
  )
}

/**
 * "Name, Name, Name", each a link; the separators stay outside the isolated names. With `companies`, each known
 * company follows its name as text: "Name (Company)". With `plain`, plain anchors for a container that opens them in
 * the app itself (appLinks: the list's cards).
 */
export function SpeakerLinks({
  speakers,
  companies = false,
  className,
  plain = false,
}: {
  speakers: readonly Pick<Speaker, 'id' | 'name' | 'company'>[]
  companies?: boolean
  className?: string
  plain?: boolean
}) {
  return speakers.map((speaker, i) => (
    <Fragment key={`${speaker.name}-${i}`}>
      {i > 0 && ', '}
      <SpeakerLink speaker={speaker} className={className} plain={plain} />
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
