import type { PssLevel, SettingSource, Severity } from '../core/index.ts'
import styles from './Chip.module.css'

type Tone = PssLevel | SettingSource | Severity | 'neutral'

/** A small labelled badge. The text always carries the meaning; colour only repeats it. */
export function Chip({
  tone,
  children,
  title,
}: {
  tone: Tone
  children: React.ReactNode
  title?: string
}) {
  return (
    <span className={`${styles.chip} ${styles[tone]}`} title={title}>
      {children}
    </span>
  )
}
