// Leave-now reminders in the app: Settings asks for notification permission only when the user turns reminders on,
// says where reminders show; with notifications blocked, the banner says when to leave and from where. The
// scheduler's timers run on a fake clock.
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { remindersOf } from '../../src/domain/reminders'
import { indexedDbUserData } from '../../src/db/userDataStore'
import { setLeaveReminders } from '../../src/db/settings'
import { scheduleReminders } from '../../src/ui/reminders/scheduler'
import { est } from './factories'
import { byTitle, FLUX, SIG_API, usePlanTestKit } from './planFixtures'

const { star, renderApp, getDb } = usePlanTestKit()

/** A Notification global whose permission starts as `permission`; requestPermission answers `answer`. */
function fakeNotifications(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const requestPermission = vi.fn(async () => {
    Fake.permission = answer
    return answer
  })
  const Fake = { permission, requestPermission }
  vi.stubGlobal('Notification', Fake)
  const showNotification = vi.fn(async () => {})
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    // The Storage & offline section listens to the worker too.
    value: { ready: Promise.resolve({ showNotification }), addEventListener() {}, removeEventListener() {} },
  })
  return { requestPermission, showNotification }
}

afterEach(() => {
  vi.unstubAllGlobals()
  Reflect.deleteProperty(navigator, 'serviceWorker')
})

describe('Reminders settings', () => {
  it('asks for permission only when reminders are turned on, and says the banner is used when refused', async () => {
    const { requestPermission } = fakeNotifications('default', 'denied')
    await renderApp({ url: '/settings' })
    const musts = await screen.findByRole('radio', { name: 'Musts only' })
    expect(screen.getByRole('radio', { name: 'Off' })).toBeChecked()
    // Opening Settings (and the first load before it) asks nothing.
    expect(requestPermission).not.toHaveBeenCalled()
    expect(screen.getByText(/a closed web app can’t wake itself/)).toHaveTextContent(/Notification Triggers.*never shipped/)
    expect(screen.getByText(/a closed web app can’t wake itself/)).toHaveTextContent(/export your plan to your calendar/)

    await userEvent.click(musts)
    expect(requestPermission).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(screen.getByTestId('reminder-delivery')).toHaveTextContent(/^Notifications are blocked for Hallway, so reminders show as a banner/))
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Musts only' })).toBeChecked())
    await userEvent.click(screen.getByRole('radio', { name: 'Musts and maybes' }))
    expect(requestPermission).toHaveBeenCalledTimes(1)
  })

  it('says so when the browser has no notifications', async () => {
    await renderApp({ url: '/settings' })
    expect(await screen.findByTestId('reminder-delivery')).toHaveTextContent(/can’t show notifications from Hallway.*banner/)
  })
})

describe('the reminder itself', () => {
  it('notifications blocked: a banner on every screen says when to leave and from where, until dismissed', async () => {
    fakeNotifications('denied')
    await star([FLUX, 'must'], [SIG_API, 'must'])
    await setLeaveReminders(indexedDbUserData(getDb()), 'musts')
    // 11:33: past the leave moment for 11:45 (≈13 min from B206 to Building C), so it shows at once.
    await renderApp({ url: '/plan', now: est('11:33am') })
    const banner = await screen.findByText(/^Leave now for/, { selector: 'strong' })
    expect(banner.closest('p')).toHaveTextContent(
      `Leave now for Georgia Ballroom 2 (Building C · Level 3): ≈13 min walk from B206. Starts 11:45 AM. ${SIG_API}`,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss: Leave now for Georgia Ballroom 2 (Building C · Level 3)' }))
    expect(screen.queryByText(/^Leave now for/)).not.toBeInTheDocument()
  })

  it('notifications allowed: shown by the service worker, with the session to open', async () => {
    const { showNotification } = fakeNotifications('granted')
    await star([FLUX, 'must'], [SIG_API, 'must'])
    await setLeaveReminders(indexedDbUserData(getDb()), 'all')
    await renderApp({ url: '/', now: est('11:33am') })
    await waitFor(() => expect(showNotification).toHaveBeenCalledTimes(1))
    const sigApi = byTitle(SIG_API)
    expect(showNotification).toHaveBeenCalledWith('Leave now for Georgia Ballroom 2 (Building C · Level 3)', {
      body: `≈13 min walk from B206. Starts 11:45 AM. ${SIG_API}`,
      tag: `hallway-leave-${sigApi.id}`,
      data: { url: `${window.location.origin}/session/${sigApi.id}` },
    })
    expect(screen.queryByText(/^Leave now for/)).not.toBeInTheDocument()
  })
})

describe('scheduleReminders on a fake clock', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('fires each reminder once, at its moment, and none after its session starts', () => {
    const plan = [
      { session: byTitle(FLUX), level: 'must' as const },
      { session: byTitle(SIG_API), level: 'must' as const },
    ]
    vi.setSystemTime(Date.parse(est('10:00am')))
    const fired: string[] = []
    const cancel = scheduleReminders(remindersOf(plan, 'all'), Date.now, (r) => fired.push(`${r.item.session.title} @ ${new Date(Date.now()).toISOString()}`), new Set())
    act(() => vi.advanceTimersByTime(50 * 60_000)) // 10:50: the lead before 11:00
    expect(fired).toEqual([`${FLUX} @ ${new Date(est('10:50am')).toISOString()}`])
    act(() => vi.advanceTimersByTime(42 * 60_000 - 1)) // a moment before 11:32
    expect(fired).toHaveLength(1)
    act(() => vi.advanceTimersByTime(1))
    expect(fired[1]).toBe(`${SIG_API} @ ${new Date(est('11:32am')).toISOString()}`)
    act(() => vi.advanceTimersByTime(5 * 60 * 60_000))
    expect(fired).toHaveLength(2)
    cancel()
  })

  it('after the start it stays quiet: opening Hallway late says nothing about a session under way', () => {
    vi.setSystemTime(Date.parse(est('11:50am')))
    const fire = vi.fn()
    scheduleReminders(remindersOf([{ session: byTitle(SIG_API), level: 'must' }], 'all'), Date.now, fire, new Set())()
    expect(fire).not.toHaveBeenCalled()
  })
})
