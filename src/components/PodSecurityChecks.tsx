import { PSS_CHECK_INFO, PSS_PAGE } from '../core/index.ts'
import type { PodSecurity, PssLevel, Range, WorkloadKind } from '../core/index.ts'
import { CopyButton } from './decoder/CopyButton.tsx'
import { Finding } from './Finding.tsx'
import type { Finding as FindingData } from './findings.ts'
import styles from './PodSecurityChecks.module.css'

interface Props {
  podSecurity: PodSecurity
  /** The workload's kind: admission enforces bare Pods only; controllers are warned about. */
  kind: WorkloadKind
  /** The failing checks, each with the advisories about the same field folded in. */
  findings: FindingData[]
  /** Where to go when a check has no range of its own. */
  fallbackRange: Range
  onReveal: (range: Range) => void
  onFix: (id: string, title: string) => void
  /** The API server refuses the object as written, so admission never evaluates it. */
  apiRejects?: boolean
}

// Pod Security admission enforces only Pods. For controllers (Deployment, Job, …) it checks the
// pod template in warn and audit mode only: the object is accepted, and it is the Pods made from
// the template that enforce rejects. Upstream: kubernetes/pod-security-admission
// admission/admission.go (ValidatePod, ValidatePodController).
function levelMeaning(level: PssLevel, kind: WorkloadKind): string {
  if (kind === 'Pod') {
    switch (level) {
      case 'privileged':
        return 'Fails baseline: a namespace that enforces baseline or restricted rejects this Pod.'
      case 'baseline':
        return 'Passes baseline, fails restricted: admitted where baseline is enforced, rejected where restricted is.'
      case 'restricted':
        return 'Meets restricted: admitted even where restricted is enforced.'
    }
  }
  switch (level) {
    case 'privileged':
      return `Fails baseline: where baseline or restricted is enforced, the API server still accepts this ${kind} (with a warning), but rejects every Pod created from its template.`
    case 'baseline':
      return `Passes baseline, fails restricted: where restricted is enforced, this ${kind} is accepted with a warning and the Pods created from its template are rejected.`
    case 'restricted':
      return `Meets restricted: Pods created from this ${kind}’s template are admitted even where restricted is enforced.`
  }
}

/** The heading above the admission text for one failing level. */
function AdmissionHeading({
  level,
  kind,
}: {
  level: 'baseline' | 'restricted'
  kind: WorkloadKind
}) {
  if (kind === 'Pod') {
    return (
      <>
        Where {level} is enforced, <code>kubectl apply</code> would fail with:
      </>
    )
  }
  return (
    <>
      Where the namespace warns or enforces at {level}, <code>kubectl apply</code> creates this{' '}
      {kind} and prints this warning; where {level} is enforced, each Pod created from its template
      is rejected.
    </>
  )
}

/**
 * The Pod Security level of a workload: every failing check with its control, why and fix (each
 * one a link into the text), the admission text per failing level, and the passing checks.
 */
export function PodSecurityChecks({
  podSecurity,
  kind,
  findings,
  fallbackRange,
  onReveal,
  onFix,
  apiRejects = false,
}: Props) {
  const passing = podSecurity.checks.filter((c) => c.allowed)
  const messages = (['baseline', 'restricted'] as const).flatMap((level) => {
    const text = podSecurity.message[level]
    return text === undefined ? [] : [{ level, text }]
  })
  return (
    <section className={styles.pss} aria-label="Pod Security Standards">
      <p className={styles.summary}>
        {apiRejects && (
          <strong data-testid="panel.api-rejects">
            The API server rejects this {kind} as written (see the errors above), before Pod
            Security admission runs. Once they are fixed:{' '}
          </strong>
        )}
        {levelMeaning(podSecurity.level, kind)}{' '}
        <span className={styles.version}>
          Rules {podSecurity.rulesVersion}
          {podSecurity.version === 'latest' ? ' (latest)' : ''}.
        </span>{' '}
        <a href={PSS_PAGE} target="_blank" rel="noreferrer">
          Pod Security Standards
        </a>
      </p>
      {findings.length > 0 && (
        <ul className={styles.checks}>
          {findings.map((finding) => (
            <Finding
              key={finding.check.id}
              finding={finding}
              fallbackRange={fallbackRange}
              onReveal={onReveal}
              onFix={onFix}
            />
          ))}
        </ul>
      )}
      {messages.length > 0 && (
        <details className={styles.passing} data-testid="panel.admission-texts">
          <summary>What kubectl apply prints</summary>
          {messages.map(({ level, text }) => (
            <div
              key={level}
              className={styles.admission}
              data-testid="panel.admission"
              data-level={level}
            >
              <div className={styles.admissionHead}>
                <p className={styles.admissionHeading}>
                  <AdmissionHeading level={level} kind={kind} />
                </p>
                <CopyButton text={text} label={`${level} admission message`} />
              </div>
              <pre className={styles.message}>{text}</pre>
            </div>
          ))}
        </details>
      )}
      {passing.length > 0 && (
        <details className={styles.passing} data-testid="panel.passing">
          <summary>
            {passing.length} {passing.length === 1 ? 'check passes' : 'checks pass'} at{' '}
            {podSecurity.rulesVersion}
          </summary>
          <ul className={styles.passList}>
            {passing.map((check) => (
              <li key={check.id}>
                <span>{PSS_CHECK_INFO[check.id].control}</span>{' '}
                <span className={styles.id}>
                  {check.id} · {check.level}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
