import type { Diagnostic, Range } from '../core/index.ts'
import { lineOfOffset } from '../store/selectors.ts'
import { Chip } from './Chip.tsx'
import styles from './DiagnosticsList.module.css'

interface Props {
  diagnostics: Diagnostic[]
  source: string
  onReveal: (range: Range) => void
}

/** Problems with the text itself (YAML errors, invalid fields, skipped documents), with lines. */
export function DiagnosticsList({ diagnostics, source, onReveal }: Props) {
  if (diagnostics.length === 0) return null
  return (
    <section className={styles.section} aria-label="Diagnostics">
      <ul className={styles.list}>
        {diagnostics.map((d, i) => (
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
        ))}
      </ul>
    </section>
  )
}
