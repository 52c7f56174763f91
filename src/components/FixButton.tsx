import type { Fix } from '../core/index.ts'
import styles from './FixButton.module.css'

/** Applies a fix to the editor text in one click; Ctrl+Z in the editor takes it back. */
export function FixButton({
  fix,
  onFix,
}: {
  fix: Fix
  onFix: (id: string, title: string) => void
}) {
  return (
    <button
      type="button"
      className={styles.fix}
      data-testid="panel.fix"
      title="Edits the manifest in place, keeping comments and layout. Undo with Ctrl+Z in the editor."
      onClick={() => onFix(fix.id, fix.title)}
    >
      Apply fix: {fix.title}
    </button>
  )
}
