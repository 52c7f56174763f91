// Control "HostPath Volumes" — baseline (replaced in restricted by restrictedVolumes). Allowed:
// spec.volumes[*].hostPath undefined/null.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_hostPathVolumes.go
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckOutcome } from '../check.ts'
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

export const hostPathVolumes = defineCheck({
  id: 'hostPathVolumes',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: hostPathVolumes_1_0 }],
  info: {
    control: 'HostPath Volumes',
    why: 'A hostPath volume mounts a directory of the node into the pod; a writable mount of paths such as /etc or the container runtime socket lets the pod take over the node.',
    fix: 'Replace hostPath volumes with emptyDir, configMap, secret or a persistentVolumeClaim.',
    docs: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  },
})
