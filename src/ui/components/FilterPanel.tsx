// Filters: session types (multi-select), building and room. On narrow screens it is a disclosure under the search
// box; from 60rem up the stylesheet shows it as an always-open sidebar.
import { useId } from 'react'
import type { BuildingFacet, Facets, TypeFacet } from '../../domain/search'
import type { SetViewState } from '../hooks/useViewState'
import type { ViewState } from '../viewState'

export interface FilterPanelProps {
  id: string
  open: boolean
  facets: Facets
  view: ViewState
  setView: SetViewState
}

/** The facets, plus any value the URL selects that this day lacks (count 0), so it can still be unselected. */
function withSelected(facets: Facets, view: ViewState): Facets {
  const types: TypeFacet[] = [...facets.types]
  for (const t of view.types) if (!types.some((f) => f.type === t)) types.push({ type: t, count: 0 })
  const buildings: BuildingFacet[] = facets.buildings.map((b) => ({ ...b, rooms: [...b.rooms] }))
  if (view.building || view.room) {
    const name = view.building ?? ''
    let b = buildings.find((f) => f.building === name)
    if (!b) buildings.push((b = { building: name, rooms: [] }))
    if (view.room && !b.rooms.some((r) => r.room === view.room)) b.rooms.push({ room: view.room, count: 0 })
  }
  return { types, buildings }
}

export function FilterPanel({ id, open, facets, view, setView }: FilterPanelProps) {
  const uid = useId()
  const shown = withSelected(facets, view)
  const named = shown.buildings.filter((b) => b.building !== '')
  const selectedBuilding = view.building ? shown.buildings.find((b) => b.building === view.building) : undefined
  // With a building chosen, its rooms; otherwise every room, grouped by building.
  const roomGroups = selectedBuilding ? [selectedBuilding] : shown.buildings
  // Option values are "groupIndex:room": a room name alone may exist in two buildings.
  const roomGroupIndex = view.room ? roomGroups.findIndex((b) => b.rooms.some((r) => r.room === view.room)) : -1
  const selectedRoomKey = roomGroupIndex >= 0 ? `${roomGroupIndex}:${view.room}` : ''

  const toggleType = (type: string, checked: boolean) => {
    const types = checked ? [...view.types, type] : view.types.filter((t) => t !== type)
    setView({ types }, { replace: true })
  }

  const onBuilding = (building: string) => {
    const inBuilding = shown.buildings.find((b) => b.building === building)
    const keepRoom = view.room && inBuilding?.rooms.some((r) => r.room === view.room)
    setView({ building: building || undefined, room: keepRoom ? view.room : undefined }, { replace: true })
  }

  const onRoom = (key: string) => {
    if (key === '') {
      setView({ room: undefined }, { replace: true })
      return
    }
    const colon = key.indexOf(':')
    const group = roomGroups[Number(key.slice(0, colon))]
    const room = key.slice(colon + 1)
    // Choosing a room also chooses its building, so the URL names the place unambiguously.
    setView({ room, building: group && group.building !== '' ? group.building : undefined }, { replace: true })
  }

  return (
    <section id={id} className="filters" hidden={!open} aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`} className="filters__heading">
        Filters
      </h2>

      {named.length > 0 && (
        <div className="field">
          <label htmlFor={`${uid}-building`}>Building</label>
          <select id={`${uid}-building`} value={view.building ?? ''} onChange={(e) => onBuilding(e.target.value)}>
            <option value="">All buildings</option>
            {named.map((b) => (
              <option key={b.building} value={b.building}>
                {b.building}
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
                {r.room} ({r.count})
              </option>
            ))
            return roomGroups.length > 1 ? (
              <optgroup key={b.building || '(other)'} label={b.building || 'Other rooms'}>
                {options}
              </optgroup>
            ) : (
              options
            )
          })}
        </select>
      </div>

      {shown.types.length > 0 && (
        <fieldset className="types">
          <legend>Type</legend>
          <ul className="types__list">
            {shown.types.map((t, i) => {
              const inputId = `${uid}-type-${i}`
              return (
                <li key={t.type} className="types__item">
                  <input
                    id={inputId}
                    type="checkbox"
                    name="type"
                    value={t.type}
                    checked={view.types.includes(t.type)}
                    onChange={(e) => toggleType(t.type, e.target.checked)}
                    aria-describedby={`${inputId}-count`}
                  />
                  <label htmlFor={inputId}>{t.type}</label>
                  {/* "Sessions: 14" to a screen reader: not "14 sessions", which is how the result count reads. */}
                  <span id={`${inputId}-count`} className="types__count">
                    <span className="visually-hidden">{`Sessions: ${t.count}`}</span>
                    <span aria-hidden="true">{t.count}</span>
                  </span>
                </li>
              )
            })}
          </ul>
        </fieldset>
      )}
    </section>
  )
}
