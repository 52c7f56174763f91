// Everything the page asks the analysis worker to compute: the core functions that parse YAML.
// The main thread imports this module's type only, so the parser and the analysis stay out of
// the first paint and never run on the page's thread.
import {
  analyze,
  checkGoals,
  previewFixAll,
  relevantFixDecisions,
  type AnalysisOptions,
} from '../core/index.ts'
import { fingerprint } from './fingerprint.ts'

export const workerTasks = {
  /**
   * The panel's analysis of the editor's text, with the fixes its buttons apply, and a content
   * fingerprint per workload, so the page finds the unchanged ones without comparing them.
   */
  analyseDocument: (source: string, options: AnalysisOptions) => {
    const analysis = analyze(source, options, { fixes: true })
    return { analysis, fingerprints: analysis.workloads.map(fingerprint) }
  },
  /** A plain analysis of a text (a review or a download describes exactly what is on screen). */
  analyze,
  checkGoals,
  previewFixAll,
  relevantFixDecisions,
}

export type WorkerTasks = typeof workerTasks
export type TaskName = keyof WorkerTasks
