import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import { analyze, defaultFixDecisions, fixAll, type FixDecisions } from '../core/index.ts'
import { lowestLevel, reaches, type FixAllRequest } from '../store/fix-all-slice.ts'
import { usePlaygroundStore } from '../store/store.ts'
import { Chip } from './Chip.tsx'
import { FixAllDecisions, relevantDecisions } from './FixAllDecisions.tsx'
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
  const relevant = useMemo(
    () => relevantDecisions(base, level, options, workload),
    [base, level, options, workload],
  )
  const result = useMemo(
    () => fixAll(base, level, options, decisions, workload === undefined ? {} : { workload }),
    [base, level, options, decisions, workload],
  )
  const after = useMemo(() => {
    const workloads = analyze(result.text, options).workloads
    return lowestLevel(workload === undefined ? workloads : workloads.slice(workload, workload + 1))
  }, [result.text, options, workload])

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  const target = request.workload === undefined ? undefined : analysis.workloads[request.workload]
  const scopeText = target
    ? `${target.kind} ${target.name || '(no name)'}`
    : `all ${analysis.workloads.length} ${analysis.workloads.length === 1 ? 'workload' : 'workloads'}`
  const changed = result.text !== base
  const left = result.unfixed.reduce((n, u) => n + u.findings.length, 0)
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
            <Suspense fallback={<p className={styles.loading}>Loading the diff…</p>}>
              <FixDiffView original={base} modified={result.text} label={title} />
            </Suspense>
          </div>
        </section>
        <aside className={styles.side}>
          <FixAllDecisions
            decisions={decisions}
            relevant={relevant}
            defaults={defaultFixDecisions(options)}
            onChange={setDecisions}
          />
          <FixAllReport
            result={result}
            workloads={analysis.workloads}
            single={target !== undefined}
          />
        </aside>
      </div>
      <footer className={styles.footer}>
        <p className={styles.verdict} data-testid="fixall.verdict">
          After the change: <Chip tone={after}>PSS: {after}</Chip>
          {!reaches(after, level) && (
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
          disabled={!changed}
          data-testid="fixall.apply"
          onClick={() => {
            // Close first: closing a modal dialog gives focus back to its opener, and the
            // editor must have it after the change so Ctrl+Z undoes it.
            dialog.current?.close()
            if (!applyFixAll(base, result.text)) closeFixAll()
          }}
        >
          {changed
            ? `Apply ${result.applied.length} ${result.applied.length === 1 ? 'change' : 'changes'}`
            : 'Nothing to apply'}
        </button>
      </footer>
    </dialog>
  )
}
