// A live read of the database: Dexie's liveQuery (HallwayDB.live), re-run whenever a write in any tab touches what it
// read, subscribed for as long as the component shows it. Not dexie-react-hooks' useLiveQuery, only because importing
// that module imports Dexie, and the first view renders before Dexie has downloaded (src/db/loadIndexedDb.ts).
import { useEffect, useState, type DependencyList } from 'react'
import type { HallwayDB } from '../../db/HallwayDB'

/**
 * The latest result of `query` on `db`; undefined until the first one, and while `db` is null. Like useLiveQuery, a
 * change of `deps` keeps the previous result on screen until the new query's first one arrives. `query` must not
 * throw: return failures as values (ScheduleProvider and PlanProvider do).
 */
export function useLiveRead<T>(db: HallwayDB | null, query: (db: HallwayDB) => Promise<T>, deps: DependencyList): T | undefined {
  const [result, setResult] = useState<{ value: T } | undefined>(undefined)
  useEffect(() => {
    if (!db) {
      setResult(undefined)
      return
    }
    const subscription = db.live(() => query(db)).subscribe({
      next: (value) => setResult({ value }),
      error: (error: unknown) => console.warn('Hallway: a live read of IndexedDB failed.', error),
    })
    return () => subscription.unsubscribe()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` are the query's inputs, as with useLiveQuery
  }, [db, ...deps])
  return result?.value
}
