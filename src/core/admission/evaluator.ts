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

const PRIVILEGED: LevelEvaluation = { allowed: true, failures: [], detailedMessage: '' }

/**
 * A memoised evaluator for one pod. `run` runs the checks on the pod's view when the caller has
 * one (the workload's, shared with its Pod Security result); otherwise the view is built on first
 * use.
 */
export function podEvaluator(pod: PodTemplateInput, run?: RunCheck): Evaluate {
  let runCheck = run
  const results = new Map<string, LevelEvaluation>()
  return ({ level, version }) => {
    if (level === 'privileged') return PRIVILEGED
    const minor = rulesMinor(version)
    const key = `${level}:${minor}`
    const cached = results.get(key)
    if (cached !== undefined) return cached
    runCheck ??= checkRunner(podView(pod))
    const failures: CheckFailure[] = []
    for (const check of activeChecks(minor)) {
      if (!runsAtLevel(check, level)) continue
      const outcome = runCheck(check)
      if (!outcome.allowed) {
        failures.push({ id: check.id, reason: outcome.reason, detail: outcome.detail })
      }
    }
    // The message is written on first read: the suggestion search tries many levels and
    // versions and reads only `allowed`.
    let message: string | undefined
    const result: LevelEvaluation = {
      allowed: failures.length === 0,
      failures,
      get detailedMessage() {
        return (message ??= detailedMessage(failures))
      },
    }
    results.set(key, result)
    return result
  }
}
