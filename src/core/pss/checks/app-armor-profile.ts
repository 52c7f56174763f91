// Control "AppArmor" — baseline. Allowed: annotation `container.apparmor.security.beta.kubernetes.io/*`
// values "", "runtime/default", "localhost/*"; appArmorProfile.type RuntimeDefault, Localhost or
// undefined, at pod and container level. The field rule applies at every policy version.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_appArmorProfile.go
import type { Path } from '../../types.ts'
import { recordAt, stringAt } from '../../util/json-access.ts'
import { ALLOWED, defineCheck, forbidden } from '../check.ts'
import type { CheckFixInput, CheckOutcome, FixDraft } from '../check.ts'
import {
  compareBytes,
  containersPhrase,
  goQuote,
  joinQuote,
  pluralize,
  sortedDistinct,
} from '../../util/go-format.ts'
import { POD_SC_PATH } from '../../workloads/pod-view.ts'
import type { PodView } from '../../workloads/pod-view.ts'
import { targets, capitalize, at } from '../fix-helpers.ts'

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/'

function allowedAnnotationValue(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/')
}

function allowedProfileType(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost'
}

function appArmorProfile_1_0(pod: PodView): CheckOutcome {
  const setters: string[] = []
  const badTypes: string[] = []
  const paths: Path[] = []
  const podProfile = recordAt(pod.podSc, 'appArmorProfile')
  if (podProfile !== undefined) {
    const type = stringAt(podProfile, 'type') ?? ''
    if (!allowedProfileType(type)) {
      setters.push('pod')
      badTypes.push(type)
      paths.push([...POD_SC_PATH, 'appArmorProfile', 'type'])
    }
  }
  const badContainers: string[] = []
  for (const c of pod.containers) {
    const profile = recordAt(c.sc, 'appArmorProfile')
    if (profile === undefined) continue
    const type = stringAt(profile, 'type') ?? ''
    if (!allowedProfileType(type)) {
      badContainers.push(c.name)
      badTypes.push(type)
      paths.push([...c.scPath, 'appArmorProfile', 'type'])
    }
  }
  if (badContainers.length > 0) setters.push(containersPhrase(badContainers))

  const badAnnotations = pod.annotations.filter(
    ([key, value]) => key.startsWith(ANNOTATION_PREFIX) && !allowedAnnotationValue(value),
  )
  const values = sortedDistinct(badTypes)
  if (badAnnotations.length > 0) {
    values.push(
      ...badAnnotations.map(([key, value]) => `${key}=${goQuote(value)}`).sort(compareBytes),
    )
    setters.push(pluralize('annotation', 'annotations', badAnnotations.length))
    paths.push(...badAnnotations.map(([key]) => ['metadata', 'annotations', key]))
  }
  if (setters.length === 0) return ALLOWED
  return forbidden(
    pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
    paths,
  )
}

// check_appArmorProfile.go: field types become RuntimeDefault, annotation values runtime/default.
function appArmorFix(input: CheckFixInput): FixDraft {
  const paths = input.outcome.paths
  const fields = paths.filter((path) => path[0] === 'spec')
  const annotations = paths.filter((path) => path[0] === 'metadata')
  const actions = [
    ...(fields.length > 0
      ? [`Set appArmorProfile type RuntimeDefault on ${targets(input.view, fields)}`]
      : []),
    ...(annotations.length > 0 ? ['set the AppArmor annotations to runtime/default'] : []),
  ]
  return {
    title: capitalize(actions.join(' and ')),
    parts: paths.map((path) =>
      input.edit.setValue(
        at(input, path),
        path[0] === 'spec' ? 'RuntimeDefault' : 'runtime/default',
      ),
    ),
  }
}

export const appArmorProfile = defineCheck({
  id: 'appArmorProfile',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: appArmorProfile_1_0 }],
  info: {
    control: 'AppArmor',
    why: 'An Unconfined AppArmor profile removes the runtime’s default profile, which blocks actions such as mounting file systems and writing to sensitive files under /proc and /sys.',
    fix: 'Use appArmorProfile.type RuntimeDefault or Localhost, or leave it unset.',
    docs: 'https://kubernetes.io/docs/tutorials/security/apparmor/',
  },
  fix: appArmorFix,
})
