import type { CheckId, Path } from '../types.ts'
import type { PodView } from '../workloads/pod-view.ts'

/** The outcome of one check on one pod (upstream `policy/checks.go` `CheckResult`, plus paths). */
export type CheckOutcome =
  | { allowed: true }
  | {
      allowed: false
      /** Upstream `ForbiddenReason`. */
      reason: string
      /** Upstream `ForbiddenDetail`. */
      detail: string
      /** The offending fields, relative to the pod template root. */
      paths: Path[]
      /** Where popular scanners disagree with admission about this failure. */
      scannerNote?: string
    }

export type CheckFn = (pod: PodView) => CheckOutcome

/** One revision of a check, in force from `minMinor` until the next revision's minimum. */
export interface CheckRevision {
  minMinor: number
  run: CheckFn
  /** Baseline checks this restricted revision replaces in the restricted level. */
  overrides?: readonly CheckId[]
}

/** A check with its revisions in strictly increasing `minMinor` order (upstream `Check`). */
export interface CheckDefinition {
  id: CheckId
  level: 'baseline' | 'restricted'
  revisions: readonly CheckRevision[]
}

export const ALLOWED: CheckOutcome = { allowed: true }

/** A failed outcome; `paths` lists the offending fields. */
export function forbidden(
  reason: string,
  detail: string,
  paths: Path[],
  scannerNote?: string,
): CheckOutcome {
  return scannerNote === undefined
    ? { allowed: false, reason, detail, paths }
    : { allowed: false, reason, detail, paths, scannerNote }
}
