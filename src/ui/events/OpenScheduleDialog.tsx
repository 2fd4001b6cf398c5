// "Open another schedule": pick a frab/pretalx export (JSON or XML), a c3voc schedule v2, an iCalendar file or a Sched
// listing saved as text, see what it holds (its format, title, days, sessions, time zone, the importer's warnings), then
// add it and switch to it. A file that can't be opened says exactly why (the importer's own line, path or element
// messages) and changes nothing. A file for an event already here that looks like another edition of it (few days or
// sessions in common) can be added beside it instead of replacing it. The file is read
// in a Web Worker (scheduleReader.ts), so a big one never freezes the page: the status counts up meanwhile, and
// closing the dialog stops it.
import { useEffect, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react'
import { useLocation } from 'wouter'
import { isolateText, stripBidiControls } from '../../domain/bidiText'
import { editionOverlap, snapshotAsEvent, type EditionOverlap } from '../../domain/editions'
import { feedProblemText } from '../../domain/feedPolicy'
import type { EventId, Snapshot } from '../../domain/model'
import { downloadFeed } from '../../db/feedFetch'
import type { FileProblem, ScheduleFileRead } from '../../domain/scheduleFile'
import { FORMAT_NAMES, type ScheduleFormat } from '../../domain/scheduleFormat'
import type { InstalledEvent } from '../../db/eventLibrary'
import { useUiStore } from '../../store/uiStore'
import { eventDaysText, fileZoneText, sessionCountText, timeZoneChoices } from './eventText'
import { useEvents } from './useEvents'
import { readScheduleFileInBackground } from './scheduleReader'
import { deviceTimeZone } from '../common/timeLabels'
import { Dialog, DialogHead } from '../common/Dialog'
import { AnyIcon as Icon } from '../common/moreIcons'
import './events.css'

/** How many problems are listed; the rest are counted. Five fit a phone screen and are enough to see a pattern. */
const SHOWN_PROBLEMS = 5
/** percent: the status moves in these steps, so a screen reader hears a few of them, not dozens. */
const PROGRESS_STEP_PERCENT = 10

/** A read under way: of which file, and once the file's sessions are counted, how many and how far (a step). */
interface InProgress {
  name: string
  sessions?: number
  percent?: number
}

/** The last read of the file picked: kept while it is read again in another zone, so the zone choice stays. */
interface Done {
  name: string
  read: ScheduleFileRead
}

export interface OpenScheduleDialogProps {
  onClose: () => void
  /** After adding: show the new event's schedule ('browse'), or stay where the dialog was opened ('stay'). */
  afterAdd?: 'browse' | 'stay'
  /** Where focus goes on close when the opener is gone (a CSS selector). */
  fallbackFocus?: string
}

export function OpenScheduleDialog({ onClose, afterAdd = 'browse', fallbackFocus }: OpenScheduleDialogProps) {
  const uid = useId()
  const headingId = `${uid}-title`
  const { events, current, persistent, actions } = useEvents()
  const [, navigate] = useLocation()
  const showToast = useUiStore((s) => s.showToast)
  const [picked, setPicked] = useState<File | null>(null)
  const [zone, setZone] = useState<string | undefined>(undefined)
  const [inProgress, setInProgress] = useState<InProgress | null>(null)
  const [done, setDone] = useState<Done | null>(null)
  const [busy, setBusy] = useState(false)
  const [addError, setAddError] = useState<string | null>(null)
  // "From a web address": what is typed, the address the picked file came from (kept as the event's feed), and the
  // download under way or why it failed.
  const [address, setAddress] = useState('')
  const [feedUrl, setFeedUrl] = useState<string | null>(null)
  const [downloading, setDownloading] = useState(false)
  const [downloadError, setDownloadError] = useState<string | null>(null)
  // One string, so the read below runs again only when the set of events changes, not on every new array of them.
  const storedIds = useMemo(() => events.map((e) => e.id).join('\n'), [events])

  const pick = (file: File, fromUrl: string | null) => {
    setPicked(file)
    setFeedUrl(fromUrl)
    setZone(undefined)
    setDone(null)
    setAddError(null)
    setDownloadError(null)
  }

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    if (file) pick(file, null)
  }

  const onFetch = async (e: FormEvent) => {
    e.preventDefault()
    const url = address.trim()
    if (!/^https?:\/\//i.test(url)) {
      setDownloadError('Enter a web address starting with https://.')
      return
    }
    setDownloading(true)
    setDownloadError(null)
    const got = await downloadFeed(url)
    setDownloading(false)
    if (!got.ok) {
      setDownloadError(`${feedProblemText(got.problem)} Nothing was added or changed.`)
      return
    }
    // From here on it is a file like a picked one: the same reader, preview and zone choice.
    pick(new File([got.text], got.name), url)
  }

  // Read (again) whenever the file or the chosen zone changes: a Sched listing's "EST" labels must match the zone.
  // A new pick, a new zone or closing the dialog cancels the read under way, so a late result never lands.
  useEffect(() => {
    if (!picked) return
    const { name } = picked
    setInProgress({ name })
    const reading = readScheduleFileInBackground(
      {
        file: picked,
        zones: { ...(zone !== undefined && { timeZone: zone }), deviceTimeZone: deviceTimeZone(), storedEventIds: storedIds.split('\n') },
      },
      ({ sessions, fraction }) => {
        const percent = Math.floor((fraction * 100) / PROGRESS_STEP_PERCENT) * PROGRESS_STEP_PERCENT
        setInProgress((now) => (now?.percent === percent && now.sessions === sessions ? now : { name, sessions, percent }))
      },
    )
    void reading.result.then((read) => {
      setInProgress(null)
      setDone({ name, read })
    })
    return reading.cancel
  }, [picked, zone, storedIds])

  // While a read is under way (a new file, or the same in another zone) nothing of the last one can be added.
  const read = inProgress ? undefined : done?.read
  const snapshot = read?.ok ? read.snapshot : undefined
  const existing = snapshot ? events.find((e) => e.id === snapshot.event.id) : undefined
  const state = !snapshot ? undefined : !existing ? 'new' : existing.bundled ? 'bundled' : existing.contentHash === snapshot.contentHash ? 'same' : 'update'
  const separateId = read?.ok ? read.separateEventId : undefined
  const overlap = useEditionOverlap(state === 'update' ? existing : undefined, snapshot, actions)
  // Another edition of an event here (or a file for the bundled event's id): it can go beside it instead.
  const offerSeparate = separateId !== undefined && (state === 'bundled' || (state === 'update' && overlap?.barely === true))

  const add = async (replace: boolean, separately = false) => {
    if (!snapshot || !actions) return
    setBusy(true)
    setAddError(null)
    try {
      const toAdd = separately && separateId !== undefined ? await snapshotAsEvent(snapshot, separateId) : snapshot
      const outcome = await actions.add(toAdd, replace, feedUrl ?? undefined)
      const title = isolateText(snapshot.event.title)
      const words = {
        added: `Added ${title} (${sessionCountText(snapshot.sessions.length)}). Now showing it.${feedUrl ? ' Hallway checks its web address for updates.' : ''}`,
        replaced: `Updated ${title} from the file. Your stars for it stay.`,
        unchanged: `${title} was already on this device. Now showing it.${feedUrl ? ' Hallway checks its web address for updates.' : ''}`,
      } as const
      if (outcome.kind === 'exists' || outcome.kind === 'bundled') {
        // Another tab added the same event meanwhile: the preview now offers Replace.
        setAddError('This event was just added on this device (in another tab?). Replace it, or cancel.')
        return
      }
      showToast({ tone: 'info', message: words[outcome.kind] + (persistent ? '' : ' It lasts until you close this tab.') })
      onClose()
      if (afterAdd === 'browse') navigate('/')
    } catch (error) {
      setAddError(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(false)
    }
  }

  const switchToExisting = async () => {
    if (!existing || !actions) return
    try {
      await actions.switchTo(existing.id)
      onClose()
      if (afterAdd === 'browse') navigate('/')
    } catch (error) {
      setAddError(error instanceof Error ? error.message : String(error))
    }
  }

  const fileInputId = `${uid}-file`
  // From the last read even while another is under way: the zone select must not vanish under the user's hand.
  const zoneRead = done?.read
  const showZone = zoneRead !== undefined && zoneRead.format !== undefined && (zoneRead.ok || zoneRead.problems.some((p) => p.where !== undefined))

  return (
    <Dialog labelledBy={headingId} onClose={onClose} fallbackFocus={fallbackFocus}>
      <DialogHead id={headingId} onClose={onClose}>
        Open another schedule
      </DialogHead>
      <div className="field open-schedule__file">
        <label htmlFor={fileInputId}>Schedule file</label>
        <input
          id={fileInputId}
          type="file"
          accept=".json,.xml,.ics,.txt,application/json,application/xml,text/xml,text/calendar,text/plain"
          aria-describedby={`${uid}-file-hint`}
          // Cleared as the picker opens, so picking the same file again (fixed in an editor meanwhile) is a new pick;
          // not after a pick, so the input keeps showing which file the preview is of.
          onClick={(e) => {
            e.currentTarget.value = ''
          }}
          onChange={onPick}
        />
        <p id={`${uid}-file-hint`} className="choice__hint">
          A frab or pretalx schedule export (<code>schedule.json</code> or <code>schedule.xml</code>), a c3voc schedule v2, a
          calendar (<code>.ics</code>), or a Sched listing saved as text (<code>.txt</code>). Nothing is added until you confirm.
        </p>
      </div>
      <form className="field open-schedule__url" onSubmit={(e) => void onFetch(e)}>
        <label htmlFor={`${uid}-url`}>Or from a web address</label>
        <div className="open-schedule__url-row">
          <input
            id={`${uid}-url`}
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="https://…/schedule.json"
            value={address}
            aria-describedby={`${uid}-url-hint`}
            onChange={(e) => setAddress(e.target.value)}
          />
          <button type="submit" className="button" disabled={downloading || address.trim() === ''}>
            {downloading ? 'Fetching…' : 'Fetch'}
          </button>
        </div>
        <p id={`${uid}-url-hint`} className="choice__hint">
          A pretalx or frab schedule address. Hallway keeps it, and fetches it again to keep the schedule up to date.
        </p>
        {downloadError && (
          <p className="open-schedule__error" role="alert">
            {downloadError}
          </p>
        )}
      </form>
      {!actions && (
        <p className="open-schedule__note">
          Storage is still opening; adding a schedule waits for it (a few seconds at most).
        </p>
      )}
      {!persistent && (
        <p className="open-schedule__note">
          Storage is unavailable in this browser, so a schedule you add stays only until you close this tab.
        </p>
      )}

      {/* Before the result: what is read below depends on it. */}
      {showZone && zoneRead?.format && (
        <ZoneChoice
          id={`${uid}-zone`}
          format={zoneRead.format}
          fileZone={zoneRead.ok ? zoneRead.snapshot.event.timeZone : undefined}
          value={zone}
          onChange={setZone}
        />
      )}
      <p className="open-schedule__status" role="status">
        {inProgress && `Reading ${isolateText(inProgress.name)}…${progressText(inProgress)}`}
        {read && !read.ok && `${done ? isolateText(done.name) : 'The file'} can’t be opened.${formatSentence(read)}`}
        {snapshot && `${done ? isolateText(done.name) : ''}: ${isolateText(snapshot.event.title)}, ${sessionCountText(snapshot.sessions.length)}.${formatSentence(read)}`}
      </p>

      {read && !read.ok && <Problems problems={read.problems} aboutZone={read.aboutZone ?? false} />}

      {snapshot && (
        <dl className="open-schedule__facts">
          <dt>Event</dt>
          <dd>
            <bdi>{snapshot.event.title}</bdi> <span className="muted">({snapshot.event.id})</span>
          </dd>
          <dt>Days</dt>
          <dd>{eventDaysText(snapshot.event.days)}</dd>
          <dt>Sessions</dt>
          <dd>{snapshot.sessions.length.toLocaleString('en-US')}</dd>
          <dt>Time zone</dt>
          <dd>{fileZoneText(snapshot.event.timeZone)}</dd>
        </dl>
      )}

      {read?.ok && read.warnings.length > 0 && (
        <div className="open-schedule__warnings">
          <h3 className="dialog__subtitle">Worth knowing about this file</h3>
          <ul>
            {read.warnings.map((w) => (
              <li key={w}>{stripBidiControls(w)}</li>
            ))}
          </ul>
        </div>
      )}

      {existing && state !== 'new' && (
        <ExistingNotice existing={existing} state={state} current={current?.id === existing.id} overlap={offerSeparate ? overlap : undefined} file={snapshot} />
      )}

      {addError && (
        <p className="open-schedule__error" role="alert">
          {addError}
        </p>
      )}

      <div className="dialog__foot dialog__foot--wrap open-schedule__foot">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {state === 'new' && (
          <button type="button" className="button button--primary" disabled={busy || !actions} onClick={() => void add(false)}>
            <Icon name="plus" /> Add and switch to it
          </button>
        )}
        {state === 'update' && (
          <button type="button" className={offerSeparate ? 'button' : 'button button--primary'} disabled={busy || !actions} onClick={() => void add(true)}>
            <Icon name="check" /> Replace
          </button>
        )}
        {offerSeparate && (
          <button type="button" className="button button--primary" disabled={busy || !actions} onClick={() => void add(false, true)}>
            <Icon name="plus" /> Add as a separate event
          </button>
        )}
        {/* Already here as it is: from a web address, the address still becomes its feed (and it is shown). */}
        {state === 'same' && feedUrl && (
          <button type="button" className="button button--primary" disabled={busy || !actions} onClick={() => void add(false)}>
            <Icon name="check" /> Keep its web address for updates
          </button>
        )}
        {state === 'same' && !feedUrl && current?.id !== existing?.id && (
          <button type="button" className="button button--primary" disabled={!actions} onClick={() => void switchToExisting()}>
            Switch to it
          </button>
        )}
      </div>
    </Dialog>
  )
}

/** " This is a frab XML schedule.", when the file was read as one (a file of no known format says so in its problem). */
function formatSentence(read: ScheduleFileRead | undefined): string {
  if (!read?.format || (!read.ok && !read.problems.some((p) => p.where !== undefined))) return ''
  const name = FORMAT_NAMES[read.format]
  return ` This is ${name}${read.ok ? '' : ', with the problems below'}.`
}

/** How a file for an event already here compares with it, once that event's session IDs are read. */
function useEditionOverlap(
  existing: InstalledEvent | undefined,
  snapshot: Snapshot | undefined,
  actions: ReturnType<typeof useEvents>['actions'],
): EditionOverlap | undefined {
  const [result, setResult] = useState<{ of: Snapshot; overlap: EditionOverlap } | undefined>(undefined)
  useEffect(() => {
    if (!existing || !snapshot || !actions) return
    let live = true
    void actions.sessionIdsOf(existing.id as EventId).then(
      (sessionIds) => {
        const fileIds = snapshot.sessions.map((s) => s.id)
        if (live) setResult({ of: snapshot, overlap: editionOverlap({ days: existing.days, sessionIds }, { days: snapshot.event.days, sessionIds: fileIds }) })
      },
      () => {}, // Not comparable: Replace is offered as before.
    )
    return () => {
      live = false
    }
  }, [existing, snapshot, actions])
  return result !== undefined && result.of === snapshot ? result.overlap : undefined
}

/** " 40% of 15,000 sessions", once the file's sessions are counted (files of a few hundred finish before that shows). */
function progressText({ sessions, percent }: InProgress): string {
  return sessions === undefined || percent === undefined ? '' : ` ${percent}% of ${sessionCountText(sessions)}`
}

function Problems({ problems, aboutZone }: { problems: readonly FileProblem[]; aboutZone: boolean }) {
  const shown = problems.slice(0, SHOWN_PROBLEMS)
  const more = problems.length - shown.length
  return (
    <div className="open-schedule__problems">
      <p className="open-schedule__problems-head">
        <Icon name="clash" />{' '}
        {problems.length === 1 ? 'The problem:' : `${problems.length.toLocaleString('en-US')} problems. The first ${shown.length}:`}
      </p>
      <ul>
        {shown.map((p, i) => (
          <li key={i}>
            {p.where !== undefined && (
              <>
                <code dir="ltr">{p.where}</code>:{' '}
              </>
            )}
            {stripBidiControls(p.message)}
          </li>
        ))}
      </ul>
      {more > 0 && <p>…and {more.toLocaleString('en-US')} more.</p>}
      {aboutZone && <p>Some of these are about the time zone: choose the one the event is in, above.</p>}
      <p>Nothing was added or changed.</p>
    </div>
  )
}

function ZoneChoice({
  id,
  format,
  fileZone,
  value,
  onChange,
}: {
  id: string
  format: ScheduleFormat
  fileZone: string | undefined
  value: string | undefined
  onChange: (zone: string | undefined) => void
}) {
  const device = deviceTimeZone()
  const sched = format === 'sched-text'
  // A Sched listing names no zone, so one is always chosen (the device's to start with); a frab file names its own,
  // which '' stands for until the user picks another.
  const selected = value ?? (sched ? device : '')
  const zones = timeZoneChoices([device, ...(fileZone ? [fileZone] : [])])
  return (
    <div className="field open-schedule__zone">
      <label htmlFor={id}>Venue time zone</label>
      <select
        id={id}
        value={selected}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        {!sched && <option value="">As the file says{fileZone && value === undefined ? `: ${fileZoneText(fileZone)}` : ''}</option>}
        {zones.map((z) => (
          <option key={z} value={z}>
            {fileZoneText(z)}
            {z === device ? ' (this device)' : ''}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="choice__hint">
        {sched
          ? 'A Sched listing says only “EST” or “CET”: choose where the event is. The file’s times must match it.'
          : 'Where the event is. Change it only when the file’s zone is missing or wrong.'}
      </p>
    </div>
  )
}

function ExistingNotice({
  existing,
  state,
  current,
  overlap,
  file,
}: {
  existing: InstalledEvent
  state: 'bundled' | 'same' | 'update' | undefined
  current: boolean
  /** Given when the file looks like another edition: what it shares with the event here. */
  overlap: EditionOverlap | undefined
  file: Snapshot | undefined
}) {
  if (state === 'update' && overlap && file) {
    return (
      <div className="open-schedule__existing">
        <p>
          You already have an event with this id, <strong dir="auto">{existing.title}</strong> (<code>{existing.id}</code>), but
          this file looks like another edition of it:
        </p>
        <ul>
          <li>
            Dates here: {eventDaysText(existing.days)}. In the file: {eventDaysText(file.event.days)}
            {overlap.sharedDays === 0 ? ' (no day in common).' : ` (${overlap.sharedDays.toLocaleString('en-US')} in common).`}
          </li>
          <li>
            {overlap.commonSessions.toLocaleString('en-US')} of the file’s {sessionCountText(file.sessions.length)} are among the{' '}
            {existing.sessionCount.toLocaleString('en-US')} here.
          </li>
        </ul>
        <p>
          Add it as a separate event (the one here and your stars for it stay as they are), or replace the one here with it.
        </p>
      </div>
    )
  }
  return (
    <div className="open-schedule__existing">
      {state === 'bundled' && (
        <p>
          This file is for <strong dir="auto">{existing.title}</strong> (<code>{existing.id}</code>), the schedule that comes with
          Hallway. The app keeps its own copy up to date, so a file can’t replace it.
        </p>
      )}
      {state === 'same' && (
        <p>
          This exact schedule is already on this device{current ? ', and it is the one on screen' : ''}: <strong dir="auto">{existing.title}</strong>.
        </p>
      )}
      {state === 'update' && (
        <p>
          You already have <strong dir="auto">{existing.title}</strong> (<code>{existing.id}</code>, {sessionCountText(existing.sessionCount)}) on this
          device. Replace it with this file? Your stars for it stay, as with any schedule update: starred sessions that moved
          or were dropped show under “What changed in the schedule” on My plan.
        </p>
      )}
    </div>
  )
}
