// src/db/webStorage.ts: the one gate to Web Storage. Blocked storage reads as never written; a key renamed since an
// earlier Hallway is still read.
import { readWebStorage, STORAGE_KEYS, writeWebStorage } from '../../src/db/webStorage'

afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
  sessionStorage.clear()
})

describe('web storage', () => {
  it('writes each key to its own area under its registered name, with one separator style', () => {
    expect(writeWebStorage('installBannerDismissed', '1')).toBe(true)
    expect(writeWebStorage('storageNoticeDismissed', '1')).toBe(true)
    expect(localStorage.getItem('hallway:install-banner-dismissed')).toBe('1')
    expect(sessionStorage.getItem('hallway:storage-notice-dismissed')).toBe('1')
    expect(localStorage.getItem('hallway:storage-notice-dismissed')).toBeNull()
    for (const { key } of Object.values(STORAGE_KEYS)) expect(key).toMatch(/^hallway:[a-z-]+$/)
  })

  it('still reads the event last shown under its earlier name, and prefers the new one', () => {
    localStorage.setItem('hallway.shownEvent', 'older-con')
    expect(readWebStorage('shownEvent')).toBe('older-con')
    writeWebStorage('shownEvent', 'newer-con')
    expect(readWebStorage('shownEvent')).toBe('newer-con')
  })

  it('treats blocked or full storage as nothing stored, and never throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(readWebStorage('shownEvent')).toBeNull()
    expect(writeWebStorage('shownEvent', 'x')).toBe(false)
  })
})
