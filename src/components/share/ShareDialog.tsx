import { useEffect, useState } from 'react'
import { writeClipboard } from '../../lib/clipboard.ts'
import { makeLink, MAX_LINK_CHARS, type MadeLink } from '../../share/share-links.ts'
import { currentManifest } from './current-manifest.ts'
import { Dialog } from './Dialog.tsx'
import { downloadCurrentYaml } from './download.ts'
import styles from './ShareDialog.module.css'

const number = new Intl.NumberFormat('en')

/** The share dialog: the link for the current text and assumptions, or a file when too long. */
export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const [link, setLink] = useState<MadeLink | null>(null)
  const [copied, setCopied] = useState('')

  useEffect(() => {
    let current = true
    void makeLink('share', currentManifest(), window.location.href).then((made) => {
      if (current) setLink(made)
    })
    return () => {
      current = false
    }
  }, [])

  const copy = async () => {
    if (!link) return
    setCopied(
      (await writeClipboard(link.url))
        ? 'Link copied'
        : 'The clipboard is not available: select the link and copy it.',
    )
  }

  return (
    <Dialog title="Share this manifest" onClose={onClose} testId="share-dialog">
      <p className={styles.lead}>
        The link holds the manifest and the assumptions, compressed into the part after{' '}
        <code>#</code>. Browsers never send that part to a server: whoever opens the link decodes it
        in their own browser.
      </p>
      {!link && <p role="status">Making the link…</p>}
      {link && !link.tooLong && (
        <>
          <label className={styles.label} htmlFor="share-link">
            Link ({number.format(link.url.length)} characters)
          </label>
          <div className={styles.row}>
            <input
              id="share-link"
              className={styles.link}
              readOnly
              value={link.url}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="share-link"
            />
            <button type="button" className={styles.primary} onClick={() => void copy()}>
              Copy link
            </button>
          </div>
          <p className={styles.status} role="status">
            {copied}
          </p>
        </>
      )}
      {link?.tooLong && (
        <div className={styles.tooLong} role="alert">
          <p>
            This link would be {number.format(link.url.length)} characters long. Chrome and Edge
            show at most {number.format(MAX_LINK_CHARS)} characters of an address, so it could
            arrive cut off. Send the YAML as a file instead.
          </p>
          <button
            type="button"
            className={styles.primary}
            onClick={() => void downloadCurrentYaml()}
          >
            Download YAML
          </button>
        </div>
      )}
    </Dialog>
  )
}
