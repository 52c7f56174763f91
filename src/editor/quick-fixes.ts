import type { Analysis, Fix, Range } from '../core/index.ts'
import { playgroundStore } from '../store/store.ts'
import { monaco } from './monaco-setup.ts'

/** A fix offered at a source range, with the marker code it answers. */
export interface QuickFix {
  fix: Fix
  /** The check ID or advisory code of the finding (the marker's code). */
  code: string
  range: Range
}

/** Every fix of the analysis at each range its finding is marked on. */
export function quickFixes(analysis: Analysis): QuickFix[] {
  return analysis.workloads.flatMap((w) => [
    ...w.podSecurity.checks.flatMap((check) =>
      check.allowed || check.fix === undefined
        ? []
        : (check.ranges.length > 0 ? check.ranges : [w.podSpecRange]).map((range) => ({
            fix: check.fix as Fix,
            code: check.id,
            range,
          })),
    ),
    ...w.advisories.flatMap((a) =>
      a.fix === undefined ? [] : [{ fix: a.fix, code: a.code, range: a.range }],
    ),
  ])
}

function markerCode(marker: monaco.editor.IMarkerData): string | undefined {
  return typeof marker.code === 'string' ? marker.code : marker.code?.value
}

/**
 * Offers the panel's fixes as Monaco quick fixes (the light bulb, Ctrl+.) on their markers. The
 * edit is the fix's own, so it is the same change as the panel's button, and undoable the same.
 */
export function registerQuickFixes(model: monaco.editor.ITextModel): monaco.IDisposable {
  return monaco.languages.registerCodeActionProvider('yaml', {
    provideCodeActions(target, _range, context) {
      const { source, analysis } = playgroundStore.getState()
      // Offsets fit only the analysed text; while typing is pending there is nothing to offer.
      if (target !== model || source !== model.getValue()) return { actions: [], dispose() {} }
      const offered = quickFixes(analysis)
      const actions: monaco.languages.CodeAction[] = []
      const seen = new Set<string>()
      for (const marker of context.markers) {
        const start = model.getOffsetAt({
          lineNumber: marker.startLineNumber,
          column: marker.startColumn,
        })
        const code = markerCode(marker)
        for (const { fix } of offered.filter((q) => q.code === code && q.range[0] === start)) {
          if (seen.has(fix.id)) continue
          seen.add(fix.id)
          actions.push({
            title: fix.title,
            kind: 'quickfix',
            diagnostics: [marker],
            isPreferred: true,
            edit: {
              edits: fix.edits.map((edit) => ({
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: {
                  range: monaco.Range.fromPositions(
                    model.getPositionAt(edit.range[0]),
                    model.getPositionAt(edit.range[1]),
                  ),
                  text: edit.insert,
                },
              })),
            },
          })
        }
      }
      return { actions, dispose() {} }
    },
  })
}
