import type { AdmissionOutcome, LevelVersion, Workload, WorkloadAdmission } from '../core/index.ts'
import { Chip } from './Chip.tsx'
import { Terminal } from './Terminal.tsx'
import styles from './AdmissionLine.module.css'

const OUTCOME: Record<
  AdmissionOutcome,
  { text: string; tone: 'restricted' | 'warning' | 'error' }
> = {
  admitted: { text: 'Admitted', tone: 'restricted' },
  warned: { text: 'Admitted with a warning', tone: 'warning' },
  rejected: { text: 'Rejected', tone: 'error' },
  'admitted-pods-rejected': { text: 'Admitted, its Pods rejected', tone: 'error' },
}

function policyText({ level, version }: LevelVersion): string {
  return `${level}:${version}`
}

/** Where the namespace and its policy come from, in a few words. */
function origin(admission: WorkloadAdmission): string {
  const ns = admission.namespaceFromContext
    ? `${admission.namespace} (kubectl's current namespace, assumed)`
    : admission.namespace
  return admission.policySource === 'document'
    ? `namespace ${ns}, labels from its Namespace in this manifest`
    : `namespace ${ns}, no Namespace in this manifest: policy from the assumptions bar`
}

/**
 * What `kubectl apply -f -` answers for one workload under its namespace's Pod Security labels:
 * the outcome, the terminal output, how the controller reports refused Pods, and the audit
 * annotation.
 */
export function AdmissionLine({ workload }: { workload: Workload }) {
  const admission = workload.admission
  if (!admission) return null
  const outcome = OUTCOME[admission.outcome]
  const audit = Object.entries(admission.auditAnnotations).filter(([key]) =>
    key.endsWith('/audit-violations'),
  )
  return (
    <section
      className={styles.admission}
      aria-label={`Admission of ${workload.kind} ${workload.name}`}
      data-testid="admission.line"
      data-outcome={admission.outcome}
    >
      <p className={styles.head}>
        <span className={styles.title}>kubectl apply</span>
        <Chip tone={outcome.tone}>{outcome.text}</Chip>
        <span className={styles.policy}>
          {(['enforce', 'warn', 'audit'] as const).map((mode) => (
            <span key={mode} className={styles.mode}>
              {mode} <code>{policyText(admission.policy[mode])}</code>
            </span>
          ))}
        </span>
      </p>
      <p className={styles.origin}>{origin(admission)}</p>
      <Terminal
        command="kubectl apply -f -"
        lines={admission.kubectl}
        label={`kubectl output for ${workload.kind} ${workload.name}`}
      />
      {admission.podsRejected && (
        <div className={styles.block} data-testid="admission.pods-rejected">
          <p className={styles.caption}>
            Enforce rejects each Pod it creates. Event on {admission.podsRejected.involvedObject},
            from {admission.podsRejected.source}:
          </p>
          <p className={styles.event}>
            <span className={styles.eventType}>
              {admission.podsRejected.type} {admission.podsRejected.reason}
            </span>{' '}
            {admission.podsRejected.message}
          </p>
        </div>
      )}
      {audit.map(([key, value]) => (
        <p key={key} className={styles.caption} data-testid="admission.audit">
          Audit log annotation <code>{key}</code>: <code className={styles.value}>{value}</code>
        </p>
      ))}
      {admission.notes.map((note) => (
        <p key={note} className={styles.note}>
          {note}
        </p>
      ))}
    </section>
  )
}
