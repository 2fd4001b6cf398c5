// Filters: session types (multi-select), building and room, for frab/pretalx events language and "Recorded", and hiding a
// room or type for good (saved per event, unlike the filters, which live in the URL). On narrow screens it is a disclosure under the search
// box; from 60rem up the stylesheet shows it as an always-open sidebar.
// Memoised in parts: typing in the search box re-renders none of it, and ticking a type leaves the room list (one
// option per room, dozens at a large venue) alone.
import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { isolateText } from '../../domain/bidiText'
import type { BuildingFacet, Facets, FilterOffers, HiddenChoices, LanguageFacet, TypeFacet } from '../../domain/search'
import type { HiddenKind } from '../../db/hidden'
import { languageName } from '../common/languageName'
import { useHiddenKnown } from '../common/useHiding'
import { FILTER_WRITE, type SetViewState } from './useViewState'

export interface FilterPanelProps {
  id: string
  open: boolean
  facets: Facets
  /** The selected types, building and room (the view's, from the URL). */
  types: readonly string[]
  building?: string
  room?: string
  /** Which of the language and "Recorded" filters the event calls for. */
  offers: FilterOffers
  language?: string
  recordedOnly: boolean
  setView: SetViewState
  /** What the user hid in this event, and how to hide one more. */
  hidden: HiddenChoices
  onHide: (kind: HiddenKind, name: string) => void
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((s, i) => s === b[i]))
}

/** The type facets, plus any type the URL selects that this day lacks (count 0), so it can still be unselected. */
function typesWithSelected(facets: Facets, selected: readonly string[]): TypeFacet[] {
  const types: TypeFacet[] = [...facets.types]
  for (const t of selected) if (!types.some((f) => f.type === t)) types.push({ type: t, count: 0 })
  return types
}

/** The buildings and rooms, plus a building or room the URL selects that this day lacks (count 0). */
function buildingsWithSelected(facets: Facets, building: string | undefined, room: string | undefined): BuildingFacet[] {
  const buildings: BuildingFacet[] = facets.buildings.map((b) => ({ ...b, rooms: [...b.rooms] }))
  if (building || room) {
    const name = building ?? ''
    let b = buildings.find((f) => f.building === name)
    if (!b) buildings.push((b = { building: name, rooms: [] }))
    if (room && !b.rooms.some((r) => r.room === room)) b.rooms.push({ room, count: 0 })
  }
  return buildings
}

export const FilterPanel = memo(
  function FilterPanel({ id, open, facets, types, building, room, offers, language, recordedOnly, setView, hidden, onHide }: FilterPanelProps) {
    const uid = useId()
    return (
      <section id={id} className="filters" hidden={!open} aria-labelledby={`${uid}-heading`}>
        <h2 id={`${uid}-heading`} className="filters__heading">
          Filters
        </h2>
        <PlaceFields uid={uid} facets={facets} building={building} room={room} setView={setView} />
        <SourceFields
          uid={uid}
          facets={facets}
          offers={offers}
          language={language}
          recordedOnly={recordedOnly}
          setView={setView}
        />
        <TypeFields uid={uid} facets={facets} selected={types} setView={setView} />
        <HideFields uid={uid} facets={facets} hidden={hidden} onHide={onHide} />
      </section>
    )
  },
  (a, b) =>
    a.id === b.id &&
    a.open === b.open &&
    a.facets === b.facets &&
    sameStrings(a.types, b.types) &&
    a.building === b.building &&
    a.room === b.room &&
    a.offers === b.offers &&
    a.language === b.language &&
    a.recordedOnly === b.recordedOnly &&
    a.setView === b.setView &&
    a.hidden === b.hidden &&
    a.onHide === b.onHide,
)

interface HideFieldsProps {
  uid: string
  facets: Facets
  hidden: HiddenChoices
  onHide: (kind: HiddenKind, name: string) => void
}

// Option values are "room:<name>" or "type:<name>": a room and a type may share a name.
const HideFields = memo(function HideFields({ uid, facets, hidden, onHide }: HideFieldsProps) {
  const [picked, setPicked] = useState('')
  const known = useHiddenKnown()
  if (!known) return null
  const rooms = facets.buildings.flatMap((b) => b.rooms.map((r) => r.room)).filter((r) => !hidden.rooms.includes(r))
  const types = facets.types.map((t) => t.type).filter((t) => !hidden.types.includes(t))
  if (rooms.length + types.length === 0) return null
  const onSubmit = () => {
    const colon = picked.indexOf(':')
    if (colon < 0) return
    onHide(picked.slice(0, colon) as HiddenKind, picked.slice(colon + 1))
    setPicked('')
  }
  return (
    <div className="field">
      <label htmlFor={`${uid}-hide`}>Hide a room or type</label>
      <select id={`${uid}-hide`} value={picked} onChange={(e) => setPicked(e.target.value)}>
        <option value="">Choose…</option>
        {rooms.length > 0 && (
          <optgroup label="Rooms">
            {[...new Set(rooms)].map((r) => (
              <option key={r} value={`room:${r}`}>
                {isolateText(r)}
              </option>
            ))}
          </optgroup>
        )}
        {types.length > 0 && (
          <optgroup label="Types">
            {types.map((t) => (
              <option key={t} value={`type:${t}`}>
                {isolateText(t)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <button type="button" className="button" onClick={onSubmit} disabled={picked === ''}>
        Hide
      </button>
    </div>
  )
})

interface SourceFieldsProps {
  uid: string
  facets: Facets
  offers: FilterOffers
  language?: string
  recordedOnly: boolean
  setView: SetViewState
}

/** The languages by name, plus one the URL selects that this day lacks (count 0), so it can still be unselected. */
function languagesWithSelected(facets: Facets, selected: string | undefined): (LanguageFacet & { name: string })[] {
  const languages = facets.languages.map((f) => ({ ...f, name: languageName(f.language) }))
  if (selected && !languages.some((f) => f.language === selected)) {
    languages.push({ language: selected, count: 0, name: languageName(selected) })
  }
  return languages.sort((a, b) => a.name.localeCompare(b.name, 'en'))
}

/**
 * Language and "Recorded", the filters only frab/pretalx files can feed: shown when the event calls for them, and
 * also whenever the URL sets one, so a filter that narrows the list can always be seen and undone.
 */
const SourceFields = memo(function SourceFields({ uid, facets, offers, language, recordedOnly, setView }: SourceFieldsProps) {
  const languages = useMemo(() => languagesWithSelected(facets, language), [facets, language])
  const showLanguage = offers.language || language !== undefined
  const showRecorded = offers.recorded || recordedOnly
  return (
    <>
      {showLanguage && (
        <div className="field">
          <label htmlFor={`${uid}-language`}>Language</label>
          <select
            id={`${uid}-language`}
            value={language ?? ''}
            onChange={(e) => setView({ language: e.target.value || undefined }, FILTER_WRITE)}
          >
            <option value="">All languages</option>
            {languages.map((l) => (
              <option key={l.language} value={l.language}>
                {isolateText(l.name)} ({l.count})
              </option>
            ))}
          </select>
        </div>
      )}
      {showRecorded && (
        <fieldset className="types">
          <legend>Recording</legend>
          <ul className="types__list">
            <li className="types__item">
              <input
                id={`${uid}-recorded`}
                type="checkbox"
                checked={recordedOnly}
                onChange={(e) => setView({ recordedOnly: e.target.checked }, FILTER_WRITE)}
                aria-describedby={`${uid}-recorded-count`}
              />
              <label htmlFor={`${uid}-recorded`}>Recorded only</label>
              <FacetCount id={`${uid}-recorded-count`} count={facets.recorded} />
            </li>
          </ul>
        </fieldset>
      )}
    </>
  )
})

interface PlaceFieldsProps {
  uid: string
  facets: Facets
  building?: string
  room?: string
  setView: SetViewState
}

const PlaceFields = memo(function PlaceFields({ uid, facets, building, room, setView }: PlaceFieldsProps) {
  const buildings = useMemo(() => buildingsWithSelected(facets, building, room), [facets, building, room])
  const named = buildings.filter((b) => b.building !== '')
  const selectedBuilding = building ? buildings.find((b) => b.building === building) : undefined
  // With a building chosen, its rooms; otherwise every room, grouped by building.
  const roomGroups = selectedBuilding ? [selectedBuilding] : buildings
  // Option values are "groupIndex:room": a room name alone may exist in two buildings.
  const roomGroupIndex = room ? roomGroups.findIndex((b) => b.rooms.some((r) => r.room === room)) : -1
  const selectedRoomKey = roomGroupIndex >= 0 ? `${roomGroupIndex}:${room}` : ''

  const onBuilding = (next: string) => {
    const inBuilding = buildings.find((b) => b.building === next)
    const keepRoom = room && inBuilding?.rooms.some((r) => r.room === room)
    setView({ building: next || undefined, room: keepRoom ? room : undefined }, FILTER_WRITE)
  }

  const onRoom = (key: string) => {
    if (key === '') {
      setView({ room: undefined }, FILTER_WRITE)
      return
    }
    const colon = key.indexOf(':')
    const group = roomGroups[Number(key.slice(0, colon))]
    const picked = key.slice(colon + 1)
    // Choosing a room also chooses its building, so the URL names the place unambiguously.
    setView({ room: picked, building: group && group.building !== '' ? group.building : undefined }, FILTER_WRITE)
  }

  return (
    <>
      {named.length > 0 && (
        <div className="field">
          <label htmlFor={`${uid}-building`}>Building</label>
          <select id={`${uid}-building`} value={building ?? ''} onChange={(e) => onBuilding(e.target.value)}>
            <option value="">All buildings</option>
            {named.map((b) => (
              <option key={b.building} value={b.building}>
                {isolateText(b.building)}
              </option>
            ))}
          </select>
        </div>
      )}

      <div className="field">
        <label htmlFor={`${uid}-room`}>Room</label>
        <select id={`${uid}-room`} value={selectedRoomKey} onChange={(e) => onRoom(e.target.value)}>
          <option value="">All rooms</option>
          {roomGroups.map((b, gi) => {
            const options = b.rooms.map((r) => (
              <option key={r.room} value={`${gi}:${r.room}`}>
                {isolateText(r.room)} ({r.count})
              </option>
            ))
            return roomGroups.length > 1 ? (
              <optgroup key={b.building || '(other)'} label={b.building ? isolateText(b.building) : 'Other rooms'}>
                {options}
              </optgroup>
            ) : (
              options
            )
          })}
        </select>
      </div>
    </>
  )
})

interface TypeFieldsProps {
  uid: string
  facets: Facets
  selected: readonly string[]
  setView: SetViewState
}

const TypeFields = memo(function TypeFields({ uid, facets, selected, setView }: TypeFieldsProps) {
  const types = typesWithSelected(facets, selected)
  // Read when a box is ticked, so onToggle keeps its identity and only the ticked option re-renders.
  const latest = useRef(selected)
  useLayoutEffect(() => {
    latest.current = selected
  })
  const onToggle = useCallback(
    (type: string, checked: boolean) => {
      const current = latest.current
      const next = checked ? [...current, type] : current.filter((t) => t !== type)
      setView({ types: next }, FILTER_WRITE)
    },
    [setView],
  )
  if (types.length === 0) return null

  return (
    <fieldset className="types">
      <legend>Type</legend>
      <ul className="types__list">
        {types.map((t, i) => (
          <TypeOption
            key={t.type}
            inputId={`${uid}-type-${i}`}
            type={t.type}
            count={t.count}
            checked={selected.includes(t.type)}
            onToggle={onToggle}
          />
        ))}
      </ul>
    </fieldset>
  )
})

interface TypeOptionProps {
  inputId: string
  type: string
  count: number
  checked: boolean
  onToggle: (type: string, checked: boolean) => void
}

// Memoised: React re-applies a checkbox's type and name whenever it renders, for each of the dozen options.
const TypeOption = memo(function TypeOption({ inputId, type, count, checked, onToggle }: TypeOptionProps) {
  return (
    <li className="types__item">
      <input
        id={inputId}
        type="checkbox"
        name="type"
        value={type}
        checked={checked}
        onChange={(e) => onToggle(type, e.target.checked)}
        aria-describedby={`${inputId}-count`}
      />
      <label htmlFor={inputId} dir="auto">
        {type}
      </label>
      <FacetCount id={`${inputId}-count`} count={count} />
    </li>
  )
})

// "Sessions: 14" to a screen reader: not "14 sessions", which is how the result count reads.
function FacetCount({ id, count }: { id: string; count: number }) {
  return (
    <span id={id} className="types__count">
      <span className="visually-hidden">{`Sessions: ${count}`}</span>
      <span aria-hidden="true">{count}</span>
    </span>
  )
}
