import type { AnalysisOptions, Setting } from '../types.ts'
import { defaulted } from './merge.ts'

/**
 * An image USER as containerd and CRI-O read it: `user[:group]`, where the user is a UID when it
 * parses as a base-10 integer and a name otherwise (containerd getUserFromImage). An empty USER
 * means root.
 */
export function parseImageUser(imageUser: number | string): {
  user: number | string
  group?: number | string
} {
  if (typeof imageUser === 'number') return { user: imageUser }
  const [userPart = '', ...rest] = imageUser.trim().split(':')
  const groupPart = rest.join(':')
  const asId = (part: string): number | string => (/^[+-]?\d+$/.test(part) ? Number(part) : part)
  return {
    user: userPart === '' ? 0 : asId(userPart),
    ...(groupPart !== '' ? { group: asId(groupPart) } : {}),
  }
}

export function imageUserDefault(imageUser: AnalysisOptions['imageUser']): Setting {
  if (imageUser === null) {
    return defaulted(
      null,
      "Unknown: the image's USER decides, and it is 0 (root) when the image sets none.",
    )
  }
  const { user } = parseImageUser(imageUser)
  if (typeof user === 'number') {
    return defaulted(
      user,
      imageUser === 0
        ? 'Assumed from the image: most images set no USER, so the process runs as root (UID 0).'
        : `Assumed from the image's USER (${String(imageUser)}).`,
    )
  }
  return defaulted(
    user,
    `Assumed from the image's USER "${user}", resolved through the image's /etc/passwd.`,
  )
}

/**
 * The primary group when runAsGroup is unset: the group in the image's USER when the image user
 * applies, else the user's primary group in the image's /etc/passwd, else 0. When runAsUser is
 * set, the runtime looks that UID up in /etc/passwd and uses 0 when it has no entry
 * (containerd WithUserID).
 */
export function imageGroupDefault(
  imageUser: AnalysisOptions['imageUser'],
  runAsUser: Setting,
): Setting {
  const uidNote = (uid: number): Setting =>
    uid === 0
      ? defaulted(0, 'The primary group of root: GID 0.')
      : defaulted(
          null,
          `The primary group of UID ${uid} in the image's /etc/passwd, or 0 when the image has no entry for that UID.`,
        )
  if (runAsUser.source !== 'default') {
    return typeof runAsUser.value === 'number'
      ? uidNote(runAsUser.value)
      : defaulted(null, "The primary group of runAsUser in the image's /etc/passwd, else 0.")
  }
  if (imageUser === null) {
    return defaulted(
      null,
      "The group in the image's USER, else that user's primary group in the image, else 0.",
    )
  }
  const { user, group } = parseImageUser(imageUser)
  if (group !== undefined) {
    return defaulted(
      group,
      typeof group === 'number'
        ? `The group in the image's USER (${String(imageUser)}).`
        : `The group in the image's USER (${String(imageUser)}), resolved through the image's /etc/group.`,
    )
  }
  if (typeof user === 'number') return uidNote(user)
  return defaulted(null, `The primary group of user "${user}" in the image's /etc/passwd.`)
}
