/**
 * Type-guarded reads from parsed manifest data. A manifest can hold any JSON value anywhere, so
 * every read checks the type and answers `undefined` for absent or wrongly typed values instead
 * of throwing.
 */

export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The object at `key`, or undefined when absent or not an object. */
export function recordAt(parent: unknown, key: string): JsonRecord | undefined {
  if (!isRecord(parent)) return undefined
  const value = parent[key]
  return isRecord(value) ? value : undefined
}

/** The array at `key`, or undefined when absent or not an array. */
export function arrayAt(parent: unknown, key: string): unknown[] | undefined {
  if (!isRecord(parent)) return undefined
  const value = parent[key]
  return Array.isArray(value) ? value : undefined
}

export function stringAt(parent: unknown, key: string): string | undefined {
  if (!isRecord(parent)) return undefined
  const value = parent[key]
  return typeof value === 'string' ? value : undefined
}

export function booleanAt(parent: unknown, key: string): boolean | undefined {
  if (!isRecord(parent)) return undefined
  const value = parent[key]
  return typeof value === 'boolean' ? value : undefined
}

/** A finite number at `key` (integers stay integers; no string coercion). */
export function numberAt(parent: unknown, key: string): number | undefined {
  if (!isRecord(parent)) return undefined
  const value = parent[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** True when `key` is present with a non-null value (Kubernetes treats `null` as unset). */
export function hasValue(parent: unknown, key: string): boolean {
  return isRecord(parent) && parent[key] !== undefined && parent[key] !== null
}

/** Follows a path of keys and indexes; undefined as soon as a step does not exist. */
export function valueAtPath(root: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = root
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined
      current = current[step]
    } else {
      if (!isRecord(current)) return undefined
      current = current[step]
    }
  }
  return current
}

/** String items of a list, skipping anything else (callers report wrong types separately). */
export function stringItems(list: readonly unknown[] | undefined): string[] {
  return (list ?? []).filter((item): item is string => typeof item === 'string')
}
