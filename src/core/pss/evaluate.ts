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
import type { CheckFn, CheckOutcome, FailedOutcome } from './check.ts'
import { podForbidden, violates, wouldViolate } from '../admission/kubectl.ts'
import { podView, type PodView } from '../workloads/pod-view.ts'
import { activeChecks, runsAtLevel, type ActiveCheck } from './registry.ts'
import { rulesMinor } from '../policy-version.ts'

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
 * The Pod Security result of one pod template together with the internal outcome it was made
 * from: the failing outcomes keep their paths and the rules minor version, so the fixes are
 * written from them instead of running the checks again.
 */
export interface PodSecurityEvaluation {
  podSecurity: PodSecurity
  /** The failing outcome of each check that fails, by check id. */
  failures: ReadonlyMap<CheckId, FailedOutcome>
  /** The rules minor version evaluated (`latest` clamped to the newest). */
  minor: number
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
  return evaluatePodView(checkRunner(podView(pod)), version, locate, target).podSecurity
}

/** The outcome of an active check on one pod. */
export type RunCheck = (check: ActiveCheck) => CheckOutcome

/**
 * Runs checks on one pod view, each check revision at most once: the workload's Pod Security
 * result and its admission (every level and version tried) share the outcomes.
 */
export function checkRunner(view: PodView): RunCheck {
  const outcomes = new Map<CheckFn, CheckOutcome>()
  return (check) => {
    let outcome = outcomes.get(check.run)
    if (outcome === undefined) {
      outcome = check.run(view)
      outcomes.set(check.run, outcome)
    }
    return outcome
  }
}

/**
 * {@link evaluatePodSecurity} with the checks run by `run` (on the pod view built once per
 * workload), keeping the outcomes.
 */
export function evaluatePodView(
  run: RunCheck,
  version: PolicyVersion,
  locate: Locate,
  target?: { kind: string; name: string },
): PodSecurityEvaluation {
  const minor = rulesMinor(version)
  const evaluated = activeChecks(minor).map((check) => ({ check, outcome: run(check) }))

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

  const failures = new Map<CheckId, FailedOutcome>()
  for (const { check, outcome } of evaluated) if (!outcome.allowed) failures.set(check.id, outcome)
  return {
    podSecurity: {
      version,
      rulesVersion: `v1.${minor}`,
      level: restrictedAllowed ? 'restricted' : baselineAllowed ? 'baseline' : 'privileged',
      checks: evaluated.map(({ check, outcome }) =>
        pssCheck(check.id, check.level, outcome, locate),
      ),
      message,
    },
    failures,
    minor,
  }
}

/** The admission text for a failing level (admission/kubectl.ts words every admission message). */
function admissionText(
  level: 'baseline' | 'restricted',
  version: PolicyVersion,
  failures: readonly CheckFailure[],
  target: { kind: string; name: string } | undefined,
): string {
  const policy = { level, version }
  const detail = detailedMessage(failures)
  if (target === undefined) return violates(policy, detail)
  // Only bare Pods are enforced; controllers only get the warn/audit text.
  if (target.kind !== 'Pod') return wouldViolate(policy, detail)
  return podForbidden(target.name, policy, detail)
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
