// `npm run import` as a newcomer runs it: broken input → file:line message on stderr, exit 1, nothing written.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const ROOT = join(__dirname, '../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')

async function importFile(text: string, name = 'listing.txt') {
  const dir = mkdtempSync(join(tmpdir(), 'hallway-import-'))
  const input = join(dir, name)
  const out = join(dir, 'out.snapshot.json')
  writeFileSync(input, text)
  const args = ['scripts/import.ts', input, '--event-id', 'test-event', '--time-zone', 'America/New_York', '--out', out]
  try {
    const { stdout, stderr } = await run(TSX, args, { cwd: ROOT })
    return { code: 0, stdout, stderr, out }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, out }
  }
}

describe('npm run import', () => {
  it('writes a snapshot for a good listing', async () => {
    const r = await importFile('Test#\nThursday, November 13, 2025#\nTalk#\nTime: 3:15pm EST - 3:45pm EST\n')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('1 sessions, 1 day(s)')
    const snapshot = JSON.parse(readFileSync(r.out, 'utf8')) as { sessions: Array<{ start: string }> }
    expect(snapshot.sessions[0]!.start).toBe('2025-11-13T20:15:00Z')
  })

  it('rejects a broken listing with file:line on stderr, exits non-zero and writes nothing', async () => {
    const r = await importFile('Test#\nThursday, November 13, 2025#\nTalk#\nTime: 3:15pm EST - 2:45pm EST\nOther#\nVenue: B206\n', 'broken.txt')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/broken\.txt:4: session "Talk" ends \(2:45pm\) before it starts \(3:15pm\)/)
    expect(r.stderr).toMatch(/broken\.txt:5: session "Other" has no Time line/)
    expect(r.stderr).toContain('nothing was written')
    expect(existsSync(r.out)).toBe(false)
  })

  it('explains its usage when the zone is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallway-import-'))
    await expect(run(TSX, ['scripts/import.ts', join(dir, 'x.txt')], { cwd: ROOT })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: npm run import -- FILE --event-id ID --time-zone ZONE'),
    })
  })
})
