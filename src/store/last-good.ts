import type { Analysis } from '../core/index.ts'
import { shareUnchanged } from './stable-workloads.ts'

/** True when the YAML parser could not read part of the text. */
export function hasYamlError(analysis: Analysis): boolean {
  return analysis.diagnostics.some((d) => d.source === 'yaml' && d.severity === 'error')
}

/** What the panel shows, and whether it describes older text than the editor holds. */
export interface ShownAnalysis {
  analysis: Analysis
  stale: boolean
}

/**
 * A selector for what the panel shows: the current analysis, or while the text has a YAML
 * syntax error (say, a half-typed flow collection) the last analysis of readable text, flagged
 * stale, so the panel does not go blank. It remembers that analysis itself and only reads
 * `analysis`, however and wherever that is computed; each store needs its own selector. The
 * result object is reused while `analysis` is unchanged, so subscribers do not re-render, and
 * workloads whose content did not change keep their previous objects (see shareUnchanged).
 */
export function createShownAnalysisSelector(): (state: { analysis: Analysis }) => ShownAnalysis {
  let lastGood: Analysis | null = null
  let seen: Analysis | null = null
  let shown: ShownAnalysis | null = null
  return ({ analysis }) => {
    if (analysis === seen && shown) return shown
    seen = analysis
    const broken = hasYamlError(analysis)
    if (!broken) lastGood = analysis
    const next =
      broken && lastGood && lastGood.workloads.length > 0
        ? { analysis: lastGood, stale: true }
        : { analysis, stale: false }
    const workloads = shareUnchanged(shown?.analysis.workloads ?? [], next.analysis.workloads)
    shown = { analysis: { ...next.analysis, workloads }, stale: next.stale }
    return shown
  }
}
