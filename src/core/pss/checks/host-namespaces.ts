// Control "Host Namespaces" — baseline. Allowed: spec.hostNetwork, spec.hostPID and spec.hostIPC
// undefined or false.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_hostNamespaces.go
import type { Path } from '../../types.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckFixInput, CheckOutcome, FixDraft } from '../check.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { at } from '../fix-helpers.ts'
import { BASELINE_DOCS } from '../docs-links.ts'

function hostNamespaces_1_0(pod: PodView): CheckOutcome {
  const fields = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((field) => pod[field])
  if (fields.length === 0) return ALLOWED
  return forbidden(
    'host namespaces',
    fields.map((field) => `${field}=true`).join(', '),
    fields.map((field): Path => ['spec', field]),
  )
}

function hostNamespacesFix(input: CheckFixInput): FixDraft {
  const fields = input.outcome.paths.map((path) => String(path.at(-1)))
  return {
    title: `Set ${fields.map((field) => `${field}: false`).join(', ')}`,
    parts: input.outcome.paths.map((path) => input.edit.setValue(at(input, path), false)),
  }
}

export const hostNamespaces = defineCheck({
  id: 'hostNamespaces',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: hostNamespaces_1_0 }],
  info: {
    control: 'Host Namespaces',
    why: 'Sharing the node’s network, process or IPC namespace lets the pod see and reach the node’s network interfaces, every process on the node, or its shared memory.',
    fix: 'Remove spec.hostNetwork, spec.hostPID and spec.hostIPC, or set them to false.',
    docs: BASELINE_DOCS,
  },
  fix: hostNamespacesFix,
})
