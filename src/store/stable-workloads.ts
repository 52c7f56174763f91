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

/**
 * The new workloads, with each one whose content is unchanged (same key, same JSON) replaced by
 * the previous object. Every analysis builds fresh objects; sharing the unchanged ones lets
 * memoised cards skip re-rendering, so typing in one workload redraws that card only.
 */
export function shareUnchanged(
  previous: readonly Workload[],
  next: readonly Workload[],
): Workload[] {
  const before = new Map<string, { json: string; workload: Workload }>()
  workloadKeys(previous).forEach((key, i) => {
    const workload = previous[i]
    if (workload) before.set(key, { json: JSON.stringify(workload), workload })
  })
  const keys = workloadKeys(next)
  return next.map((workload, i) => {
    const old = before.get(keys[i] ?? '')
    return old && old.json === JSON.stringify(workload) ? old.workload : workload
  })
}
