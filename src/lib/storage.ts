/**
 * The browser's local storage, behind calls that never throw. Browsers throw on reading the
 * `localStorage` property where site data is blocked (a "SecurityError", HTML Standard
 * "The localStorage getter"), on `setItem` when the quota is full ("QuotaExceededError"), and
 * Firefox on any call when its storage file is damaged; Node has no local storage at all. Where
 * storage cannot be reached, values last in memory for the life of the page.
 */

/** The string methods of Web Storage; zustand's `StateStorage` has the same shape. */
export interface TextStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** A storage that lives as long as the page. */
export function createMemoryStorage(): TextStorage {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
}

/** Wraps the storage `open` returns (or memory, where it throws or returns nothing). */
export function createSafeStorage(open: () => TextStorage | undefined): TextStorage {
  let backing: TextStorage | undefined
  try {
    backing = open()
  } catch {
    backing = undefined
  }
  if (!backing) return createMemoryStorage()
  const storage = backing
  return {
    getItem(key) {
      try {
        return storage.getItem(key)
      } catch {
        return null
      }
    },
    setItem(key, value) {
      try {
        storage.setItem(key, value)
      } catch {
        // Full or refused: the app keeps the value in its own state for this page.
      }
    },
    removeItem(key) {
      try {
        storage.removeItem(key)
      } catch {
        // Refused: what stays behind is validated on the next read anyway.
      }
    },
  }
}

/** The page's local storage (or memory, where the browser refuses it). */
export const browserStorage: TextStorage = createSafeStorage(() => localStorage)

/** The JSON value stored under `key`; null when there is none or it is not JSON. */
export function readJson(key: string, storage: TextStorage = browserStorage): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null') as unknown
  } catch {
    return null
  }
}

/** Stores `value` as JSON under `key`; nothing happens when storage refuses it. */
export function writeJson(
  key: string,
  value: unknown,
  storage: TextStorage = browserStorage,
): void {
  storage.setItem(key, JSON.stringify(value))
}
