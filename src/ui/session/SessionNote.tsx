// The user's private note on a session ("ask about the GPU operator", "room fills early"): shown on the session page
// with Edit, written through src/db (saved per event, like a star), never put in a share link.
import { useEffect, useId, useState, type FormEvent } from 'react'
import { NOTE_MAX_CHARS } from '../../db/notes'
import type { Session } from '../../domain/model'
import { useCommands, useCommandToasts } from '../common/useCommands'
import { usePlan, useSessionNote } from '../common/usePlan'
import { focusAfterRender } from '../common/focusAfterRender'

export function SessionNote({ session }: { session: Session }) {
  const saved = useSessionNote(session.id)
  // What was just saved, shown until the store's next read brings it (a moment), so the old note does not flash back.
  const [justSaved, setJustSaved] = useState<string | null>(null)
  useEffect(() => setJustSaved(null), [saved])
  const note = justSaved === null ? saved : justSaved === '' ? undefined : justSaved
  const { status } = usePlan()
  const commands = useCommands()
  const { report, offerUndo } = useCommandToasts()
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState('')
  const [saving, setSaving] = useState(false)
  const uid = useId()
  const headingId = `${uid}-heading`
  const editSelector = `[data-note-edit="${session.id}"]`
  const boxSelector = `[data-note-box="${session.id}"]`

  // Not before the saved notes are read: an empty box then could overwrite a note this tab has not seen yet.
  if (status !== 'ready') return null

  const startEditing = () => {
    setDraft(note ?? '')
    setEditing(true)
    focusAfterRender(boxSelector)
  }

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setSaving(true)
    const done = report(await commands.saveNote(session.id, draft))
    setSaving(false)
    if (!done) return // the toast says why; the draft stays in the box
    setEditing(false)
    setJustSaved(done.text)
    const what = done.text === '' ? (note ? 'Note removed.' : 'Nothing to save.') : 'Note saved. Only you can see it.'
    if (done.text === '' && !note) focusAfterRender(editSelector)
    else offerUndo(what, done.undo, editSelector)
  }

  return (
    <section className="detail__section note" aria-labelledby={headingId}>
      <h2 id={headingId}>Your note</h2>
      {editing ? (
        <form onSubmit={(e) => void save(e)} className="note__form">
          <label htmlFor={`${uid}-box`} className="note__label">
            Private note on this session (never shared)
          </label>
          <textarea
            id={`${uid}-box`}
            data-note-box={session.id}
            className="note__box"
            rows={3}
            maxLength={NOTE_MAX_CHARS}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setEditing(false)
                focusAfterRender(editSelector)
              }
            }}
          />
          <p className="note__actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              Save note
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setEditing(false)
                focusAfterRender(editSelector)
              }}
            >
              Cancel
            </button>
          </p>
        </form>
      ) : (
        <>
          {note ? (
            <p className="note__text" dir="auto">
              {note}
            </p>
          ) : (
            <p className="muted">Only you see your notes. They go into your calendar export, never into a share link.</p>
          )}
          <button type="button" className="button" data-note-edit={session.id} onClick={startEditing}>
            {note ? 'Edit note' : 'Add a note'}
          </button>
        </>
      )}
    </section>
  )
}
