import { useEffect, useState } from 'react'
import { usePlaygroundStore } from '../store/store.ts'
import styles from './AnalysisStatus.module.css'

/** Typing pauses shorter than this show no status: most analyses are back by then. */
const SHOW_AFTER_MS = 400

/**
 * Says the panel is catching up while a long analysis runs (a large paste): the previous result
 * stays on screen below. Quick analyses show nothing, so typing does not make it flicker.
 */
export function AnalysisStatus() {
  const updating = usePlaygroundStore((s) => s.status === 'updating')
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (!updating) return
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS)
    return () => {
      clearTimeout(timer)
      setShown(false)
    }
  }, [updating])
  // The live region is always in the page so screen readers announce the change when it comes.
  return (
    <div
      role="status"
      className={styles.status}
      data-testid="panel.status"
      data-updating={updating}
    >
      {updating && shown && <span className={styles.badge}>Updating the analysis…</span>}
    </div>
  )
}
