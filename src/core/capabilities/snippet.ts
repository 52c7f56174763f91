/**
 * The `securityContext` that grants exactly the capabilities `names` (Kubernetes spelling, without
 * `CAP_`), two-space indented. Dropping ALL first gives the same result on containerd, CRI-O and
 * Docker (see runtime-specs.ts): exactly the `add` list. Names are written without the prefix:
 * containerd would turn `CAP_X` into the unknown `CAP_CAP_X`, and Pod Security Admission compares
 * the bare names (policy/check_capabilities_restricted.go).
 */
export function capabilitiesSnippet(names: readonly string[]): string {
  const lines = ['securityContext:', '  capabilities:', '    drop: [ALL]']
  if (names.length > 0) lines.push(`    add: [${names.join(', ')}]`)
  return lines.join('\n') + '\n'
}
