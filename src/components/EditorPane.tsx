import { lazy, Suspense } from 'react'
import { usePlaygroundStore } from '../store/store.ts'
import styles from './EditorPane.module.css'

// Monaco is ~1 MB gzipped: load it after the panel has painted, from this app's own files.
const CodeEditor = lazy(() => import('../editor/code-editor.tsx'))

function EditorFallback() {
  const source = usePlaygroundStore((s) => s.source)
  return (
    <div className={styles.fallback} data-testid="editor.loading">
      <p>Loading editor…</p>
      <pre>{source}</pre>
    </div>
  )
}

/** The left pane: the manifest editor, with its text shown read-only until Monaco arrives. */
export function EditorPane() {
  return (
    <section className={styles.pane} aria-label="Manifest editor">
      <div className={styles.editor}>
        <Suspense fallback={<EditorFallback />}>
          <CodeEditor />
        </Suspense>
      </div>
      {/* Monaco keeps Tab for indenting; WCAG 2.1.2 asks that the way out is told. The keys are
          monaco-editor's editor.action.toggleTabFocusMode (contrib/toggleTabFocusMode). */}
      <p className={styles.hint} data-testid="editor.keys">
        In the editor Tab indents: press <kbd>Ctrl</kbd>+<kbd>M</kbd> (on a Mac <kbd>Ctrl</kbd>+
        <kbd>Shift</kbd>+<kbd>M</kbd>) to make Tab move focus instead.
      </p>
    </section>
  )
}
