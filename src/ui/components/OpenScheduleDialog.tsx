// "Open another schedule": pick a frab/pretalx export (.json) or a Sched listing saved as text (.txt), see what it
// holds (title, days, sessions, time zone, the importer's warnings), then add it and switch to it. A file that can't
// be opened says exactly why (the importer's own line or JSON-path messages) and changes nothing. The importers are
// loaded on demand (a chunk of their own), so they cost the first view nothing.
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react'
import { useLocation } from 'wouter'
import { isolateText, stripBidiControls } from '../../domain/bidiText'
import type { FileProblem, ScheduleFileRead } from '../../domain/scheduleFile'
import type { InstalledEvent } from '../../db/eventLibrary'
import { useUiStore } from '../../store/uiStore'
import { eventDaysText, sessionCountText, timeZoneChoices } from '../eventText'
import { useEvents } from '../hooks/useEvents'
import { deviceTimeZone } from '../timeLabels'
import { Dialog, DialogHead } from './Dialog'
import { Icon } from './Icons'
import '../events.css'

type Importer = typeof import('../../domain/scheduleFile')
let importer: Promise<Importer> | undefined

/** The importers' chunk, fetched once (precached by the service worker, so this works offline too). */
function loadImporter(): Promise<Importer> {
  importer ??= import('../../domain/scheduleFile').catch((error: unknown) => {
    importer = undefined // let the next pick try again
    throw error
  })
  return importer
}

/** How many problems are listed; the rest are counted. Five fit a phone screen and are enough to see a pattern. */
const SHOWN_PROBLEMS = 5

type Reading =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'done'; name: string; read: ScheduleFileRead }

interface Picked {
  name: string
  text: string
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
  const [picked, setPicked] = useState<Picked | null>(null)
  const [zone, setZone] = useState<string | undefined>(undefined)
  const [reading, setReading] = useState<Reading>({ kind: 'idle' })
  const [busy, setBusy] = useState(false)
  const [addError, setAddError] = useState<string | null>(null)
  // Each pick gets a number, so a slow read of an earlier file never lands over a later one.
  const pickSeq = useRef(0)

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    if (!file) return
    const seq = (pickSeq.current += 1)
    const fail = (problems: FileProblem[]) => {
      if (seq === pickSeq.current) setReading({ kind: 'done', name: file.name, read: { ok: false, problems } })
    }
    setPicked(null)
    setZone(undefined)
    setAddError(null)
    setReading({ kind: 'reading', name: file.name })
    let mod: Importer
    try {
      mod = await loadImporter()
    } catch {
      fail([{ message: 'Hallway’s schedule reader couldn’t be loaded. Check the connection and try again.' }])
      return
    }
    const tooBig = mod.fileSizeProblem(file.size)
    if (tooBig) return fail([tooBig])
    let text: string
    try {
      text = await file.text()
    } catch {
      return fail([{ message: 'The file couldn’t be read. It may have been moved, or this browser may not be allowed to open it.' }])
    }
    if (seq === pickSeq.current) setPicked({ name: file.name, text })
  }

  // Read (again) whenever the file or the chosen zone changes: a Sched listing's "EST" labels must match the zone.
  useEffect(() => {
    if (!picked) return
    let cancelled = false
    void loadImporter()
      .then((mod) => {
        const format = mod.detectScheduleFormat(picked.name, picked.text)
        const timeZone = zone ?? (format === 'sched-text' ? deviceTimeZone() : undefined)
        return mod.readScheduleFile({ name: picked.name, text: picked.text, ...(timeZone !== undefined && { timeZone }) })
      })
      .catch((): ScheduleFileRead => ({ ok: false, problems: [{ message: 'The file couldn’t be read.' }] }))
      .then((read) => {
        if (!cancelled) setReading({ kind: 'done', name: picked.name, read })
      })
    return () => {
      cancelled = true
    }
  }, [picked, zone])

  const read = reading.kind === 'done' ? reading.read : undefined
  const snapshot = read?.ok ? read.snapshot : undefined
  const existing = snapshot ? events.find((e) => e.id === snapshot.event.id) : undefined
  const state = !snapshot ? undefined : !existing ? 'new' : existing.bundled ? 'bundled' : existing.contentHash === snapshot.contentHash ? 'same' : 'update'

  const add = async (replace: boolean) => {
    if (!snapshot || !actions) return
    setBusy(true)
    setAddError(null)
    try {
      const outcome = await actions.add(snapshot, replace)
      const title = isolateText(snapshot.event.title)
      const words = {
        added: `Added ${title} (${sessionCountText(snapshot.sessions.length)}). Now showing it.`,
        replaced: `Updated ${title} from the file. Your stars for it stay.`,
        unchanged: `${title} was already on this device. Now showing it.`,
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
  const showZone = read !== undefined && read.format !== undefined && (read.ok || read.problems.some((p) => p.where !== undefined))

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
          accept=".json,.txt,application/json,text/plain"
          aria-describedby={`${uid}-file-hint`}
          // Cleared as the picker opens, so picking the same file again (fixed in an editor meanwhile) is a new pick;
          // not after a pick, so the input keeps showing which file the preview is of.
          onClick={(e) => {
            e.currentTarget.value = ''
          }}
          onChange={(e) => void onPick(e)}
        />
        <p id={`${uid}-file-hint`} className="choice__hint">
          A frab or pretalx schedule export (<code>schedule.json</code>), or a Sched listing saved as text (<code>.txt</code>).
          Nothing is added until you confirm.
        </p>
      </div>
      {!persistent && (
        <p className="open-schedule__note">
          Storage is unavailable in this browser, so a schedule you add stays only until you close this tab.
        </p>
      )}

      {/* Before the result: what is read below depends on it. */}
      {showZone && read?.format && (
        <ZoneChoice
          id={`${uid}-zone`}
          format={read.format}
          fileZone={read.ok ? read.snapshot.event.timeZone : undefined}
          value={zone}
          onChange={setZone}
        />
      )}
      <p className="open-schedule__status" role="status">
        {reading.kind === 'reading' && `Reading ${isolateText(reading.name)}…`}
        {read && !read.ok && `${reading.kind === 'done' ? isolateText(reading.name) : 'The file'} can’t be opened.`}
        {snapshot &&
          `${reading.kind === 'done' ? isolateText(reading.name) : ''}: ${isolateText(snapshot.event.title)}, ${sessionCountText(snapshot.sessions.length)}.`}
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

      {existing && state !== 'new' && <ExistingNotice existing={existing} state={state} current={current?.id === existing.id} />}

      {addError && (
        <p className="open-schedule__error" role="alert">
          {addError}
        </p>
      )}

      <div className="dialog__foot open-schedule__foot">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {state === 'new' && (
          <button type="button" className="button button--primary" disabled={busy || !actions} onClick={() => void add(false)}>
            <Icon name="plus" /> Add and switch to it
          </button>
        )}
        {state === 'update' && (
          <button type="button" className="button button--primary" disabled={busy || !actions} onClick={() => void add(true)}>
            <Icon name="check" /> Replace
          </button>
        )}
        {state === 'same' && current?.id !== existing?.id && (
          <button type="button" className="button button--primary" disabled={!actions} onClick={() => void switchToExisting()}>
            Switch to it
          </button>
        )}
      </div>
    </Dialog>
  )
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
  format: 'sched-text' | 'frab-json'
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
        {!sched && <option value="">As the file says{fileZone && value === undefined ? ` (${fileZone})` : ''}</option>}
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
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
}: {
  existing: InstalledEvent
  state: 'bundled' | 'same' | 'update' | undefined
  current: boolean
}) {
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
