import { useEffect } from 'react'
import { replaceHash } from '../../lib/route.ts'
import { openSharedManifest, refuseLink } from '../../store/link-store.ts'

/**
 * Reads `#/share/<version>/<data>`, opens it or says why not, then leaves the link for `#/` so
 * a reload does not open it again over later edits.
 */
export function SharedLinkOpener({ link }: { link: string }) {
  useEffect(() => {
    let current = true
    // The link reader loads on demand: most visits never open a link.
    void import('../../share/share-links.ts')
      .then(({ readLink }) => readLink('share', link))
      .then((read) => {
        if (!current) return
        if (read.ok) openSharedManifest(read.value)
        else refuseLink(read.error)
        replaceHash('#/')
      })
    return () => {
      current = false
    }
  }, [link])
  return null
}
