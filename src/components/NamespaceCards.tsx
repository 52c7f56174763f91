import type { Analysis, NamespaceAdmission, PolicyMode, Range } from '../core/index.ts'
import { Chip } from './Chip.tsx'
import { CopyButton } from './decoder/CopyButton.tsx'
import { Terminal } from './Terminal.tsx'
import styles from './NamespaceCards.module.css'

const MODES: readonly { mode: PolicyMode; effect: string }[] = [
  { mode: 'enforce', effect: 'rejects Pods of' },
  { mode: 'warn', effect: 'warns on' },
  { mode: 'audit', effect: 'audits' },
]

function written(ns: NamespaceAdmission, mode: PolicyMode): string {
  const level = ns.labels[`pod-security.kubernetes.io/${mode}`]
  const version = ns.labels[`pod-security.kubernetes.io/${mode}-version`]
  if (level === undefined && version === undefined) return 'not set'
  return [level, version].filter((v) => v !== undefined).join(', ')
}

function workloadsText(count: number): string {
  return `${count} ${count === 1 ? 'workload' : 'workloads'}`
}

/** One namespace: its Pod Security labels, the policy they mean, and what each mode stops. */
function NamespaceCard({ ns, onReveal }: { ns: NamespaceAdmission; onReveal: (r: Range) => void }) {
  const range = ns.range
  return (
    <article
      className={styles.card}
      aria-label={`Namespace ${ns.name}`}
      data-testid="admission.namespace"
      data-namespace={ns.name}
    >
      <header className={styles.header}>
        <h3 className={styles.title}>
          {range ? (
            <button type="button" className={styles.link} onClick={() => onReveal(range)}>
              <span className={styles.kind}>Namespace</span> {ns.name}
            </button>
          ) : (
            <>
              <span className={styles.kind}>Namespace</span> {ns.name}
            </>
          )}
        </h3>
        <Chip tone="neutral">
          {ns.source === 'document' ? 'in this manifest' : 'assumed (assumptions bar)'}
        </Chip>
      </header>
      <table className={styles.modes}>
        <caption className={styles.caption}>
          Pod Security modes for {workloadsText(ns.workloads)} in this namespace
        </caption>
        <thead>
          <tr>
            <th scope="col">Mode</th>
            <th scope="col">Label</th>
            <th scope="col">Evaluated as</th>
            <th scope="col">Acts on</th>
          </tr>
        </thead>
        <tbody>
          {MODES.map(({ mode, effect }) => (
            <tr key={mode} data-testid={`admission.namespace.${mode}`}>
              <th scope="row">{mode}</th>
              <td className={styles.written}>{written(ns, mode)}</td>
              <td>
                <code>
                  {ns.policy[mode].level}:{ns.policy[mode].version}
                </code>
              </td>
              <td data-testid={`admission.namespace.${mode}.stops`}>
                {ns.stops[mode] === 0 ? 'none' : `${effect} ${workloadsText(ns.stops[mode])}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ns.labelErrors.length > 0 && (
        <div className={styles.errors} data-testid="admission.namespace.errors">
          <p className={styles.text}>kubectl apply refuses this Namespace:</p>
          <Terminal
            command="kubectl apply -f -"
            lines={ns.kubectl}
            label={`kubectl output for Namespace ${ns.name}`}
          />
        </div>
      )}
      {ns.workloads > 0 && (
        <div className={styles.suggestion} data-testid="admission.namespace.suggestion">
          <p className={styles.text}>
            {ns.suggestion.level === 'privileged' ? (
              <>
                Only <strong>privileged</strong> admits all {workloadsText(ns.workloads)} here: at
                baseline, enforce would reject some of their Pods.
              </>
            ) : (
              <>
                Strictest enforce that admits all {workloadsText(ns.workloads)} here:{' '}
                <strong>
                  {ns.suggestion.level}:{ns.suggestion.version}
                </strong>
              </>
            )}
          </p>
          <div className={styles.copyRow}>
            <pre className={styles.snippet}>{ns.suggestion.yaml}</pre>
            <CopyButton text={ns.suggestion.yaml} label={`labels for namespace ${ns.name}`} />
          </div>
          {ns.suggestion.command && (
            <div className={styles.copyRow}>
              <pre className={styles.snippet}>{ns.suggestion.command}</pre>
              <CopyButton
                text={ns.suggestion.command}
                label={`kubectl label command for namespace ${ns.name}`}
              />
            </div>
          )}
        </div>
      )}
      {ns.notes.map((note) => (
        <p key={note} className={styles.note}>
          {note}
        </p>
      ))}
    </article>
  )
}

/**
 * The namespaces the manifest's workloads go to, one card each, with a reminder that exemptions
 * live in the API server's configuration.
 */
export function NamespaceCards({
  admission,
  onReveal,
}: {
  admission: Analysis['admission'] | undefined
  onReveal: (range: Range) => void
}) {
  if (!admission || admission.namespaces.length === 0) return null
  return (
    <section className={styles.section} aria-label="Namespaces" data-testid="admission.namespaces">
      {admission.namespaces.map((ns) => (
        <NamespaceCard key={ns.name} ns={ns} onReveal={onReveal} />
      ))}
      <p className={styles.footnote}>
        Pod Security exemptions (usernames, runtime classes, namespaces) are configured on the API
        server and are not visible here; the outcomes assume none.
      </p>
    </section>
  )
}
