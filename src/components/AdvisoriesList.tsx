import type { Range, Workload } from '../core/index.ts'
import { Chip } from './Chip.tsx'
import { findingsOf } from './findings.ts'
import { FixButton } from './FixButton.tsx'
import styles from './AdvisoriesList.module.css'

/** Hardening advice beyond Pod Security admission: lower priority, so listed last. */
export function AdvisoriesList({
  workloads,
  onReveal,
  onFix,
}: {
  workloads: Workload[]
  onReveal: (range: Range) => void
  onFix: (id: string, title: string) => void
}) {
  // Advisories about the same field as a failing check are explained with that check instead.
  const items = workloads.flatMap((w) =>
    findingsOf(w).advisories.map((a) => ({ workload: w, advisory: a })),
  )
  if (items.length === 0) return null
  return (
    <section className={styles.section} aria-labelledby="advisories-heading">
      <h2 id="advisories-heading" className={styles.heading}>
        Advisories <span className={styles.sub}>(not enforced by Pod Security admission)</span>
      </h2>
      <ul className={styles.list}>
        {items.map(({ workload, advisory }, i) => (
          <li
            key={`${workload.name}-${advisory.code}-${advisory.container ?? ''}-${i}`}
            className={styles.item}
          >
            <button
              type="button"
              className={styles.link}
              data-testid="panel.advisory"
              onClick={() => onReveal(advisory.range)}
            >
              <Chip tone={advisory.severity}>{advisory.severity}</Chip>{' '}
              <strong>{advisory.message}</strong>
            </button>
            <span className={styles.where}>
              {workload.kind} {workload.name}
              {advisory.container ? ` · ${advisory.container}` : ''}
            </span>
            <p className={styles.why}>
              {advisory.why}{' '}
              {advisory.docs && (
                <a href={advisory.docs} target="_blank" rel="noreferrer">
                  Docs
                </a>
              )}
            </p>
            {advisory.fix && <FixButton fix={advisory.fix} onFix={onFix} />}
          </li>
        ))}
      </ul>
    </section>
  )
}
