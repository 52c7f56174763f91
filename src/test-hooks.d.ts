// Test hooks set by the editor adapter (src/editor/code-editor.tsx) for the Playwright suite.
import type * as Monaco from 'monaco-editor/editor'

declare global {
  interface Window {
    __editor?: Monaco.editor.IStandaloneCodeEditor
    __monaco?: typeof Monaco
    /** The diff editor of the "Fix all" preview (src/editor/fix-diff-view.tsx). */
    __fixDiff?: Monaco.editor.IStandaloneDiffEditor
  }
}

export {}
