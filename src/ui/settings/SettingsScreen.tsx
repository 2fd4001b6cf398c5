// Settings (/settings): how fast the user walks and how much extra time they want between rooms. Saved at once
// (no Save button), and every screen's conflicts follow live. The "Storage & offline" section (src/pwa) goes last.
import { useEffect, useId, useState, type ReactNode } from 'react'
import type { Venue } from '../../domain/model'
import { PACE_FACTOR, transferBetween, type WalkingPace } from '../../domain/walking'
import type { Outcome } from '../../db/commands'
import { MAX_BUFFER_MIN } from '../../db/settings'
import { useCommands, useCommandToasts } from '../common/useCommands'
import { usePageHeading } from '../common/usePageHeading'
import { usePlan } from '../common/usePlan'
import './settings.css'

const PACES: ReadonlyArray<{ pace: WalkingPace; label: string; hint: string }> = [
  { pace: 'relaxed', label: 'Relaxed', hint: 'No hurry: with a coffee, a cane or a stroller.' },
  { pace: 'normal', label: 'Normal', hint: 'The pace of a between-sessions crowd.' },
  { pace: 'brisk', label: 'Brisk', hint: 'Weaving through the crowd, walking up the escalator.' },
]

// minutes: the buffers on offer; one tap each, and within MAX_BUFFER_MIN.
const BUFFER_CHOICES = [0, 2, 5, 10, 15].filter((m) => m <= MAX_BUFFER_MIN)

// Three walks of the reference venue that show what the pace does, from short to long.
const EXAMPLES: ReadonlyArray<{ label: string; from: Venue; to: Venue }> = [
  {
    label: 'Next door (B206 → B207)',
    from: { building: 'Building B', level: 'Level 2', room: 'B206', raw: '' },
    to: { building: 'Building B', level: 'Level 2', room: 'B207', raw: '' },
  },
  {
    label: 'Up two levels (B206 → B406b-407)',
    from: { building: 'Building B', level: 'Level 2', room: 'B206', raw: '' },
    to: { building: 'Building B', level: 'Level 4', room: 'B406b-407', raw: '' },
  },
  {
    label: 'To Building C (B406b-407 → Georgia Ballroom)',
    from: { building: 'Building B', level: 'Level 4', room: 'B406b-407', raw: '' },
    to: { building: 'Building C', level: 'Level 3', room: 'Georgia Ballroom 2', raw: '' },
  },
]

export function SettingsScreen({ children }: { children?: ReactNode }) {
  const headingRef = usePageHeading('Settings')
  return (
    <div className="settings">
      <h1 ref={headingRef} tabIndex={-1} className="page-title">
        Settings
      </h1>
      <WalkingSection />
      {/* Further sections (times and calendar, install, the service worker's "Storage & offline") are passed in by
          App, after walking. */}
      {children}
    </div>
  )
}

function WalkingSection() {
  const uid = useId()
  const { store, walking, options, persistent } = usePlan()
  const commands = useCommands()
  const { report } = useCommandToasts()
  // What the user just chose, shown at once: the stored value follows a moment later through the live query, and a
  // controlled input would otherwise flick back to the old choice in between.
  const [pending, setPending] = useState<{ pace?: WalkingPace; bufferMin?: number }>({})
  const pace = pending.pace ?? walking.pace
  const bufferMin = pending.bufferMin ?? walking.bufferMin

  const save = (choice: { pace?: WalkingPace; bufferMin?: number }, write: Promise<Outcome<void>>) => {
    setPending((p) => ({ ...p, ...choice }))
    void write.then((saved) => {
      if (!saved.ok) setPending({})
      report(saved)
    })
  }
  // The stored settings changed (this write landed, or another tab wrote): they are the truth again.
  useEffect(() => setPending({}), [walking])

  return (
    <section className="settings__section" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`} className="section-title">
        Walking between rooms
      </h2>
      <p className="muted">
        Hallway flags two sessions in your plan when there isn't time to walk from one room to the next. Tell it how
        you walk.
        {!persistent && ' (Storage is unavailable: these settings last until you close this tab.)'}
      </p>

      <fieldset className="choice-group" disabled={!store}>
        <legend>Walking pace</legend>
        {PACES.map(({ pace: p, label, hint }) => (
          <label key={p} className="choice card-row">
            <input
              type="radio"
              name={`${uid}-pace`}
              value={p}
              checked={p === pace}
              aria-describedby={`${uid}-${p}-hint`}
              onChange={() => store && save({ pace: p }, commands.setWalkingPace(p))}
            />
            <span className="choice__text">
              <span className="choice__label">{label}</span>
              <span id={`${uid}-${p}-hint`} className="choice__hint">
                {hint}
                {p !== 'normal' && ` About ${Math.round(PACE_FACTOR[p] * 100)}% of the normal time.`}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="field settings__buffer">
        <label htmlFor={`${uid}-buffer`}>Extra time when changing rooms</label>
        <select
          id={`${uid}-buffer`}
          value={bufferMin}
          disabled={!store}
          aria-describedby={`${uid}-buffer-hint`}
          onChange={(e) => {
            const minutes = Number(e.target.value)
            if (store) save({ bufferMin: minutes }, commands.setWalkingBuffer(minutes))
          }}
        >
          {/* A stored value not on the list (set by another version) still shows. */}
          {[...new Set([...BUFFER_CHOICES, bufferMin])]
            .sort((a, b) => a - b)
            .map((m) => (
              <option key={m} value={m}>
                {m === 0 ? 'None' : `${m} min`}
              </option>
            ))}
        </select>
        <p id={`${uid}-buffer-hint`} className="choice__hint">
          For coffee, the restroom or a chat on the way. Not added when you stay in the same room.
        </p>
      </div>

      <div className="settings__examples">
        <h3 className="settings__subtitle">With these settings</h3>
        <ul>
          {EXAMPLES.map(({ label, from, to }) => {
            const t = transferBetween(from, to, options.walking)
            return (
              <li key={label}>
                {label}: <strong>{t.neededMin} min</strong>
                {t.bufferMin > 0 ? ` (${t.walkMin} min walk + ${t.bufferMin} min extra)` : ''}
              </li>
            )
          })}
        </ul>
      </div>
    </section>
  )
}
