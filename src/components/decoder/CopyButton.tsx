import { useEffect, useState } from 'react'
import { copyText } from '../../lib/clipboard.ts'
import styles from './CopyButton.module.css'

type CopyState = 'idle' | 'copied' | 'failed'

/** A "Copy" button with a spoken confirmation; `label` names what is copied for screen readers. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<CopyState>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = window.setTimeout(() => setState('idle'), 2000)
    return () => window.clearTimeout(timer)
  }, [state])

  return (
    <span className={styles.wrap}>
      <button
        type="button"
        className={styles.button}
        aria-label={`Copy ${label}`}
        onClick={() => {
          void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))
        }}
      >
        Copy
      </button>
      <span className={styles.status} role="status" aria-live="polite">
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Copy failed: select the text and press Ctrl+C'
            : ''}
      </span>
    </span>
  )
}
