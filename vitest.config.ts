import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Three projects: pure/db logic in node, components in jsdom, and real Chromium against `vite preview`; plus the
// zone-sensitive unit tests again under two other process time zones.

// Files that parse, format or group times: the importers, venue days, calendar export, schedule-change wording,
// now & next, the plan's days and the timetable grid's time scale.
const ZONE_SENSITIVE_UNIT_TESTS = [
  'tests/unit/time.test.ts',
  'tests/unit/schedParser.test.ts',
  'tests/unit/frabParser.test.ts',
  'tests/unit/snapshot.test.ts',
  'tests/unit/synthetic.test.ts',
  'tests/unit/ics.test.ts',
  'tests/unit/scheduleDiff.test.ts',
  'tests/unit/nowNext.test.ts',
  'tests/unit/plan.test.ts',
  'tests/unit/timetableGrid.test.ts',
]

// ms: a unit test that builds hundreds of snapshots (the importer's junk sweep hashes each with SHA-256) takes 1–2 s
// alone and passed vitest's default 5 s with two busy loops beside the suite. The limit catches a hang; the speed
// figures are `npm run bench`'s job.
const UNIT_TIMEOUT_MS = 30_000

function zoneProject(name: string, zone: string): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name,
      environment: 'node',
      pool: 'forks',
      // The checks at 10,000 sessions (nowNext, plan, scheduleDiff) run once, in `unit` (they skip on this flag): they
      // check results at scale, not time (speed is `npm run bench`'s); in each zone they would only repeat, at a cost
      // in CPU, what the small cases beside them check there.
      env: { TZ: zone, HALLWAY_SKIP_SPEED_CHECKS: '1' },
      include: ZONE_SENSITIVE_UNIT_TESTS,
      testTimeout: UNIT_TIMEOUT_MS,
    },
  }
}

export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    // One test file per core. Vitest's default on 2 cores is one worker (cores − 1), which ran the whole suite one
    // file at a time: the main process is mostly idle once the files are transformed, so the second core sat unused.
    maxWorkers: 2,
    // ms: how long expect.poll waits. Vitest's default, 1 s, is less than a cold tab of Chromium or a first dynamic
    // import can take on a loaded 2-core machine: the limit is there to catch a condition that never comes true.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: UNIT_TIMEOUT_MS },
      },
      // The unit tests where instants meet wall clocks, again with the process in a zone far from the venue's
      // (America/New_York) on either side, so nothing leans on the device zone. The machine's zone is UTC. Only these
      // files: the rest (search, walking, share links, db…) never turn an instant into a clock time, and running them
      // three times would add ~25 s CPU to `npm test` for nothing. `forks`, because TZ must be set before the process
      // reads it, and one process per file keeps zones from leaking between files.
      zoneProject('unit-tokyo', 'Asia/Tokyo'),
      zoneProject('unit-la', 'America/Los_Angeles'),
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['tests/ui/**/*.test.tsx'],
          setupFiles: ['tests/ui/setup.ts'],
          // ms: a whole-app test (install the seed into fake IndexedDB, render, star, re-render) takes 1–2 s alone and
          // passed 5 s in a fresh-clone CI run while another job shared the two cores. Above three of setup.ts's
          // 10 s waits, so a slow wait fails as itself, with its message, not as a test timeout.
          testTimeout: 40_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // ms: as long as Playwright's own waits (`locator.waitFor`), so a poll is no stricter than a wait beside it.
          expect: { poll: { timeout: 30_000 } },
          // Two browser files at a time (maxWorkers), each with its own preview server and a context per test; the
          // two files on fixed ports use different ones. Vitest runs this project's files first (it orders projects
          // by name), longest first, and the short unit files fill the end of the run.
          // Not isolated: a worker process runs file after file, so playwright-core (1 s of CPU to import) loads once
          // per process, and the files share one Chromium (harness.ts, sharedChromium). Each file is still evaluated
          // afresh; the harness keeps nothing else between files but axe-core's source text.
          isolate: false,
        },
      },
    ],
  },
})
