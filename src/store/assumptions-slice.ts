import type { StateCreator } from 'zustand'
import { DEFAULT_OPTIONS, type AnalysisOptions } from '../core/index.ts'
import type { RequestAnalysis } from './analysis-slice.ts'
import type { PlaygroundState } from './store.ts'

export interface AssumptionsSlice {
  /** What the analysis assumes about the node, the cluster and the image. */
  options: AnalysisOptions
  /** Changes one assumption and re-analyses the current source with it. */
  setAssumption: <K extends keyof AnalysisOptions>(key: K, value: AnalysisOptions[K]) => void
  /** Puts every assumption back to the core's defaults and re-analyses. */
  resetAssumptions: () => void
}

export const createAssumptionsSlice =
  (requestAnalysis: RequestAnalysis): StateCreator<PlaygroundState, [], [], AssumptionsSlice> =>
  (set) => ({
    options: { ...DEFAULT_OPTIONS },
    setAssumption: (key, value) =>
      set((s) => {
        const options = { ...s.options, [key]: value }
        return { options, ...requestAnalysis(s.source, options) }
      }),
    resetAssumptions: () =>
      set((s) => {
        const options = { ...DEFAULT_OPTIONS }
        return { options, ...requestAnalysis(s.source, options) }
      }),
  })
