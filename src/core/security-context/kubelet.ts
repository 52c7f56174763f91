// What the kubelet refuses on the node, after the API server has accepted the pod.
import { arrayAt, isRecord, recordAt } from '../util/json-access.ts'
import { CONTAINER_LISTS, type ContainerSite } from '../workloads/containers.ts'
import type {
  AnalysisOptions,
  Diagnostic,
  Locate,
  Path,
  PodTemplateInput,
  Setting,
  SettingName,
} from '../types.ts'
import { parseImageUser } from './image-user.ts'
import { kubeletPodDescription, type PodIdentity } from './kubelet-pod.ts'
import { APPARMOR_ANNOTATION_PREFIX } from './legacy-annotations.ts'
import { ID_RANGE_ERROR, MAX_ID } from './validation.ts'

/**
 * The kubelet's AppArmor admission (kubernetes pkg/security/apparmor/validate.go): on a node
 * without AppArmor, a pod that asks for any profile other than Unconfined (pod field, container
 * field or annotation) is rejected as a whole, with reason AppArmor.
 */
export function verifyAppArmorHost(
  pod: PodTemplateInput,
  options: AnalysisOptions,
  locate: Locate,
): Diagnostic[] {
  if (options.appArmor || !isRecord(pod.spec)) return []
  const confining = (profile: unknown): boolean =>
    isRecord(profile) && profile.type !== 'Unconfined'
  const podSc = recordAt(pod.spec, 'securityContext')
  const candidates: { profile: unknown; path: Path }[] = [
    { profile: podSc?.appArmorProfile, path: ['spec', 'securityContext', 'appArmorProfile'] },
    ...CONTAINER_LISTS.flatMap(({ list }) =>
      (arrayAt(pod.spec, list) ?? []).map((item, index) => ({
        profile: recordAt(item, 'securityContext')?.appArmorProfile,
        path: ['spec', list, index, 'securityContext', 'appArmorProfile'],
      })),
    ),
  ]
  const field = candidates.find((candidate) => confining(candidate.profile))
  const annotation = Object.entries(recordAt(pod.metadata, 'annotations') ?? {}).find(
    ([key, value]) => key.startsWith(APPARMOR_ANNOTATION_PREFIX) && value !== 'unconfined',
  )
  const path = field?.path ?? (annotation ? ['metadata', 'annotations', annotation[0]] : undefined)
  if (!path) return []
  return [
    {
      code: 'apparmor-not-enabled',
      severity: 'error',
      message:
        'Cannot enforce AppArmor: AppArmor is not enabled on the host (the kubelet rejects the pod with reason AppArmor)',
      range: locate(path),
      source: 'kubelet',
      assumption: 'appArmor',
    },
  ]
}

/**
 * The kubelet's runAsNonRoot verification (kubernetes pkg/kubelet/kuberuntime/
 * security_context_others.go, verifyRunAsNonRoot) on the effective settings, using the assumed
 * image USER when runAsUser is unset. The container would fail with CreateContainerConfigError.
 * Messages end like the kubelet's, with the pod as `format.Pod` prints it (see kubelet-pod.ts).
 * A verdict that rests on the assumed image USER says so (`assumption: 'imageUser'`); with the
 * USER unknown it is a notice of the condition the image must meet, not an error.
 */
export function verifyRunAsNonRoot(
  pod: PodIdentity,
  container: ContainerSite,
  settings: Record<SettingName, Setting>,
  options: AnalysisOptions,
  locate: Locate,
): Diagnostic[] {
  const runAsNonRoot = settings.runAsNonRoot
  if (runAsNonRoot.value !== true) return []
  const range = runAsNonRoot.range ?? locate(['spec', container.list, container.index])
  const kubelet = (code: string, message: string): Diagnostic => ({
    code,
    severity: 'error',
    message: `${message} (pod: ${JSON.stringify(kubeletPodDescription(pod))}, container: ${container.name})`,
    range,
    source: 'kubelet',
  })
  const runAsUser = settings.runAsUser
  if (runAsUser.source !== 'default') {
    return runAsUser.value === 0
      ? [kubelet('run-as-non-root-uid-0', "container's runAsUser breaks non-root policy")]
      : []
  }
  if (options.imageUser === null) {
    return [
      {
        code: 'run-as-non-root-image-unknown',
        severity: 'info',
        message: `"${container.name}" sets runAsNonRoot without runAsUser: it starts only if the image's USER is a numeric non-zero UID. The kubelet refuses to start it if the image has no USER, runs as root, or names a user.`,
        range,
        source: 'kubelet',
        assumption: 'imageUser',
      },
    ]
  }
  const imageRefusal = (code: string, message: string): Diagnostic[] => [
    { ...kubelet(code, message), assumption: 'imageUser' },
  ]
  // The runtime reports the part of USER before ':' as a UID when it parses, else as a name.
  const { user } = parseImageUser(options.imageUser)
  if (typeof user === 'string') {
    return imageRefusal(
      'run-as-non-root-image-name',
      `container has runAsNonRoot and image has non-numeric user (${user}), cannot verify user is non-root`,
    )
  }
  if (user === 0)
    return imageRefusal(
      'run-as-non-root-image-root',
      'container has runAsNonRoot and image will run as root',
    )
  if (user < 0 || user > MAX_ID) {
    return imageRefusal(
      'run-as-non-root-image-invalid',
      `container has runAsNonRoot and image has an invalid user id (${user}). (Must be 1-(${MAX_ID})): ${ID_RANGE_ERROR}`,
    )
  }
  return []
}
