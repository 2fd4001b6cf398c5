// What the user is told for each way storage can fail.
import { Dexie } from 'dexie'
import { describe, expect, it } from 'vitest'
import { storageProblemOf, toScheduleSaveProblem, toStorageProblem, type StorageProblemKind } from '../../../src/db/storageErrors'

const dom = (name: string) => new DOMException(`a ${name}`, name)

describe('toStorageProblem', () => {
  const cases: [string, unknown, StorageProblemKind][] = [
    ['DOMException QuotaExceededError', dom('QuotaExceededError'), 'quota'],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError('full'), 'quota'],
    ['transaction aborted by a full disk', new Dexie.AbortError('Transaction aborted', dom('QuotaExceededError')), 'quota'],
    ['bulk write with a quota failure', new Dexie.BulkError('bulkAdd failed', { 3: dom('QuotaExceededError') }), 'quota'],
    ['old Firefox quota name', { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' }, 'quota'],
    ['Error with a quota cause', new Error('save failed', { cause: dom('QuotaExceededError') }), 'quota'],
    ["Dexie's VersionError", new Dexie.VersionError('newer'), 'newer-version'],
    ['open failed because of a newer db', new Dexie.OpenFailedError(dom('VersionError')), 'newer-version'],
    ['closed after an open that hit a newer db', new Dexie.DatabaseClosedError(new Dexie.VersionError('x')), 'newer-version'],
    ['another tab upgraded the db', new Dexie.DatabaseClosedError(), 'blocked'],
    ['VersionChangeError', new Dexie.VersionChangeError(), 'blocked'],
    ['no indexedDB at all', new Dexie.MissingAPIError(), 'unavailable'],
    ['Firefox private mode', dom('InvalidStateError'), 'unavailable'],
    ['open failed in private mode', new Dexie.OpenFailedError(dom('InvalidStateError')), 'unavailable'],
    ['storage blocked by the browser', dom('SecurityError'), 'unavailable'],
    ['open failed, nothing more specific', new Dexie.OpenFailedError('could not open'), 'unavailable'],
    ['constraint error (a bug, not the device)', new Dexie.ConstraintError('dup'), 'unknown'],
    ['plain Error', new Error('boom'), 'unknown'],
    ['a thrown string', 'boom', 'unknown'],
    ['undefined', undefined, 'unknown'],
    ['null', null, 'unknown'],
  ]

  it.each(cases)('%s → %s', (_label, error, kind) => {
    expect(toStorageProblem(error)).toEqual(storageProblemOf(kind))
  })

  it('survives an error whose cause chain loops', () => {
    const a: { name: string; inner?: unknown } = { name: 'AbortError' }
    a.inner = { name: 'UnknownError', inner: a }
    expect(toStorageProblem(a).kind).toBe('unknown')
  })
})

describe('storage problem messages', () => {
  const kinds: StorageProblemKind[] = ['unavailable', 'quota', 'blocked', 'newer-version', 'superseded', 'unknown']

  it('say the agreed things for quota and unavailable', () => {
    expect(storageProblemOf('quota').message).toBe(
      "Storage on this device is full, so your stars and settings can't be saved. The schedule still works.",
    )
    expect(storageProblemOf('unavailable').message).toBe(
      "This browser isn't letting Hallway save data (private mode or blocked storage). You can browse the schedule, but stars and settings won't be kept.",
    )
  })

  it.each(kinds)('%s: plain words, no error jargon, never tells the user to wipe their data', (kind) => {
    const { message } = storageProblemOf(kind)
    expect(message.length).toBeGreaterThan(40)
    expect(message).not.toMatch(/Error|IndexedDB|Dexie|undefined/)
    expect(message).not.toMatch(/clear (your |site )?data|delete your|reset/i)
  })
})

describe('a failed schedule write (adding or replacing one from a file)', () => {
  it('names the schedule as what could not be saved when the disk is full, or storage failed for no known reason', () => {
    const full = toScheduleSaveProblem(new Dexie.AbortError('Transaction aborted', dom('QuotaExceededError')))
    expect(full).toEqual({
      kind: 'quota',
      message:
        'There isn’t enough storage on this device to save this schedule. Nothing was added or changed; your stars and settings are as they were.',
    })
    expect(toScheduleSaveProblem(new Error('odd')).message).toMatch(/this schedule couldn't be saved\. Nothing was added or changed/)
  })

  it('keeps the standard words for a tab-wide problem (another tab, a newer version)', () => {
    for (const e of [dom('VersionError'), new Dexie.DatabaseClosedError('closed')]) {
      expect(toScheduleSaveProblem(e)).toEqual(toStorageProblem(e))
    }
  })
})
