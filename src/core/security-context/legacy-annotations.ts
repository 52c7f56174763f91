// The annotations Kubernetes once read instead of the seccompProfile and appArmorProfile fields.
import { formatPath } from '../diagnostics.ts'
import { rulesMinor } from '../policy-version.ts'
import { arrayAt, isRecord, recordAt, stringAt } from '../util/json-access.ts'
import { CONTAINER_LISTS } from '../workloads/containers.ts'
import type {
  AnalysisOptions,
  Diagnostic,
  JsonValue,
  Locate,
  Path,
  PodTemplateInput,
} from '../types.ts'

/** The annotation prefixes Kubernetes once read instead of the profile fields. */
export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod'
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/'
export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/'

/**
 * The AppArmor profile a deprecated annotation value stands for, or undefined for a value the
 * kubelet does not understand (kubernetes pkg/security/apparmor/helpers.go,
 * getProfileFromPodAnnotations: `runtime/default`, `unconfined`, `localhost/<name>`).
 */
export function appArmorAnnotationProfile(value: string): Record<string, JsonValue> | undefined {
  if (value === 'runtime/default') return { type: 'RuntimeDefault' }
  if (value === 'unconfined') return { type: 'Unconfined' }
  if (value.startsWith('localhost/'))
    return { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) }
  return undefined
}

/** Policy versions below v1.27 stand for clusters that still applied the seccomp annotations. */
export function annotationsHonoured(version: AnalysisOptions['kubernetesVersion']): boolean {
  return rulesMinor(version) < 27
}

/** A seccomp annotation value as the field it was copied into (pkg/api/pod/util.go). */
export function seccompAnnotationProfile(value: string): JsonValue {
  if (value === 'runtime/default' || value === 'docker/default') return { type: 'RuntimeDefault' }
  if (value.startsWith('localhost/'))
    return { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) }
  return { type: 'Unconfined' }
}

/** A string annotation of the pod template, if present. */
export function podAnnotation(pod: PodTemplateInput, key: string): string | undefined {
  const annotations = recordAt(pod.metadata, 'annotations')
  const value = annotations?.[key]
  return typeof value === 'string' ? value : undefined
}

/** Names of every container in the pod template, with whether it sets each profile field. */
function containersOf(spec: Record<string, unknown>): { name: string; sc: unknown }[] {
  return CONTAINER_LISTS.flatMap(({ list }) =>
    (arrayAt(spec, list) ?? []).flatMap((item) => {
      const name = stringAt(item, 'name')
      return name === undefined ? [] : [{ name, sc: recordAt(item, 'securityContext') }]
    }),
  )
}

/**
 * The API server's warnings for the legacy annotations: seccomp ones are "non-functional in
 * v1.27+" when the matching field is unset (pkg/api/pod/warnings.go); an AppArmor one is
 * "deprecated since v1.30" in a template with no AppArmor field (warnings.go), and in a Pod when
 * the container field is unset and the annotation is invalid or differs from the pod profile
 * (strategy.go, applyAppArmorVersionSkew; not for Windows pods).
 */
export function legacyAnnotationWarnings(
  pod: PodTemplateInput,
  locate: Locate,
  templatePath: Path,
): Diagnostic[] {
  const spec = pod.spec
  if (!isRecord(spec)) return []
  const diagnostics: Diagnostic[] = []
  const warn = (code: string, key: string, message: string): void => {
    diagnostics.push({
      code,
      severity: 'warning',
      message: `${formatPath([...templatePath, 'metadata', 'annotations'])}[${key}]: ${message}`,
      range: locate(['metadata', 'annotations', key]),
      source: 'api-server',
    })
  }
  const seccompGone = 'non-functional in v1.27+; use the "seccompProfile" field instead'
  const podSc = recordAt(spec, 'securityContext')
  if (!isRecord(podSc?.seccompProfile) && podAnnotation(pod, SECCOMP_POD_ANNOTATION) !== undefined)
    warn('seccomp-annotation-ignored', SECCOMP_POD_ANNOTATION, seccompGone)
  const isTemplate = templatePath.length > 0
  const podProfile = recordAt(podSc, 'appArmorProfile')
  const windows = stringAt(recordAt(spec, 'os'), 'name') === 'windows'
  for (const { name, sc } of containersOf(spec)) {
    const seccompKey = `${SECCOMP_CONTAINER_ANNOTATION_PREFIX}${name}`
    if (!isRecord(recordAt(sc, 'seccompProfile')) && podAnnotation(pod, seccompKey) !== undefined)
      warn('seccomp-annotation-ignored', seccompKey, seccompGone)
    const appArmorKey = `${APPARMOR_ANNOTATION_PREFIX}${name}`
    const annotation = podAnnotation(pod, appArmorKey)
    if (annotation === undefined || recordAt(sc, 'appArmorProfile')) continue
    // The field the API server would copy in: none for an unknown value, an empty or padded
    // localhost profile (ApparmorFieldForAnnotation, then ValidateAppArmorProfileField).
    const asField = appArmorAnnotationProfile(annotation)
    const profile = asField?.localhostProfile
    const valid =
      asField !== undefined &&
      !(typeof profile === 'string' && (profile === '' || profile.trim() !== profile))
    const warns = isTemplate
      ? !podProfile
      : !windows && (!valid || !sameProfile(asField, podProfile))
    if (warns)
      warn(
        'apparmor-annotation-deprecated',
        appArmorKey,
        'deprecated since v1.30; use the "appArmorProfile" field instead',
      )
  }
  return diagnostics
}

function sameProfile(a: Record<string, unknown>, b: Record<string, unknown> | undefined): boolean {
  return b !== undefined && a.type === b.type && a.localhostProfile === b.localhostProfile
}
