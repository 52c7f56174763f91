import { useLayoutEffect, useRef } from 'react'
import { playgroundStore } from '../store/store.ts'
import { onSystemThemeChange, systemPrefersDark } from '../lib/theme.ts'
import { resolveTheme } from '../store/preferences-slice.ts'
import type { Range, Severity } from '../core/index.ts'
import type { RevealRequest } from '../store/ui-slice.ts'
import { analysisMarkers, type MarkerSpec } from './analysis-markers.ts'
import { changedSpan } from './changed-span.ts'
import { takeEditorHandoff, type EditorHandoff } from './editor-handoff.ts'
import { EDITOR_THEMES, MODEL_URI, monaco } from './monaco-setup.ts'
import { registerQuickFixes } from './quick-fixes.ts'

/**
 * How long typing pauses before the text is analysed: at least 120 ms, and twice what the last
 * analysis took, so a very large manifest does not stall every keystroke. The model always holds
 * every keystroke.
 */
const MIN_ANALYSE_DELAY_MS = 120
const MAX_ANALYSE_DELAY_MS = 2000

const MARKER_OWNER = 'playground'

function markerSeverity(severity: Severity | 'hint'): monaco.MarkerSeverity {
  switch (severity) {
    case 'error':
      return monaco.MarkerSeverity.Error
    case 'warning':
      return monaco.MarkerSeverity.Warning
    case 'info':
      return monaco.MarkerSeverity.Info
    case 'hint':
      return monaco.MarkerSeverity.Hint
  }
}

function toMonacoRange(model: monaco.editor.ITextModel, [start, end]: Range): monaco.IRange {
  const from = model.getPositionAt(start)
  const to = model.getPositionAt(Math.max(start, end))
  return {
    startLineNumber: from.lineNumber,
    startColumn: from.column,
    endLineNumber: to.lineNumber,
    endColumn: to.column,
  }
}

function toMarker(model: monaco.editor.ITextModel, m: MarkerSpec): monaco.editor.IMarkerData {
  return {
    ...toMonacoRange(model, m.range),
    severity: markerSeverity(m.severity),
    message: m.message,
    source: m.source,
    code: m.docs ? { value: m.code, target: monaco.Uri.parse(m.docs) } : m.code,
  }
}

function editorTheme(): string {
  const theme = resolveTheme(playgroundStore.getState().theme, systemPrefersDark())
  return EDITOR_THEMES[theme]
}

/** Takes over from the light preview: its scroll position, caret, focus and the keys typed. */
function takeOver(editor: monaco.editor.IStandaloneCodeEditor, handoff: EditorHandoff) {
  const model = editor.getModel()
  if (!model) return
  if (handoff.topLine > 0) editor.setScrollTop(editor.getTopForLineNumber(handoff.topLine + 1))
  if (handoff.selection) {
    const [anchor, focus] = handoff.selection.map((offset) => model.getPositionAt(offset))
    if (anchor && focus) {
      editor.setSelection(
        new monaco.Selection(anchor.lineNumber, anchor.column, focus.lineNumber, focus.column),
      )
    }
  }
  for (const key of handoff.keys) {
    if (typeof key === 'string') editor.trigger('keyboard', key, null)
    else editor.trigger('keyboard', 'type', { text: key.type })
  }
  if (handoff.focused || handoff.keys.length > 0) editor.focus()
}

/**
 * The Monaco editor bound to the playground store: text flows in both directions, analysis
 * findings become markers, and reveal requests from the panel move the caret.
 */
export default function CodeEditor() {
  const host = useRef<HTMLDivElement>(null)

  // A layout effect: the editor is in place in the same frame the preview leaves, so no
  // keystroke falls between the two.
  useLayoutEffect(() => {
    const element = host.current
    if (!element) return
    const store = playgroundStore
    const model = monaco.editor.createModel(
      store.getState().source,
      'yaml',
      monaco.Uri.parse(MODEL_URI),
    )
    const editor = monaco.editor.create(element, {
      model,
      theme: editorTheme(),
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      // The page's monospace font, as in the preview the editor replaces.
      fontFamily: getComputedStyle(element).getPropertyValue('--mono').trim() || undefined,
      tabSize: 2,
      insertSpaces: true,
      ariaLabel: 'Kubernetes manifest (YAML)',
      fixedOverflowWidgets: true,
    })
    window.__editor = editor
    const quickFixes = registerQuickFixes(model)
    window.__monaco = monaco

    // The text last handed to the store by this editor: a store change to any other text came
    // from outside (an example, a restored session) and replaces the model's content.
    let pushed = model.getValue()
    let timer: ReturnType<typeof setTimeout> | undefined
    let applyingExternal = false
    let analyseDelay = MIN_ANALYSE_DELAY_MS

    const flush = () => {
      if (timer === undefined) return
      clearTimeout(timer)
      timer = undefined
      pushed = model.getValue()
      const started = performance.now()
      store.getState().setSource(pushed)
      const cost = performance.now() - started
      analyseDelay = Math.min(MAX_ANALYSE_DELAY_MS, Math.max(MIN_ANALYSE_DELAY_MS, 2 * cost))
    }

    const showMarkers = () => {
      const { analysedSource, analysis } = store.getState()
      // Offsets only fit the text they were computed for; the next analysis brings fresh ones.
      if (analysedSource !== model.getValue()) return
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        analysisMarkers(analysis).map((m) => toMarker(model, m)),
      )
    }

    // Actions on the panel (a Fix button) take the latest keystrokes first, so they always work
    // on the text the user sees.
    store.getState().attachEditor(flush)

    const contentSub = model.onDidChangeContent(() => {
      if (applyingExternal) return
      clearTimeout(timer)
      timer = setTimeout(flush, analyseDelay)
    })

    let lastSeq = 0
    const reveal = (request: RevealRequest | null) => {
      if (!request || request.seq === lastSeq) return
      lastSeq = request.seq
      flush()
      const range = toMonacoRange(model, request.range)
      editor.setSelection(range)
      editor.revealRangeInCenter(range)
      editor.focus()
    }
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.source !== prev.source && state.source !== pushed) {
        clearTimeout(timer)
        timer = undefined
        pushed = state.source
        applyingExternal = true
        // An edit operation rather than setValue, so Ctrl+Z can bring the user's text back; only
        // the changed middle is replaced, so a fix keeps the caret and scroll position.
        const change = changedSpan(model.getValue(), state.source)
        model.pushStackElement()
        model.pushEditOperations(
          [],
          [
            {
              range: toMonacoRange(model, change.range),
              text: change.insert,
            },
          ],
          () => null,
        )
        model.pushStackElement()
        applyingExternal = false
      }
      if (state.analysis !== prev.analysis) showMarkers()
      if (state.theme !== prev.theme) monaco.editor.setTheme(editorTheme())
      reveal(state.revealRequest)
    })

    const stopFollowingSystem = onSystemThemeChange(() => monaco.editor.setTheme(editorTheme()))
    // Leaving the page must not lose the last keystrokes to the debounce.
    const onHide = () => flush()
    window.addEventListener('pagehide', onHide)
    document.addEventListener('visibilitychange', onHide)

    takeOver(editor, takeEditorHandoff())
    showMarkers()
    // A finding clicked while the editor was still loading is honoured once it is here (reveal
    // requests are not persisted, so any request now was made on this page).
    reveal(store.getState().revealRequest)

    return () => {
      flush()
      stopFollowingSystem()
      window.removeEventListener('pagehide', onHide)
      document.removeEventListener('visibilitychange', onHide)
      unsubscribe()
      store.getState().attachEditor(null)
      contentSub.dispose()
      quickFixes.dispose()
      editor.dispose()
      model.dispose()
      if (window.__editor === editor) window.__editor = undefined
    }
  }, [])

  return <div ref={host} style={{ height: '100%', width: '100%' }} data-testid="editor.root" />
}
