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

/** Scanner note for `CAP_`-prefixed names in capabilities.add, when any is present. */
export function capPrefixNote(added: readonly string[]): string | undefined {
  return added.some((name) => name.toUpperCase().startsWith('CAP_'))
    ? 'Admission compares exact names, so CAP_-prefixed ones fail baseline; containerd ignores them at runtime (it passes CAP_CAP_…). Write the name without the prefix.'
    : undefined
}

/** Scanner note for `all` spelt in another case in capabilities.drop. */
export const MISCASED_ALL_NOTE =
  'kubesec, Polaris, kube-linter and Trivy accept lowercase "all" in drop (containerd does too at runtime), but admission and Kyverno require the exact string "ALL".'
