import type { ContainerSite } from '../workloads/containers.ts'
import type { AnalysisOptions, Locate, PodTemplateInput, Setting } from '../types.ts'
import {
  annotationsHonoured,
  podAnnotation,
  SECCOMP_CONTAINER_ANNOTATION_PREFIX,
  SECCOMP_POD_ANNOTATION,
  seccompAnnotationProfile,
} from './legacy-annotations.ts'
import type { FieldsRead } from './merge.ts'

/**
 * seccomp: the container field, else the pod field, else the kubelet default
 * (kubernetes pkg/kubelet/kuberuntime/helpers.go, getSeccompProfile). The legacy annotations do
 * nothing since Kubernetes 1.27: the API server stopped copying them into the fields
 * (kubernetes#114947) and the kubelet stopped reading them in 1.25 (kubernetes#109819). When
 * the user picks an older version, they are honoured below the fields (container annotation,
 * then pod annotation), as those clusters did.
 * Privileged containers never get a filter (containerd GenerateSeccompSpecOpts; CRI-O skips
 * seccomp for privileged).
 */
export function resolveSeccomp(
  pod: PodTemplateInput,
  container: ContainerSite,
  fromContainer: FieldsRead,
  fromPod: FieldsRead,
  options: AnalysisOptions,
  privileged: boolean,
  locate: Locate,
): Setting {
  const notes = (...parts: (string | false)[]): { note?: string } => {
    const text = parts.filter((part): part is string => Boolean(part)).join(' ')
    return text ? { note: text } : {}
  }
  const privilegedNote = privileged && 'Ignored: privileged containers never get a seccomp filter.'
  const ignored = (key: string): string | false =>
    podAnnotation(pod, key) !== undefined &&
    `The legacy annotation ${key} has no effect since Kubernetes 1.27 (earlier API servers copied it into the field when the Pod was created).`
  const containerKey = `${SECCOMP_CONTAINER_ANNOTATION_PREFIX}${container.name}`
  const own = fromContainer.seccompProfile
  if (own)
    return {
      value: own.value,
      source: 'container',
      range: locate(own.path),
      ...notes(privilegedNote),
    }
  const honoured = (key: string, source: 'container' | 'pod'): Setting | undefined => {
    const value = podAnnotation(pod, key)
    if (value === undefined || !annotationsHonoured(options.kubernetesVersion)) return undefined
    return {
      value: seccompAnnotationProfile(value),
      source,
      range: locate(['metadata', 'annotations', key]),
      ...notes(
        `From the legacy annotation ${key}: Kubernetes ${options.kubernetesVersion} still honours it when the field is unset (it has no effect from 1.27).`,
        privilegedNote,
      ),
    }
  }
  const fromContainerAnnotation = honoured(containerKey, 'container')
  if (fromContainerAnnotation) return fromContainerAnnotation
  const shared = fromPod.seccompProfile
  if (shared) {
    return {
      value: shared.value,
      source: 'pod',
      range: locate(shared.path),
      ...notes('Set for the whole pod.', privilegedNote, ignored(containerKey)),
    }
  }
  const fromPodAnnotation = honoured(SECCOMP_POD_ANNOTATION, 'pod')
  if (fromPodAnnotation) return fromPodAnnotation
  const legacy = [ignored(containerKey), ignored(SECCOMP_POD_ANNOTATION)]
  if (privileged)
    return {
      value: { type: 'Unconfined' },
      source: 'default',
      ...notes('Privileged containers never get a seccomp filter.', ...legacy),
    }
  return options.seccompDefault
    ? {
        value: { type: 'RuntimeDefault' },
        source: 'default',
        ...notes(
          "The kubelet's seccompDefault is on, so the runtime's default filter applies.",
          ...legacy,
        ),
      }
    : {
        value: { type: 'Unconfined' },
        source: 'default',
        ...notes(
          'No filter: the kubelet sends Unconfined unless its seccompDefault setting is on (it is off by default).',
          ...legacy,
        ),
      }
}
