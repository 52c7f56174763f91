import { useState, type ReactNode } from 'react'
import { PSS_LEVELS, type PssLevel } from '../core/index.ts'
import { Chip } from './Chip.tsx'
import { LEVEL_LABEL, workloadCardId, type Verdict } from './verdict.ts'
import styles from './VerdictBar.module.css'

/** What the worst level means for the paste, in one sentence. */
function headline({ worst, counts, rows }: Verdict): string {
  const total = rows.length
  const n = counts[worst]
  const some =
    total === 1
      ? 'This workload'
      : n === total
        ? `All ${total} workloads`
        : `${n} of ${total} workloads`
  const plural = total > 1 && n > 1
  switch (worst) {
    case 'restricted':
      return `${some} ${plural ? 'meet' : 'meets'} restricted`
    case 'baseline':
      return `${some} ${plural ? 'pass' : 'passes'} baseline but ${plural ? 'fail' : 'fails'} restricted`
    case 'privileged':
      return `${some} ${plural ? 'fail' : 'fails'} baseline`
  }
}

/** Moves to a workload card and focuses it, so the keyboard continues from there. */
function jumpTo(index: number) {
  const card = document.getElementById(workloadCardId(index))
  card?.scrollIntoView({ block: 'start' })
  card?.focus({ preventScroll: true })
}

interface Props {
  verdict: Verdict
  /** One line about the paste (counts, runtime, kernel). */
  summary: ReactNode
  /** Shown above the verdict in the sticky part (a YAML error while the analysis is stale). */
  notice?: ReactNode
}

/**
 * The verdict over the whole paste, always in view: the worst Pod Security level, the count per
 * level (each one filters the table), and a table of every workload that jumps to its card.
 */
export function VerdictBar({ verdict, summary, notice }: Props) {
  const [filter, setFilter] = useState<PssLevel | null>(null)
  const { worst, counts, rows } = verdict
  const shown = filter ? rows.filter((r) => r.level === filter) : rows
  const many = rows.length > 1
  return (
    <section className={styles.verdict} aria-label="Verdict" data-testid="verdict">
      <div className={styles.sticky}>
        {notice}
        <div className={styles.bar} data-level={worst}>
          <p className={styles.headline} data-testid="verdict.level" data-level={worst}>
            <span className={styles.level}>{LEVEL_LABEL[worst]}</span>
            <span>{headline(verdict)}</span>
          </p>
          {PSS_LEVELS.filter((level) => counts[level] > 0).length > 1 && (
            <div className={styles.counts} role="group" aria-label="Show workloads by level">
              {PSS_LEVELS.filter((level) => counts[level] > 0).map((level) => (
                <button
                  key={level}
                  type="button"
                  className={styles.count}
                  data-level={level}
                  aria-pressed={filter === level}
                  onClick={() => setFilter((f) => (f === level ? null : level))}
                >
                  {LEVEL_LABEL[level]} {counts[level]}
                </button>
              ))}
            </div>
          )}
        </div>
        <p className={styles.summary} data-testid="panel.summary">
          {summary}
        </p>
      </div>
      {many && (
        <table className={styles.table} data-testid="verdict.table">
          <caption className={styles.caption}>
            Workloads{filter ? ` at ${filter}` : ''}: select one to go to its card
          </caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Name</th>
              <th scope="col">Level</th>
              <th scope="col">Failing checks</th>
              <th scope="col">Containers</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.index} data-testid="verdict.row" data-level={row.level}>
                <td data-label="Kind">{row.kind}</td>
                <th scope="row" data-label="Name">
                  <button type="button" className={styles.jump} onClick={() => jumpTo(row.index)}>
                    {row.name || '(no name)'}
                  </button>
                </th>
                <td data-label="Level">
                  <Chip tone={row.level}>{row.level}</Chip>
                </td>
                <td data-label="Failing checks" className={styles.number}>
                  {row.failing === 0 ? 'none' : row.failing}
                </td>
                <td data-label="Containers" className={styles.number}>
                  {row.containers}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
