// Scanner notes shared by the two capabilities checks.

/**
 * Scanner note for `CAP_`-prefixed names in capabilities.add, when any is present. At runtime
 * containerd always prefixes (containerd internal/cri/opts/spec_opts.go WithCapabilities), so runc
 * skips CAP_CAP_…; CRI-O (internal/factory/container/container.go SpecSetupCapabilities) and
 * Docker (moby daemon/pkg/oci/caps/utils.go NormalizeLegacyCapabilities) keep an existing prefix.
 */
export function capPrefixNote(added: readonly string[]): string | undefined {
  return added.some((name) => name.toUpperCase().startsWith('CAP_'))
    ? 'Admission compares exact names, so CAP_-prefixed ones fail the capabilities checks. At runtime CRI-O and Docker accept the prefix, but containerd passes CAP_CAP_… and runc skips it. Write the name without the prefix.'
    : undefined
}

/**
 * Scanner note for `all` spelt in another case in capabilities.drop. kubesec, Polaris, kube-linter
 * and Trivy compare case-insensitively (Kubescape and Checkov only partly, so left out); at
 * runtime containerd and CRI-O use strings.EqualFold and Docker upper-cases.
 */
export const MISCASED_ALL_NOTE =
  'kubesec, Polaris, kube-linter and Trivy accept lowercase "all" in drop, and so do containerd, CRI-O and Docker at runtime, but admission, Kyverno and Monokle require the exact string "ALL".'
