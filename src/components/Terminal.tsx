import styles from './Terminal.module.css'

/**
 * Text as a terminal shows it: the command after a prompt, then the output lines. kubectl colours
 * the `Warning:` prefix (client-go rest/warnings.go); the rest is plain.
 */
export function Terminal({
  command,
  lines,
  label,
}: {
  command?: string
  lines: readonly string[]
  label: string
}) {
  return (
    <pre className={styles.terminal} aria-label={label} tabIndex={0}>
      {command !== undefined && (
        <span className={styles.prompt}>
          <span aria-hidden="true">$ </span>
          {command}
          {'\n'}
        </span>
      )}
      {lines.map((line, index) => (
        <span key={index} className={line.startsWith('Error') ? styles.error : undefined}>
          {line.startsWith('Warning: ') ? (
            <>
              <span className={styles.warning}>Warning:</span>
              {line.slice('Warning:'.length)}
            </>
          ) : (
            line
          )}
          {index < lines.length - 1 ? '\n' : ''}
        </span>
      ))}
    </pre>
  )
}
