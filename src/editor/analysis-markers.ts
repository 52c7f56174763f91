import { PSS_CHECK_INFO, type Analysis, type Range, type Severity } from '../core/index.ts'

/** An editor-independent marker: what to underline, how loudly, and what the hover says. */
export interface MarkerSpec {
  range: Range
  severity: Severity | 'hint'
  message: string
  /** Short code shown after the message (a check ID or diagnostic code). */
  code: string
  /** Who reports it, shown in the hover. */
  source: string
  /** Optional docs page the code links to. */
  docs?: string
}

/**
 * Everything the analysis says about the text, as markers: core diagnostics at their own
 * severity, failing Pod Security checks as warnings (baseline) or infos (restricted), capability
 * warnings, and advisories as hints, since they are advice rather than admission failures.
 * A finding with no source range is marked on its workload's pod spec.
 */
export function analysisMarkers(analysis: Analysis): MarkerSpec[] {
  // Skipped non-workload objects are listed in the panel; underlining every Service would be noise.
  const markers: MarkerSpec[] = analysis.diagnostics
    .filter((d) => d.code !== 'not-a-workload')
    .map((d) => ({
      range: d.range,
      severity: d.severity,
      message: d.message,
      code: d.code,
      source: d.source,
    }))
  // The core may report a capability warning both as a diagnostic and on the container.
  const seen = new Set(analysis.diagnostics.map((d) => `${d.code}@${d.range[0]}`))
  for (const w of analysis.workloads) {
    for (const check of w.podSecurity.checks) {
      if (check.allowed) continue
      const info = PSS_CHECK_INFO[check.id]
      const lines = [
        `Pod Security ${check.level} (${w.podSecurity.rulesVersion}), ${info.control}: ${check.reason ?? check.id}`,
      ]
      if (check.detail) lines.push(check.detail)
      lines.push(`Why: ${info.why}`, `Fix: ${info.fix}`)
      if (check.scannerNote) lines.push(check.scannerNote)
      const ranges = check.ranges.length > 0 ? check.ranges : [w.podSpecRange]
      for (const range of ranges) {
        markers.push({
          range,
          severity: check.level === 'baseline' ? 'warning' : 'info',
          message: lines.join('\n'),
          code: check.id,
          source: 'Pod Security admission',
          docs: info.docs,
        })
      }
    }
    for (const c of w.containers) {
      for (const warning of c.capabilities.warnings) {
        if (seen.has(`${warning.code}@${(warning.range ?? c.range)[0]}`)) continue
        markers.push({
          range: warning.range ?? c.range,
          severity: warning.severity,
          message: warning.message,
          code: warning.code,
          source: `${analysis.options.runtime} capabilities`,
        })
      }
    }
    for (const a of w.advisories) {
      markers.push({
        range: a.range,
        severity: 'hint',
        message: `${a.message}\nWhy: ${a.why}`,
        code: a.code,
        source: 'advisory',
        ...(a.docs ? { docs: a.docs } : {}),
      })
    }
  }
  return markers
}
