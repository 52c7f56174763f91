import { useEffect, useState } from 'react'
import styles from './CopyButton.module.css'

type CopyState = 'idle' | 'copied' | 'failed'

/**
 * Copies through the old selection API when the Clipboard API is missing or refused
 * (non-secure origins, older browsers, denied permission).
 */
function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  let ok: boolean
  try {
    ok = document.execCommand('copy')
  } catch {
    ok = false
  }
  area.remove()
  return ok
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Fall through to the selection-based copy.
  }
  return copyWithSelection(text)
}

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
