// What each Pod Security check protects and how to satisfy it, for people reading a finding.
// Control names follow the tables of
// https://kubernetes.io/docs/concepts/security/pod-security-standards/ (and the header comment of
// each check module); `since` comes from the check registry, so it cannot drift from evaluation.
import type { CheckId } from '../types.ts'
import { ALL_CHECKS } from './registry.ts'

/** The teaching facts about one upstream Pod Security check. */
export interface PssCheckInfo {
  /** The control's name as the Pod Security Standards page writes it, e.g. `Privileged Containers`. */
  control: string
  level: 'baseline' | 'restricted'
  /** One plain sentence: what the control protects, or what a violation gives an attacker. */
  why: string
  /** One short sentence: what to write in the manifest to pass. */
  fix: string
  /** A kubernetes.io page (or Pod Security Standards anchor) that explains the control. */
  docs: string
  /** The first policy version at which admission runs this check (its first revision). */
  since: `v1.${number}`
}

/** The Pod Security Standards page, which explains every control. */
export const PSS_PAGE = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/'
const BASELINE_DOCS = `${PSS_PAGE}#baseline`
const RESTRICTED_DOCS = `${PSS_PAGE}#restricted`
const SECURITY_CONTEXT =
  'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'
const CAPABILITIES_DOCS = `${SECURITY_CONTEXT}#set-capabilities-for-a-container`
const SECCOMP_DOCS = 'https://kubernetes.io/docs/tutorials/security/seccomp/'

const FACTS: Record<CheckId, Omit<PssCheckInfo, 'since'>> = {
  windowsHostProcess: {
    control: 'HostProcess',
    level: 'baseline',
    why: 'A HostProcess container runs as a process on the Windows node itself, outside container isolation, with access to the node’s files, network and processes.',
    fix: 'Remove windowsOptions.hostProcess, or set it to false, in the pod and container securityContext.',
    docs: 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/',
  },
  hostNamespaces: {
    control: 'Host Namespaces',
    level: 'baseline',
    why: 'Sharing the node’s network, process or IPC namespace lets the pod see and reach the node’s network interfaces, every process on the node, or its shared memory.',
    fix: 'Remove spec.hostNetwork, spec.hostPID and spec.hostIPC, or set them to false.',
    docs: BASELINE_DOCS,
  },
  privileged: {
    control: 'Privileged Containers',
    level: 'baseline',
    why: 'A privileged container gets every capability in its bounding set, the node’s devices, writable /sys and no seccomp filter or default AppArmor profile, so root in it is close to root on the node.',
    fix: 'Remove securityContext.privileged or set it to false; add only the capabilities the program needs.',
    docs: BASELINE_DOCS,
  },
  capabilities_baseline: {
    control: 'Capabilities',
    level: 'baseline',
    why: 'Capabilities outside the baseline list (Docker’s defaults minus NET_RAW), such as SYS_ADMIN, SYS_PTRACE or NET_RAW, give kernel powers that are common ways out of a container.',
    fix: 'Add only capabilities from the baseline list (such as NET_BIND_SERVICE), spelled exactly, without a CAP_ prefix.',
    docs: CAPABILITIES_DOCS,
  },
  hostPathVolumes: {
    control: 'HostPath Volumes',
    level: 'baseline',
    why: 'A hostPath volume mounts a directory of the node into the pod; a writable mount of paths such as /etc or the container runtime socket lets the pod take over the node.',
    fix: 'Replace hostPath volumes with emptyDir, configMap, secret or a persistentVolumeClaim.',
    docs: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  },
  hostPorts: {
    control: 'Host Ports',
    level: 'baseline',
    why: 'A hostPort publishes the container on the node’s own IP address, so anything that can reach the node can reach it, and NetworkPolicy may not cover that path.',
    fix: 'Remove ports[*].hostPort (or set it to 0) and expose the pod through a Service.',
    docs: BASELINE_DOCS,
  },
  hostProbesAndHostLifecycle: {
    control: 'Host Probes / Lifecycle Hooks',
    level: 'baseline',
    why: 'The kubelet sends probe and lifecycle-hook requests from the node, so a host field lets the pod aim those requests at any address the node can reach.',
    fix: 'Remove host from httpGet and tcpSocket in probes and lifecycle hooks; they then go to the pod’s own IP.',
    docs: BASELINE_DOCS,
  },
  appArmorProfile: {
    control: 'AppArmor',
    level: 'baseline',
    why: 'An Unconfined AppArmor profile removes the runtime’s default profile, which blocks actions such as mounting file systems and writing to sensitive files under /proc and /sys.',
    fix: 'Use appArmorProfile.type RuntimeDefault or Localhost, or leave it unset.',
    docs: 'https://kubernetes.io/docs/tutorials/security/apparmor/',
  },
  seLinuxOptions: {
    control: 'SELinux',
    level: 'baseline',
    why: 'A custom SELinux type, user or role can move the container out of the confined container domain that keeps it away from the node’s files and processes.',
    fix: 'Do not set seLinuxOptions.user or .role; leave .type unset or use an allowed container type such as container_t.',
    docs: `${SECURITY_CONTEXT}#assign-selinux-labels-to-a-container`,
  },
  procMount: {
    control: '/proc Mount Type',
    level: 'baseline',
    why: 'An Unmasked /proc removes the masks and read-only mounts the runtime puts over sensitive /proc entries, exposing kernel information and settings to the container.',
    fix: 'Remove securityContext.procMount or set it to Default.',
    docs: BASELINE_DOCS,
  },
  seccompProfile_baseline: {
    control: 'Seccomp',
    level: 'baseline',
    why: 'An Unconfined seccomp profile lets the container make every system call, including rarely needed ones that many kernel exploits start from.',
    fix: 'Use seccompProfile.type RuntimeDefault or Localhost, or leave it unset.',
    docs: SECCOMP_DOCS,
  },
  sysctls: {
    control: 'Sysctls',
    level: 'baseline',
    why: 'Sysctls outside the safe, namespaced list can change kernel settings for the whole node or weaken security mechanisms for other pods.',
    fix: 'Keep only the safe sysctls in spec.securityContext.sysctls; tune the node itself through node configuration.',
    docs: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
  },
  allowPrivilegeEscalation: {
    control: 'Privilege Escalation',
    level: 'restricted',
    why: 'Unless allowPrivilegeEscalation is false, a process can gain privileges through set-user-ID or set-group-ID programs and file capabilities; false sets no_new_privs, which stops that.',
    fix: 'Set securityContext.allowPrivilegeEscalation: false on every container.',
    docs: RESTRICTED_DOCS,
  },
  capabilities_restricted: {
    control: 'Capabilities',
    level: 'restricted',
    why: 'Even the runtime’s default capabilities, such as DAC_OVERRIDE and SETUID, let root in the container bypass file permissions and switch users; most programs need none of them.',
    fix: 'Set securityContext.capabilities.drop: [ALL] on every container; add back only NET_BIND_SERVICE if needed.',
    docs: CAPABILITIES_DOCS,
  },
  procMount_restricted: {
    control: '/proc Mount Type',
    level: 'restricted',
    why: 'An Unmasked /proc exposes kernel information and settings the runtime normally hides; restricted refuses it even when the pod runs in a user namespace.',
    fix: 'Remove securityContext.procMount or set it to Default.',
    docs: RESTRICTED_DOCS,
  },
  restrictedVolumes: {
    control: 'Volume Types',
    level: 'restricted',
    why: 'Inline volume types such as nfs, iscsi or gitRepo make the node mount or fetch storage on the pod’s behalf; restricted allows only core types and storage provisioned through claims or CSI.',
    fix: 'Use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret volumes.',
    docs: RESTRICTED_DOCS,
  },
  runAsNonRoot: {
    control: 'Running as Non-root',
    level: 'restricted',
    why: 'Without a user namespace, UID 0 in a container is root on the node’s kernel; runAsNonRoot: true makes the kubelet refuse to start a container that would run as UID 0.',
    fix: 'Set securityContext.runAsNonRoot: true on the pod (or on every container) and run the image as a non-zero UID.',
    docs: RESTRICTED_DOCS,
  },
  runAsUser: {
    control: 'Running as Non-root user',
    level: 'restricted',
    why: 'runAsUser: 0 explicitly runs the container as root, which without a user namespace is root on the node’s kernel too.',
    fix: 'Remove runAsUser: 0, or set a non-zero UID such as 1000, at pod and container level.',
    docs: RESTRICTED_DOCS,
  },
  seccompProfile_restricted: {
    control: 'Seccomp',
    level: 'restricted',
    why: 'With no seccomp profile set, a container runs Unconfined (unless the kubelet enables seccompDefault) and can make every system call.',
    fix: 'Set securityContext.seccompProfile.type: RuntimeDefault on the pod (or on every container).',
    docs: SECCOMP_DOCS,
  },
}

// The first revision's minimum version of each check, straight from the registry.
const FIRST_MINOR = new Map(ALL_CHECKS.map((check) => [check.id, check.revisions[0]?.minMinor]))

/**
 * The teaching facts for every upstream check ID: control name, level, why, fix, docs link and
 * first policy version. Plain data; every {@link CheckId} has exactly one entry.
 */
export const PSS_CHECK_INFO: Readonly<Record<CheckId, Readonly<PssCheckInfo>>> = Object.fromEntries(
  (Object.keys(FACTS) as CheckId[]).map((id) => [
    id,
    { ...FACTS[id], since: `v1.${FIRST_MINOR.get(id) ?? 0}` as const },
  ]),
) as Record<CheckId, PssCheckInfo>
