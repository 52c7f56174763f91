import { describe, expect, it } from 'vitest'
import { createSafeStorage, readJson, writeJson, type TextStorage } from './storage.ts'

/** A Web Storage stand-in whose calls can be made to throw, as browsers do. */
function fakeStorage(fail: { get?: boolean; set?: boolean; remove?: boolean } = {}) {
  const items = new Map<string, string>()
  const storage: TextStorage = {
    getItem(key) {
      if (fail.get) throw new DOMException('The storage file is damaged', 'UnknownError')
      return items.get(key) ?? null
    },
    setItem(key, value) {
      if (fail.set) throw new DOMException('The quota has been exceeded', 'QuotaExceededError')
      items.set(key, value)
    },
    removeItem(key) {
      if (fail.remove) throw new DOMException('Access is denied', 'SecurityError')
      items.delete(key)
    },
  }
  return { items, storage }
}

describe('createSafeStorage', () => {
  it('passes calls through to the browser storage', () => {
    const { items, storage } = fakeStorage()
    const safe = createSafeStorage(() => storage)
    safe.setItem('k', 'v')
    expect(items.get('k')).toBe('v')
    expect(safe.getItem('k')).toBe('v')
    safe.removeItem('k')
    expect(safe.getItem('k')).toBeNull()
  })

  it('keeps the stored value when the quota is full', () => {
    const { items, storage } = fakeStorage({ set: true })
    items.set('k', 'old')
    const safe = createSafeStorage(() => storage)
    expect(() => safe.setItem('k', 'new')).not.toThrow()
    expect(safe.getItem('k')).toBe('old')
  })

  it('answers null and does nothing where every call throws', () => {
    const { storage } = fakeStorage({ get: true, set: true, remove: true })
    const safe = createSafeStorage(() => storage)
    expect(() => safe.setItem('k', 'v')).not.toThrow()
    expect(safe.getItem('k')).toBeNull()
    expect(() => safe.removeItem('k')).not.toThrow()
  })

  it.each([
    [
      'blocked (the getter throws)',
      () => {
        throw new DOMException('Access is denied', 'SecurityError')
      },
    ],
    ['missing', () => undefined],
  ])('keeps values in memory where storage is %s', (_, open) => {
    const safe = createSafeStorage(open)
    safe.setItem('k', 'v')
    expect(safe.getItem('k')).toBe('v')
    safe.removeItem('k')
    expect(safe.getItem('k')).toBeNull()
  })
})

describe('readJson and writeJson', () => {
  it('round-trip a value', () => {
    const safe = createSafeStorage(() => fakeStorage().storage)
    writeJson('k', { done: ['a'] }, safe)
    expect(readJson('k', safe)).toEqual({ done: ['a'] })
  })

  it('read null for a missing key, text that is not JSON and a refused read', () => {
    const { items, storage } = fakeStorage()
    items.set('bad', '{not json')
    expect(
      readJson(
        'missing',
        createSafeStorage(() => storage),
      ),
    ).toBeNull()
    expect(
      readJson(
        'bad',
        createSafeStorage(() => storage),
      ),
    ).toBeNull()
    const refused = createSafeStorage(() => fakeStorage({ get: true }).storage)
    expect(readJson('k', refused)).toBeNull()
  })
})
