import { useRef, useState } from 'react'
import { makeLink } from '../../lib/share-links.ts'
import { buildReviewMarkdown } from '../../lib/review-markdown.ts'
import { LEARN_HREF } from '../../lib/teach-routes.ts'
import { analyseCurrent, currentManifest } from './current-manifest.ts'
import { downloadCurrentYaml } from './download.ts'
import { ShareDialog } from './ShareDialog.tsx'
import { TextDialog } from './TextDialog.tsx'
import styles from './HeaderActions.module.css'

/** Share, Copy review, Download YAML and Learn, in the playground header. */
export function HeaderActions() {
  const [sharing, setSharing] = useState(false)
  const [status, setStatus] = useState('')
  const [manualCopy, setManualCopy] = useState<string | null>(null)
  const shareButton = useRef<HTMLButtonElement>(null)

  const copyReview = async () => {
    setStatus('')
    const analysis = analyseCurrent()
    const link = await makeLink('share', currentManifest(), window.location.href)
    const review = buildReviewMarkdown(analysis, link.url)
    try {
      await navigator.clipboard.writeText(review)
      setStatus('Review copied as Markdown')
    } catch {
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
      <button type="button" onClick={downloadCurrentYaml}>
        Download YAML
      </button>
      <a href={LEARN_HREF}>Learn</a>
      <span className={styles.status} role="status">
        {status}
      </span>
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
    </div>
  )
}
