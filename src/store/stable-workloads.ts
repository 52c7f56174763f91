import type { Workload } from '../core/index.ts'

/** Keys that survive edits: kind, namespace and name (with a count for repeats), not offsets. */
export function workloadKeys(workloads: readonly Workload[]): string[] {
  const seen = new Map<string, number>()
  return workloads.map((w) => {
    const base = `${w.kind}/${w.namespace ?? ''}/${w.name}`
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    return `${base}#${n}`
  })
}

/** A string equal for two workloads exactly when their content is equal. */
export type WorkloadFingerprint = (workload: Workload) => string

/**
 * Content fingerprints the analysis worker computed off the page's thread (see
 * src/worker/tasks.ts), keyed by the workload objects the page received.
 */
const received = new WeakMap<Workload, string>()

/** Remembers the worker's fingerprints for the workloads of an analysis that just arrived. */
export function rememberFingerprints(workloads: readonly Workload[], fingerprints: string[]) {
  workloads.forEach((workload, i) => {
    const fingerprint = fingerprints[i]
    if (fingerprint !== undefined) received.set(workload, fingerprint)
  })
}

/** The worker's fingerprint when there is one, else the workload's JSON (stores in tests). */
export const workloadFingerprint: WorkloadFingerprint = (workload) =>
  received.get(workload) ?? JSON.stringify(workload)

/**
 * The new workloads, with each one whose content is unchanged (same key, same fingerprint)
 * replaced by the previous object. Every analysis builds fresh objects; sharing the unchanged
 * ones lets memoised cards skip re-rendering, so typing in one workload redraws that card only.
 */
export function shareUnchanged(
  previous: readonly Workload[],
  next: readonly Workload[],
  fingerprint: WorkloadFingerprint = workloadFingerprint,
): Workload[] {
  const before = new Map<string, { fingerprint: string; workload: Workload }>()
  workloadKeys(previous).forEach((key, i) => {
    const workload = previous[i]
    if (workload) before.set(key, { fingerprint: fingerprint(workload), workload })
  })
  const keys = workloadKeys(next)
  return next.map((workload, i) => {
    const old = before.get(keys[i] ?? '')
    return old && old.fingerprint === fingerprint(workload) ? old.workload : workload
  })
}
