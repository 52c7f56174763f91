import { useDeferredValue, useMemo } from 'react'
import { lowestLevel, runtimeLabel, WORKLOAD_KINDS } from '../core/index.ts'
import type { Diagnostic, Workload } from '../core/index.ts'
import { useVerdictInTab } from '../hooks/useVerdictInTab.ts'
import { lineOfOffset, selectApiRejects } from '../store/selectors.ts'
import { workloadKeys } from '../store/stable-workloads.ts'
import { selectShownAnalysis, usePlaygroundStore } from '../store/store.ts'
import { AdvisoriesList } from './AdvisoriesList.tsx'
import { DiagnosticsList } from './DiagnosticsList.tsx'
import { FixAllButtons } from './FixAllButtons.tsx'
import { FixAllDialog } from './FixAllDialog.tsx'
import { StaleNotice } from './StaleNotice.tsx'
import { VerdictBar } from './VerdictBar.tsx'
import { verdictOf } from './verdict.ts'
import { NamespaceCards } from './NamespaceCards.tsx'
import { WorkloadCard } from './WorkloadCard.tsx'
import styles from './AnalysisPanel.module.css'

const KINDS = `${WORKLOAD_KINDS.slice(0, -1).join(', ')} or ${WORKLOAD_KINDS.at(-1)}`

/** Beyond this many workloads a card builds its containers only when scrolled near. */
const EAGER_CARDS = 12

/** Diagnostics that rest on an assumption belong on their workload's card, next to its level. */
function isCardNotice(d: Diagnostic): boolean {
  return d.assumption !== undefined
}

function noticesFor(workload: Workload, diagnostics: Diagnostic[]): Diagnostic[] {
  const [start, end] = workload.range
  return diagnostics.filter((d) => isCardNotice(d) && d.range[0] >= start && d.range[1] <= end)
}

/**
 * The live panel: the verdict over the paste, then one card per workload, then advisories. While
 * the YAML cannot be read it keeps the last analysis, dimmed and marked stale, under the error.
 */
export function AnalysisPanel() {
  const latest = usePlaygroundStore((s) => s.analysis)
  const shown = usePlaygroundStore(selectShownAnalysis)
  // The text the analysis describes (the worker may still be analysing newer text).
  const analysedSource = usePlaygroundStore((s) => s.analysedSource ?? '')
  // A new analysis of a large paste redraws many cards: React renders it in the background, in
  // slices, so the page keeps answering keys meanwhile; the three values always change together.
  const view = useDeferredValue(
    useMemo(() => ({ latest, shown, analysedSource }), [latest, shown, analysedSource]),
  )
  const { latest: current, analysedSource: source } = view
  const { analysis, stale } = view.shown
  const awaitingFirst = usePlaygroundStore((s) => s.analysedSource === null)
  const selected = usePlaygroundStore((s) => s.selectedContainer)
  const revealRange = usePlaygroundStore((s) => s.revealRange)
  const selectContainer = usePlaygroundStore((s) => s.selectContainer)
  const applyFix = usePlaygroundStore((s) => s.applyFix)
  const { workloads } = analysis
  const keys = workloadKeys(workloads)
  const verdict = verdictOf(workloads)
  useVerdictInTab(verdict, stale)
  const hasErrors = current.diagnostics.some((d) => d.severity === 'error')
  const containers = workloads.reduce((n, w) => n + w.containers.length, 0)
  const yamlError = current.diagnostics.find((d) => d.source === 'yaml' && d.severity === 'error')

  return (
    <div className={styles.panel} data-testid="panel.root">
      {verdict && (
        <VerdictBar
          verdict={verdict}
          notice={
            stale &&
            yamlError && (
              <StaleNotice
                error={yamlError}
                line={lineOfOffset(source, yamlError.range[0])}
                onReveal={revealRange}
              />
            )
          }
          summary={
            <>
              {workloads.length} {workloads.length === 1 ? 'workload' : 'workloads'}, {containers}{' '}
              {containers === 1 ? 'container' : 'containers'} · runtime{' '}
              {runtimeLabel(analysis.options.runtime)}, kernel {analysis.options.kernel}
            </>
          }
        />
      )}
      <DiagnosticsList
        diagnostics={current.diagnostics.filter(
          (d) => !isCardNotice(d) && !(stale && d === yamlError),
        )}
        source={source}
        onReveal={revealRange}
      />
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
        // A stale analysis describes older text: its offsets no longer match, so it is inert.
        <div
          className={stale ? styles.stale : styles.cards}
          inert={stale}
          data-testid={stale ? 'panel.stale' : undefined}
        >
          {workloads.length > 1 && (
            <FixAllButtons level={lowestLevel(workloads.map((w) => w.podSecurity.level))} />
          )}
          {workloads.map((w, i) => (
            <WorkloadCard
              key={keys[i]}
              workload={w}
              index={i}
              runtime={analysis.options.runtime}
              selectedContainer={selected?.workload === i ? selected.container : null}
              onSelectContainer={selectContainer}
              onReveal={revealRange}
              onFix={applyFix}
              apiRejects={selectApiRejects(analysis, w)}
              notices={noticesFor(w, analysis.diagnostics)}
              eager={workloads.length <= EAGER_CARDS}
            />
          ))}
          {/* The namespaces' policy after the workloads: the verdict and containers come first. */}
          <NamespaceCards admission={analysis.admission} onReveal={revealRange} />
          <AdvisoriesList workloads={workloads} onReveal={revealRange} onFix={applyFix} />
        </div>
      )}
      <FixAllDialog />
    </div>
  )
}
