import type { AdmissionSummary, Analysis, AnalysisOptions } from '../core/index.ts'

/** No workloads, so nothing for admission to decide (what the core returns for an empty text). */
const NO_ADMISSION: AdmissionSummary = {
  namespaces: [],
  suggestion: { level: 'restricted', version: 'latest', yaml: '' },
}
import type { PlaygroundState } from './store.ts'

/**
 * Computes the analysis of a text. The app's analyser runs in a Web Worker and answers with a
 * promise; tests inject `analyze` itself, which answers at once, so the store works in Node.
 */
export type Analyser = (source: string, options: AnalysisOptions) => Analysis | Promise<Analysis>

/** `fresh`: the analysis describes the current text and assumptions; `updating`: a newer one is on its way. */
export type AnalysisStatus = 'fresh' | 'updating'

export interface AnalysisSlice {
  /** The latest analysis received: of `analysedSource`, which may lag behind `source`. */
  analysis: Analysis
  /** The text `analysis` describes; null until the first analysis has arrived. */
  analysedSource: string | null
  status: AnalysisStatus
}

type SetState = (update: (state: PlaygroundState) => Partial<PlaygroundState>) => void

/**
 * Asks for the analysis of a text and returns what to merge into the state now: the analysis
 * itself when the analyser answered at once, otherwise the `updating` status (the previous
 * analysis stays on screen). An answer that arrives after a newer request is dropped.
 */
export type RequestAnalysis = (source: string, options: AnalysisOptions) => Partial<PlaygroundState>

/**
 * Wires an analyser to the store. `onArrival` may add to the state a late answer brings (a Fix
 * clicked while the analysis was updating is applied then).
 */
export function createAnalysisScheduler(
  analyser: Analyser,
  set: SetState,
  onArrival: (state: PlaygroundState) => Partial<PlaygroundState>,
): RequestAnalysis {
  let latest = 0
  return (source, options) => {
    const seq = ++latest
    const result = runSafely(analyser, source, options)
    if (!(result instanceof Promise)) return arrived(result, source)
    result
      .catch((error: unknown) => failedAnalysis(options, error))
      .then((analysis) => {
        if (seq !== latest) return
        set((state) => {
          const next = arrived(analysis, source)
          return { ...next, ...onArrival({ ...state, ...next }) }
        })
      })
    return { status: 'updating' }
  }
}

function arrived(analysis: Analysis, source: string): Partial<PlaygroundState> {
  return { analysis, analysedSource: source, status: 'fresh' }
}

function runSafely(
  analyser: Analyser,
  source: string,
  options: AnalysisOptions,
): Analysis | Promise<Analysis> {
  try {
    return analyser(source, options)
  } catch (error) {
    return failedAnalysis(options, error)
  }
}

/** What the panel shows when the analyser itself failed (the worker could not start, say). */
export function failedAnalysis(options: AnalysisOptions, error: unknown): Analysis {
  const reason = error instanceof Error ? error.message : String(error)
  return {
    options,
    workloads: [],
    admission: NO_ADMISSION,
    diagnostics: [
      {
        code: 'internal-error',
        severity: 'error',
        message: `The playground could not analyse this text (${reason}). Your text is unchanged.`,
        range: [0, 0],
        source: 'playground',
      },
    ],
  }
}

/** The state before the first analysis has arrived: nothing to show yet, one on its way. */
export function initialAnalysisState(options: AnalysisOptions): AnalysisSlice {
  return {
    analysis: { options, workloads: [], diagnostics: [], admission: NO_ADMISSION },
    analysedSource: null,
    status: 'updating',
  }
}
