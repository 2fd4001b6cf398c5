// Shared set-up for the plan's UI tests: the seed-shaped snapshot plus the two walking-check sessions, a fresh
// database per test, and star helpers that write and read through src/db, as the app does.
import { cleanup } from '@testing-library/react'
import type { SessionId } from '../../src/domain/model'
import type { HallwayDB, StarLevel } from '../../src/db/HallwayDB'
import { setStarLevel } from '../../src/db/stars'
import { indexedDbUserData, readUserData } from '../../src/db/userDataStore'
import { planSeedSessions } from './factories'
import { kubeconSnapshot } from '../fixtures/factories'
import { freshTestDB, renderApp, type RenderAppOptions } from './renderApp'

export const planSessions = planSeedSessions()
export const planSnapshot = kubeconSnapshot(planSessions)

export const FLUX = 'AI-Assisted GitOps With Flux MCP Server'
export const FLAGS = 'Feature Flags Suck!'
export const SPRING = 'Autoscaling Spring Boot Apps in Kubernetes With KEDA'
export const SIG_API = 'SIG API Machinery and AI: What Comes Next?'

/** The plan session whose title starts with `prefix`. */
export function byTitle(prefix: string) {
  const found = planSessions.find((s) => s.title.startsWith(prefix))
  if (!found) throw new Error(`no session starts with "${prefix}"`)
  return found
}

/** A fresh database for every test of the calling file (unmounted and deleted after it); call at the top level. */
export function useFreshDB(): () => HallwayDB {
  let db: HallwayDB | undefined
  beforeEach(() => {
    db = freshTestDB()
  })
  afterEach(async () => {
    cleanup()
    await db?.delete()
  })
  return () => {
    if (!db) throw new Error('useFreshDB: no test is running')
    return db
  }
}

/** Stars sessions by title prefix before the app renders. */
export async function starTitles(db: HallwayDB, ...entries: Array<[string, StarLevel]>): Promise<void> {
  for (const [title, level] of entries) await setStarLevel(indexedDbUserData(db), planSnapshot.event.id, byTitle(title).id, level)
}

/** What IndexedDB holds: star level by session title. */
export async function storedLevels(db: HallwayDB): Promise<Record<string, string>> {
  const { stars } = await readUserData(db, planSnapshot.event.id)
  const titles = new Map<SessionId, string>(planSessions.map((s) => [s.id, s.title]))
  return Object.fromEntries(stars.map((r) => [titles.get(r.sessionId) ?? r.sessionId, r.level]))
}

/**
 * Everything a plan test file needs, bound to a fresh database per test: seed stars, read them back, render the
 * app on the plan snapshot. Call at the top level of the file.
 */
export function usePlanTestKit() {
  const getDb = useFreshDB()
  return {
    getDb,
    star: (...entries: Array<[string, StarLevel]>) => starTitles(getDb(), ...entries),
    levels: () => storedLevels(getDb()),
    renderApp: (options: RenderAppOptions = {}) => renderApp({ snapshot: planSnapshot, db: getDb(), ...options }),
  }
}
