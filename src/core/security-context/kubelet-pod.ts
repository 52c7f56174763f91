import type { WorkloadKind } from '../types.ts'

/** The pod a workload's template becomes, as far as the manifest can tell. */
export interface PodIdentity {
  kind: WorkloadKind
  name: string
  namespace?: string
}

/**
 * The pod as the kubelet prints it in its errors: `format.Pod` in kubernetes
 * pkg/kubelet/util/format/pod.go gives `name_namespace(uid)`. What the manifest cannot know is
 * written in angle brackets: the UID (the API server assigns it on create) and the parts of a
 * controller's pod names that are generated. Controllers name their pods with GenerateName
 * `<owner>-`, to which the API server appends five random characters (names.SimpleNameGenerator);
 * a Deployment's owner is its ReplicaSet `<name>-<pod-template-hash>` (controller/deployment
 * sync.go), a CronJob's its Job `<name>-<scheduled time>` (controller/cronjob utils.go
 * getJobName), and a StatefulSet numbers its pods from `<name>-0` (stateful_set_utils.go).
 * Without metadata.namespace, kubectl creates the object in its context's namespace, which is
 * `default` unless configured.
 */
export function kubeletPodDescription({ kind, name, namespace }: PodIdentity): string {
  const base = name === '' ? '<name>' : name
  const podName = {
    Pod: base,
    PodTemplate: base,
    StatefulSet: `${base}-0`,
    Deployment: `${base}-<hash>-<suffix>`,
    CronJob: `${base}-<time>-<suffix>`,
    DaemonSet: `${base}-<suffix>`,
    ReplicaSet: `${base}-<suffix>`,
    ReplicationController: `${base}-<suffix>`,
    Job: `${base}-<suffix>`,
  }[kind]
  return `${podName}_${namespace ?? 'default'}(<uid>)`
}
