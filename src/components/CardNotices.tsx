import type { Diagnostic, Range } from '../core/index.ts'
import { AssumptionLink } from './AssumptionLink.tsx'
import { Chip } from './Chip.tsx'
import styles from './CardNotices.module.css'

const SEVERITY_LABEL: Record<Diagnostic['severity'], string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
}

/**
 * What the kubelet would say about this workload under the current assumptions: a notice of the
 * condition the image must meet, or the kubelet's own refusal, each naming the assumption.
 */
export function CardNotices({
  notices,
  onReveal,
}: {
  notices: Diagnostic[]
  onReveal: (range: Range) => void
}) {
  if (notices.length === 0) return null
  return (
    <ul className={styles.notices} aria-label="Kubelet checks">
      {notices.map((d, i) => (
        <li
          key={`${d.code}-${d.range[0]}-${i}`}
          className={styles.notice}
          data-testid="panel.notice"
          data-code={d.code}
          data-severity={d.severity}
        >
          <button type="button" className={styles.reveal} onClick={() => onReveal(d.range)}>
            <Chip tone={d.severity}>
              {d.source} {SEVERITY_LABEL[d.severity]}
            </Chip>{' '}
            <span className={styles.message}>{d.message}</span>
          </button>{' '}
          {d.assumption && <AssumptionLink assumption={d.assumption} />}
        </li>
      ))}
    </ul>
  )
}
