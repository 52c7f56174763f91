import type { AnalysisOptions } from '../core/index.ts'
import { usePlaygroundStore } from '../store/store.ts'
import styles from './AssumptionLink.module.css'

/** The id of the control that changes an assumption (set in the assumptions bar). */
export function assumptionControlId(key: keyof AnalysisOptions): string {
  return `assumption-${key}`
}

/** An assumption as the reader should see it: its name and the value in force. */
export function describeAssumption(key: keyof AnalysisOptions, options: AnalysisOptions): string {
  switch (key) {
    case 'imageUser': {
      const user = options.imageUser
      if (user === null) return 'image USER unknown'
      if (user === 0) return 'image USER root (0)'
      return typeof user === 'number' ? `image USER ${user}` : `image USER "${user}"`
    }
    case 'appArmor':
      return options.appArmor ? 'AppArmor enabled on the node' : 'AppArmor disabled on the node'
    case 'seccompDefault':
      return `kubelet seccompDefault ${options.seccompDefault ? 'on' : 'off'}`
    case 'runtime':
      return `runtime ${options.runtime}`
    case 'kernel':
      return `kernel ${options.kernel}`
    case 'kubernetesVersion':
      return `Pod Security ${options.kubernetesVersion}`
    case 'namespaceLabels':
      return 'the namespace Pod Security labels'
  }
}

/**
 * "(assumed: image USER unknown, change)": names the assumption and moves to its control. The
 * button and the closing parenthesis stay together when the line wraps.
 */
export function AssumptionLink({ assumption }: { assumption: keyof AnalysisOptions }) {
  const options = usePlaygroundStore((s) => s.options)
  return (
    <span className={styles.assumption}>
      (assumed: {describeAssumption(assumption, options)},{' '}
      <span className={styles.keep}>
        <button
          type="button"
          className={styles.change}
          onClick={() => {
            const control = document.getElementById(assumptionControlId(assumption))
            control?.scrollIntoView({ block: 'nearest' })
            control?.focus()
          }}
        >
          change
        </button>
        )
      </span>
    </span>
  )
}
