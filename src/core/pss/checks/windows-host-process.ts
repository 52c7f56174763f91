// Control "HostProcess" — baseline. Allowed: securityContext.windowsOptions.hostProcess false or
// undefined at pod and container level (checked whatever spec.os says).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_windowsHostProcess.go
import type { Path } from '../../types.ts'
import { booleanAt, recordAt } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckOutcome } from '../check.ts'
import { containersPhrase } from '../../util/go-format.ts'
import { POD_SC_PATH } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { setAll } from '../fix-helpers.ts'

function hostProcess(securityContext: unknown): boolean {
  return booleanAt(recordAt(securityContext, 'windowsOptions'), 'hostProcess') === true
}

function windowsHostProcess_1_0(pod: PodView): CheckOutcome {
  const setters: string[] = []
  const paths: Path[] = []
  if (hostProcess(pod.podSc)) {
    setters.push('pod')
    paths.push([...POD_SC_PATH, 'windowsOptions', 'hostProcess'])
  }
  const bad = pod.containers.filter((c) => hostProcess(c.sc))
  if (bad.length > 0) {
    setters.push(containersPhrase(bad.map((c) => c.name)))
    paths.push(...bad.map((c) => [...c.scPath, 'windowsOptions', 'hostProcess']))
  }
  if (setters.length === 0) return ALLOWED
  return forbidden(
    'hostProcess',
    `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`,
    paths,
  )
}

export const windowsHostProcess = defineCheck({
  id: 'windowsHostProcess',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: windowsHostProcess_1_0 }],
  info: {
    control: 'HostProcess',
    why: 'A HostProcess container runs as a process on the Windows node itself, outside container isolation, with access to the node’s files, network and processes.',
    fix: 'Remove windowsOptions.hostProcess, or set it to false, in the pod and container securityContext.',
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/',
  },
  fix: (input) => setAll(input, false, 'Set windowsOptions.hostProcess: false'),
})
