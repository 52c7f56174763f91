import type { PssLevel } from '../core/index.ts'
import { usePlaygroundStore } from '../store/store.ts'
import styles from './FixAllButtons.module.css'

/**
 * "Fix all to baseline / restricted" for one workload (`workload` is its index) or for the whole
 * paste: opens the preview of every change before anything is edited.
 */
export function FixAllButtons({ level, workload }: { level: PssLevel; workload?: number }) {
  const openFixAll = usePlaygroundStore((s) => s.openFixAll)
  if (level === 'restricted') return null
  const targets =
    level === 'privileged' ? (['baseline', 'restricted'] as const) : (['restricted'] as const)
  const scope = workload === undefined ? 'every workload' : 'this workload'
  return (
    <span className={styles.group}>
      {targets.map((target) => (
        <button
          key={target}
          type="button"
          className={styles.button}
          data-testid="fixall.open"
          data-level={target}
          title={`Preview every fix that brings ${scope} to ${target}, then apply them as one change`}
          onClick={() =>
            openFixAll(workload === undefined ? { level: target } : { level: target, workload })
          }
        >
          Fix all to {target}
          {workload === undefined ? ' (whole paste)' : ''}
        </button>
      ))}
    </span>
  )
}
