import { memo } from 'react'
import type { AnalysisOptions, ContainerAnalysis, ContainerType, Range } from '../core/index.ts'
import { CapabilitySets } from './CapabilitySets.tsx'
import { Chip } from './Chip.tsx'
import { CONTAINER_FIELDS, runtimeLabel } from '../core/index.ts'
import { ContainerFacts } from './ContainerFacts.tsx'
import { SettingsTable } from './SettingsTable.tsx'
import styles from './ContainerCard.module.css'

const TYPE_LABEL: Record<ContainerType, string> = {
  initContainer: 'init container',
  container: 'container',
  ephemeralContainer: 'ephemeral container',
}

interface Props {
  container: ContainerAnalysis
  runtime: AnalysisOptions['runtime']
  selected: boolean
  onSelect: () => void
  onReveal: (range: Range) => void
}

/**
 * One container: what it runs with at a glance, then one click away its effective settings with
 * their sources and its capability sets; hostPath mounts and resources.
 */
export const ContainerCard = memo(function ContainerCard({
  container,
  runtime,
  selected,
  onSelect,
  onReveal,
}: Props) {
  const { requests, limits } = container.resources
  return (
    <article
      className={`${styles.card} ${selected ? styles.selected : ''}`}
      data-testid="panel.container"
      data-container={container.name}
      aria-label={`${TYPE_LABEL[container.type]} ${container.name}`}
    >
      <header className={styles.header}>
        <button type="button" className={styles.name} onClick={onSelect} title="Show in editor">
          {container.name}
        </button>
        <Chip tone="neutral">{TYPE_LABEL[container.type]}</Chip>
      </header>
      <ContainerFacts container={container} runtime={runtime} />
      {container.hostPathMounts.length > 0 && (
        <section>
          <h4 className={styles.h4}>hostPath mounts</h4>
          <ul className={styles.list}>
            {container.hostPathMounts.map((m) => (
              <li key={`${m.volume}:${m.mountPath}`}>
                <button type="button" className={styles.link} onClick={() => onReveal(m.range)}>
                  <code>{m.path}</code> → <code>{m.mountPath}</code>
                </button>{' '}
                <Chip tone={m.readOnly ? 'baseline' : 'privileged'}>
                  {m.readOnly ? 'read-only' : 'writable'}
                </Chip>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className={styles.more}>
        <details>
          <summary>Settings and where each comes from</summary>
          <SettingsTable
            caption="Effective securityContext"
            fields={CONTAINER_FIELDS}
            settings={container.settings}
            onReveal={onReveal}
          />
          <p className={styles.resources}>
            Resources: requests cpu {requests.cpu ?? '—'}, memory {requests.memory ?? '—'}; limits
            cpu {limits.cpu ?? '—'}, memory {limits.memory ?? '—'}
          </p>
        </details>
        <details>
          <summary>Capability sets (/proc)</summary>
          <CapabilitySets caps={container.capabilities} runtime={runtimeLabel(runtime)} />
        </details>
      </div>
    </article>
  )
})
