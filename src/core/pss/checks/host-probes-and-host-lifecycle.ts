// Control "Host Probes / Lifecycle Hooks" — baseline, from v1.34. Allowed: "" or undefined for
// the host of httpGet and tcpSocket in liveness, readiness and startup probes and in the
// postStart and preStop lifecycle handlers, on every container.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_hostProbesAndhostLifecycle.go
import type { Path } from '../../types.ts'
import { recordAt, stringAt } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckFixInput, CheckOutcome, FixDraft } from '../check.ts'
import { joinQuote, pluralize, sortedDistinct } from '../../util/go-format.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { targets, removeKeys } from '../fix-helpers.ts'
import { BASELINE_DOCS } from '../docs-links.ts'

const HANDLERS: readonly (readonly string[])[] = [
  ['livenessProbe'],
  ['readinessProbe'],
  ['startupProbe'],
  ['lifecycle', 'postStart'],
  ['lifecycle', 'preStop'],
]

function hostProbesAndHostLifecycle_1_34(pod: PodView): CheckOutcome {
  const badContainers: string[] = []
  const hosts: string[] = []
  const paths: Path[] = []
  for (const c of pod.containers) {
    for (const handlerPath of HANDLERS) {
      let handler: unknown = c.value
      for (const step of handlerPath) handler = recordAt(handler, step)
      for (const action of ['httpGet', 'tcpSocket']) {
        const host = stringAt(recordAt(handler, action), 'host') ?? ''
        if (host === '') continue
        badContainers.push(c.name)
        hosts.push(host)
        paths.push([...c.path, ...handlerPath, action, 'host'])
      }
    }
  }
  if (badContainers.length === 0) return ALLOWED
  // The only check whose container names are a sorted set rather than in visit order.
  const names = sortedDistinct(badContainers)
  const distinctHosts = sortedDistinct(hosts)
  return forbidden(
    'probe or lifecycle host',
    `${pluralize('container', 'containers', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', distinctHosts.length)} ${joinQuote(distinctHosts)}`,
    paths,
  )
}

function hostProbesFix(input: CheckFixInput): FixDraft {
  return {
    title: `Remove the probe and lifecycle host from ${targets(input.view, input.outcome.paths)}`,
    parts: removeKeys(input),
  }
}

export const hostProbesAndHostLifecycle = defineCheck({
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  revisions: [{ minMinor: 34, run: hostProbesAndHostLifecycle_1_34 }],
  info: {
    control: 'Host Probes / Lifecycle Hooks',
    why: 'The kubelet sends probe and lifecycle-hook requests from the node, so a host field lets the pod aim those requests at any address the node can reach.',
    fix: 'Remove host from httpGet and tcpSocket in probes and lifecycle hooks; they then go to the pod’s own IP.',
    docs: BASELINE_DOCS,
  },
  fix: hostProbesFix,
})
