// The storage notice when a newer Hallway in another tab has taken the database: always seen (an earlier
// dismissal was about another problem), with Reload as the way out.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { storageProblemOf, type StorageProblemKind } from '../../src/db/storageErrors'
import { StorageNotice } from '../../src/ui/common/StorageNotice'
import { createStore } from 'zustand/vanilla'
import { createHallwaySession, type HallwaySession } from '../../src/db/session'
import { HallwayProvider } from '../../src/ui/common/useHallway'
import { writeWebStorage } from '../../src/db/webStorage'

function renderNotice(kind: StorageProblemKind) {
  // A session that stays in the state given: the notice is all that is under test.
  const state = createHallwaySession().getState()
  const session: HallwaySession = {
    ...createStore(() => ({ ...state, schedule: { status: 'ready' as const, sessions: [], storage: { kind: 'memory' as const, problem: storageProblemOf(kind) } } })),
    start: () => () => {},
  }
  return render(
    <HallwayProvider session={session}>
      <StorageNotice />
    </HallwayProvider>,
  )
}

describe('StorageNotice', () => {
  it('after another tab upgrades, shows even if an earlier notice was dismissed, and offers Reload', async () => {
    writeWebStorage('storageNoticeDismissed', '1')
    const user = userEvent.setup()
    renderNotice('superseded')
    const notice = screen.getByRole('status')
    expect(notice).toHaveTextContent('Hallway was updated in another tab')
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Dismiss storage notice' }))
    expect(notice).toBeEmptyDOMElement()
  })

  it('offers Reload for data from a newer version, and not where reloading changes nothing', () => {
    const newer = renderNotice('newer-version')
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
    newer.unmount()
    renderNotice('quota')
    expect(screen.getByRole('status')).toHaveTextContent('Storage on this device is full')
    expect(screen.queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument()
  })
})
