import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import { defaultFixDecisions, meetsLevel, type FixDecisions } from '../core/index.ts'
import { usePromised } from '../hooks/usePromised.ts'
import type { FixAllRequest } from '../store/fix-all-slice.ts'
import { usePlaygroundStore } from '../store/store.ts'
import { analysisWorker } from '../worker/client.ts'
import { Chip } from './Chip.tsx'
import { FixAllDecisions } from './FixAllDecisions.tsx'
import { FixAllReport } from './FixAllReport.tsx'
import styles from './FixAllDialog.module.css'

// The diff editor comes with Monaco, which the page loads lazily anyway.
const FixDiffView = lazy(() => import('../editor/fix-diff-view.tsx'))

/** The "Fix all" preview dialog: the diff, the decisions, what is left, and Apply. */
export default function FixAllPreview({ request }: { request: FixAllRequest }) {
  const source = usePlaygroundStore((s) => s.source)
  const options = usePlaygroundStore((s) => s.options)
  const analysis = usePlaygroundStore((s) => s.analysis)
  const closeFixAll = usePlaygroundStore((s) => s.closeFixAll)
  const applyFixAll = usePlaygroundStore((s) => s.applyFixAll)
  const dialog = useRef<HTMLDialogElement>(null)
  const [decisions, setDecisions] = useState<FixDecisions>(() => defaultFixDecisions(options))
  // The source the preview was made from: Apply replaces exactly this text.
  const [base] = useState(source)
  const { level, workload } = request
  // Each is a few whole fixAll runs: the analysis worker computes them, the dialog waits.
  const relevant = usePromised(
    useMemo(() => {
      const scope = workload === undefined ? {} : { workload }
      return analysisWorker.run('relevantFixDecisions', [base, level, options, scope])
    }, [base, level, options, workload]),
  )
  const preview = usePromised(
    useMemo(() => {
      const scope = workload === undefined ? {} : { workload }
      return analysisWorker.run('previewFixAll', [base, level, options, decisions, scope])
    }, [base, level, options, decisions, workload]),
  )
  const relevantSet = useMemo(() => new Set(relevant.value), [relevant.value])

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  const target = request.workload === undefined ? undefined : analysis.workloads[request.workload]
  const scopeText = target
    ? `${target.kind} ${target.name || '(no name)'}`
    : `all ${analysis.workloads.length} ${analysis.workloads.length === 1 ? 'workload' : 'workloads'}`
  const result = preview.value?.result
  const after = preview.value?.levelAfter
  // Apply only what is on screen for the decisions now taken.
  const ready = result !== undefined && !preview.pending
  const changed = result !== undefined && result.text !== base
  const left = result?.unfixed.reduce((n, u) => n + u.findings.length, 0) ?? 0
  const title = `Fix all to ${request.level}`

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby="fixall-title"
      data-testid="fixall.dialog"
      onClose={closeFixAll}
      onCancel={closeFixAll}
    >
      <header className={styles.header}>
        <h2 id="fixall-title" className={styles.title}>
          {title} <span className={styles.scope}>· {scopeText}</span>
        </h2>
        <button
          type="button"
          className={styles.close}
          aria-label="Close without changing the text"
          onClick={closeFixAll}
        >
          ×
        </button>
      </header>
      <div className={styles.body}>
        <section className={styles.diff} aria-label="Changes, before and after">
          <div className={styles.diffLegend} aria-hidden="true">
            <span>Before</span>
            <span>After</span>
          </div>
          <div className={styles.diffEditor}>
            {result ? (
              <Suspense fallback={<p className={styles.loading}>Loading the diff…</p>}>
                <FixDiffView original={base} modified={result.text} label={title} />
              </Suspense>
            ) : (
              <p className={styles.loading}>
                {preview.error
                  ? `The fixes could not be computed (${preview.error.message}).`
                  : 'Computing the fixes…'}
              </p>
            )}
          </div>
        </section>
        <aside className={styles.side}>
          <FixAllDecisions
            decisions={decisions}
            relevant={relevantSet}
            defaults={defaultFixDecisions(options)}
            onChange={setDecisions}
          />
          {result && (
            <FixAllReport
              result={result}
              workloads={analysis.workloads}
              single={target !== undefined}
            />
          )}
        </aside>
      </div>
      <footer className={styles.footer}>
        <p className={styles.verdict} data-testid="fixall.verdict">
          {after === undefined ? (
            'Computing the fixes…'
          ) : (
            <>
              After the change: <Chip tone={after}>PSS: {after}</Chip>
            </>
          )}
          {after !== undefined && !meetsLevel(after, level) && (
            <span className={styles.short}>
              {' '}
              · {left} {left === 1 ? 'finding needs' : 'findings need'} you, see “Left for you”
            </span>
          )}
        </p>
        <button type="button" onClick={closeFixAll} data-testid="fixall.cancel">
          Cancel
        </button>
        <button
          type="button"
          className={styles.apply}
          disabled={!ready || !changed}
          data-testid="fixall.apply"
          onClick={() => {
            // Close first: closing a modal dialog gives focus back to its opener, and the
            // editor must have it after the change so Ctrl+Z undoes it.
            dialog.current?.close()
            if (!result || !applyFixAll(base, result.text)) closeFixAll()
          }}
        >
          {!result
            ? 'Apply'
            : changed
              ? `Apply ${result.applied.length} ${result.applied.length === 1 ? 'change' : 'changes'}`
              : 'Nothing to apply'}
        </button>
      </footer>
    </dialog>
  )
}
