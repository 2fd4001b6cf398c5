// The IndexedDB half of src/db, as the UI starts it: the app's Dexie database, the bundled-snapshot install and the
// stored events. Loaded as its own chunk (./loadIndexedDb) so Dexie (~30 KB gzip) is not part of the first view: the
// list renders from the bundled snapshot while this downloads (see session.ts).
export { getHallwayDB } from './HallwayDB'
export { indexedDbEventLibrary, listInstalledEvents } from './events'
export { installSnapshot } from './snapshotInstall'
