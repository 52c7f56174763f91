// Control "Privilege Escalation" — restricted, from v1.8. Allowed: securityContext
// .allowPrivilegeEscalation explicitly false on every container (unset fails). From v1.25 the
// check passes for pods with spec.os.name "windows".
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_allowPrivilegeEscalation.go
import { booleanAt } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckFixInput, CheckOutcome, FixDraft } from '../check.ts'
import { containersPhrase } from '../../util/go-format.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { at } from '../fix-helpers.ts'
import { RESTRICTED_DOCS } from '../docs-links.ts'

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

// The API rejects allowPrivilegeEscalation: false together with privileged: true (k8s.io/api core
// v1 types.go, "AllowPrivilegeEscalation is true always when the container is: 1) run as
// Privileged"), so privileged containers are left to the privileged fix.
function allowPrivilegeEscalationFix(input: CheckFixInput): FixDraft | undefined {
  const containers = input.view.containers.filter(
    (c) =>
      booleanAt(c.sc, 'allowPrivilegeEscalation') !== false &&
      booleanAt(c.sc, 'privileged') !== true,
  )
  if (containers.length === 0) return undefined
  return {
    title: `Set allowPrivilegeEscalation: false on ${containersPhrase(containers.map((c) => c.name))}`,
    parts: containers.map((c) =>
      input.edit.setValue(at(input, [...c.scPath, 'allowPrivilegeEscalation']), false),
    ),
  }
}

export const allowPrivilegeEscalation = defineCheck({
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  revisions: [
    { minMinor: 8, run: allowPrivilegeEscalation_1_8 },
    { minMinor: 25, run: allowPrivilegeEscalation_1_25 },
  ],
  info: {
    control: 'Privilege Escalation',
    why: 'Unless allowPrivilegeEscalation is false, a process can gain privileges through set-user-ID or set-group-ID programs and file capabilities; false sets no_new_privs, which stops that.',
    fix: 'Set securityContext.allowPrivilegeEscalation: false on every container.',
    docs: RESTRICTED_DOCS,
  },
  fix: allowPrivilegeEscalationFix,
})
