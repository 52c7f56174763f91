// Control "Host Ports" — baseline. Allowed: containers[*].ports[*].hostPort undefined or 0
// (init, regular and ephemeral containers).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_hostPorts.go
import type { Path } from '../../types.ts'
import { arrayAt } from '../../util/json-access.ts'
import { ALLOWED, forbidden } from '../check.ts'
import type { CheckDefinition, CheckOutcome } from '../check.ts'
import { containersPhrase, pluralize, sortedDistinct } from '../../util/go-format.ts'
import { int32At } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'

function hostPorts_1_0(pod: PodView): CheckOutcome {
  const badContainers: string[] = []
  const ports: string[] = []
  const paths: Path[] = []
  for (const c of pod.containers) {
    let valid = true
    ;(arrayAt(c.value, 'ports') ?? []).forEach((port, index) => {
      const hostPort = int32At(port, 'hostPort') ?? 0
      if (hostPort === 0) return
      valid = false
      ports.push(String(hostPort))
      paths.push([...c.path, 'ports', index, 'hostPort'])
    })
    if (!valid) badContainers.push(c.name)
  }
  if (badContainers.length === 0) return ALLOWED
  // The ports are a Go string set, so they are sorted as strings ("10000" before "80").
  const distinct = sortedDistinct(ports)
  return forbidden(
    'hostPort',
    `${containersPhrase(badContainers)} ${pluralize('uses', 'use', badContainers.length)} ${pluralize('hostPort', 'hostPorts', distinct.length)} ${distinct.join(', ')}`,
    paths,
  )
}

export const hostPorts: CheckDefinition = {
  id: 'hostPorts',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: hostPorts_1_0 }],
}
