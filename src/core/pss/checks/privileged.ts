// Control "Privileged Containers" — baseline. Allowed: securityContext.privileged false or
// undefined on every container.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_privileged.go
import { booleanAt } from '../../util/json-access.ts'
import { ALLOWED, forbidden } from '../check.ts'
import type { CheckDefinition, CheckOutcome } from '../check.ts'
import { containersPhrase } from '../../util/go-format.ts'
import type { PodView } from '../../workloads/pod-view.ts'

function privileged_1_0(pod: PodView): CheckOutcome {
  const bad = pod.containers.filter((c) => booleanAt(c.sc, 'privileged') === true)
  if (bad.length === 0) return ALLOWED
  return forbidden(
    'privileged',
    `${containersPhrase(bad.map((c) => c.name))} must not set securityContext.privileged=true`,
    bad.map((c) => [...c.scPath, 'privileged']),
  )
}

export const privileged: CheckDefinition = {
  id: 'privileged',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: privileged_1_0 }],
}
