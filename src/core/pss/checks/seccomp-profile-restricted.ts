// Control "Seccomp" — restricted, from v1.19 (replaces seccompProfile_baseline). Allowed:
// seccompProfile.type RuntimeDefault or Localhost; a container may leave it unset only when the
// pod level sets a valid one. From v1.25 the check passes for pods with spec.os.name "windows".
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_seccompProfile_restricted.go
import type { Path } from '../../types.ts'
import { recordAt, stringAt } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckOutcome } from '../check.ts'
import { containersPhrase } from '../../util/go-format.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import {
  explicitSeccompDetail,
  explicitSeccompViolations,
  validSeccompType,
  seccompFix,
} from './seccomp-profile-baseline.ts'
import { SECCOMP_DOCS } from '../docs-links.ts'

function seccompProfileRestricted_1_19(pod: PodView): CheckOutcome {
  const explicit = explicitSeccompViolations(pod)
  // Explicitly bad values are reported first, and alone.
  if (explicit.setters.length > 0) {
    return forbidden(
      'seccompProfile',
      explicitSeccompDetail(explicit.setters, explicit.types),
      explicit.paths,
    )
  }
  const podProfile = recordAt(pod.podSc, 'seccompProfile')
  if (podProfile !== undefined && validSeccompType(stringAt(podProfile, 'type') ?? ''))
    return ALLOWED
  const uncovered = pod.containers.filter((c) => recordAt(c.sc, 'seccompProfile') === undefined)
  if (uncovered.length === 0) return ALLOWED
  return forbidden(
    'seccompProfile',
    `pod or ${containersPhrase(uncovered.map((c) => c.name))} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    uncovered.map((c): Path => [...c.scPath, 'seccompProfile']),
  )
}

function seccompProfileRestricted_1_25(pod: PodView): CheckOutcome {
  return pod.windows ? ALLOWED : seccompProfileRestricted_1_19(pod)
}

export const seccompProfileRestricted = defineCheck({
  id: 'seccompProfile_restricted',
  level: 'restricted',
  revisions: [
    { minMinor: 19, run: seccompProfileRestricted_1_19, overrides: ['seccompProfile_baseline'] },
    { minMinor: 25, run: seccompProfileRestricted_1_25, overrides: ['seccompProfile_baseline'] },
  ],
  info: {
    control: 'Seccomp',
    why: 'With no seccomp profile set, a container runs Unconfined (unless the kubelet enables seccompDefault) and can make every system call.',
    fix: 'Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or on every container).',
    docs: SECCOMP_DOCS,
  },
  fix: (input) => seccompFix(input, true),
})
