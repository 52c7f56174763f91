// Control "Running as Non-root user" — restricted, from v1.23. Allowed: runAsUser non-zero or
// undefined at pod and container level (a pod-level 0 is not fixed by container overrides);
// from v1.35 any value when spec.hostUsers is false.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_runAsUser.go
import type { Path } from '../../types.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckOutcome } from '../check.ts'
import { containersPhrase } from '../../util/go-format.ts'
import { int64At, POD_SC_PATH } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { RESTRICTED_DOCS } from '../docs-links.ts'

function runAsUser_1_23(pod: PodView): CheckOutcome {
  const setters: string[] = []
  const paths: Path[] = []
  if (int64At(pod.podSc, 'runAsUser') === 0) {
    setters.push('pod')
    paths.push([...POD_SC_PATH, 'runAsUser'])
  }
  const bad = pod.containers.filter((c) => int64At(c.sc, 'runAsUser') === 0)
  if (bad.length > 0) {
    setters.push(containersPhrase(bad.map((c) => c.name)))
    paths.push(...bad.map((c) => [...c.scPath, 'runAsUser']))
  }
  if (setters.length === 0) return ALLOWED
  // No "securityContext." prefix in this detail, unlike the other checks.
  return forbidden('runAsUser=0', `${setters.join(' and ')} must not set runAsUser=0`, paths)
}

function runAsUser_1_35(pod: PodView): CheckOutcome {
  return pod.userNamespace ? ALLOWED : runAsUser_1_23(pod)
}

export const runAsUser = defineCheck({
  id: 'runAsUser',
  level: 'restricted',
  revisions: [
    { minMinor: 23, run: runAsUser_1_23 },
    { minMinor: 35, run: runAsUser_1_35 },
  ],
  info: {
    control: 'Running as Non-root user',
    why: 'runAsUser: 0 explicitly runs the container as root, which without a user namespace is root on the node’s kernel too.',
    fix: 'Remove runAsUser: 0, or set a non-zero UID such as 1000, at pod and container level.',
    docs: RESTRICTED_DOCS,
  },
})
