import { THEMES, type Theme } from '../store/preferences-slice.ts'
import { usePlaygroundStore } from '../store/store.ts'
import styles from './ThemeToggle.module.css'

const LABEL: Record<Theme, string> = { system: 'Auto', light: 'Light', dark: 'Dark' }

/** Light, dark, or follow the operating system. */
export function ThemeToggle() {
  const theme = usePlaygroundStore((s) => s.theme)
  const setTheme = usePlaygroundStore((s) => s.setTheme)
  return (
    <div className={styles.group} role="group" aria-label="Colour theme">
      {THEMES.map((t) => (
        <button
          key={t}
          type="button"
          aria-pressed={theme === t}
          className={styles.option}
          onClick={() => setTheme(t)}
        >
          {LABEL[t]}
        </button>
      ))}
    </div>
  )
}
