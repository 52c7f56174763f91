import { parseTeachRoute, type TeachRoute } from './teach-routes.ts'

/** The app's views, addressed by the URL hash so links work without a server. */
export type Route = { view: 'playground' } | { view: 'caps'; input: string } | TeachRoute

/** `#/caps/<mask>` opens the capability decoder with that mask; anything else is the playground. */
export function parseRoute(hash: string): Route {
  const match = /^#\/caps(?:\/(.*))?$/.exec(hash)
  if (!match) return parseTeachRoute(hash) ?? { view: 'playground' }
  let input = match[1] ?? ''
  try {
    input = decodeURIComponent(input)
  } catch {
    // Keep the raw text: a malformed escape must not hide what the user linked to.
  }
  return { view: 'caps', input }
}

export function capsHref(mask: string): string {
  return `#/caps/${encodeURIComponent(mask)}`
}
