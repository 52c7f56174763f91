// Test hooks set by the editor adapter (src/editor/code-editor.tsx) for the Playwright suite.
import type * as Monaco from 'monaco-editor/editor'

declare global {
  interface Window {
    __editor?: Monaco.editor.IStandaloneCodeEditor
    __monaco?: typeof Monaco
  }
}

export {}
