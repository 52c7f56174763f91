// A pod evaluated at many levels and versions (the three modes, the suggestion search) without
// redoing work: each check revision runs once on the pod's view, whatever the number of versions
// that share it. Same registry, checks and aggregation as `checkPodAtLevel`
// (src/core/pss/evaluate.ts; upstream policy/registry.go EvaluatePod, policy/checks.go
// AggregateCheckResults).
import {
  checkRunner,
  detailedMessage,
  type CheckFailure,
  type LevelEvaluation,
  type RunCheck,
} from '../pss/evaluate.ts'
import { podView } from '../workloads/pod-view.ts'
import { activeChecks, runsAtLevel } from '../pss/registry.ts'
import { rulesMinor } from '../policy-version.ts'
import type { PodTemplateInput } from '../types.ts'
import type { LevelVersion } from './types.ts'

/** Evaluates one pod at a level and version. */
export type Evaluate = (policy: LevelVersion) => LevelEvaluation

/** Whether a level and version admit one pod. */
export type Allows = (policy: LevelVersion) => boolean

const PRIVILEGED: LevelEvaluation = { allowed: true, failures: [], detailedMessage: '' }

/** Runs the checks on the pod's view, built on first use. */
export function lazyCheckRunner(pod: PodTemplateInput): RunCheck {
  let run: RunCheck | undefined
  return (check) => (run ??= checkRunner(podView(pod)))(check)
}

/**
 * A memoised evaluator for one pod. `run` runs the checks on the pod's view: the workload's,
 * shared with its Pod Security result, when the caller has one.
 */
export function podEvaluator(pod: PodTemplateInput, run = lazyCheckRunner(pod)): Evaluate {
  const results = new Map<string, LevelEvaluation>()
  return ({ level, version }) => {
    if (level === 'privileged') return PRIVILEGED
    const minor = rulesMinor(version)
    const key = `${level}:${minor}`
    const cached = results.get(key)
    if (cached !== undefined) return cached
    const failures: CheckFailure[] = []
    for (const check of activeChecks(minor)) {
      if (!runsAtLevel(check, level)) continue
      const outcome = run(check)
      if (!outcome.allowed) {
        failures.push({ id: check.id, reason: outcome.reason, detail: outcome.detail })
      }
    }
    const result = {
      allowed: failures.length === 0,
      failures,
      detailedMessage: detailedMessage(failures),
    }
    results.set(key, result)
    return result
  }
}

/**
 * The verdict alone, memoised: it stops at the first failing check, so the suggestion search,
 * which tries every level and rule set, runs no more checks than it needs.
 */
export function podAllows(run: RunCheck): Allows {
  // By version as written: the candidates the search tries each have rules of their own.
  const verdicts = new Map<string, boolean>()
  return ({ level, version }) => {
    if (level === 'privileged') return true
    const key = `${level}:${version}`
    let verdict = verdicts.get(key)
    if (verdict === undefined) {
      verdict = activeChecks(rulesMinor(version)).every(
        (check) => !runsAtLevel(check, level) || run(check).allowed,
      )
      verdicts.set(key, verdict)
    }
    return verdict
  }
}
