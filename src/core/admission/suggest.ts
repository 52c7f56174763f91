// The reverse question: which enforce label admits every workload, as strictly as possible.
import { ALL_CHECKS } from '../pss/registry.ts'
import type { PolicyVersion } from '../types.ts'
import { enforceSuggestion } from './policy.ts'
import type { Allows } from './evaluator.ts'
import type { EnforceSuggestion, LevelVersion } from './types.ts'

/**
 * The versions worth trying, newest rules first: `latest`, then for each older rule set the
 * newest version that still uses it (rules only change where a check revision starts, so every
 * version in between gives the same verdict). Derived from the check registry.
 */
const CANDIDATE_VERSIONS: readonly PolicyVersion[] = (() => {
  const starts = [...new Set(ALL_CHECKS.flatMap((c) => c.revisions.map((r) => r.minMinor)))].sort(
    (a, b) => a - b,
  )
  const pinned = starts
    .slice(1)
    .map((next) => `v1.${next - 1}` as PolicyVersion)
    .reverse()
  return ['latest', ...pinned]
})()

/**
 * The strictest enforce setting at which every given workload (its Pods) is admitted: the
 * strictest level first, and within it the newest rules — `latest` when it admits them all, else
 * a pinned version. Privileged admits anything. With a namespace name, adds the `kubectl label`
 * command that sets it.
 */
export function suggestEnforce(verdicts: readonly Allows[], namespace?: string): EnforceSuggestion {
  const pick = (): LevelVersion => {
    for (const level of ['restricted', 'baseline'] as const) {
      for (const version of CANDIDATE_VERSIONS) {
        if (verdicts.every((allows) => allows({ level, version }))) {
          return { level, version }
        }
      }
    }
    return { level: 'privileged', version: 'latest' }
  }
  return enforceSuggestion(pick(), namespace)
}
