/**
 * Share links and challenge links: what they carry, how they are written into a URL fragment
 * (`#/share/<version>/<data>`, `#/challenge/<version>/<data>`), and the validation of every field
 * on the way back in. Assumptions go through the core's own `resolveOptions`; goals through the
 * core's goal vocabulary. Never throws.
 */
import {
  DEFAULT_OPTIONS,
  readGoalSet,
  resolveOptions,
  type AnalysisOptions,
  type GoalSet,
} from '../core/index.ts'
import { packJson, unpackJson, type Decoded } from './link-codec.ts'

/** Bump when the payload shape changes; links of other versions are refused with a message. */
export const SHARE_FORMAT_VERSION = 1

/**
 * The longest link offered for copying. Chromium shows (and copies from the address bar) at most
 * 32 KiB of a URL (content/public/common/content_constants.cc, kMaxURLDisplayChars), so a longer
 * link can arrive cut off; esbuild's playground caps its share links at the same length.
 */
export const MAX_LINK_CHARS = 32 * 1024

export const MAX_TITLE_CHARS = 120
export const MAX_MESSAGE_CHARS = 2000

export interface SharedManifest {
  source: string
  options: AnalysisOptions
}

export interface Challenge extends SharedManifest {
  title: string
  /** What the teacher asks, in their own words. */
  message: string
  goals: GoalSet
}

export type LinkKind = 'share' | 'challenge'

export interface MadeLink {
  url: string
  /** True when the link is longer than {@link MAX_LINK_CHARS}: offer a file instead. */
  tooLong: boolean
}

/** Builds the full link for `payload` on the page at `base` (its fragment is replaced). */
export async function makeLink(
  kind: LinkKind,
  payload: SharedManifest | Challenge,
  base: string,
): Promise<MadeLink> {
  const data = await packJson(payload)
  const url = `${base.split('#')[0]}#/${kind}/${SHARE_FORMAT_VERSION}/${data}`
  return { url, tooLong: url.length > MAX_LINK_CHARS }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const OPTION_KEYS = Object.keys(DEFAULT_OPTIONS) as (keyof AnalysisOptions)[]

/** Equal as JSON values: an assumption that is a map (namespace labels) is compared key by key. */
function sameValue(a: unknown, b: unknown): boolean {
  if (!isRecord(a) || !isRecord(b)) return a === b
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => sameValue(a[k], b[k]))
}

/** Each assumption must be one `resolveOptions` keeps as given; missing ones take the default. */
export function readLinkOptions(value: unknown): Decoded<AnalysisOptions> {
  if (!isRecord(value)) return { ok: false, error: 'its assumptions are missing' }
  const unknownKey = Object.keys(value).find((k) => !OPTION_KEYS.some((o) => o === k))
  if (unknownKey !== undefined) {
    return { ok: false, error: `it has an unknown assumption ${JSON.stringify(unknownKey)}` }
  }
  const resolved = resolveOptions(value as Partial<AnalysisOptions>)
  const bad = OPTION_KEYS.find((k) => Object.hasOwn(value, k) && !sameValue(resolved[k], value[k]))
  if (bad !== undefined) {
    const shown = JSON.stringify(value[bad])?.slice(0, 40)
    return { ok: false, error: `its assumption ${bad} = ${shown} is not valid` }
  }
  return { ok: true, value: resolved }
}

function readManifest(value: Record<string, unknown>): Decoded<SharedManifest> {
  if (typeof value.source !== 'string') return { ok: false, error: 'it carries no manifest text' }
  const options = readLinkOptions(value.options)
  return options.ok
    ? { ok: true, value: { source: value.source, options: options.value } }
    : options
}

function fieldsProblem(value: Record<string, unknown>, allowed: readonly string[]): string | null {
  const extra = Object.keys(value).find((k) => !allowed.includes(k))
  return extra === undefined ? null : `it has an unexpected field ${JSON.stringify(extra)}`
}

function readShare(value: unknown): Decoded<SharedManifest> {
  if (!isRecord(value)) return { ok: false, error: 'its contents are not a shared manifest' }
  const extra = fieldsProblem(value, ['source', 'options'])
  return extra ? { ok: false, error: extra } : readManifest(value)
}

function readChallenge(value: unknown): Decoded<Challenge> {
  if (!isRecord(value)) return { ok: false, error: 'its contents are not a challenge' }
  const extra = fieldsProblem(value, ['source', 'options', 'title', 'message', 'goals'])
  if (extra) return { ok: false, error: extra }
  const { title, message } = value
  if (typeof title !== 'string' || title.length > MAX_TITLE_CHARS) {
    return { ok: false, error: `its title is missing or longer than ${MAX_TITLE_CHARS} characters` }
  }
  if (typeof message !== 'string' || message.length > MAX_MESSAGE_CHARS) {
    return {
      ok: false,
      error: `its message is missing or longer than ${MAX_MESSAGE_CHARS} characters`,
    }
  }
  const manifest = readManifest(value)
  if (!manifest.ok) return manifest
  const goals = readGoalSet(value.goals)
  if (!goals.ok) return { ok: false, error: `its goal is not valid: ${goals.error}` }
  return { ok: true, value: { ...manifest.value, title, message, goals: goals.goals } }
}

const WHAT: Record<LinkKind, string> = { share: 'share link', challenge: 'challenge link' }

/** Reads the part of the fragment after `#/share/` or `#/challenge/`: `<version>/<data>`. */
export async function readLink(kind: 'share', rest: string): Promise<Decoded<SharedManifest>>
export async function readLink(kind: 'challenge', rest: string): Promise<Decoded<Challenge>>
export async function readLink(
  kind: LinkKind,
  rest: string,
): Promise<Decoded<SharedManifest | Challenge>> {
  const what = WHAT[kind]
  const match = /^(\d{1,6})\/(.*)$/s.exec(rest)
  if (!match) return { ok: false, error: `This ${what} is incomplete: it has no data after the #.` }
  const version = Number(match[1])
  if (version !== SHARE_FORMAT_VERSION) {
    return {
      ok: false,
      error:
        version > SHARE_FORMAT_VERSION
          ? `This ${what} was made by a newer version of the playground (format ${version}); this page reads format ${SHARE_FORMAT_VERSION}. Reload to get the newest version.`
          : `This ${what} uses format ${version}, which this playground does not read.`,
    }
  }
  const unpacked = await unpackJson(match[2] ?? '')
  if (!unpacked.ok) return { ok: false, error: unpacked.error.replace('This link', `This ${what}`) }
  const read = kind === 'share' ? readShare(unpacked.value) : readChallenge(unpacked.value)
  return read.ok ? read : { ok: false, error: `This ${what} cannot be opened: ${read.error}.` }
}
