// Asking the browser to keep Hallway's storage (so the plan is not evicted under storage pressure) and reading
// how much is used. The only module that calls navigator.storage.
export interface StorageStatus {
  /** true: the browser promised not to evict; false: best-effort; undefined: the browser can't tell. */
  persisted: boolean | undefined
  usageBytes: number | undefined
  quotaBytes: number | undefined
}

function storageManager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : undefined
}

/**
 * Asks for persistent storage once it matters (the first star). Never throws: a refusal only means the browser
 * may evict data under pressure, which the settings screen then says.
 */
export async function requestPersistence(): Promise<boolean> {
  const storage = storageManager()
  if (!storage?.persist) return false
  try {
    if (storage.persisted && (await storage.persisted())) return true
    return await storage.persist()
  } catch {
    return false
  }
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = storageManager()
  const status: StorageStatus = { persisted: undefined, usageBytes: undefined, quotaBytes: undefined }
  if (!storage) return status
  try {
    if (storage.persisted) status.persisted = await storage.persisted()
    if (storage.estimate) {
      const estimate = await storage.estimate()
      status.usageBytes = estimate.usage
      status.quotaBytes = estimate.quota
    }
  } catch {
    // A browser that refuses to say leaves the figures unknown; the settings screen shows "unknown".
  }
  return status
}
