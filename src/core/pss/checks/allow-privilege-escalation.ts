// Control "Privilege Escalation" — restricted, from v1.8. Allowed: securityContext
// .allowPrivilegeEscalation explicitly false on every container (unset fails). From v1.25 the
// check passes for pods with spec.os.name "windows".
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_allowPrivilegeEscalation.go
import { booleanAt } from '../../util/json-access.ts'
import { ALLOWED, forbidden } from '../check.ts'
import type { CheckDefinition, CheckOutcome } from '../check.ts'
import { containersPhrase } from '../../util/go-format.ts'
import type { PodView } from '../../workloads/pod-view.ts'

function allowPrivilegeEscalation_1_8(pod: PodView): CheckOutcome {
  const bad = pod.containers.filter((c) => booleanAt(c.sc, 'allowPrivilegeEscalation') !== false)
  if (bad.length === 0) return ALLOWED
  return forbidden(
    'allowPrivilegeEscalation != false',
    `${containersPhrase(bad.map((c) => c.name))} must set securityContext.allowPrivilegeEscalation=false`,
    bad.map((c) => [...c.scPath, 'allowPrivilegeEscalation']),
  )
}

function allowPrivilegeEscalation_1_25(pod: PodView): CheckOutcome {
  return pod.windows ? ALLOWED : allowPrivilegeEscalation_1_8(pod)
}

export const allowPrivilegeEscalation: CheckDefinition = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  revisions: [
    { minMinor: 8, run: allowPrivilegeEscalation_1_8 },
    { minMinor: 25, run: allowPrivilegeEscalation_1_25 },
  ],
}
