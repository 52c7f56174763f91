import type { PolicyVersion } from './types.ts'

/** The newest minor with a check revision (kubernetes/pod-security-admission @ 8f84a87, sysctls v1.37). */
export const NEWEST_RULES_MINOR = 37

/** The newest concrete rule set. `latest` and newer versions are evaluated as this one. */
export const NEWEST_RULES_VERSION = `v1.${NEWEST_RULES_MINOR}` as const

/** Every version the UI offers: `latest`, then `v1.37` down to `v1.0`. */
export const POLICY_VERSIONS: readonly PolicyVersion[] = [
  'latest',
  ...Array.from(
    { length: NEWEST_RULES_MINOR + 1 },
    (_, i) => `v1.${NEWEST_RULES_MINOR - i}` as PolicyVersion,
  ),
]

/**
 * Namespace label values must match this (upstream `api/helpers.go`, `versionRegexp`, which
 * writes the first branch as [0-9] — the same set of strings). The one copy of the pattern.
 */
export const VERSION_LABEL = /^v1\.(0|[1-9][0-9]*)$/

// strconv.Atoi rejects minors beyond int64, and ParseVersion then reports the label invalid.
const INT64_MAX = '9223372036854775807'

/**
 * Parses a namespace `pod-security.kubernetes.io/*-version` label value. Returns the version as
 * written (`latest` or `v1.N`), or undefined when admission would call it invalid.
 */
export function parsePolicyVersion(text: string): PolicyVersion | undefined {
  if (text === 'latest') return 'latest'
  const match = VERSION_LABEL.exec(text)
  const digits = match?.[1]
  if (digits === undefined) return undefined
  if (digits.length > INT64_MAX.length) return undefined
  if (digits.length === INT64_MAX.length && digits > INT64_MAX) return undefined
  return text as PolicyVersion
}

/**
 * The minor whose rules apply to `version`: `latest`, versions newer than the newest revision,
 * and anything unparsable (admission treats an invalid version as `latest`) clamp to
 * {@link NEWEST_RULES_MINOR}. Upstream: `policy/registry.go` `EvaluatePod`, `api/helpers.go`.
 */
export function rulesMinor(version: string): number {
  const parsed = parsePolicyVersion(version)
  if (parsed === undefined || parsed === 'latest') return NEWEST_RULES_MINOR
  return Math.min(Number(parsed.slice('v1.'.length)), NEWEST_RULES_MINOR)
}
