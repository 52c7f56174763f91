// Control "Running as Non-root" — restricted. Allowed: runAsNonRoot true on every container, or
// unset on a container while the pod sets true; an explicit false anywhere fails. From v1.35 any
// value when spec.hostUsers is false. runAsUser is never consulted.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_runAsNonRoot.go
import type { Path } from '../../types.ts'
import { booleanAt } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckFixInput, CheckOutcome, FixDraft } from '../check.ts'
import { containersPhrase } from '../../util/go-format.ts'
import { POD_SC_PATH } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { targets, at } from '../fix-helpers.ts'
import { setValue } from '../../yaml/edits/operations.ts'
import { RESTRICTED_DOCS } from '../docs-links.ts'

const REASON = 'runAsNonRoot != true'

function runAsNonRoot_1_0(pod: PodView): CheckOutcome {
  const setters: string[] = []
  const explicitPaths: Path[] = []
  const podValue = booleanAt(pod.podSc, 'runAsNonRoot')
  if (podValue === false) {
    setters.push('pod')
    explicitPaths.push([...POD_SC_PATH, 'runAsNonRoot'])
  }
  const explicitlyBad: string[] = []
  const implicitlyBad: string[] = []
  const implicitPaths: Path[] = []
  for (const c of pod.containers) {
    const value = booleanAt(c.sc, 'runAsNonRoot')
    if (value === false) {
      explicitlyBad.push(c.name)
      explicitPaths.push([...c.scPath, 'runAsNonRoot'])
    } else if (value === undefined && podValue !== true) {
      implicitlyBad.push(c.name)
      implicitPaths.push([...c.scPath, 'runAsNonRoot'])
    }
  }
  if (explicitlyBad.length > 0) setters.push(containersPhrase(explicitlyBad))
  if (setters.length > 0) {
    return forbidden(
      REASON,
      `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`,
      explicitPaths,
    )
  }
  if (implicitlyBad.length === 0) return ALLOWED
  return forbidden(
    REASON,
    `pod or ${containersPhrase(implicitlyBad)} must set securityContext.runAsNonRoot=true`,
    implicitPaths,
  )
}

function runAsNonRoot_1_35(pod: PodView): CheckOutcome {
  return pod.userNamespace ? ALLOWED : runAsNonRoot_1_0(pod)
}

// check_runAsNonRoot.go: explicit false anywhere fails; otherwise every container needs true at
// its own level or the pod's. Explicit false values become true; containers that rely on the pod
// get the pod-level field.
function runAsNonRootFix(input: CheckFixInput): FixDraft {
  const { view } = input
  const podValue = booleanAt(view.podSc, 'runAsNonRoot')
  const explicit = view.containers.filter((c) => booleanAt(c.sc, 'runAsNonRoot') === false)
  const implicit = view.containers.some((c) => booleanAt(c.sc, 'runAsNonRoot') === undefined)
  const setPod = podValue === false || (podValue !== true && implicit)
  const paths: Path[] = [
    ...(setPod ? [[...POD_SC_PATH, 'runAsNonRoot']] : []),
    ...explicit.map((c) => [...c.scPath, 'runAsNonRoot']),
  ]
  return {
    title: `Set runAsNonRoot: true on ${targets(view, paths)}`,
    parts: paths.map((path) => setValue(input.ctx, at(input, path), true)),
  }
}

export const runAsNonRoot = defineCheck({
  id: 'runAsNonRoot',
  level: 'restricted',
  revisions: [
    { minMinor: 0, run: runAsNonRoot_1_0 },
    { minMinor: 35, run: runAsNonRoot_1_35 },
  ],
  info: {
    control: 'Running as Non-root',
    why: 'Without a user namespace, UID 0 in a container is root on the node’s kernel; runAsNonRoot: true makes the kubelet refuse to start a container that would run as UID 0.',
    fix: 'Set securityContext.runAsNonRoot: true on the pod (or on every container) and run the image as a non-zero UID.',
    docs: RESTRICTED_DOCS,
  },
  fix: runAsNonRootFix,
})
