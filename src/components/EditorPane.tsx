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
      <Suspense fallback={<EditorFallback />}>
        <CodeEditor />
      </Suspense>
    </section>
  )
}
