// What frab/pretalx files carry beyond the basics, on a session's page: the subtitle, the language, "Not recorded",
// and the links (recording, slides, the source's own links, the talk's page, and feedback once the session is over).
// All of it is untrusted source text: addresses were checked on import (absolute http(s), no credentials), titles are
// shown isolated, and every link says where it goes and opens apart from the app, with no opener or referrer.
import type { LinkType, Session, SessionLink } from '../../domain/model'
import { AnyIcon as Icon } from '../common/moreIcons'
import { languageName } from '../common/languageName'
import { useNow } from '../common/useNow'

export function SessionSubtitle({ session }: { session: Session }) {
  if (!session.subtitle) return null
  return (
    <p className="detail__subtitle" dir="auto">
      {session.subtitle}
    </p>
  )
}

interface ShownLink {
  /** The app's words for what it is ("Recording"), or the source's title for a link of no such kind. */
  label: string
  /** The source's own title, when the label is the app's words and the source gave one. */
  title?: string
  url: string
}

// The order a visitor looks for them in: watch it, then read along.
const KIND_LABELS: Partial<Record<LinkType, string>> = { media: 'Recording', slides: 'Slides' }
const KIND_ORDER: readonly LinkType[] = ['media', 'slides']

/** Recordings, then slides, then every other link under its own title (its address's host when it has none). */
function shownLinks(session: Session): ShownLink[] {
  const all: SessionLink[] = [...(session.links ?? []), ...(session.attachments ?? [])]
  const kindRank = (l: SessionLink) => {
    const i = l.type === undefined ? -1 : KIND_ORDER.indexOf(l.type)
    return i === -1 ? KIND_ORDER.length : i
  }
  const seen = new Set<string>()
  const shown: ShownLink[] = []
  // A stable sort: links of one kind keep the source's order.
  for (const l of [...all].sort((a, b) => kindRank(a) - kindRank(b))) {
    // pretalx can list one file both as a link and as an attachment.
    if (seen.has(l.url)) continue
    seen.add(l.url)
    const kind = l.type === undefined ? undefined : KIND_LABELS[l.type]
    if (kind !== undefined) shown.push(l.title ? { label: kind, title: l.title, url: l.url } : { label: kind, url: l.url })
    else shown.push({ label: l.title ?? hostOf(l.url), url: l.url })
  }
  return shown
}

/**
 * Where an address goes, as its host name. In punycode ("xn--…") when the host has non-ASCII letters, which is the
 * point: a look-alike domain cannot pass for the real one.
 */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return url
  }
}

function ExternalLink({ link }: { link: ShownLink }) {
  return (
    <a className="detail__link" href={link.url} target="_blank" rel="noopener noreferrer">
      <span className="detail__link-label" dir="auto">
        {link.label}
      </span>
      {link.title !== undefined && (
        <>
          {' '}
          <span className="detail__link-title" dir="auto">
            {link.title}
          </span>
        </>
      )}
      <span className="detail__link-host">
        {' · '}
        <bdi>{hostOf(link.url)}</bdi>
      </span>
      <span className="visually-hidden">, opens in a new tab</span>
    </a>
  )
}

export function SessionLinks({ session }: { session: Session }) {
  // The app's clock (fixed in tests, moved by "preview the day"), ticking, so "Give feedback" appears as the session ends.
  const now = useNow()
  const ended = now >= Date.parse(session.end)
  const links = shownLinks(session)
  if (session.url) links.push({ label: 'Talk page', url: session.url })
  if (session.feedbackUrl && ended) links.push({ label: 'Give feedback', url: session.feedbackUrl })

  const hasNotes = session.language !== undefined || session.doNotRecord === true
  if (!hasNotes && links.length === 0) return null

  return (
    <>
      {hasNotes && (
        <ul className="detail__notes">
          {session.language !== undefined && (
            <li>
              Language: <bdi>{languageName(session.language)}</bdi>
            </li>
          )}
          {session.doNotRecord === true && (
            <li className="detail__not-recorded">
              <Icon name="not-recorded" /> Not recorded
            </li>
          )}
        </ul>
      )}
      {links.length > 0 && (
        <section className="detail__section" aria-labelledby="links-heading">
          <h2 id="links-heading">Links</h2>
          <ul className="detail__links">
            {links.map((l, i) => (
              <li key={i}>
                <ExternalLink link={l} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
