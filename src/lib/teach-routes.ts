/**
 * The routes of sharing and teaching: `#/share/<version>/<data>` opens a shared manifest,
 * `#/learn` and `#/learn/<lesson>` the lessons, `#/challenge/new` the challenge builder and
 * `#/challenge/<version>/<data>` a challenge. Data is validated later, by the link reader.
 */
export type TeachRoute =
  | { view: 'share'; link: string }
  | { view: 'learn'; lesson: string | null }
  | { view: 'challenge-new' }
  | { view: 'challenge'; link: string }

export function parseTeachRoute(hash: string): TeachRoute | null {
  const share = /^#\/share\/(.*)$/s.exec(hash)
  if (share) return { view: 'share', link: share[1] ?? '' }
  const learn = /^#\/learn(?:\/([^/]*))?\/?$/.exec(hash)
  if (learn) return { view: 'learn', lesson: learn[1] ? learn[1] : null }
  if (hash === '#/challenge/new') return { view: 'challenge-new' }
  const challenge = /^#\/challenge\/(.*)$/s.exec(hash)
  if (challenge) return { view: 'challenge', link: challenge[1] ?? '' }
  return null
}

export const LEARN_HREF = '#/learn'
export const NEW_CHALLENGE_HREF = '#/challenge/new'

export function lessonHref(id: string): string {
  return `#/learn/${id}`
}
