import type { PodSecurity, PssCheck, Range } from '../core/index.ts'
import { PSS_DOCS } from '../editor/analysis-markers.ts'
import { Chip } from './Chip.tsx'
import styles from './PodSecurityChecks.module.css'

interface Props {
  podSecurity: PodSecurity
  failing: PssCheck[]
  /** Where to go when a check has no range of its own. */
  fallbackRange: Range
  onReveal: (range: Range) => void
}

const LEVEL_MEANING = {
  privileged:
    'Fails baseline: admission rejects it in any namespace that enforces baseline or restricted.',
  baseline: 'Passes baseline but not restricted: fine for most namespaces, not for hardened ones.',
  restricted: 'Passes every check: admitted even where restricted is enforced.',
} as const

/** The Pod Security level of a workload and every check it fails, each one a link into the text. */
export function PodSecurityChecks({ podSecurity, failing, fallbackRange, onReveal }: Props) {
  return (
    <section className={styles.pss} aria-label="Pod Security Standards">
      <p className={styles.summary}>
        {LEVEL_MEANING[podSecurity.level]}{' '}
        <span className={styles.version}>
          Rules {podSecurity.rulesVersion}
          {podSecurity.version === 'latest' ? ' (latest)' : ''}.
        </span>{' '}
        <a href={PSS_DOCS} target="_blank" rel="noreferrer">
          Pod Security Standards
        </a>
      </p>
      {failing.length > 0 && (
        <ul className={styles.checks}>
          {failing.map((check) => (
            <li key={check.id}>
              <button
                type="button"
                className={styles.check}
                data-testid="panel.finding"
                onClick={() => onReveal(check.ranges[0] ?? fallbackRange)}
              >
                <Chip tone={check.level === 'baseline' ? 'privileged' : 'baseline'}>
                  fails {check.level}
                </Chip>
                <span className={styles.text}>
                  <strong>{check.reason ?? check.id}</strong>
                  {check.detail && <span className={styles.detail}>{check.detail}</span>}
                  <span className={styles.id}>{check.id}</span>
                </span>
              </button>
              {check.scannerNote && <p className={styles.note}>{check.scannerNote}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
