import { useId, useState } from 'react'
import { decodeCapabilities, type ContainerRuntime } from '../../core/index.ts'
import {
  RUNTIME_LABELS,
  capabilityLabel,
  diffMasks,
  runtimeDefaultHex,
} from '../../lib/caps-view.ts'
import styles from './ComparePanel.module.css'

type Reference = ContainerRuntime | 'mask'

const RUNTIMES = Object.keys(RUNTIME_LABELS) as ContainerRuntime[]

/** The reference mask, or the reason there is none (a bad or empty second mask). */
function referenceHex(
  reference: Reference,
  other: string,
  setLabel: string,
  capLastCap: number,
): { hex: string } | { error: string | null } {
  if (reference !== 'mask') {
    const hex = runtimeDefaultHex(reference)
    return hex === null ? { error: 'This runtime default could not be encoded.' } : { hex }
  }
  if (other.trim() === '') return { error: null }
  const decoded = decodeCapabilities(other, { capLastCap })
  if (!decoded.ok) return { error: decoded.error }
  // A pasted status file compares line for line; a bare mask compares with whatever is shown.
  const set = decoded.sets.find((s) => s.label === setLabel) ?? decoded.sets[0]
  return set ? { hex: set.hex } : { error: null }
}

function NameList({ bits, id, empty }: { bits: number[]; id: string; empty: string }) {
  if (bits.length === 0) return <p className={styles.none}>{empty}</p>
  return (
    <ul className={styles.list} aria-labelledby={id}>
      {bits.map((bit) => (
        <li key={bit}>
          <code>{capabilityLabel(bit)}</code>
        </li>
      ))}
    </ul>
  )
}

/**
 * Added and missing capabilities of the shown mask against a runtime default or a second mask,
 * which takes every form the main field does (`ALL` meaning every capability of the chosen kernel).
 */
export function ComparePanel({
  hex,
  setLabel,
  capLastCap,
}: {
  hex: string
  setLabel: string
  capLastCap: number
}) {
  const [reference, setReference] = useState<Reference>('containerd')
  const [other, setOther] = useState('')
  const id = useId()
  const ref = referenceHex(reference, other, setLabel, capLastCap)
  const refName =
    reference === 'mask' ? 'the second mask' : `the ${RUNTIME_LABELS[reference]} default`
  const diff = 'hex' in ref ? diffMasks(hex, ref.hex) : null

  return (
    <section className={styles.panel} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.title}>
        Compare
      </h2>
      <div className={styles.controls}>
        <label htmlFor={`${id}-ref`}>
          Compare {setLabel === 'mask' ? 'the mask' : setLabel} with
        </label>
        <select
          id={`${id}-ref`}
          className={styles.select}
          value={reference}
          onChange={(e) => setReference(e.target.value as Reference)}
        >
          {RUNTIMES.map((runtime) => (
            <option key={runtime} value={runtime}>
              {RUNTIME_LABELS[runtime]} default
            </option>
          ))}
          <option value="mask">another mask…</option>
        </select>
      </div>
      {reference === 'mask' && (
        <div className={styles.other}>
          <label htmlFor={`${id}-other`} className={styles.otherLabel}>
            Second mask
          </label>
          <input
            id={`${id}-other`}
            className={styles.input}
            value={other}
            spellCheck={false}
            autoComplete="off"
            placeholder="e.g. 00000000000005fb or CHOWN, KILL"
            aria-invalid={'error' in ref && ref.error !== null}
            aria-describedby={`${id}-other-error`}
            onChange={(e) => setOther(e.target.value)}
          />
          <p id={`${id}-other-error`} className={styles.error} role="alert">
            {'error' in ref ? ref.error : ''}
          </p>
        </div>
      )}
      {'hex' in ref && diff && (
        <>
          <p className={styles.ref}>
            Reference: <code>{ref.hex}</code>
            {diff.added.length === 0 && diff.missing.length === 0 && (
              <strong className={styles.same}> Same as {refName}.</strong>
            )}
          </p>
          <div className={styles.columns}>
            <div>
              <h3 id={`${id}-added`} className={styles.subtitle}>
                Added ({diff.added.length})
              </h3>
              <p className={styles.explain}>Here, not in {refName}.</p>
              <NameList bits={diff.added} id={`${id}-added`} empty="None." />
            </div>
            <div>
              <h3 id={`${id}-missing`} className={styles.subtitle}>
                Missing ({diff.missing.length})
              </h3>
              <p className={styles.explain}>In {refName}, not here.</p>
              <NameList bits={diff.missing} id={`${id}-missing`} empty="None." />
            </div>
          </div>
          {reference === 'cri-o' && (
            <p className={styles.explain}>
              CRI-O nodes can change this list with <code>default_capabilities</code> in crio.conf.
            </p>
          )}
        </>
      )}
    </section>
  )
}
