import { useEffect, useRef } from 'react'
import { playgroundStore } from '../store/store.ts'
import { systemPrefersDark } from '../lib/theme.ts'
import { resolveTheme } from '../store/preferences-slice.ts'
import { monaco } from './monaco-setup.ts'

/** How long a closed preview's models outlive it, so an in-flight diff can complete. */
const MODEL_GRACE_MS = 10_000

interface Props {
  original: string
  modified: string
  /** Accessible name of the diff. */
  label: string
}

function editorTheme(): string {
  return resolveTheme(playgroundStore.getState().theme, systemPrefersDark()) === 'dark'
    ? 'vs-dark'
    : 'vs'
}

/**
 * A read-only side-by-side diff of the manifest before and after "Fix all" (Monaco's diff
 * editor, in the lazily loaded editor chunk). Narrow screens get the inline view; unchanged
 * regions fold away so the change is what you see.
 */
export default function FixDiffView({ original, modified, label }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const diff = useRef<monaco.editor.IStandaloneDiffEditor | null>(null)
  const models = useRef<{ original: monaco.editor.ITextModel; modified: monaco.editor.ITextModel }>(
    null,
  )

  useEffect(() => {
    const element = host.current
    if (!element) return
    // No URI: the models stay out of the manifest's schema validation and markers.
    const pair = {
      original: monaco.editor.createModel('', 'yaml'),
      modified: monaco.editor.createModel('', 'yaml'),
    }
    const editor = monaco.editor.createDiffEditor(element, {
      theme: editorTheme(),
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: true,
      renderSideBySideInlineBreakpoint: 720,
      hideUnchangedRegions: { enabled: true, contextLineCount: 2, minimumLineCount: 3 },
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      renderOverviewRuler: false,
      fontSize: 13,
      ariaLabel: label,
      originalAriaLabel: `${label}: before`,
      modifiedAriaLabel: `${label}: after`,
    })
    editor.setModel(pair)
    diff.current = editor
    models.current = pair
    window.__fixDiff = editor
    const unsubscribe = playgroundStore.subscribe((state, prev) => {
      if (state.theme !== prev.theme) monaco.editor.setTheme(editorTheme())
    })
    return () => {
      unsubscribe()
      if (window.__fixDiff === editor) window.__fixDiff = undefined
      editor.dispose()
      // Monaco's worker-based diff provider throws "no diff result available" when the models
      // of a diff still being computed are gone (dialog closed at once); let it finish first.
      setTimeout(() => {
        pair.original.dispose()
        pair.modified.dispose()
      }, MODEL_GRACE_MS)
    }
  }, [label])

  useEffect(() => {
    const pair = models.current
    if (!pair) return
    if (pair.original.getValue() !== original) pair.original.setValue(original)
    if (pair.modified.getValue() !== modified) pair.modified.setValue(modified)
  }, [original, modified])

  return <div ref={host} style={{ height: '100%', width: '100%' }} data-testid="fixall.diff" />
}
