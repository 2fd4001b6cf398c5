// Which browsers get the iOS "Share → Add to Home Screen" steps: Safari on iPhone, iPod and iPad (including iPadOS,
// which calls itself a Mac), and no other browser, on iOS or anywhere else.
import { describe, expect, it } from 'vitest'
import { isIosSafari } from '../../src/pwa/installPrompt'

const UA = {
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
  ipadOsSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15',
  ipadSafariOld:
    'Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1',
  iphoneChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0.7204.156 Mobile/15E148 Safari/604.1',
  iphoneFirefox:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/140.0 Mobile/15E148 Safari/605.1.15',
  iphoneEdge:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 EdgiOS/138.0.3351.77 Mobile/15E148 Safari/605.1.15',
  iphoneInstagram:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 385.0.0.24.84',
  macSafari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36',
}

describe('isIosSafari', () => {
  it.each([
    ['iPhone Safari', UA.iphoneSafari, 5, true],
    ['iPadOS Safari (reports a Mac, but has a touch screen)', UA.ipadOsSafari, 5, true],
    ['iPad Safari before iPadOS', UA.ipadSafariOld, 5, true],
    ['Chrome on iPhone', UA.iphoneChrome, 5, false],
    ['Firefox on iPhone', UA.iphoneFirefox, 5, false],
    ['Edge on iPhone', UA.iphoneEdge, 5, false],
    ['Instagram in-app browser', UA.iphoneInstagram, 5, false],
    ['Safari on a Mac (no touch screen)', UA.macSafari, 0, false],
    ['Chrome on Android', UA.androidChrome, 5, false],
  ])('%s → %s', (_name, ua, touchPoints, expected) => {
    expect(isIosSafari(ua, touchPoints)).toBe(expected)
  })
})
