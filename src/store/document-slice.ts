import type { StateCreator } from 'zustand'
import { analyze, applyEdits, type Analysis, type AnalysisOptions } from '../core/index.ts'
import { selectFix } from './selectors.ts'
import type { PlaygroundState } from './store.ts'
import { nextReveal } from './ui-slice.ts'

/**
 * The analysis the panel shows, derived from the text and the assumptions, with the one-click
 * fixes the panel offers. Every action that changes either input recomputes it through here.
 */
export function deriveAnalysis(source: string, options?: Partial<AnalysisOptions>): Analysis {
  return analyze(source, options, { fixes: true })
}

/** The manifest shown on a first visit: one container with no securityContext at all. */
export const STARTER_SOURCE = `# Edit me, or pick an example. Nothing leaves your browser.
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
`

export interface DocumentSlice {
  /** The manifest text: the single source of truth for everything the panel shows. */
  source: string
  /** `deriveAnalysis(source, options)`, recomputed by every action that changes either input. */
  analysis: Analysis
  /** The example file `source` was last loaded from, until the user edits it. */
  example: string | null
  /** Replaces the manifest text and re-analyses it in the same update. */
  setSource: (source: string) => void
  /** Loads an example's text (already fetched by the caller) and remembers which one it was. */
  loadExample: (file: string, text: string) => void
  /**
   * Applies a fix the panel showed, identified by id and title, to the current text and
   * re-analyses. Text still waiting in the editor is taken in first; if the fix is then no
   * longer offered as shown, nothing changes (the panel re-renders with what is true now).
   */
  applyFix: (id: string, title: string) => void
  /** Set by the editor while it holds keystrokes not yet handed to the store. */
  flushEditor: (() => void) | null
  /** The editor registers (or, unmounting, clears) how to hand over its pending text. */
  attachEditor: (flush: (() => void) | null) => void
}

export const createDocumentSlice: StateCreator<PlaygroundState, [], [], DocumentSlice> = (
  set,
  get,
) => ({
  source: STARTER_SOURCE,
  analysis: deriveAnalysis(STARTER_SOURCE),
  example: null,
  // Every writer of `source` (setSource, loadExample, applyFix) stores its analysis in the same
  // update, so the analysis never describes other text than the one stored.
  setSource: (source) =>
    set((s) => ({
      source,
      analysis: deriveAnalysis(source, s.options),
      example: source === s.source ? s.example : null,
    })),
  loadExample: (file, text) =>
    set((s) => ({ source: text, analysis: deriveAnalysis(text, s.options), example: file })),
  applyFix: (id, title) => {
    get().flushEditor?.()
    set((s) => {
      const fix = selectFix(s.analysis, id)
      const source = fix?.title === title ? applyEdits(s.source, fix.edits) : null
      const first = fix?.edits[0]
      if (source === null || !first) return s
      // Show what changed: the editor selects the first edit's new text and takes focus, so
      // Ctrl+Z there undoes the fix at once.
      const start = first.range[0]
      return {
        source,
        analysis: deriveAnalysis(source, s.options),
        example: null,
        revealRequest: nextReveal(s.revealRequest, [start, start + first.insert.length]),
      }
    })
  },
  flushEditor: null,
  attachEditor: (flush) => set({ flushEditor: flush }),
})
