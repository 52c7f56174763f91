// Control "Privileged Containers" — baseline. Allowed: securityContext.privileged false or
// undefined on every container.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_privileged.go
import { booleanAt } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckOutcome } from '../check.ts'
import { containersPhrase } from '../../util/go-format.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { BASELINE_DOCS } from '../docs-links.ts'
import { setAll } from '../fix-helpers.ts'

function privileged_1_0(pod: PodView): CheckOutcome {
  const bad = pod.containers.filter((c) => booleanAt(c.sc, 'privileged') === true)
  if (bad.length === 0) return ALLOWED
  return forbidden(
    'privileged',
    `${containersPhrase(bad.map((c) => c.name))} must not set securityContext.privileged=true`,
    bad.map((c) => [...c.scPath, 'privileged']),
  )
}

export const privileged = defineCheck({
  id: 'privileged',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: privileged_1_0 }],
  info: {
    control: 'Privileged Containers',
    why: 'A privileged container gets every capability in its bounding set, the node’s devices, writable /sys and no seccomp filter or default AppArmor profile, so root in it is close to root on the node.',
    fix: 'Remove securityContext.privileged or set it to false; add only the capabilities the program needs.',
    docs: BASELINE_DOCS,
  },
  fix: (input) => setAll(input, false, 'Set privileged: false'),
})
