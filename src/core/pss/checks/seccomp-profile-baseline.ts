// Control "Seccomp" — baseline (replaced in restricted by seccompProfile_restricted from v1.19).
// v1.0–v1.18: annotations seccomp.security.alpha.kubernetes.io/pod and
// container.seccomp.security.alpha.kubernetes.io/<container name> may be "runtime/default",
// "docker/default", "localhost/*" or undefined (fields ignored). v1.19+: seccompProfile.type at pod
// and container level may be RuntimeDefault, Localhost or undefined (annotations ignored).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_seccompProfile_baseline.go
import type { Path } from '../../types.ts'
import { recordAt, stringAt } from '../../util/json-access.ts'
import { ALLOWED, forbidden } from '../check.ts'
import type { CheckDefinition, CheckOutcome } from '../check.ts'
import {
  containersPhrase,
  goQuote,
  joinQuote,
  pluralize,
  sortedDistinct,
} from '../../util/go-format.ts'
import { POD_SC_PATH } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'

const ANNOTATION_POD = 'seccomp.security.alpha.kubernetes.io/pod'
const ANNOTATION_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/'

function validAnnotationValue(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/')
}

/** RuntimeDefault or Localhost; shared with seccompProfile_restricted. */
export function validSeccompType(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost'
}

function seccompProfileBaseline_1_0(pod: PodView): CheckOutcome {
  const annotations = new Map(pod.annotations)
  // The pod key, then one key per container name; names that match no container are ignored.
  const keys = new Set([
    ANNOTATION_POD,
    ...pod.containers.map((c) => ANNOTATION_CONTAINER_PREFIX + c.name),
  ])
  const bad = [...keys].flatMap((key) => {
    const value = annotations.get(key)
    return value === undefined || validAnnotationValue(value) ? [] : [{ key, value }]
  })
  if (bad.length === 0) return ALLOWED
  const entries = sortedDistinct(bad.map(({ key, value }) => `${key}=${goQuote(value)}`))
  return forbidden(
    'seccompProfile',
    `forbidden ${pluralize('annotation', 'annotations', entries.length)} ${entries.join(', ')}`,
    bad.map(({ key }): Path => ['metadata', 'annotations', key]),
  )
}

/** Pod and containers that set an invalid seccompProfile.type (v1.19+ field rule). */
export function explicitSeccompViolations(pod: PodView): {
  setters: string[]
  types: string[]
  paths: Path[]
} {
  const setters: string[] = []
  const types: string[] = []
  const paths: Path[] = []
  const podProfile = recordAt(pod.podSc, 'seccompProfile')
  const podType = stringAt(podProfile, 'type') ?? ''
  if (podProfile !== undefined && !validSeccompType(podType)) {
    setters.push('pod')
    types.push(podType)
    paths.push([...POD_SC_PATH, 'seccompProfile', 'type'])
  }
  const badContainers: string[] = []
  for (const c of pod.containers) {
    const profile = recordAt(c.sc, 'seccompProfile')
    const type = stringAt(profile, 'type') ?? ''
    if (profile === undefined || validSeccompType(type)) continue
    badContainers.push(c.name)
    types.push(type)
    paths.push([...c.scPath, 'seccompProfile', 'type'])
  }
  if (badContainers.length > 0) setters.push(containersPhrase(badContainers))
  return { setters, types: sortedDistinct(types), paths }
}

/** The detail for explicitly invalid seccompProfile types. */
export function explicitSeccompDetail(
  setters: readonly string[],
  types: readonly string[],
): string {
  return `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(types)}`
}

function seccompProfileBaseline_1_19(pod: PodView): CheckOutcome {
  const { setters, types, paths } = explicitSeccompViolations(pod)
  if (setters.length === 0) return ALLOWED
  return forbidden('seccompProfile', explicitSeccompDetail(setters, types), paths)
}

export const seccompProfileBaseline: CheckDefinition = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  revisions: [
    { minMinor: 0, run: seccompProfileBaseline_1_0 },
    { minMinor: 19, run: seccompProfileBaseline_1_19 },
  ],
}
