// The layer rules in eslint.config.js hold against the ways round them: each probe is linted as if it were a file at
// that path, and must be refused (or, for the allowed cases, pass).
import { ESLint } from 'eslint'
import { join } from 'node:path'

const ROOT = join(__dirname, '../..')
// ms: loading ESLint with typescript-eslint and the plugins is a few seconds cold, far more on a busy machine.
const LINT_TIMEOUT_MS = 120_000

let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
}, LINT_TIMEOUT_MS)

async function ruleIds(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) })
  return result!.messages.map((m) => m.ruleId ?? m.message)
}

describe('lint: the layers', () => {
  it.each([
    ['src/ui/probe.ts', "import { liveQuery } from 'dexie'\nexport const q = liveQuery", 'no-restricted-imports'],
    ['src/ui/probe.ts', "import Dexie from 'dexie'\nexport const d = Dexie", 'no-restricted-imports'],
    ['src/store/probe.ts', "import 'fake-indexeddb/auto'\nexport {}", 'no-restricted-imports'],
    ['src/ui/probe.ts', "export const v = localStorage.getItem('x')", 'no-restricted-globals'],
    ['src/ui/probe.ts', "export const v = window.localStorage.getItem('x')", 'no-restricted-properties'],
    ['src/pwa/probe.ts', "export const v = globalThis.sessionStorage?.getItem('x')", 'no-restricted-properties'],
    ['src/db/probe.ts', "export const v = globalThis.localStorage?.getItem('x')", 'no-restricted-properties'],
    ['src/ui/probe.ts', 'export const v = globalThis.indexedDB', 'no-restricted-properties'],
    ['src/domain/probe.ts', "export const v = fetch('/x')", 'no-restricted-globals'],
    ['src/domain/probe.ts', "export const v = globalThis.fetch('/x')", 'no-restricted-properties'],
    ['src/domain/probe.ts', 'export const v = self.location', 'no-restricted-globals'],
    ['src/domain/probe.ts', 'export const v = globalThis.document', 'no-restricted-properties'],
    ['src/domain/probe.ts', "import { create } from 'zustand'\nexport const c = create", 'no-restricted-imports'],
    ['src/ui/Probe.tsx', 'export const P = () => <img src="x.png" />', 'jsx-a11y/alt-text'],
    ['src/ui/Probe.tsx', 'export const P = () => <div onClick={() => {}}>x</div>', 'jsx-a11y/click-events-have-key-events'],
  ])('%s: %s is refused', { timeout: LINT_TIMEOUT_MS }, async (path, code, rule) => {
    expect(await ruleIds(path, code)).toContain(rule)
  })

  it.each([
    ['src/db/webStorage.ts', "export const v = globalThis.localStorage?.getItem('x')"],
    ['src/db/probe.ts', "import { liveQuery } from 'dexie'\nexport const q = liveQuery"],
    ['src/domain/probe.ts', "export const h = globalThis.crypto.subtle\nexport const e = new TextEncoder()"],
  ])('%s: %s is allowed', { timeout: LINT_TIMEOUT_MS }, async (path, code) => {
    expect(await ruleIds(path, code)).toEqual([])
  })
})
