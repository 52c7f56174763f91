import { lowestLevel } from '../store/fix-all-slice.ts'
import { selectApiRejects } from '../store/selectors.ts'
import { usePlaygroundStore } from '../store/store.ts'
import { AdvisoriesList } from './AdvisoriesList.tsx'
import { DiagnosticsList } from './DiagnosticsList.tsx'
import { FixAllButtons } from './FixAllButtons.tsx'
import { FixAllDialog } from './FixAllDialog.tsx'
import { NamespaceCards } from './NamespaceCards.tsx'
import { WorkloadCard } from './WorkloadCard.tsx'
import styles from './AnalysisPanel.module.css'

const KINDS =
  'Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or PodTemplate'

/** The live panel: diagnostics first, then one card per workload, then advisories. */
export function AnalysisPanel() {
  const analysis = usePlaygroundStore((s) => s.analysis)
  // The text the analysis describes (the worker may still be analysing newer text).
  const source = usePlaygroundStore((s) => s.analysedSource ?? '')
  const awaitingFirst = usePlaygroundStore((s) => s.analysedSource === null)
  const selected = usePlaygroundStore((s) => s.selectedContainer)
  const revealRange = usePlaygroundStore((s) => s.revealRange)
  const selectContainer = usePlaygroundStore((s) => s.selectContainer)
  const applyFix = usePlaygroundStore((s) => s.applyFix)
  const { workloads, diagnostics } = analysis
  const hasErrors = diagnostics.some((d) => d.severity === 'error')
  const containers = workloads.reduce((n, w) => n + w.containers.length, 0)

  return (
    <div className={styles.panel} data-testid="panel.root">
      <DiagnosticsList diagnostics={diagnostics} source={source} onReveal={revealRange} />
      {awaitingFirst ? null : source.trim() === '' ? (
        <div className={styles.empty} data-testid="panel.empty">
          <h2>Nothing to analyse yet</h2>
          <p>
            Paste a Kubernetes manifest into the editor, or open <strong>Examples</strong> above.
            Any of {KINDS} works, several documents separated by <code>---</code> too.
          </p>
        </div>
      ) : workloads.length === 0 ? (
        <div className={styles.empty} data-testid="panel.empty">
          <h2>{hasErrors ? 'The YAML could not be read' : 'No workload found'}</h2>
          <p>
            {hasErrors
              ? 'Fix the errors listed above; the panel updates as you type.'
              : `The playground looks for a ${KINDS} with a pod template.`}
          </p>
        </div>
      ) : (
        <>
          <p className={styles.summary} data-testid="panel.summary">
            {workloads.length} {workloads.length === 1 ? 'workload' : 'workloads'}, {containers}{' '}
            {containers === 1 ? 'container' : 'containers'} · runtime {analysis.options.runtime},
            kernel {analysis.options.kernel}
          </p>
          {workloads.length > 1 && <FixAllButtons level={lowestLevel(workloads)} />}
          <NamespaceCards admission={analysis.admission} onReveal={revealRange} />
          {workloads.map((w, i) => (
            <WorkloadCard
              key={`${w.document}-${w.range[0]}`}
              workload={w}
              index={i}
              runtime={analysis.options.runtime}
              selected={selected}
              onSelectContainer={selectContainer}
              onReveal={revealRange}
              onFix={applyFix}
              apiRejects={selectApiRejects(analysis, w)}
            />
          ))}
        </>
      )}
      <AdvisoriesList workloads={workloads} onReveal={revealRange} onFix={applyFix} />
      <FixAllDialog />
    </div>
  )
}
