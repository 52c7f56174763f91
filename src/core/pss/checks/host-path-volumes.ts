// Control "HostPath Volumes" — baseline (replaced in restricted by restrictedVolumes). Allowed:
// spec.volumes[*].hostPath undefined/null.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_hostPathVolumes.go
import { ALLOWED, forbidden } from '../check.ts'
import type { CheckDefinition, CheckOutcome } from '../check.ts'
import { joinQuote, pluralize } from '../../util/go-format.ts'
import type { PodView } from '../../workloads/pod-view.ts'

function hostPathVolumes_1_0(pod: PodView): CheckOutcome {
  const bad = pod.volumes.filter((volume) => volume.sources.has('hostPath'))
  if (bad.length === 0) return ALLOWED
  return forbidden(
    'hostPath volumes',
    `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad.map((volume) => volume.name))}`,
    bad.map((volume) => volume.path),
  )
}

export const hostPathVolumes: CheckDefinition = {
  id: 'hostPathVolumes',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: hostPathVolumes_1_0 }],
}
