// Control "Host Ports" — baseline. Allowed: containers[*].ports[*].hostPort undefined or 0
// (init, regular and ephemeral containers).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_hostPorts.go
import type { Path } from '../../types.ts'
import { arrayAt } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckFixInput, CheckOutcome, FixDraft } from '../check.ts'
import { containersPhrase, pluralize, sortedDistinct } from '../../util/go-format.ts'
import { int32At } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { targets, removeKeys } from '../fix-helpers.ts'
import { BASELINE_DOCS } from '../docs-links.ts'

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

function hostPortsFix(input: CheckFixInput): FixDraft {
  return {
    title: `Remove hostPort from ${targets(input.view, input.outcome.paths)}`,
    parts: removeKeys(input),
  }
}

export const hostPorts = defineCheck({
  id: 'hostPorts',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: hostPorts_1_0 }],
  info: {
    control: 'Host Ports',
    why: 'A hostPort publishes the container on the node’s own IP address, so anything that can reach the node can reach it, and NetworkPolicy may not cover that path.',
    fix: 'Remove ports[*].hostPort (or set it to 0) and expose the pod through a Service.',
    docs: BASELINE_DOCS,
  },
  fix: hostPortsFix,
})
