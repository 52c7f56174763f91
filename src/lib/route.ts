/**
 * The app's address: its views live in the URL hash, so links work without a server and the
 * hash never reaches one. This module parses and writes hashes and is the only code that reads
 * or changes the location's hash.
 */

/** The routes of sharing and teaching; their link data is validated later, by the link reader. */
export type TeachRoute =
  | { view: 'share'; link: string }
  | { view: 'learn'; lesson: string | null }
  | { view: 'challenge-new' }
  | { view: 'challenge'; link: string }

export type Route = { view: 'playground' } | { view: 'caps'; input: string } | TeachRoute

export const LEARN_HREF = '#/learn'
export const NEW_CHALLENGE_HREF = '#/challenge/new'

export function lessonHref(id: string): string {
  return `#/learn/${id}`
}

export function capsHref(mask: string): string {
  return `#/caps/${encodeURIComponent(mask)}`
}

/**
 * `#/caps/<mask>` opens the capability decoder, `#/share/<version>/<data>` a shared manifest,
 * `#/learn` and `#/learn/<lesson>` the lessons, `#/challenge/new` the challenge builder and
 * `#/challenge/<version>/<data>` a challenge; anything else is the playground.
 */
export function parseRoute(hash: string): Route {
  const caps = /^#\/caps(?:\/(.*))?$/.exec(hash)
  if (caps) {
    let input = caps[1] ?? ''
    try {
      input = decodeURIComponent(input)
    } catch {
      // Keep the raw text: a malformed escape must not hide what the user linked to.
    }
    return { view: 'caps', input }
  }
  const share = /^#\/share\/(.*)$/s.exec(hash)
  if (share) return { view: 'share', link: share[1] ?? '' }
  const learn = /^#\/learn(?:\/([^/]*))?\/?$/.exec(hash)
  if (learn) return { view: 'learn', lesson: learn[1] ? learn[1] : null }
  if (hash === NEW_CHALLENGE_HREF) return { view: 'challenge-new' }
  const challenge = /^#\/challenge\/(.*)$/s.exec(hash)
  if (challenge) return { view: 'challenge', link: challenge[1] ?? '' }
  return { view: 'playground' }
}

export function currentHash(): string {
  return window.location.hash
}

/** Calls `onChange` after every change of the hash; returns the unsubscribe function. */
export function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** Goes to `href` in place of the current history entry; the app routes there (hashchange). */
export function replaceHash(href: string): void {
  window.location.replace(href)
}

/**
 * Writes `href` into the address bar in place of the current history entry without routing (no
 * hashchange): for a view that already shows what the new address says.
 */
export function replaceHashQuietly(href: string): void {
  window.history.replaceState(window.history.state, '', href)
}
