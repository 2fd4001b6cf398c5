// Builds the production bundle once before the browser tests; each test file serves it with `vite preview`.
import { buildProduction } from './harness'
import type { TestProject } from 'vitest/node'

export default async function setup(project: TestProject): Promise<void> {
  const started = Date.now()
  await buildProduction({ build: { outDir: 'dist' } })
  project.provide('distDir', 'dist')
  console.log(`e2e: production build ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string
  }
}
