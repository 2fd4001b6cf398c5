// The URL form of the list's view state: what links look like and that every field survives a round trip.
import type { VenueDay } from '../../src/domain/model'
import { activeFilterCount, EMPTY_VIEW, hasNarrowing, parseViewState, viewStateToSearch } from '../../src/ui/schedule/viewState'

describe('view state in the URL', () => {
  it('writes readable, fully encoded queries (spaces as %20, "+" and emoji escaped)', () => {
    const search = viewStateToSearch({
      day: '2025-11-13' as VenueDay,
      q: 'gpu',
      types: ['AI + ML', '🚨 CONTRIBFEST'],
      building: 'Building B',
      room: 'B206',
      recordedOnly: false,
      hidePast: true,
    })
    expect(search).toBe(
      '?day=2025-11-13&q=gpu&type=AI%20%2B%20ML&type=%F0%9F%9A%A8%20CONTRIBFEST&building=Building%20B&room=B206&past=hide',
    )
  })

  it('round-trips every field', () => {
    const view = {
      day: '2025-11-14' as VenueDay,
      q: 'käldström & co ',
      types: ['SECURITY'],
      building: 'Building C',
      room: 'Georgia Ballroom 2',
      language: 'pt-BR',
      recordedOnly: true,
      hidePast: true,
      layout: 'grid' as const,
    }
    expect(parseViewState(viewStateToSearch(view))).toEqual(view)
    expect(viewStateToSearch({ ...EMPTY_VIEW, layout: 'grid' })).toBe('?view=grid')
  })

  it('leaves the default view out of the URL entirely', () => {
    expect(viewStateToSearch(EMPTY_VIEW)).toBe('')
    expect(parseViewState('')).toEqual(EMPTY_VIEW)
  })

  it('reads "+" as a space (links built by URLSearchParams) and ignores junk', () => {
    const view = parseViewState('?type=AI+%2B+ML&type=AI+%2B+ML&type=&day=tomorrow&past=yes&building=&lang=&recorded=yes&view=table')
    expect(view).toEqual({ q: '', types: ['AI + ML'], recordedOnly: false, hidePast: false })
  })

  it('counts active filters and knows when anything narrows the list', () => {
    const view = parseViewState('?type=BREAKS&type=SECURITY&room=B206&past=hide')
    expect(activeFilterCount(view)).toBe(4)
    expect(activeFilterCount(parseViewState('?lang=de&recorded=only'))).toBe(2)
    expect(hasNarrowing(view)).toBe(true)
    expect(hasNarrowing(parseViewState('?q=%20%20&day=2025-11-13'))).toBe(false)
    // The layout shows the same sessions another way: no filter.
    expect(activeFilterCount(parseViewState('?view=grid'))).toBe(0)
  })
})
