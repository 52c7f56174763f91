import { memo, useRef } from 'react'
import type { AnalysisOptions, Diagnostic, Range, Workload } from '../core/index.ts'
import { useSeenOnce } from '../hooks/useSeenOnce.ts'
import { AdmissionLine } from './AdmissionLine.tsx'
import { CardNotices } from './CardNotices.tsx'
import { Chip } from './Chip.tsx'
import { ContainerCard } from './ContainerCard.tsx'
import { POD_FIELDS } from '../core/index.ts'
import { findingsOf } from './findings.ts'
import { FixAllButtons } from './FixAllButtons.tsx'
import { PodSecurityChecks } from './PodSecurityChecks.tsx'
import { SettingsTable } from './SettingsTable.tsx'
import { workloadCardId } from './verdict.ts'
import type { ContainerRef } from '../store/ui-slice.ts'
import styles from './WorkloadCard.module.css'

interface Props {
  workload: Workload
  index: number
  runtime: AnalysisOptions['runtime']
  /** The name of the selected container when it is in this workload. */
  selectedContainer: string | null
  onSelectContainer: (ref: ContainerRef, range: Range) => void
  onReveal: (range: Range) => void
  onFix: (id: string, title: string) => void
  /** The API server refuses this object as written (an error diagnostic inside it). */
  apiRejects: boolean
  /** Diagnostics about this workload that rest on an assumption (shown on the card). */
  notices: Diagnostic[]
  /** Build the settings and containers at once, not when the card nears the viewport. */
  eager: boolean
}

/**
 * One workload: its Pod Security level and findings, then each container at a glance with its
 * settings one click away. The detail is built once the card comes near the viewport.
 */
function WorkloadCardView({
  workload,
  index,
  runtime,
  selectedContainer,
  onSelectContainer,
  onReveal,
  onFix,
  apiRejects,
  notices,
  eager,
}: Props) {
  const ref = useRef<HTMLElement>(null)
  const seen = useSeenOnce(ref, eager)
  const { findings } = findingsOf(workload)
  // Pod-wide settings are the same in every container's view; show them once.
  const podSettings = workload.containers[0]?.settings
  const level = workload.podSecurity.level
  return (
    <article
      ref={ref}
      id={workloadCardId(index)}
      tabIndex={-1}
      className={styles.card}
      data-level={level}
      data-testid="panel.workload"
      aria-label={`${workload.kind} ${workload.name}`}
    >
      <header className={styles.header}>
        <h3 className={styles.title}>
          <button type="button" className={styles.link} onClick={() => onReveal(workload.range)}>
            <span className={styles.kind}>{workload.kind}</span> {workload.name || '(no name)'}
          </button>
        </h3>
        {workload.namespace && <Chip tone="neutral">ns {workload.namespace}</Chip>}
        <span data-testid="panel.level" data-level={level} className={styles.level}>
          <Chip tone={level} title="Highest Pod Security Standards level this workload satisfies">
            {level}
          </Chip>
        </span>
        <FixAllButtons level={level} workload={index} />
      </header>
      <AdmissionLine workload={workload} />
      <CardNotices notices={notices} onReveal={onReveal} />
      {seen ? (
        <>
          <div className={styles.containers}>
            {workload.containers.map((c) => (
              <ContainerCard
                key={`${c.type}/${c.name}`}
                container={c}
                runtime={runtime}
                selected={selectedContainer === c.name}
                onSelect={() => onSelectContainer({ workload: index, container: c.name }, c.range)}
                onReveal={onReveal}
              />
            ))}
            {workload.containers.length === 0 && (
              <p className={styles.empty}>No containers listed.</p>
            )}
          </div>
          <PodSecurityChecks
            podSecurity={workload.podSecurity}
            kind={workload.kind}
            findings={findings}
            fallbackRange={workload.podSpecRange}
            onReveal={onReveal}
            onFix={onFix}
            apiRejects={apiRejects}
          />
          {podSettings && (
            <details className={styles.pod}>
              <summary>Pod-wide settings</summary>
              <SettingsTable
                caption="Pod spec and pod securityContext"
                fields={POD_FIELDS}
                settings={podSettings}
                onReveal={onReveal}
              />
            </details>
          )}
        </>
      ) : (
        <p className={styles.empty}>
          {findings.length} failing {findings.length === 1 ? 'check' : 'checks'},{' '}
          {workload.containers.length}{' '}
          {workload.containers.length === 1 ? 'container' : 'containers'}: shown in full when you
          scroll here.
        </p>
      )}
    </article>
  )
}

/** Same notices (by content) and the same everything else (by identity): nothing to redraw. */
function sameProps(a: Props, b: Props): boolean {
  return (
    a.workload === b.workload &&
    a.index === b.index &&
    a.runtime === b.runtime &&
    a.selectedContainer === b.selectedContainer &&
    a.onSelectContainer === b.onSelectContainer &&
    a.onReveal === b.onReveal &&
    a.onFix === b.onFix &&
    a.apiRejects === b.apiRejects &&
    a.eager === b.eager &&
    JSON.stringify(a.notices) === JSON.stringify(b.notices)
  )
}

export const WorkloadCard = memo(WorkloadCardView, sameProps)
