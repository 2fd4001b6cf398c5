// The offline and install UI in jsdom, with the browser APIs it reads (navigator.onLine, beforeinstallprompt,
// navigator.storage, the user agent) driven by the test. The service worker flow itself is tested in Chromium
// (tests/e2e/offline, update, install).
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { InstallBanner } from '../../src/pwa/InstallBanner'
import { InstallSettings } from '../../src/pwa/InstallSettings'
import { captureInstallPrompt, resetInstallPromptForTests } from '../../src/pwa/installPrompt'
import { OfflineIndicator } from '../../src/pwa/OfflineIndicator'
import { formatBytes, StorageSettings } from '../../src/pwa/StorageSettings'

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1'

/** Overrides a navigator property for one test (jsdom's are getters on the prototype). */
function stubNavigator<K extends keyof Navigator>(key: K, value: Navigator[K]) {
  Object.defineProperty(window.navigator, key, { configurable: true, get: () => value })
}
afterEach(() => {
  for (const key of ['onLine', 'userAgent', 'maxTouchPoints', 'storage'] as const) {
    delete (window.navigator as unknown as Record<string, unknown>)[key]
  }
  resetInstallPromptForTests()
  localStorage.clear()
})

/** What Chromium fires when the app becomes installable. */
function fireInstallable(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
    prompt: () => Promise<void>
    userChoice: Promise<{ outcome: string; platform: string }>
  }
  let shown!: () => void
  const choice = new Promise<{ outcome: string; platform: string }>((resolve) => {
    shown = () => resolve({ outcome, platform: 'web' })
  })
  event.prompt = vi.fn(async () => shown())
  event.userChoice = choice
  act(() => {
    window.dispatchEvent(event)
  })
  return event
}

describe('OfflineIndicator', () => {
  it('says "Offline" in words while offline, and nothing while online, in a live region that is always there', () => {
    stubNavigator('onLine', true)
    render(<OfflineIndicator />)
    const region = screen.getByRole('status')
    expect(region).toBeEmptyDOMElement()

    stubNavigator('onLine', false)
    act(() => {
      window.dispatchEvent(new Event('offline'))
    })
    expect(region).toHaveTextContent(/^Offline: Hallway keeps working from this device\.$/)

    stubNavigator('onLine', true)
    act(() => {
      window.dispatchEvent(new Event('online'))
    })
    expect(region).toBeEmptyDOMElement()
  })
})

describe('install offer', () => {
  beforeEach(() => captureInstallPrompt(window))

  it('shows nothing until the browser says Hallway can be installed', () => {
    render(<InstallBanner />)
    expect(screen.queryByRole('region', { name: /Install Hallway/ })).not.toBeInTheDocument()
  })

  it('"Install app" opens the browser prompt; once accepted, the banner goes and settings say it is installed', async () => {
    const user = userEvent.setup()
    render(
      <>
        <InstallBanner />
        <InstallSettings />
      </>,
    )
    const event = fireInstallable('accepted')
    expect(event.defaultPrevented).toBe(true) // no Chromium mini-infobar on top of the banner
    const banner = await screen.findByRole('region', { name: /Install Hallway/ })
    await user.click(within(banner).getByRole('button', { name: 'Install app' }))

    expect(event.prompt).toHaveBeenCalledTimes(1)
    await screen.findByText('Hallway is installed on this device. It opens from your home screen or app list.')
    expect(screen.queryByRole('region', { name: /Install Hallway/ })).not.toBeInTheDocument()
  })

  it('a dismissed prompt says so in settings, and the offer waits for the browser to make it again', async () => {
    const user = userEvent.setup()
    render(<InstallSettings />)
    const event = fireInstallable('dismissed')
    await user.click(screen.getByRole('button', { name: 'Install app' }))
    expect(event.prompt).toHaveBeenCalledTimes(1)
    expect(await screen.findByRole('status')).toHaveTextContent('Not installed. You can install Hallway here any time.')
    // The event is spent: no button until Chromium fires another.
    expect(screen.queryByRole('button', { name: 'Install app' })).not.toBeInTheDocument()
  })

  it('"Not now" hides the banner on this device, across reloads', async () => {
    const user = userEvent.setup()
    const first = render(<InstallBanner />)
    fireInstallable('dismissed')
    await user.click(await screen.findByRole('button', { name: 'Not now' }))
    expect(screen.queryByRole('region', { name: /Install Hallway/ })).not.toBeInTheDocument()
    first.unmount()

    render(<InstallBanner />)
    expect(screen.queryByRole('region', { name: /Install Hallway/ })).not.toBeInTheDocument()
  })

  it('on iOS Safari, offers the Share → Add to Home Screen steps behind a disclosure button', async () => {
    stubNavigator('userAgent', IPHONE_SAFARI)
    stubNavigator('maxTouchPoints', 5)
    const user = userEvent.setup()
    render(<InstallBanner />)
    const how = await screen.findByRole('button', { name: 'How to install' })
    expect(how).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText('Add to Home Screen')).not.toBeVisible()

    await user.click(how)
    expect(how).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByText('Add to Home Screen')).toBeVisible()
    expect(screen.getByRole('list')).toHaveTextContent("Tap Share in Safari's toolbar.Choose Add to Home Screen, then Add.")
  })
})

describe('StorageSettings', () => {
  function stubStorage(persisted: boolean, grant: boolean) {
    let state = persisted
    const storage = {
      persisted: vi.fn(async () => state),
      persist: vi.fn(async () => (state = grant)),
      estimate: vi.fn(async () => ({ usage: 2_150_000, quota: 10 * 1024 ** 3 })),
    }
    stubNavigator('storage', storage as unknown as StorageManager)
    return storage
  }

  it('says whether storage is kept, how much is used, and which build this is', async () => {
    stubStorage(true, true)
    render(<StorageSettings />)
    expect(await screen.findByText("Yes. The browser won't clear your stars and settings to free up space.")).toBeInTheDocument()
    expect(screen.getByText('2.1 MB of 10 GB the browser allows')).toBeInTheDocument()
    expect(screen.getByText('Build dev')).toBeInTheDocument()
    // jsdom has no service worker.
    expect(screen.getByText("This browser can't keep Hallway for offline use. It works while you're online.")).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })

  it('when not persistent, asks the browser on request and reports the answer', async () => {
    const storage = stubStorage(false, true)
    const user = userEvent.setup()
    render(<StorageSettings />)
    await user.click(await screen.findByRole('button', { name: 'Ask the browser to keep Hallway’s data' }))
    expect(storage.persist).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('status')).toHaveTextContent('Done: the browser will keep Hallway’s data.')
    expect(await screen.findByText("Yes. The browser won't clear your stars and settings to free up space.")).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
  })

  it('a refusal is explained, not hidden', async () => {
    stubStorage(false, false)
    const user = userEvent.setup()
    render(<StorageSettings />)
    await user.click(await screen.findByRole('button', { name: 'Ask the browser to keep Hallway’s data' }))
    expect(screen.getByRole('status')).toHaveTextContent(/The browser said not now/)
    expect(screen.getByText(/Not guaranteed/)).toBeInTheDocument()
  })

  it('formats sizes the way people read them', () => {
    expect(formatBytes(0)).toBe('0 KB')
    expect(formatBytes(300)).toBe('1 KB')
    expect(formatBytes(312 * 1024)).toBe('312 KB')
    expect(formatBytes(1.44 * 1024 * 1024)).toBe('1.4 MB')
    expect(formatBytes(146 * 1024 * 1024)).toBe('146 MB')
    expect(formatBytes(12.4 * 1024 ** 3)).toBe('12 GB')
    expect(formatBytes(2.5 * 1024 ** 3)).toBe('2.5 GB')
  })
})
