import { PSS_CHECK_INFO } from '../core/index.ts'
import type { Range } from '../core/index.ts'
import { usePlaygroundStore } from '../store/store.ts'
import { Chip } from './Chip.tsx'
import type { Finding as FindingData } from './findings.ts'
import { FixButton } from './FixButton.tsx'
import styles from './Finding.module.css'

interface Props {
  finding: FindingData
  fallbackRange: Range
  onReveal: (range: Range) => void
  onFix: (id: string, title: string) => void
}

/**
 * One failing check in two depths. First the reviewer's line: the control, the upstream message
 * and the Fix button. Then, on demand, the learner's depth: why, how, docs, scanner notes, the
 * related advisory, check id and since. Whether that depth is open is remembered for the reader.
 */
export function Finding({ finding, fallbackRange, onReveal, onFix }: Props) {
  const { check, related, fix } = finding
  const info = PSS_CHECK_INFO[check.id]
  const explain = usePlaygroundStore((s) => s.explainFindings)
  const setExplain = usePlaygroundStore((s) => s.setExplainFindings)
  return (
    <li className={styles.finding}>
      <div className={styles.line}>
        <button
          type="button"
          className={styles.check}
          data-testid="panel.finding"
          data-check={check.id}
          onClick={() => onReveal(check.ranges[0] ?? fallbackRange)}
        >
          <Chip tone={check.level === 'baseline' ? 'privileged' : 'baseline'}>
            fails {check.level}
          </Chip>
          <span className={styles.text}>
            <strong className={styles.control}>{info.control}</strong>{' '}
            <span className={styles.message}>
              <code>{check.reason ?? check.id}</code>
              {check.detail && <> ({check.detail})</>}
            </span>
          </span>
        </button>
      </div>
      <div className={styles.actions}>
        {fix && <FixButton fix={fix} onFix={onFix} />}
        <details
          className={styles.more}
          open={explain}
          onToggle={(e) => {
            if (e.currentTarget.open !== explain) setExplain(e.currentTarget.open)
          }}
        >
          <summary>Why, how to fix, docs</summary>
          <div className={styles.explain}>
            <p className={styles.why} data-testid="panel.finding.why">
              {info.why}
            </p>
            <p>
              <span className={styles.label}>Fix:</span> {info.fix}{' '}
              <a href={info.docs} target="_blank" rel="noreferrer" data-testid="panel.finding.docs">
                {info.control} on kubernetes.io
              </a>
            </p>
            {related.map((a) => (
              <p key={a.code} data-testid="panel.finding.related">
                <span className={styles.label}>Also:</span> {a.message}. {a.why}
              </p>
            ))}
            {check.scannerNote && <p className={styles.note}>{check.scannerNote}</p>}
            <p className={styles.id}>
              {check.id} · {check.level}
              {info.since !== 'v1.0' && ` · checked since ${info.since}`}
            </p>
          </div>
        </details>
      </div>
    </li>
  )
}
