import {
  dismissLinkNotice,
  keepOpenedText,
  restorePreviousText,
  useLinkStore,
} from '../../store/link-store.ts'
import styles from './LinkNotice.module.css'

/**
 * Above the playground after a link: why it was refused, or that a shared manifest replaced the
 * user's text, with that text one click away until the user decides.
 */
export function LinkNotice() {
  const notice = useLinkStore((s) => s.notice)
  const previous = useLinkStore((s) => s.previous)
  if (notice?.kind === 'refused') {
    return (
      <div className={`${styles.notice} ${styles.refused}`} role="alert" data-testid="link-notice">
        <p>
          {notice.message} <strong>Your own text is unchanged.</strong>
        </p>
        <button type="button" onClick={dismissLinkNotice}>
          Dismiss
        </button>
      </div>
    )
  }
  if (!previous) {
    // The link held exactly the text already here: nothing was replaced, but say it opened.
    if (notice?.kind !== 'opened') return null
    return (
      <div className={styles.notice} role="status" data-testid="link-notice">
        <p>You opened a shared manifest. It is the same as your text, so nothing changed.</p>
        <button type="button" onClick={dismissLinkNotice}>
          Dismiss
        </button>
      </div>
    )
  }
  return (
    <div className={styles.notice} role="status" data-testid="link-notice">
      <p>
        {notice?.kind === 'opened' ? 'You opened a shared manifest.' : 'A shared manifest is open.'}{' '}
        Your previous text is saved.
      </p>
      <button type="button" className={styles.primary} onClick={restorePreviousText}>
        Restore your previous text
      </button>
      <button type="button" onClick={keepOpenedText}>
        Keep the shared one
      </button>
    </div>
  )
}
