import type { ValueKind } from '../diagnostics.ts'
import type { SettingName } from '../types.ts'

/** Where a field is written: container securityContext, both levels, pod securityContext, or pod spec. */
export type FieldScope = 'container' | 'pod-and-container' | 'pod' | 'pod-spec'

export interface SecurityField {
  name: SettingName
  scope: FieldScope
  /** The JSON type the API server accepts for it (k8s.io/api core/v1 types.go). */
  kind: ValueKind
  /** What the field controls, in one plain sentence. */
  summary: string
  /** What happens when nobody sets it (the runtime or kubelet behaviour). */
  whenUnset: string
  /** Kubernetes documentation for the field. */
  docs: string
  /** The release that added or graduated it, when that matters to a reader. */
  since?: string
}

const SECURITY_CONTEXT_DOCS =
  'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'

/**
 * The catalogue of security fields the playground reports, in display order: the one list that
 * `SettingName`, the field lists the merge reads and the panel's field groups derive from.
 * Defaults and versions follow kubernetes pkg/securitycontext/util.go,
 * pkg/apis/core/v1/defaults.go and the k8s.io/api field docs. Adding a field means a row here and
 * its merge rule in effective-context.ts (which must set every `SettingName`).
 */
export const SECURITY_FIELDS = [
  {
    name: 'privileged',
    scope: 'container',
    kind: 'boolean',
    summary: 'Runs the container with every capability, all host devices and no seccomp filter.',
    whenUnset: 'false: the container is not privileged.',
    docs: SECURITY_CONTEXT_DOCS,
  },
  {
    name: 'allowPrivilegeEscalation',
    scope: 'container',
    kind: 'boolean',
    summary:
      'Controls the no_new_privs flag: whether setuid binaries and file capabilities can gain privileges.',
    whenUnset: 'Escalation is allowed: the kubelet does not set no_new_privs.',
    docs: SECURITY_CONTEXT_DOCS,
    since: '1.8',
  },
  {
    name: 'readOnlyRootFilesystem',
    scope: 'container',
    kind: 'boolean',
    summary: "Mounts the container's root filesystem read-only.",
    whenUnset: 'false: the process can write anywhere in the image filesystem.',
    docs: SECURITY_CONTEXT_DOCS,
  },
  {
    name: 'runAsNonRoot',
    scope: 'pod-and-container',
    kind: 'boolean',
    summary: 'Makes the kubelet refuse to start the container if it would run as UID 0.',
    whenUnset: 'No check: the container may run as root.',
    docs: SECURITY_CONTEXT_DOCS,
  },
  {
    name: 'runAsUser',
    scope: 'pod-and-container',
    kind: 'integer',
    summary: 'The UID the container process runs as.',
    whenUnset: "The image's USER; 0 (root) if the image sets none.",
    docs: SECURITY_CONTEXT_DOCS,
  },
  {
    name: 'runAsGroup',
    scope: 'pod-and-container',
    kind: 'integer',
    summary: 'The primary GID of the container process.',
    whenUnset:
      "The group from the image's USER, else the primary group of the process's user in the image's /etc/passwd, else 0.",
    docs: SECURITY_CONTEXT_DOCS,
    since: '1.21',
  },
  {
    name: 'capabilities',
    scope: 'container',
    kind: 'object',
    summary: 'Linux capabilities added to or dropped from the runtime default set.',
    whenUnset: "The container runtime's default capability set.",
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container',
  },
  {
    name: 'seccompProfile',
    scope: 'pod-and-container',
    kind: 'object',
    summary: 'The seccomp filter that limits which system calls the process can make.',
    whenUnset:
      "Unconfined (no filter), unless the kubelet's seccompDefault is on, which makes it RuntimeDefault.",
    docs: 'https://kubernetes.io/docs/tutorials/security/seccomp/',
    since: '1.19',
  },
  {
    name: 'appArmorProfile',
    scope: 'pod-and-container',
    kind: 'object',
    summary: 'The AppArmor profile that confines the process.',
    whenUnset:
      "The runtime's default profile on nodes with AppArmor; unconfined elsewhere and for privileged containers.",
    docs: 'https://kubernetes.io/docs/tutorials/security/apparmor/',
    since: '1.30',
  },
  {
    name: 'seLinuxOptions',
    scope: 'pod-and-container',
    kind: 'object',
    summary: 'The SELinux label of the container.',
    whenUnset:
      'The runtime picks a label (a unique MCS level) on SELinux hosts; ignored elsewhere.',
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container',
  },
  {
    name: 'procMount',
    scope: 'container',
    kind: 'string',
    summary: 'Whether /proc keeps the runtime’s masked and read-only paths.',
    whenUnset:
      'Default: the masked and read-only /proc paths apply (privileged containers get none).',
    docs: SECURITY_CONTEXT_DOCS,
  },
  {
    name: 'windowsOptions',
    scope: 'pod-and-container',
    kind: 'object',
    summary: 'Windows-specific settings such as HostProcess containers and the run-as user name.',
    whenUnset: 'Not used on Linux nodes.',
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-runasusername/',
  },
  {
    name: 'fsGroup',
    scope: 'pod',
    kind: 'integer',
    summary: 'A group that owns supported volumes and is added to every container process.',
    whenUnset: 'Volume ownership is not changed and no extra group is added.',
    docs: SECURITY_CONTEXT_DOCS,
  },
  {
    name: 'fsGroupChangePolicy',
    scope: 'pod',
    kind: 'string',
    summary: 'When volume ownership is changed to fsGroup: always, or only when the root differs.',
    whenUnset: 'Always (only matters when fsGroup is set).',
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#configure-volume-permission-and-ownership-change-policy-for-pods',
    since: '1.23',
  },
  {
    name: 'supplementalGroups',
    scope: 'pod',
    kind: 'array',
    summary: 'Extra groups added to every container process.',
    whenUnset: "No extra groups (the image's /etc/group memberships still apply).",
    docs: SECURITY_CONTEXT_DOCS,
  },
  {
    name: 'supplementalGroupsPolicy',
    scope: 'pod',
    kind: 'string',
    summary: "Whether the image's /etc/group memberships are merged with supplementalGroups.",
    whenUnset: "Merge: the image's group memberships are kept.",
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#supplementalgroupspolicy',
    since: '1.35',
  },
  {
    name: 'sysctls',
    scope: 'pod',
    kind: 'array',
    summary: 'Namespaced kernel parameters set for the pod.',
    whenUnset: 'None: the node defaults apply.',
    docs: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
  },
  {
    name: 'seLinuxChangePolicy',
    scope: 'pod',
    kind: 'string',
    summary: 'How volumes get their SELinux label: mount option or recursive relabel.',
    whenUnset:
      'MountOption, as the API documents: eligible volumes get the SELinux label as a mount option, others are relabelled recursively.',
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#efficient-selinux-volume-relabeling',
    since: '1.32',
  },
  {
    name: 'hostNetwork',
    scope: 'pod-spec',
    kind: 'boolean',
    summary: "Uses the node's network namespace: the pod sees and can bind every host interface.",
    whenUnset: 'false: the pod gets its own network namespace.',
    docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  {
    name: 'hostPID',
    scope: 'pod-spec',
    kind: 'boolean',
    summary: "Uses the node's process namespace: the pod sees every host process.",
    whenUnset: 'false: the pod gets its own process namespace.',
    docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  {
    name: 'hostIPC',
    scope: 'pod-spec',
    kind: 'boolean',
    summary: "Uses the node's IPC namespace: shared memory with host processes.",
    whenUnset: 'false: the pod gets its own IPC namespace.',
    docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
  },
  {
    name: 'hostUsers',
    scope: 'pod-spec',
    kind: 'boolean',
    summary:
      'false runs the pod in its own user namespace, so root in the container is not root on the node.',
    whenUnset: "true: the pod shares the node's user namespace.",
    docs: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/',
    since: '1.33 (beta, on by default)',
  },
  {
    name: 'shareProcessNamespace',
    scope: 'pod-spec',
    kind: 'boolean',
    summary:
      'Puts all containers of the pod in one process namespace, so they can see and signal each other.',
    whenUnset: 'false: each container has its own process namespace.',
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/',
  },
  {
    name: 'automountServiceAccountToken',
    scope: 'pod-spec',
    kind: 'boolean',
    summary: 'Whether an API token for the service account is mounted into the containers.',
    whenUnset: "The ServiceAccount's setting, which defaults to true: the token is mounted.",
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
  },
] as const satisfies readonly (Omit<SecurityField, 'name'> & { name: string })[]

const namesIn = (...scopes: FieldScope[]): SettingName[] =>
  SECURITY_FIELDS.filter((field) => scopes.includes(field.scope)).map((field) => field.name)

/** Fields written in a container's securityContext (some also inherited from the pod). */
export const CONTAINER_FIELDS = namesIn('container', 'pod-and-container')

/** Fields of the pod-level securityContext (some also overridable per container). */
export const POD_SECURITY_CONTEXT_FIELDS = namesIn('pod-and-container', 'pod')

/** Security fields written directly in the pod spec. */
export const POD_SPEC_FIELDS = namesIn('pod-spec')

/** Fields that exist only for the whole pod (pod securityContext or pod spec). */
export const POD_FIELDS = namesIn('pod', 'pod-spec')

/** The catalogue entry of a field. */
export function securityField(name: SettingName): SecurityField {
  // Every SettingName comes from the catalogue, so the lookup always finds it.
  return SECURITY_FIELDS.find((entry) => entry.name === name) ?? SECURITY_FIELDS[0]
}
