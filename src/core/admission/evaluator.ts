// A pod evaluated at many levels and versions (the three modes, the suggestion search) without
// redoing work: the pod view is built once and each check revision runs once, whatever the number
// of versions that share it. Same registry, checks and aggregation as `checkPodAtLevel`
// (src/core/pss/evaluate.ts; upstream policy/registry.go EvaluatePod, policy/checks.go
// AggregateCheckResults).
import type { CheckOutcome } from '../pss/check.ts'
import { detailedMessage, type CheckFailure, type LevelEvaluation } from '../pss/evaluate.ts'
import { podView } from '../pss/pod-view.ts'
import { activeChecks, runsAtLevel } from '../pss/registry.ts'
import { rulesMinor } from '../pss/version.ts'
import type { PodTemplateInput } from '../types.ts'
import type { LevelVersion } from './types.ts'

/** Evaluates one pod at a level and version. */
export type Evaluate = (policy: LevelVersion) => LevelEvaluation

const PRIVILEGED: LevelEvaluation = { allowed: true, failures: [], detailedMessage: '' }

/** A memoised evaluator for one pod (its view is built on first use). */
export function podEvaluator(pod: PodTemplateInput): Evaluate {
  let view: ReturnType<typeof podView> | undefined
  const outcomes = new Map<unknown, CheckOutcome>()
  const results = new Map<string, LevelEvaluation>()
  return ({ level, version }) => {
    if (level === 'privileged') return PRIVILEGED
    const minor = rulesMinor(version)
    const key = `${level}:${minor}`
    const cached = results.get(key)
    if (cached !== undefined) return cached
    view ??= podView(pod)
    const failures: CheckFailure[] = []
    for (const check of activeChecks(minor)) {
      if (!runsAtLevel(check, level)) continue
      let outcome = outcomes.get(check.run)
      if (outcome === undefined) {
        outcome = check.run(view)
        outcomes.set(check.run, outcome)
      }
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
