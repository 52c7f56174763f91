import type {
  CheckId,
  Locate,
  PodSecurity,
  PodTemplateInput,
  PolicyVersion,
  PssCheck,
  PssLevel,
  Range,
} from '../types.ts'
import type { CheckOutcome } from './check.ts'
import { goQuote } from './format.ts'
import { podView } from './pod-view.ts'
import { activeChecks, runsAtLevel } from './registry.ts'
import { rulesMinor } from './version.ts'

export interface CheckFailure {
  id: CheckId
  reason: string
  detail: string
}

export interface LevelEvaluation {
  allowed: boolean
  /** The failing checks, in upstream order. */
  failures: CheckFailure[]
  /** `reason (detail), reason (detail)`: upstream `AggregateCheckResult.ForbiddenDetail()`. */
  detailedMessage: string
}

/**
 * Evaluates a pod template at one level and version, as Pod Security Admission does on the
 * manifest after API-server defaulting. `latest`, newer and unparsable versions use the newest
 * rules. `privileged` always allows. Never throws.
 */
export function checkPodAtLevel(
  pod: PodTemplateInput,
  level: PssLevel,
  version: PolicyVersion,
): LevelEvaluation {
  if (level === 'privileged') return { allowed: true, failures: [], detailedMessage: '' }
  const view = podView(pod)
  const failures: CheckFailure[] = []
  for (const check of activeChecks(rulesMinor(version))) {
    if (!runsAtLevel(check, level)) continue
    const outcome = check.run(view)
    if (!outcome.allowed) {
      failures.push({ id: check.id, reason: outcome.reason, detail: outcome.detail })
    }
  }
  return { allowed: failures.length === 0, failures, detailedMessage: detailedMessage(failures) }
}

/** Upstream `policy/checks.go` `ForbiddenDetail`: `reason (detail)` items joined by `", "`. */
export function detailedMessage(failures: readonly CheckFailure[]): string {
  return failures
    .map(({ reason, detail }) => (detail === '' ? reason : `${reason} (${detail})`))
    .join(', ')
}

/**
 * Evaluates a pod template at baseline and restricted for one policy version. `checks` holds one
 * entry per check active at that version (overridden baseline checks included), in upstream
 * order; `level` is the highest level admission would allow (restricted is checked first, so a
 * Windows pod that only fails an overridden baseline check still reports `restricted`);
 * `message` holds the admission text for each failing level — the enforce error for a Pod, the
 * warning for a controller (`target.kind` other than Pod), the bare `violates…` text without a
 * target. Never throws on any input.
 */
export function evaluatePodSecurity(
  pod: PodTemplateInput,
  version: PolicyVersion,
  locate: Locate,
  target?: { kind: string; name: string },
): PodSecurity {
  const view = podView(pod)
  const minor = rulesMinor(version)
  const evaluated = activeChecks(minor).map((check) => ({ check, outcome: check.run(view) }))

  const message: PodSecurity['message'] = {}
  const allowedAt = (level: 'baseline' | 'restricted'): boolean => {
    const failures = evaluated.flatMap(({ check, outcome }) =>
      runsAtLevel(check, level) && !outcome.allowed ? [{ id: check.id, ...outcome }] : [],
    )
    if (failures.length > 0) message[level] = admissionText(level, version, failures, target)
    return failures.length === 0
  }
  const baselineAllowed = allowedAt('baseline')
  const restrictedAllowed = allowedAt('restricted')

  return {
    version,
    rulesVersion: `v1.${minor}`,
    level: restrictedAllowed ? 'restricted' : baselineAllowed ? 'baseline' : 'privileged',
    checks: evaluated.map(({ check, outcome }) => pssCheck(check.id, check.level, outcome, locate)),
    message,
  }
}

function admissionText(
  level: 'baseline' | 'restricted',
  version: PolicyVersion,
  failures: readonly CheckFailure[],
  target: { kind: string; name: string } | undefined,
): string {
  // admission/admission.go formats the level as %q; level and version need no escaping.
  const text = `PodSecurity "${level}:${version}": ${detailedMessage(failures)}`
  if (target === undefined) return `violates ${text}`
  // Only bare Pods are enforced; controllers only get the warn/audit text.
  if (target.kind !== 'Pod') return `would violate ${text}`
  // The Forbidden API error (apimachinery errors.NewForbidden) omits an empty name.
  const pods = target.name === '' ? 'pods' : `pods ${goQuote(target.name)}`
  return `${pods} is forbidden: violates ${text}`
}

function pssCheck(
  id: CheckId,
  level: 'baseline' | 'restricted',
  outcome: CheckOutcome,
  locate: Locate,
): PssCheck {
  if (outcome.allowed) return { id, level, allowed: true, ranges: [] }
  const ranges = new Map<string, Range>()
  for (const path of outcome.paths) {
    const range = locate(path)
    ranges.set(`${range[0]}:${range[1]}`, range)
  }
  const check: PssCheck = {
    id,
    level,
    allowed: false,
    reason: outcome.reason,
    detail: outcome.detail,
    ranges: [...ranges.values()],
  }
  if (outcome.scannerNote !== undefined) check.scannerNote = outcome.scannerNote
  return check
}
