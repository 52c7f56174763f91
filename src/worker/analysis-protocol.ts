import type { Analysis, AnalysisOptions } from '../core/index.ts'

/** Main thread to analysis worker: analyse this text under these assumptions. */
export interface AnalysisRequest {
  id: number
  source: string
  options: AnalysisOptions
}

/**
 * Analysis worker to main thread: the analysis of request `id`, or word that the request was
 * skipped because a newer one arrived before its turn.
 */
export type AnalysisResponse = { id: number; analysis: Analysis } | { id: number; superseded: true }
