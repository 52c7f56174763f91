import type { PssLevel } from '../types.ts'

/**
 * The Pod Security levels from the most to the least permissive (upstream
 * kubernetes/pod-security-admission, api/constants.go: privileged < baseline < restricted).
 */
export const PSS_LEVELS = [
  'privileged',
  'baseline',
  'restricted',
] as const satisfies readonly PssLevel[]

/** Upstream `CompareLevels` (api/helpers.go): positive when `a` is stricter than `b`. */
export function compareLevels(a: PssLevel, b: PssLevel): number {
  return PSS_LEVELS.indexOf(a) - PSS_LEVELS.indexOf(b)
}

/** Whether `level` is at least as strict as `target`. */
export function meetsLevel(level: PssLevel, target: PssLevel): boolean {
  return compareLevels(level, target) >= 0
}

/** The least strict of `levels`: what all of them together can claim (restricted for none). */
export function lowestLevel(levels: Iterable<PssLevel>): PssLevel {
  let low: PssLevel = 'restricted'
  for (const level of levels) if (compareLevels(level, low) < 0) low = level
  return low
}
