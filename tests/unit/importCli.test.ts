// `npm run import` as a newcomer runs it: broken input → file:line message on stderr, exit 1, nothing written. Run in
// process (tests/fixtures/importRunner.ts), plus one real `npm run import` process to prove the entry point is wired.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { importText, runImportCaptured } from '../fixtures/importRunner'

const ROOT = join(__dirname, '../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const SCHED_ARGS = ['--event-id', 'test-event', '--time-zone', 'America/New_York']
const GOOD_LISTING = 'Test#\nThursday, November 13, 2025#\nTalk#\nTime: 3:15pm EST - 3:45pm EST\n'
// ms: a cold `tsx` start compiles the importer first; 3–4 s alone, and far more with the two cores busy.
const COLD_PROCESS_TIMEOUT_MS = 120_000

describe('npm run import', () => {
  it('writes a snapshot for a good listing', async () => {
    const r = await importText(GOOD_LISTING, 'listing.txt', SCHED_ARGS)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('1 sessions, 1 day(s)')
    const snapshot = JSON.parse(readFileSync(r.out, 'utf8')) as { sessions: Array<{ start: string }> }
    expect(snapshot.sessions[0]!.start).toBe('2025-11-13T20:15:00Z')
  })

  it('rejects a broken listing with file:line on stderr, exits non-zero and writes nothing', async () => {
    const r = await importText('Test#\nThursday, November 13, 2025#\nTalk#\nTime: 3:15pm EST - 2:45pm EST\nOther#\nVenue: B206\n', 'broken.txt', SCHED_ARGS)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/broken\.txt:4: session "Talk" ends \(2:45pm\) before it starts \(3:15pm\)/)
    expect(r.stderr).toMatch(/broken\.txt:5: session "Other" has no Time line/)
    expect(r.stderr).toContain('nothing was written')
    expect(existsSync(r.out)).toBe(false)
  })

  it('explains its usage when the zone is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallway-import-'))
    const r = await runImportCaptured([join(dir, 'x.txt')])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('usage: npm run import -- FILE --event-id ID --time-zone ZONE')
  })

  it(
    'runs as a process: prints, writes and exits like the in-process runs',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hallway-import-'))
      const input = join(dir, 'listing.txt')
      const out = join(dir, 'out.snapshot.json')
      writeFileSync(input, GOOD_LISTING)
      const run = promisify(execFile)
      const { stdout } = await run(TSX, ['scripts/import.ts', input, ...SCHED_ARGS, '--out', out], { cwd: ROOT })
      expect(stdout).toContain('1 sessions, 1 day(s)')
      expect(existsSync(out)).toBe(true)
      await expect(run(TSX, ['scripts/import.ts', join(dir, 'missing.txt')], { cwd: ROOT })).rejects.toMatchObject({
        code: 2,
        stderr: expect.stringContaining('usage: npm run import'),
      })
    },
    COLD_PROCESS_TIMEOUT_MS,
  )
})
