// The analysis of nothing, in a module of its own: the page shows it before the worker's first
// answer, and importing it must not bring the parser and the checks into the first paint.
import { enforceSuggestion } from './admission/policy.ts'
import type { Analysis, AnalysisOptions } from './types.ts'

/**
 * An analysis that found nothing: what is shown before any text has been analysed. With no
 * workload, every one of them is admitted at the strictest setting (what `simulateAdmission`
 * suggests for an empty list; a test holds the two together).
 */
export function emptyAnalysis(options: AnalysisOptions): Analysis {
  return {
    options,
    workloads: [],
    diagnostics: [],
    admission: {
      namespaces: [],
      suggestion: enforceSuggestion({ level: 'restricted', version: 'latest' }),
    },
  }
}
