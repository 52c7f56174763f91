// Control "Host Namespaces" — baseline. Allowed: spec.hostNetwork, spec.hostPID and spec.hostIPC
// undefined or false.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_hostNamespaces.go
import type { Path } from '../../types.ts'
import { ALLOWED, forbidden } from '../check.ts'
import type { CheckDefinition, CheckOutcome } from '../check.ts'
import type { PodView } from '../../workloads/pod-view.ts'

function hostNamespaces_1_0(pod: PodView): CheckOutcome {
  const fields = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((field) => pod[field])
  if (fields.length === 0) return ALLOWED
  return forbidden(
    'host namespaces',
    fields.map((field) => `${field}=true`).join(', '),
    fields.map((field): Path => ['spec', field]),
  )
}

export const hostNamespaces: CheckDefinition = {
  id: 'hostNamespaces',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: hostNamespaces_1_0 }],
}
