import { CONTAINER_RUNTIMES } from './capabilities/runtimes.ts'
import { readValidPodSecurityLabels } from './admission/policy.ts'
import type { AnalysisOptions, PolicyVersion } from './types.ts'

/** The assumptions used when the caller does not say otherwise. */
export const DEFAULT_OPTIONS: Readonly<AnalysisOptions> = Object.freeze({
  runtime: 'containerd',
  kernel: '6.8',
  kubernetesVersion: 'latest',
  seccompDefault: false,
  appArmor: true,
  imageUser: 0,
  namespaceLabels: Object.freeze({}),
})

/** A kernel release as `uname -r` prints it (`6.8.0-45-generic`), or just `5` or `v6.1`. */
export const KERNEL_VERSION = /^v?\d+(\.\d+)?([.+-]\S*)?$/

/** Namespace label syntax for policy versions (pod-security-admission api/helpers.go). */
const POLICY_VERSION = /^v1\.(0|[1-9][0-9]*)$/

/**
 * Fills in defaults and drops anything malformed, so options read back from storage or a URL
 * can never break the analysis. Never throws.
 */
export function resolveOptions(options: Partial<AnalysisOptions> | undefined): AnalysisOptions {
  const given: Partial<Record<keyof AnalysisOptions, unknown>> =
    typeof options === 'object' && options !== null ? options : {}
  const runtime = CONTAINER_RUNTIMES.find((r) => r === given.runtime) ?? DEFAULT_OPTIONS.runtime
  const kernel =
    typeof given.kernel === 'string' &&
    given.kernel.length <= 64 &&
    KERNEL_VERSION.test(given.kernel.trim())
      ? given.kernel.trim()
      : DEFAULT_OPTIONS.kernel
  const version = given.kubernetesVersion
  const kubernetesVersion: PolicyVersion =
    typeof version === 'string' && (version === 'latest' || POLICY_VERSION.test(version))
      ? (version as PolicyVersion)
      : DEFAULT_OPTIONS.kubernetesVersion
  const imageUser = given.imageUser
  return {
    runtime,
    kernel,
    kubernetesVersion,
    seccompDefault:
      typeof given.seccompDefault === 'boolean'
        ? given.seccompDefault
        : DEFAULT_OPTIONS.seccompDefault,
    appArmor: typeof given.appArmor === 'boolean' ? given.appArmor : DEFAULT_OPTIONS.appArmor,
    imageUser:
      imageUser === null ||
      // Names are bounded so storage cannot smuggle in a novel.
      // Any non-negative integer: the kubelet itself reports UIDs above 2147483647 as invalid.
      (typeof imageUser === 'number' && Number.isSafeInteger(imageUser) && imageUser >= 0) ||
      (typeof imageUser === 'string' && imageUser.trim() !== '' && imageUser.length <= 256)
        ? (imageUser as number | string | null)
        : DEFAULT_OPTIONS.imageUser,
    namespaceLabels: readValidPodSecurityLabels(given.namespaceLabels),
  }
}
