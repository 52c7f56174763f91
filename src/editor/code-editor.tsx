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
    // Bracket-pair colouring is a model option: it keeps a bracket tree of the whole text and a
    // decoration per bracket, 0.3 s of work on the page's thread after pasting a release
    // manifest full of flow maps. Plain bracket matching stays.
    model.updateOptions({
      bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
    })
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
      guides: { bracketPairs: false, bracketPairsHorizontal: false },
    })
    window.__editor = editor
    const quickFixes = registerQuickFixes(model)
    window.__monaco = monaco

    // The text last handed to the store by this editor: a store change to any other text came
    // from outside (an example, a restored session) and replaces the model's content.
    let pushed = model.getValue()
    let applyingExternal = false

    // Markers of a large paste cost a task of their own: set them after the panel's update.
    let markersTimer: ReturnType<typeof setTimeout> | undefined
    const scheduleMarkers = () => {
      clearTimeout(markersTimer)
      markersTimer = setTimeout(showMarkers)
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

    // Every keystroke goes to the store at once, so whatever acts on the text (a Fix button, a
    // share link, Copy review) sees what is on screen; the worker analyses only the newest text.
    const contentSub = model.onDidChangeContent(() => {
      if (applyingExternal) return
      pushed = model.getValue()
      store.getState().setSource(pushed)
    })

    let lastSeq = 0
    const reveal = (request: RevealRequest | null) => {
      if (!request || request.seq === lastSeq) return
      lastSeq = request.seq
      const range = toMonacoRange(model, request.range)
      editor.setSelection(range)
      editor.revealRangeInCenter(range)
      editor.focus()
    }
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.source !== prev.source && state.source !== pushed) {
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
      if (state.analysis !== prev.analysis) scheduleMarkers()
      if (state.theme !== prev.theme) monaco.editor.setTheme(editorTheme())
      reveal(state.revealRequest)
    })

    const stopFollowingSystem = onSystemThemeChange(() => monaco.editor.setTheme(editorTheme()))

    takeOver(editor, takeEditorHandoff())
    showMarkers()
    // A finding clicked while the editor was still loading is honoured once it is here (reveal
    // requests are not persisted, so any request now was made on this page).
    reveal(store.getState().revealRequest)

    return () => {
      clearTimeout(markersTimer)
      stopFollowingSystem()
      unsubscribe()
      contentSub.dispose()
      quickFixes.dispose()
      editor.dispose()
      model.dispose()
      if (window.__editor === editor) window.__editor = undefined
    }
  }, [])

  return <div ref={host} style={{ height: '100%', width: '100%' }} data-testid="editor.root" />
}
