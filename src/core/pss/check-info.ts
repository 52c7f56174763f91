// What each Pod Security check protects and how to satisfy it, for people reading a finding.
// Each check module declares its facts (control names follow the tables of
// https://kubernetes.io/docs/concepts/security/pod-security-standards/); this collects them.
import type { CheckId } from '../types.ts'
import type { CheckInfoFacts } from './check.ts'
import { ALL_CHECKS } from './registry.ts'

/** The teaching facts about one upstream Pod Security check. */
export interface PssCheckInfo extends CheckInfoFacts {
  level: 'baseline' | 'restricted'
  /** The first policy version at which admission runs this check (its first revision). */
  since: `v1.${number}`
}

/**
 * The teaching facts for every upstream check ID: control name, level, why, fix, docs link and
 * first policy version, collected from the check modules (`since` is the first revision's
 * minimum, so it cannot drift from evaluation). Plain data; every {@link CheckId} has one entry.
 */
export const PSS_CHECK_INFO: Readonly<Record<CheckId, Readonly<PssCheckInfo>>> = Object.fromEntries(
  ALL_CHECKS.map((check) => [
    check.id,
    {
      ...check.info,
      level: check.level,
      since: `v1.${check.revisions[0]?.minMinor ?? 0}` as const,
    },
  ]),
) as Record<CheckId, PssCheckInfo>
