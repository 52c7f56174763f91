import type { Diagnostic, Range } from '../core/index.ts'
import styles from './StaleNotice.module.css'

/** Above a stale analysis: the YAML error, its line, and a way to go there. */
export function StaleNotice({
  error,
  line,
  onReveal,
}: {
  error: Diagnostic
  line: number
  onReveal: (range: Range) => void
}) {
  return (
    <div className={styles.notice} role="status" data-testid="panel.stale-notice">
      <p className={styles.text}>
        <strong>YAML error on line {line}:</strong> {error.message}
      </p>
      <p className={styles.text}>
        <button type="button" className={styles.go} onClick={() => onReveal(error.range)}>
          Go to line {line}
        </button>{' '}
        <span className={styles.muted}>
          Below: the last analysis that could be read (stale) until the text parses again.
        </span>
      </p>
    </div>
  )
}
