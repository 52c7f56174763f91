// Control "Running as Non-root" — restricted. Allowed: runAsNonRoot true on every container, or
// unset on a container while the pod sets true; an explicit false anywhere fails. From v1.35 any
// value when spec.hostUsers is false. runAsUser is never consulted.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_runAsNonRoot.go
import type { JsonValue, Path } from '../../types.ts'
import { booleanAt, hasValue } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckFixInput, CheckOutcome, FixDraft } from '../check.ts'
import { containersPhrase } from '../../util/go-format.ts'
import { POD_SC_PATH } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { targets, at } from '../fix-helpers.ts'
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

/**
 * The UID the runAsNonRoot fix runs containers as when nothing sets one: 65532, the `nonroot` user
 * of the distroless images (GoogleContainerTools/distroless, base/base.bzl), used by many
 * non-root images. Any non-zero UID lets the kubelet start the container.
 */
export const DEFAULT_NON_ROOT_UID = 65532

// check_runAsNonRoot.go: explicit false anywhere fails; otherwise every container needs true at
// its own level or the pod's. Explicit false values become true; containers that rely on the pod
// get the pod-level field. runAsNonRoot alone would trade the finding for a pod that does not
// start when the image runs as root: the kubelet (kuberuntime security_context_others.go,
// verifyRunAsNonRoot) then checks the image's USER. So a container without any runAsUser also
// gets one at pod level (Linux pods only: runAsUser is refused for a Windows pod).
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
  const setUid =
    !view.windows &&
    !hasValue(view.podSc, 'runAsUser') &&
    view.containers.some((c) => !hasValue(c.sc, 'runAsUser'))
  const uidPath: Path = [...POD_SC_PATH, 'runAsUser']
  const podEntries: Record<string, JsonValue> = {
    ...(setPod ? { runAsNonRoot: true } : {}),
    ...(setUid ? { runAsUser: DEFAULT_NON_ROOT_UID } : {}),
  }
  // Two keys inserted into an empty or absent map would each write the map: write it once.
  const podScEmpty = view.podSc === undefined || Object.keys(view.podSc).length === 0
  const parts = [
    ...(podScEmpty && Object.keys(podEntries).length > 0
      ? [input.edit.setValue(at(input, POD_SC_PATH), podEntries)]
      : Object.entries(podEntries).map(([key, value]) =>
          input.edit.setValue(at(input, [...POD_SC_PATH, key]), value),
        )),
    ...explicit.map((c) => input.edit.setValue(at(input, [...c.scPath, 'runAsNonRoot']), true)),
  ]
  const uid = setUid ? ` and runAsUser: ${DEFAULT_NON_ROOT_UID}` : ''
  return {
    title: `Set runAsNonRoot: true${uid} on ${targets(view, setUid ? [...paths, uidPath] : paths)}`,
    parts,
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
