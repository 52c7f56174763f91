import type { Analysis, Fix, PssCheck, Workload } from '../core/index.ts'

/** The one-based line number of a zero-based offset in `source`. */
export function lineOfOffset(source: string, offset: number): number {
  let line = 1
  const end = Math.min(offset, source.length)
  for (let i = 0; i < end; i++) if (source.charCodeAt(i) === 10) line++
  return line
}

/** The Pod Security checks a workload fails, baseline ones first. */
export function selectFailingChecks(workload: Workload): PssCheck[] {
  const failing = workload.podSecurity.checks.filter((c) => !c.allowed)
  return [
    ...failing.filter((c) => c.level === 'baseline'),
    ...failing.filter((c) => c.level === 'restricted'),
  ]
}

/** The fix with this id in the analysis (fix ids are stable while the text they fix is). */
export function selectFix(analysis: Analysis, id: string): Fix | undefined {
  for (const workload of analysis.workloads) {
    for (const check of workload.podSecurity.checks) if (check.fix?.id === id) return check.fix
    for (const advisory of workload.advisories) if (advisory.fix?.id === id) return advisory.fix
  }
  return undefined
}

/**
 * True when the API server would refuse this workload as written: an error from the YAML
 * parser, the schema or API validation lies inside it. Admission never sees such an object.
 */
export function selectApiRejects(analysis: Analysis, workload: Workload): boolean {
  const [start, end] = workload.range
  return analysis.diagnostics.some(
    (d) =>
      d.severity === 'error' &&
      (d.source === 'api-server' || d.source === 'schema' || d.source === 'yaml') &&
      d.range[0] >= start &&
      d.range[1] <= end,
  )
}
