import { runtimeEntry, runtimeLabel } from '../capabilities/runtimes.ts'
import { isRecord } from '../util/json-access.ts'
import type { ContainerSite } from '../workloads/containers.ts'
import type {
  AnalysisOptions,
  JsonValue,
  Locate,
  Path,
  PodTemplateInput,
  Setting,
} from '../types.ts'
import {
  APPARMOR_ANNOTATION_PREFIX,
  appArmorAnnotationProfile,
  podAnnotation,
} from './legacy-annotations.ts'
import { defaulted, type FieldsRead } from './merge.ts'

/**
 * AppArmor: the container field, else the container's deprecated annotation, else the pod field
 * (kubernetes pkg/security/apparmor/helpers.go, GetProfile; the API server also copies a valid
 * annotation into the container field when a non-Windows Pod is created: pkg/registry/core/pod/
 * strategy.go, applyAppArmorVersionSkew), else the runtime default profile on AppArmor nodes.
 * Privileged containers get no default profile (containerd WithPrivileged; CRI-O skips AppArmor),
 * but an explicit Localhost profile still applies on containerd and Docker. A node without
 * AppArmor makes the kubelet reject any pod that asks for a profile other than Unconfined
 * (pkg/security/apparmor/validate.go).
 */
export function resolveAppArmor(
  pod: PodTemplateInput,
  container: ContainerSite,
  fromContainer: FieldsRead,
  fromPod: FieldsRead,
  options: AnalysisOptions,
  privileged: boolean,
  locate: Locate,
): Setting {
  const effect = (profile: JsonValue): string | undefined => {
    const type = isRecord(profile) ? profile.type : undefined
    if (type === 'Unconfined') return undefined
    if (!options.appArmor)
      return 'The node has no AppArmor, so the kubelet rejects the pod: "Cannot enforce AppArmor: AppArmor is not enabled on the host".'
    if (!privileged) return undefined
    if (type === 'Localhost' && options.runtime !== 'cri-o')
      return `Still applied to this privileged container: ${runtimeLabel(options.runtime)} only skips the default profile.`
    return `Ignored: ${runtimeLabel(options.runtime)} applies no AppArmor profile to privileged containers.`
  }
  const fromSource = (
    value: JsonValue,
    source: 'container' | 'pod',
    path: Path,
    ...parts: (string | undefined)[]
  ): Setting => {
    const note = [...parts, effect(value)].filter(Boolean).join(' ')
    return { value, source, range: locate(path), ...(note ? { note } : {}) }
  }
  const own = fromContainer.appArmorProfile
  if (own) return fromSource(own.value, 'container', own.path)
  const key = `${APPARMOR_ANNOTATION_PREFIX}${container.name}`
  const legacy = podAnnotation(pod, key)
  const legacyProfile = legacy === undefined ? undefined : appArmorAnnotationProfile(legacy)
  const annotationPath = ['metadata', 'annotations', key]
  if (legacyProfile) {
    return fromSource(
      legacyProfile,
      'container',
      annotationPath,
      `From the deprecated annotation ${key}: the API server copies it into the field when the Pod is created, and the kubelet reads it too.`,
    )
  }
  const invalid =
    legacy !== undefined
      ? `The annotation ${key} is ignored: "${legacy}" is not runtime/default, unconfined or localhost/<profile>.`
      : undefined
  const shared = fromPod.appArmorProfile
  if (shared) return fromSource(shared.value, 'pod', shared.path, 'Set for the whole pod.', invalid)
  const withInvalid = (note: string): Setting =>
    defaulted({ type: 'Unconfined' }, invalid ? `${note} ${invalid}` : note)
  if (!options.appArmor)
    return withInvalid('The node has no AppArmor, so the container is unconfined.')
  if (privileged) return withInvalid('Privileged containers get no default AppArmor profile.')
  const profile = runtimeEntry(options.runtime).appArmorProfile
  const note = `The runtime applies its default profile (${profile}) on AppArmor nodes.`
  return defaulted({ type: 'RuntimeDefault' }, invalid ? `${note} ${invalid}` : note)
}
