// Control "Seccomp" — baseline (replaced in restricted by seccompProfile_restricted from v1.19).
// v1.0–v1.18: annotations seccomp.security.alpha.kubernetes.io/pod and
// container.seccomp.security.alpha.kubernetes.io/<container name> may be "runtime/default",
// "docker/default", "localhost/*" or undefined (fields ignored). v1.19+: seccompProfile.type at pod
// and container level may be RuntimeDefault, Localhost or undefined (annotations ignored).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_seccompProfile_baseline.go
import type { Path } from '../../types.ts'
import { recordAt, stringAt } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckFixInput, CheckOutcome, FixDraft } from '../check.ts'
import {
  containersPhrase,
  goQuote,
  joinQuote,
  pluralize,
  sortedDistinct,
} from '../../util/go-format.ts'
import { POD_SC_PATH } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { at, targets } from '../fix-helpers.ts'
import { SECCOMP_DOCS } from '../docs-links.ts'

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

// check_seccompProfile_baseline.go / _restricted.go (v1.19+ field rules): invalid types become
// RuntimeDefault; for restricted, containers without a profile are covered by a pod-level one.
export function seccompFix(input: CheckFixInput, restricted: boolean): FixDraft | undefined {
  if (input.minor < 19) return undefined
  const { view } = input
  const explicit = explicitSeccompViolations(view)
  const paths: Path[] = [...explicit.paths]
  const parts = explicit.paths.map((path) => input.edit.setValue(at(input, path), 'RuntimeDefault'))
  const podProfile = recordAt(view.podSc, 'seccompProfile')
  const uncovered = view.containers.filter((c) => recordAt(c.sc, 'seccompProfile') === undefined)
  if (restricted && podProfile === undefined && uncovered.length > 0) {
    paths.push([...POD_SC_PATH, 'seccompProfile'])
    parts.push(
      input.edit.setValue(at(input, [...POD_SC_PATH, 'seccompProfile']), {
        type: 'RuntimeDefault',
      }),
    )
  }
  if (parts.length === 0) return undefined
  return { title: `Set seccompProfile type RuntimeDefault on ${targets(view, paths)}`, parts }
}

export const seccompProfileBaseline = defineCheck({
  id: 'seccompProfile_baseline',
  level: 'baseline',
  revisions: [
    { minMinor: 0, run: seccompProfileBaseline_1_0 },
    { minMinor: 19, run: seccompProfileBaseline_1_19 },
  ],
  info: {
    control: 'Seccomp',
    why: 'An Unconfined seccomp profile lets the container make every system call, including rarely needed ones that many kernel exploits start from.',
    fix: 'Use seccompProfile.type RuntimeDefault or Localhost, or leave it unset.',
    docs: SECCOMP_DOCS,
  },
  fix: (input) => seccompFix(input, false),
})
