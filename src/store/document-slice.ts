import type { StateCreator } from 'zustand'
import { applyEdits } from '../core/index.ts'
import type { RequestAnalysis } from './analysis-slice.ts'
import { selectFix } from './selectors.ts'
import type { PlaygroundState } from './store.ts'
import { nextReveal } from './ui-slice.ts'

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
  /** The example file `source` was last loaded from, until the user edits it. */
  example: string | null
  /** Replaces the manifest text and asks for its analysis. */
  setSource: (source: string) => void
  /** Loads an example's text (already fetched by the caller) and remembers which one it was. */
  loadExample: (file: string, text: string) => void
  /**
   * Applies a fix the panel showed, identified by id and title, to the current text and
   * re-analyses. A fix is only ever applied
   * from an analysis of the current text: if the analysis is still updating, the fix waits for
   * it; if the fix is then no longer offered as shown, nothing changes.
   */
  applyFix: (id: string, title: string) => void
  /** A fix clicked while the analysis of `source` was on its way, with the text it was for. */
  pendingFix: { id: string; title: string; source: string } | null
}

/**
 * The state after applying the fix `id` (if the analysis of the current text still offers it
 * with this title), or the state unchanged. Only call with an analysis of `state.source`.
 */
export function fixedState(
  state: PlaygroundState,
  id: string,
  title: string,
  requestAnalysis: RequestAnalysis,
): Partial<PlaygroundState> {
  const fix = selectFix(state.analysis, id)
  const source = fix?.title === title ? applyEdits(state.source, fix.edits) : null
  const first = fix?.edits[0]
  // The unchanged state itself, so a refused fix notifies no subscriber.
  if (source === null || !first) return state
  // Show what changed: the editor selects the first edit's new text and takes focus, so Ctrl+Z
  // there undoes the fix at once.
  const start = first.range[0]
  return {
    source,
    example: null,
    revealRequest: nextReveal(state.revealRequest, [start, start + first.insert.length]),
    ...requestAnalysis(source, state.options),
  }
}

/** When an analysis arrives: applies the fix waiting for exactly that text, drops any other. */
export function settlePendingFix(
  state: PlaygroundState,
  requestAnalysis: RequestAnalysis,
): Partial<PlaygroundState> {
  const pending = state.pendingFix
  if (!pending) return {}
  if (pending.source !== state.analysedSource || pending.source !== state.source) {
    return { pendingFix: null }
  }
  return { ...fixedState(state, pending.id, pending.title, requestAnalysis), pendingFix: null }
}

export const createDocumentSlice =
  (requestAnalysis: RequestAnalysis): StateCreator<PlaygroundState, [], [], DocumentSlice> =>
  (set) => ({
    source: STARTER_SOURCE,
    example: null,
    pendingFix: null,
    // The editor hands over every keystroke here, so the store always holds the text on screen;
    // the worker analyses only the newest text when keys come faster than it answers.
    setSource: (source) =>
      set((s) => ({
        source,
        example: source === s.source ? s.example : null,
        ...requestAnalysis(source, s.options),
      })),
    loadExample: (file, text) =>
      set((s) => ({ source: text, example: file, ...requestAnalysis(text, s.options) })),
    applyFix: (id, title) =>
      set((s) =>
        s.analysedSource === s.source
          ? fixedState(s, id, title, requestAnalysis)
          : { pendingFix: { id, title, source: s.source } },
      ),
  })
