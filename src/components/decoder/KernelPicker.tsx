import { useId } from 'react'
import { KERNEL_CAPABILITY_STEPS } from '../../core/index.ts'
import { kernelStepLabel } from './decoder-input.ts'
import styles from './DecoderPage.module.css'

/** The node kernel, by its cap_last_cap step: it decides which capabilities exist and what ALL is. */
export function KernelPicker({
  capLastCap,
  onChange,
}: {
  capLastCap: number
  onChange: (capLastCap: number) => void
}) {
  const id = useId()
  return (
    <div className={styles.kernel}>
      <label htmlFor={id} className={styles.label}>
        Node kernel · cap_last_cap
      </label>
      <select
        id={id}
        className={styles.select}
        value={capLastCap}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {KERNEL_CAPABILITY_STEPS.map((step) => (
          <option key={step.capLastCap} value={step.capLastCap}>
            {kernelStepLabel(step)} · {step.capLastCap}
          </option>
        ))}
      </select>
    </div>
  )
}
