// Namespace labels to the policy admission evaluates, with upstream defaulting and errors.
// Upstream: kubernetes/pod-security-admission api/helpers.go (ParseLevel, ParseVersion,
// PolicyToEvaluate, CompareLevels) and api/constants.go (label names, validLevels).
import { goQuote } from '../util/go-format.ts'
import { parsePolicyVersion } from '../policy-version.ts'
import { compareLevels, PSS_LEVELS } from '../pss/levels.ts'
import type { PssLevel } from '../types.ts'
import type {
  EnforceSuggestion,
  LabelError,
  LevelVersion,
  NamespaceLabels,
  NamespacePolicy,
  PodSecurityLabel,
  PolicyMode,
} from './types.ts'

export const LABEL_PREFIX = 'pod-security.kubernetes.io/'

export const MODES: readonly PolicyMode[] = ['enforce', 'audit', 'warn']

export function levelLabel(mode: PolicyMode): PodSecurityLabel {
  return `${LABEL_PREFIX}${mode}`
}

export function versionLabel(mode: PolicyMode): PodSecurityLabel {
  return `${LABEL_PREFIX}${mode}-version`
}

/** Every Pod Security label, in the order upstream reads them. */
export const POD_SECURITY_LABELS: readonly PodSecurityLabel[] = MODES.flatMap((mode) => [
  levelLabel(mode),
  versionLabel(mode),
])

/** The cluster-wide default for an unlabelled mode: the AdmissionConfiguration default, privileged:latest. */
const DEFAULT_LEVEL_VERSION: LevelVersion = { level: 'privileged', version: 'latest' }

// ParseLevel's error detail: `must be one of ` + strings.Join(validLevels, ", ").
const LEVEL_ERROR = `must be one of ${PSS_LEVELS.join(', ')}`
// ParseVersion's error detail.
const VERSION_ERROR = 'must be "latest" or "v1.x"'

export function parseLevel(value: string): PssLevel | undefined {
  return PSS_LEVELS.find((level) => level === value)
}

/** `restricted:latest`, as upstream `LevelVersion.String()` prints it. */
export function formatLevelVersion({ level, version }: LevelVersion): string {
  return `${level}:${version}`
}

/**
 * Upstream `PolicyToEvaluate` with the default policy privileged:latest: a missing label keeps the
 * default; an invalid enforce level is restricted, an invalid audit or warn level privileged
 * (fail open), an invalid version latest; and when warn is not set but enforce is set to a
 * stricter level, warn takes the enforce level and, unless warn-version is set, its version
 * (kubernetes/kubernetes#113491, v1.26). Never throws.
 */
export function policyToEvaluate(labels: NamespaceLabels): {
  policy: NamespacePolicy
  errors: LabelError[]
} {
  const errors: LabelError[] = []
  const policy: NamespacePolicy = {
    enforce: { ...DEFAULT_LEVEL_VERSION },
    audit: { ...DEFAULT_LEVEL_VERSION },
    warn: { ...DEFAULT_LEVEL_VERSION },
  }
  let enforceLevelSet = false
  for (const mode of MODES) {
    const level = labels[levelLabel(mode)]
    if (level !== undefined) {
      const parsed = parseLevel(level)
      if (parsed === undefined) errors.push(labelError(levelLabel(mode), level, LEVEL_ERROR))
      // ParseLevel answers restricted for anything else; audit and warn then fail open.
      policy[mode].level = parsed ?? (mode === 'enforce' ? 'restricted' : 'privileged')
      // An invalid enforce level does not default warn.
      if (mode === 'enforce') enforceLevelSet = parsed !== undefined
    }
    const version = labels[versionLabel(mode)]
    if (version !== undefined) {
      const parsed = parsePolicyVersion(version)
      if (parsed === undefined) errors.push(labelError(versionLabel(mode), version, VERSION_ERROR))
      policy[mode].version = parsed ?? 'latest'
    }
  }
  const warnLevelSet = labels[levelLabel('warn')] !== undefined
  if (
    !warnLevelSet &&
    enforceLevelSet &&
    compareLevels(policy.enforce.level, policy.warn.level) > 0
  ) {
    policy.warn.level = policy.enforce.level
    if (labels[versionLabel('warn')] === undefined) policy.warn.version = policy.enforce.version
  }
  return { policy, errors }
}

/** apimachinery `field.Invalid(...).Error()` for `metadata.labels[<label>]`. */
function labelError(label: PodSecurityLabel, value: string, detail: string): LabelError {
  return {
    label,
    value,
    message: `metadata.labels[${label}]: Invalid value: ${goQuote(value)}: ${detail}`,
  }
}

/** Keeps the Pod Security labels of a `metadata.labels` value; other labels are not ours. */
export function readPodSecurityLabels(labels: unknown): NamespaceLabels {
  const result: NamespaceLabels = {}
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) return result
  for (const label of POD_SECURITY_LABELS) {
    const value: unknown = (labels as Record<string, unknown>)[label]
    if (typeof value === 'string') result[label] = value
  }
  return result
}

/**
 * The Pod Security labels of an untrusted value (stored options) that are well formed, so an
 * assumed policy is always one a user could have chosen. Never throws.
 */
export function readValidPodSecurityLabels(value: unknown): NamespaceLabels {
  const labels = readPodSecurityLabels(value)
  for (const mode of MODES) {
    const level = labels[levelLabel(mode)]
    if (level !== undefined && parseLevel(level) === undefined) delete labels[levelLabel(mode)]
    const version = labels[versionLabel(mode)]
    if (version !== undefined && parsePolicyVersion(version) === undefined) {
      delete labels[versionLabel(mode)]
    }
  }
  return labels
}

/** True when every mode is privileged (upstream `Policy.FullyPrivileged`). */
export function fullyPrivileged(policy: NamespacePolicy): boolean {
  return MODES.every((mode) => policy[mode].level === 'privileged')
}

/**
 * The enforce labels for `{ level, version }` as YAML lines, and with a namespace name the
 * `kubectl label` command that sets them.
 */
export function enforceSuggestion(
  { level, version }: LevelVersion,
  namespace?: string,
): EnforceSuggestion {
  const labels: [string, string][] = [
    [levelLabel('enforce'), level],
    [versionLabel('enforce'), version],
  ]
  return {
    level,
    version,
    yaml: labels.map(([key, value]) => `${key}: ${value}`).join('\n'),
    ...(namespace !== undefined
      ? {
          // One label per line, with shell continuations, so it reads and copies whole.
          command: [
            `kubectl label --overwrite namespace ${namespace}`,
            ...labels.map(([k, v]) => `  ${k}=${v}`),
          ].join(' \\\n'),
        }
      : {}),
  }
}
