import type { Range, Workload } from '../core/index.ts'
import { AdmissionLine } from './AdmissionLine.tsx'
import { selectFailingChecks } from '../store/selectors.ts'
import type { ContainerRef } from '../store/ui-slice.ts'
import { Chip } from './Chip.tsx'
import { ContainerCard } from './ContainerCard.tsx'
import { FixAllButtons } from './FixAllButtons.tsx'
import { POD_FIELDS } from './field-help.ts'
import { PodSecurityChecks } from './PodSecurityChecks.tsx'
import { SettingsTable } from './SettingsTable.tsx'
import styles from './WorkloadCard.module.css'

interface Props {
  workload: Workload
  index: number
  runtime: string
  selected: ContainerRef | null
  onSelectContainer: (ref: ContainerRef, range: Range) => void
  onReveal: (range: Range) => void
  onFix: (id: string, title: string) => void
  /** The API server refuses this object as written (an error diagnostic inside it). */
  apiRejects: boolean
}

/** One workload: its Pod Security level and findings, pod-wide settings and each container. */
export function WorkloadCard({
  workload,
  index,
  runtime,
  selected,
  onSelectContainer,
  onReveal,
  onFix,
  apiRejects,
}: Props) {
  const failing = selectFailingChecks(workload)
  // Pod-wide settings are the same in every container's view; show them once.
  const podSettings = workload.containers[0]?.settings
  const level = workload.podSecurity.level
  return (
    <article
      className={styles.card}
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
        <span data-testid="panel.level" data-level={level}>
          <Chip tone={level} title="Highest Pod Security Standards level this workload satisfies">
            PSS: {level}
          </Chip>
        </span>
        <FixAllButtons level={level} workload={index} />
      </header>
      <AdmissionLine workload={workload} />
      <PodSecurityChecks
        podSecurity={workload.podSecurity}
        kind={workload.kind}
        failing={failing}
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
      <div className={styles.containers}>
        {workload.containers.map((c) => (
          <ContainerCard
            key={`${c.type}/${c.name}`}
            container={c}
            runtime={runtime}
            selected={selected?.workload === index && selected.container === c.name}
            onSelect={() => onSelectContainer({ workload: index, container: c.name }, c.range)}
            onReveal={onReveal}
          />
        ))}
        {workload.containers.length === 0 && <p className={styles.empty}>No containers listed.</p>}
      </div>
    </article>
  )
}
