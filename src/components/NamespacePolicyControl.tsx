import { useId } from 'react'
import {
  POLICY_VERSIONS,
  PSS_LEVELS,
  type NamespaceLabels,
  type PodSecurityLabel,
} from '../core/index.ts'
import { usePlaygroundStore } from '../store/store.ts'
import styles from './NamespacePolicyControl.module.css'

const ENFORCE: PodSecurityLabel = 'pod-security.kubernetes.io/enforce'
const ENFORCE_VERSION: PodSecurityLabel = 'pod-security.kubernetes.io/enforce-version'
const WARN: PodSecurityLabel = 'pod-security.kubernetes.io/warn'
const AUDIT: PodSecurityLabel = 'pod-security.kubernetes.io/audit'

/**
 * The Pod Security labels assumed on namespaces that no Namespace in the manifest defines
 * (`default` included). "not set" leaves the label out, as on a namespace without it.
 */
export function NamespacePolicyControl() {
  const labels = usePlaygroundStore((s) => s.options.namespaceLabels)
  const set = usePlaygroundStore((s) => s.setAssumption)
  const id = useId()
  const update = (label: PodSecurityLabel, value: string) => {
    const next: NamespaceLabels = { ...labels }
    if (value === '') delete next[label]
    else next[label] = value
    set('namespaceLabels', next)
  }
  const levelSelect = (label: PodSecurityLabel, name: string) => (
    <label className={styles.item}>
      <span>{name}</span>
      <select
        aria-label={`Assumed ${name} level`}
        value={labels[label] ?? ''}
        onChange={(e) => update(label, e.target.value)}
      >
        <option value="">not set</option>
        {PSS_LEVELS.map((level) => (
          <option key={level} value={level}>
            {level}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <div
      className={styles.control}
      role="group"
      aria-labelledby={`${id}-title`}
      data-testid="assumptions.namespace-policy"
    >
      <span id={`${id}-title`} className={styles.title}>
        Namespaces without a Namespace document
      </span>
      <span className={styles.row}>
        {levelSelect(ENFORCE, 'enforce')}
        <label className={styles.item}>
          <span>version</span>
          <select
            aria-label="Assumed enforce version"
            value={labels[ENFORCE_VERSION] ?? ''}
            onChange={(e) => update(ENFORCE_VERSION, e.target.value)}
          >
            <option value="">not set</option>
            {POLICY_VERSIONS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        {levelSelect(WARN, 'warn')}
        {levelSelect(AUDIT, 'audit')}
      </span>
    </div>
  )
}
