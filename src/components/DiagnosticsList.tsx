import type { Diagnostic, Range } from '../core/index.ts'
import { lineOfOffset } from '../store/selectors.ts'
import { Chip } from './Chip.tsx'
import styles from './DiagnosticsList.module.css'

interface Props {
  diagnostics: Diagnostic[]
  source: string
  onReveal: (range: Range) => void
}

/** Problems with the text itself (YAML errors, invalid fields), with lines. */
export function DiagnosticsList({ diagnostics, source, onReveal }: Props) {
  // Skipped objects (Services, CRDs…) are expected in real manifests: one folded line, not a
  // card each above the workloads.
  const skipped = diagnostics.filter((d) => d.code === 'not-a-workload')
  const problems = diagnostics.filter((d) => d.code !== 'not-a-workload')
  if (diagnostics.length === 0) return null
  const item = (d: Diagnostic, i: number) => (
    <li key={`${d.code}-${d.range[0]}-${i}`}>
      <button
        type="button"
        className={styles.item}
        data-testid="panel.diagnostic"
        data-code={d.code}
        onClick={() => onReveal(d.range)}
      >
        <Chip tone={d.severity}>{d.severity}</Chip>
        <span className={styles.line}>line {lineOfOffset(source, d.range[0])}</span>
        <span>{d.message}</span>
        <span className={styles.code}>
          {d.source} · {d.code}
        </span>
      </button>
    </li>
  )
  return (
    <section className={styles.section} aria-label="Diagnostics">
      {problems.length > 0 && <ul className={styles.list}>{problems.map(item)}</ul>}
      {skipped.length > 0 && (
        <details className={styles.skipped} data-testid="panel.skipped">
          <summary>
            {skipped.length} {skipped.length === 1 ? 'object is' : 'objects are'} not a workload and{' '}
            {skipped.length === 1 ? 'was' : 'were'} skipped
          </summary>
          <ul className={styles.list}>{skipped.map(item)}</ul>
        </details>
      )}
    </section>
  )
}
