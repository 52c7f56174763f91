import { useEffect } from 'react'
import { APP_TITLE, faviconFor, titleFor, type Verdict } from '../components/verdict.ts'

/** Shows the verdict in the browser tab: the page title and the favicon's colour. */
export function useVerdictInTab(verdict: Verdict | null, stale: boolean): void {
  const title = titleFor(verdict, stale)
  const level = verdict && !stale ? verdict.worst : null
  useEffect(() => {
    document.title = title
    const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]')
    const original = icon?.href
    if (icon) icon.href = faviconFor(level)
    return () => {
      document.title = APP_TITLE
      if (icon && original !== undefined) icon.href = original
    }
  }, [title, level])
}
