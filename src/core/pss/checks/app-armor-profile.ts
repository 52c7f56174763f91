// Control "AppArmor" — baseline. Allowed: annotation `container.apparmor.security.beta.kubernetes.io/*`
// values "", "runtime/default", "localhost/*"; appArmorProfile.type RuntimeDefault, Localhost or
// undefined, at pod and container level. The field rule applies at every policy version.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_appArmorProfile.go
import type { Path } from '../../types.ts'
import { recordAt, stringAt } from '../../util/json-access.ts'
import { ALLOWED, forbidden } from '../check.ts'
import type { CheckDefinition, CheckOutcome } from '../check.ts'
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

export const appArmorProfile: CheckDefinition = {
  id: 'appArmorProfile',
  level: 'baseline',
  revisions: [{ minMinor: 0, run: appArmorProfile_1_0 }],
}
