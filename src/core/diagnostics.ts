// Shared wording of the core's diagnostics: readable paths, short value descriptions, and the
// "wrong JSON type" diagnostic the API server's decoder would raise.
import { isRecord } from './util/json-access.ts'
import type { Diagnostic, Path, Range } from './types.ts'

/** The JSON types the Kubernetes API distinguishes for a field. */
export type ValueKind = 'boolean' | 'integer' | 'string' | 'object' | 'array'

/** Whether `value` decodes as `kind` (an integer is a number with no fractional part). */
export function hasKind(value: unknown, kind: ValueKind): boolean {
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean'
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'string':
      return typeof value === 'string'
    case 'object':
      return isRecord(value)
    case 'array':
      return Array.isArray(value)
  }
}

/** Readable dotted path, e.g. `spec.containers[0].securityContext.privileged`. */
export function formatPath(path: Path): string {
  return path
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`))
    .join('')
}

export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (isRecord(value)) return 'a mapping'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`
  return `${typeof value} ${String(value)}`
}

export function typeDiagnostic(
  path: Path,
  kind: ValueKind,
  value: unknown,
  range: Range,
): Diagnostic {
  const expected = {
    boolean: 'true or false',
    integer: 'an integer',
    string: 'a string',
    object: 'a mapping',
    array: 'a list',
  }[kind]
  return {
    code: 'invalid-type',
    severity: 'error',
    message: `${formatPath(path)} must be ${expected}, not ${describeValue(value)}. The API server rejects this; it is ignored here.`,
    range,
    source: 'schema',
  }
}
