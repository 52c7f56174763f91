import { useCallback, useEffect, useState, type ComponentType } from 'react'
import { usePlaygroundStore } from '../store/store.ts'
import { ManifestPreview } from './ManifestPreview.tsx'
import styles from './EditorPane.module.css'

/** With nobody reaching for it, the editor loads once the page has been quiet this long. */
const IDLE_LOAD_AFTER_MS = 6000

type Editor = ComponentType

/**
 * The left pane. The manifest shows at once in a light preview; Monaco (about 1 MB gzip, and a
 * long task to evaluate) loads when the user reaches for it (pointer, focus, key, a finding
 * clicked in the panel) or when the page has been idle a while, then takes over in one swap.
 */
export function EditorPane() {
  const [wanted, setWanted] = useState(false)
  const [CodeEditor, setCodeEditor] = useState<Editor | null>(null)
  const reach = useCallback(() => setWanted(true), [])
  // A finding clicked in the panel asks the editor to show it: that needs the editor.
  const revealAsked = usePlaygroundStore((s) => s.revealRequest !== null)
  const load = wanted || revealAsked

  useEffect(() => {
    const idle = (callback: () => void) =>
      'requestIdleCallback' in window ? requestIdleCallback(callback) : setTimeout(callback)
    const timer = setTimeout(() => idle(reach), IDLE_LOAD_AFTER_MS)
    return () => clearTimeout(timer)
  }, [reach])

  useEffect(() => {
    if (!load) return
    let live = true
    import('../editor/code-editor.tsx').then(
      (module) => live && setCodeEditor(() => module.default),
      // Offline before the chunk was cached, say: keep the preview; the next reach tries again.
      () => live && setWanted(false),
    )
    return () => {
      live = false
    }
  }, [load])

  return (
    <section className={styles.pane} aria-label="Manifest editor">
      <div className={styles.editor}>
        {CodeEditor ? <CodeEditor /> : <ManifestPreview onReach={reach} loading={load} />}
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
