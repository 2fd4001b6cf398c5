// A session's language tag as words ("de" → "German"), in English like the rest of the app. The tag itself when the
// engine has no name for it or no Intl.DisplayNames at all (older Safari).
let names: Intl.DisplayNames | null | undefined

export function languageName(tag: string): string {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'language' })
    } catch {
      names = null
    }
  }
  if (names === null) return tag
  try {
    return names.of(tag) ?? tag
  } catch {
    // A tag the engine refuses (RangeError): show it as the source wrote it.
    return tag
  }
}
