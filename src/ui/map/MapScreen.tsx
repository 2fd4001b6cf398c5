// The venue map (/map): the current event's buildings, levels and rooms, drawn (schematic, or pinned on a floor plan
// the event ships) and listed. `?room=B406b-407` marks one room ("Where is it?" on a session page);
// `?from=<id>&to=<id>` draws the walk between two plan sessions with the minutes My plan shows for it.
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { Link, useSearch } from 'wouter'
import type { FloorPlan } from '../../domain/floorPlan'
import { floorPlanPin } from '../../domain/floorPlan'
import { isolateText } from '../../domain/bidiText'
import type { Session, SessionId } from '../../domain/model'
import {
  findRoom,
  placeOf,
  placeWords,
  roomBox,
  roomKey,
  venueMapLayout,
  venueTree,
  type Box,
  type MapBuilding,
  type MapLayout,
  type RoomPlace,
} from '../../domain/venueMap'
import { transferBetween, type Transfer } from '../../domain/walking'
import { AnyIcon as Icon } from '../common/moreIcons'
import { useHallway } from '../common/useHallway'
import { usePageHeading } from '../common/usePageHeading'
import { usePlan } from '../common/usePlan'
import { useSchedule } from '../common/useSchedule'
import { describeTransfer } from '../common/walkText'
import { loadFloorPlan, type FloorPlanLoad } from './floorPlans'
import './map.css'

/** What the map marks: one room, or the two ends of a walk. */
type Mark = 'here' | 'start' | 'end'
const MARK_WORDS: Record<Mark, string> = { here: 'This room', start: 'Walk starts here', end: 'Walk ends here' }

/** characters: a drawn label longer than this is cut with "…" (the lists below always give the whole name). */
const LABEL_MAX = 26

interface Walk {
  from: Session
  to: Session
  transfer: Transfer
}

export function MapScreen() {
  const { event, sessions } = useSchedule()
  const byId = useHallway((s) => s.byId)
  const { options } = usePlan()
  const params = new URLSearchParams(useSearch())
  const roomParam = params.get('room')
  const fromId = params.get('from')
  const toId = params.get('to')

  const tree = useMemo(() => venueTree(sessions), [sessions])
  const from = fromId ? byId.get(fromId as SessionId) : undefined
  const to = toId ? byId.get(toId as SessionId) : undefined
  // The same call My plan and the tight-walk check make, with the user's pace and buffer: the minutes always agree.
  const walk: Walk | null = from && to ? { from, to, transfer: transferBetween(from.venue, to.venue, options.walking) } : null
  const wanted = roomParam !== null && roomParam.trim() !== '' ? findRoom(tree, roomParam) : null

  const marks = new Map<string, Mark>()
  if (walk) {
    marks.set(roomKey(placeOf(walk.from.venue)), 'start')
    marks.set(roomKey(placeOf(walk.to.venue)), 'end')
  } else if (wanted) {
    marks.set(roomKey(wanted), 'here')
  }

  const title = walk
    ? `Walk from ${walk.from.venue.room} to ${walk.to.venue.room}`
    : wanted
      ? placeText(wanted)
      : 'Venue map'
  const headingRef = usePageHeading(title)
  const floor = useFloorPlan(event?.id)

  return (
    <div className="map">
      <h1 ref={headingRef} tabIndex={-1} className="page-title map__title">
        {walk ? (
          <>
            Walk from <bdi>{walk.from.venue.room}</bdi> to <bdi>{walk.to.venue.room}</bdi>
          </>
        ) : wanted ? (
          placeText(wanted)
        ) : (
          'Venue map'
        )}
      </h1>
      {walk && <WalkSummary walk={walk} />}
      {!walk && (fromId || toId) && (
        <p className="note">That walk's sessions aren't in this schedule; here is the whole venue.</p>
      )}
      {!walk && roomParam !== null && !wanted && (
        <p className="note">
          There's no room <bdi>{roomParam}</bdi> in this schedule; here is the whole venue.
        </p>
      )}
      {floor.kind === 'broken' && (
        <p className="note">
          The floor plan couldn't be read ({floor.error}), so this is the schematic map.
        </p>
      )}
      {floor.kind === 'plan' ? (
        <FloorPlanDrawing plan={floor.plan} imageUrl={floor.imageUrl} marks={markByRoom(marks)} />
      ) : (
        <SchematicDrawing tree={tree} marks={marks} walk={walk} />
      )}
      <VenueLists tree={tree} marks={marks} />
    </div>
  )
}

function useFloorPlan(eventId: string | undefined): FloorPlanLoad {
  const [load, setLoad] = useState<{ eventId: string; result: FloorPlanLoad } | null>(null)
  useEffect(() => {
    if (!eventId) return
    let live = true
    loadFloorPlan(eventId).then(
      (result) => live && setLoad({ eventId, result }),
      // The chunk did not download (offline before it was precached): the schematic still shows everything.
      () => live && setLoad({ eventId, result: { kind: 'none' } }),
    )
    return () => {
      live = false
    }
  }, [eventId])
  return load && load.eventId === eventId ? load.result : { kind: 'none' }
}

/** Marks by room name alone: a floor plan places rooms by name. */
function markByRoom(marks: ReadonlyMap<string, Mark>): Map<string, Mark> {
  return new Map([...marks].map(([key, mark]) => [key.split('\u0000')[2] ?? '', mark]))
}

/** "B406b-407 · Building B · Level 4", each name isolated so none can reorder the others. */
function placeText(place: RoomPlace): string {
  return placeWords({ room: isolateText(place.room), building: isolateText(place.building), level: isolateText(place.level) })
}

function WalkSummary({ walk }: { walk: Walk }) {
  const { transfer, from, to } = walk
  return (
    <div className="map__walk">
      <p className="map__walk-words">
        <Icon name="walk" />{' '}
        {transfer.kind === 'same-room' ? (
          'Same room: no walk'
        ) : (
          <span>
            {describeTransfer(transfer, to.venue)} from <bdi>{from.venue.room}</bdi>
            {transfer.bufferMin > 0 && `, plus your ${transfer.bufferMin} min buffer: ${transfer.neededMin} min`}
          </span>
        )}
      </p>
      <p className="map__walk-ends">
        From {placeText(placeOf(from.venue))} (
        <Link href={`/session/${from.id}`}>
          <bdi>{from.title}</bdi>
        </Link>
        ) to {placeText(placeOf(to.venue))} (
        <Link href={`/session/${to.id}`}>
          <bdi>{to.title}</bdi>
        </Link>
        ).
      </p>
    </div>
  )
}

function label(text: string): string {
  const cut = [...text].length > LABEL_MAX ? `${[...text].slice(0, LABEL_MAX - 1).join('')}…` : text
  // Bidi-safe inside the SVG, which has no <bdi>: an override in a room name cannot turn the drawing's words around.
  return isolateText(cut)
}

/** The map's pin: an icon that, with the words beside it and the heavy outline, marks a room without colour. */
function PinIcon({ x = 0, y = 0 }: { x?: number; y?: number }) {
  return (
    <path
      className="map__pin"
      transform={`translate(${x} ${y})`}
      d="M8 0a6 6 0 0 0-6 6c0 4.5 6 10 6 10s6-5.5 6-10a6 6 0 0 0-6-6zm0 3.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z"
    />
  )
}

function MarkIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="20" height="20" aria-hidden="true" focusable="false">
      <PinIcon />
    </svg>
  )
}

function drawingName(tree: readonly MapBuilding[], marks: ReadonlyMap<string, Mark>): string {
  const where = tree.map((b) => b.building || 'Other rooms').join(', ')
  const marked = [...marks.entries()].map(([key, mark]) => `${MARK_WORDS[mark]}: ${key.split('\u0000').reverse().filter(Boolean).join(', ')}`)
  return isolateText([`Map of ${where}`, ...marked].join('. '))
}

function SchematicDrawing({ tree, marks, walk }: { tree: readonly MapBuilding[]; marks: ReadonlyMap<string, Mark>; walk: Walk | null }) {
  const layout: MapLayout = useMemo(() => venueMapLayout(tree), [tree])
  const scrollRef = useRef<HTMLDivElement>(null)
  const markedKey = [...marks.keys()].at(-1)
  useEffect(() => {
    if (!markedKey) return
    // jsdom has no scrollIntoView; the browser brings the marked room into the drawing's box and the page.
    const el = scrollRef.current?.querySelector(`[data-marked="true"]`) as (Element & { scrollIntoView?: Element['scrollIntoView'] }) | null
    el?.scrollIntoView?.({ block: 'nearest', inline: 'center' })
  }, [markedKey])

  const route = walk ? walkLine(layout, walk) : null
  return (
    // A tab stop so the keyboard can scroll the drawing (it has no controls of its own to focus).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div ref={scrollRef} className="map__scroll" tabIndex={0} role="region" aria-label="Map drawing">
      <svg
        className="map__svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        role="img"
        aria-label={drawingName(tree, marks)}
      >
        {layout.buildings.map((b) => (
          <g key={b.building}>
            <NamedBox box={b} kind="building" name={b.building || 'Other rooms'} />
            {b.levels.map((l) => (
              <g key={l.level}>
                <NamedBox box={l} kind="level" name={l.level || 'Level not given'} />
                {l.rooms.map((r) => {
                  const mark = marks.get(r.key)
                  return (
                    <g key={r.key} data-marked={mark ? 'true' : undefined} className={mark ? 'map__room map__room--marked' : 'map__room'}>
                      <rect x={r.x} y={r.y} width={r.width} height={r.height} rx={3} />
                      <text x={r.x + (mark ? 24 : 8)} y={r.y + 21}>
                        {label(r.room)}
                      </text>
                      {mark && <PinIcon x={r.x + 4} y={r.y + 8} />}
                    </g>
                  )
                })}
              </g>
            ))}
          </g>
        ))}
        {route && (
          <g className="map__route">
            <line x1={route.x1} y1={route.y1} x2={route.x2} y2={route.y2} />
            <text x={(route.x1 + route.x2) / 2} y={(route.y1 + route.y2) / 2 - 6} textAnchor="middle">
              {route.words}
            </text>
          </g>
        )}
      </svg>
    </div>
  )
}

/** A building's or a level's frame with its name on the first line (the layout leaves HEADING_HEIGHT for it). */
function NamedBox({ box, kind, name }: { box: Box; kind: 'building' | 'level'; name: string }) {
  return (
    <>
      <rect className={`map__${kind}`} x={box.x} y={box.y} width={box.width} height={box.height} rx={kind === 'building' ? 6 : 4} />
      <text className={`map__${kind}-name`} x={box.x + 8} y={box.y + 17}>
        {label(name)}
      </text>
    </>
  )
}

function walkLine(layout: MapLayout, walk: Walk) {
  const a = roomBox(layout, roomKey(placeOf(walk.from.venue)))
  const b = roomBox(layout, roomKey(placeOf(walk.to.venue)))
  if (!a || !b || walk.transfer.kind === 'same-room') return null
  return {
    x1: a.x + a.width / 2,
    y1: a.y + a.height / 2,
    x2: b.x + b.width / 2,
    y2: b.y + b.height / 2,
    words: `${walk.transfer.walkMin} min`,
  }
}

/** The event's floor plan with the rooms it places pinned; the marked ones bigger and named in words. */
export function FloorPlanDrawing({ plan, imageUrl, marks }: { plan: FloorPlan; imageUrl: string; marks: ReadonlyMap<string, Mark> }) {
  const pins = [...plan.rooms.keys()]
  const marked = [...marks.entries()].flatMap(([room, mark]) => {
    const at = floorPlanPin(plan, room)
    return at ? [{ room, mark, at }] : []
  })
  const name = isolateText([plan.title ?? 'Floor plan', ...marked.map((m) => `${MARK_WORDS[m.mark]}: ${m.room}`)].join('. '))
  return (
    // A tab stop so the keyboard can scroll a plan larger than the screen.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="map__scroll" tabIndex={0} role="region" aria-label="Floor plan">
      <svg className="map__svg map__svg--plan" viewBox={`0 0 ${plan.width} ${plan.height}`} role="img" aria-label={name}>
        <image href={imageUrl} x={0} y={0} width={plan.width} height={plan.height} />
        {pins.map((room) => {
          const at = plan.rooms.get(room)!
          return <circle key={room} className="map__plan-dot" cx={at.x} cy={at.y} r={6} />
        })}
        {marked.map(({ room, mark, at }) => (
          <g key={room} className="map__room--marked" data-marked="true">
            <PinIcon x={at.x - 8} y={at.y - 16} />
            <text x={at.x + 10} y={at.y - 4}>
              {label(`${room}: ${MARK_WORDS[mark]}`)}
            </text>
          </g>
        ))}
      </svg>
    </div>
  )
}

/** The same places as nested lists, for screen readers and for reading on a narrow screen. */
function VenueLists({ tree, marks }: { tree: readonly MapBuilding[]; marks: ReadonlyMap<string, Mark> }) {
  const headingId = useId()
  return (
    <section className="map__lists" aria-labelledby={headingId}>
      <h2 id={headingId}>Buildings, levels and rooms</h2>
      <ul className="map__buildings">
        {tree.map((b) => (
          <li key={b.building}>
            <span className="map__list-building">
              <bdi>{b.building || 'Other rooms'}</bdi>
            </span>
            <ul>
              {b.levels.map((l) => (
                <li key={l.level}>
                  <span className="map__list-level">
                    <bdi>{l.level || 'Level not given'}</bdi>
                  </span>
                  <ul>
                    {l.rooms.map((r) => {
                      const mark = marks.get(roomKey({ building: b.building, level: l.level, room: r.room }))
                      return (
                        <li key={r.room} className={mark ? 'map__list-room map__list-room--marked' : 'map__list-room'}>
                          <bdi>{r.room}</bdi>
                          {r.areas.length > 0 && (
                            <span className="muted">
                              {' '}
                              (with{' '}
                              {r.areas.map((a, i) => (
                                <span key={a}>
                                  {i > 0 && ', '}
                                  <bdi>{a}</bdi>
                                </span>
                              ))}
                              )
                            </span>
                          )}
                          {mark && (
                            <strong className="map__list-mark">
                              {' '}
                              <MarkIcon /> {MARK_WORDS[mark]}
                            </strong>
                          )}
                        </li>
                      )
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/">Back to the schedule</Link>
      </p>
    </section>
  )
}
