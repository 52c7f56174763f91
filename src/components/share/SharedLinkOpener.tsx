import { useEffect } from 'react'
import { openSharedManifest, refuseLink } from '../../store/link-store.ts'

/**
 * Reads `#/share/<version>/<data>`, opens it or says why not, then leaves the link for `#/` so
 * a reload does not open it again over later edits.
 */
export function SharedLinkOpener({ link }: { link: string }) {
  useEffect(() => {
    let current = true
    // The link reader loads on demand: most visits never open a link.
    void import('../../lib/share-links.ts')
      .then(({ readLink }) => readLink('share', link))
      .then((read) => {
        if (!current) return
        if (read.ok) openSharedManifest(read.value)
        else refuseLink(read.error)
        window.location.replace('#/')
      })
    return () => {
      current = false
    }
  }, [link])
  return null
}
