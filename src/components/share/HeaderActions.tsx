import { lazy, Suspense, useRef, useState } from 'react'
import { writeClipboard } from '../../lib/clipboard.ts'
import { LEARN_HREF } from '../../lib/route.ts'
import { analyseCurrent, currentManifest } from './current-manifest.ts'
import { downloadCurrentYaml } from './download.ts'
import styles from './HeaderActions.module.css'

// Links, the review and the dialogs load on first use, keeping them out of the first paint.
const ShareDialog = lazy(() => import('./ShareDialog.tsx'))
const TextDialog = lazy(() => import('./TextDialog.tsx'))

/** Share, Copy review, Download YAML and Learn, in the playground header. */
export function HeaderActions() {
  const [sharing, setSharing] = useState(false)
  const [status, setStatus] = useState('')
  const [manualCopy, setManualCopy] = useState<string | null>(null)
  const shareButton = useRef<HTMLButtonElement>(null)

  const copyReview = async () => {
    setStatus('')
    const [analysis, { makeLink }, { buildReviewMarkdown }] = await Promise.all([
      analyseCurrent(),
      import('../../share/share-links.ts'),
      import('../../share/review-markdown.ts'),
    ])
    const link = await makeLink('share', currentManifest(), window.location.href)
    const review = buildReviewMarkdown(analysis, link.url)
    if (await writeClipboard(review)) {
      setStatus('Review copied as Markdown')
    } else {
      // No clipboard permission (or an insecure origin): let the user copy it by hand.
      setManualCopy(review)
    }
  }

  return (
    <div className={styles.actions}>
      <button ref={shareButton} type="button" onClick={() => setSharing(true)}>
        Share
      </button>
      <button type="button" onClick={() => void copyReview()}>
        Copy review
      </button>
      <button type="button" onClick={() => void downloadCurrentYaml()}>
        Download YAML
      </button>
      <a href={LEARN_HREF}>Learn</a>
      <span className={styles.status} role="status">
        {status}
      </span>
      <Suspense fallback={null}>
        {sharing && (
          <ShareDialog
            onClose={() => {
              setSharing(false)
              shareButton.current?.focus()
            }}
          />
        )}
        {manualCopy !== null && (
          <TextDialog
            title="Copy the review"
            note="The clipboard could not be reached. Select the text below and copy it."
            text={manualCopy}
            onClose={() => setManualCopy(null)}
          />
        )}
      </Suspense>
    </div>
  )
}
