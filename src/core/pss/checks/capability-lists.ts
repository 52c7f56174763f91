// Shared reading of securityContext.capabilities for the two capabilities checks.
import type { Path } from '../../types.ts'
import { arrayAt, recordAt } from '../../util/json-access.ts'
import type { ContainerView } from '../pod-view.ts'

export interface CapabilityEntry {
  name: string
  path: Path
}

/** The string items of `capabilities.add` or `.drop` with their paths (other items are skipped). */
export function capabilityList(c: ContainerView, list: 'add' | 'drop'): CapabilityEntry[] {
  const entries: CapabilityEntry[] = []
  ;(arrayAt(recordAt(c.sc, 'capabilities'), list) ?? []).forEach((name, index) => {
    if (typeof name === 'string') {
      entries.push({ name, path: [...c.scPath, 'capabilities', list, index] })
    }
  })
  return entries
}

/** A drop entry that spells ALL in another case, which admission does not accept. */
export function isMiscasedAll(name: string): boolean {
  return name !== 'ALL' && name.toUpperCase() === 'ALL'
}

/**
 * Scanner note for `CAP_`-prefixed names in capabilities.add, when any is present. Runtime
 * behaviour: reference "capabilities-and-runtimes" §3.2–3.4 (containerd always prefixes, so runc
 * skips CAP_CAP_…; CRI-O and Docker keep an existing prefix).
 */
export function capPrefixNote(added: readonly string[]): string | undefined {
  return added.some((name) => name.toUpperCase().startsWith('CAP_'))
    ? 'Admission compares exact names, so CAP_-prefixed ones fail the capabilities checks. At runtime CRI-O and Docker accept the prefix, but containerd passes CAP_CAP_… and runc skips it. Write the name without the prefix.'
    : undefined
}

/**
 * Scanner note for `all` spelt in another case in capabilities.drop. Scanner behaviour: reference
 * "peers" §1, row "Treats drop: ["all"] like "ALL"" (Kubescape and Checkov only partly, so left
 * out); runtimes: containerd and CRI-O use strings.EqualFold, Docker upper-cases.
 */
export const MISCASED_ALL_NOTE =
  'kubesec, Polaris, kube-linter and Trivy accept lowercase "all" in drop, and so do containerd, CRI-O and Docker at runtime, but admission, Kyverno and Monokle require the exact string "ALL".'
