/**
 * The one place that holds each container runtime's default capability set.
 *
 * - containerd 1.x/2.x: `pkg/oci/spec.go`, `defaultUnixCaps()` (containerd/containerd @ 301026e).
 * - Docker / moby: `daemon/pkg/oci/caps/defaults.go`, `DefaultCapabilities()` — the same 14.
 * - CRI-O ≥ 1.18: `internal/config/capabilities/capabilities_linux.go`, `Default()`; NET_RAW and
 *   SYS_CHROOT were removed in commit 63b9f4e (first in v1.18.0). Admins can change it with
 *   `default_capabilities` in crio.conf; the playground assumes the shipped default.
 */

import type { ContainerRuntime } from '../types.ts'
import type { CapMask } from './mask.ts'
import { namesToMask } from './mask.ts'

/** containerd's 14 defaults (0x00000000a80425fb); moby ships the very same list. */
const CONTAINERD_AND_DOCKER_DEFAULTS: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_NET_RAW',
  'CAP_SYS_CHROOT',
  'CAP_MKNOD',
  'CAP_AUDIT_WRITE',
  'CAP_SETFCAP',
]

/** CRI-O ≥ 1.18: containerd's list without NET_RAW, SYS_CHROOT, MKNOD, AUDIT_WRITE, SETFCAP. */
const CRIO_DEFAULTS: readonly string[] = CONTAINERD_AND_DOCKER_DEFAULTS.filter(
  (name) =>
    !['CAP_NET_RAW', 'CAP_SYS_CHROOT', 'CAP_MKNOD', 'CAP_AUDIT_WRITE', 'CAP_SETFCAP'].includes(
      name,
    ),
)

/** One container runtime the playground models. */
export interface RuntimeEntry {
  id: string
  /** The display name: `containerd`, `CRI-O`, `Docker`. */
  label: string
  /** Default capabilities, `CAP_` names in bit order (0x…a80425fb for containerd). */
  defaultCapabilities: readonly string[]
  /** The release from which `defaultCapabilities` hold, when older ones differ. */
  defaultsSince?: string
  /** The CRI shim Kubernetes reaches the runtime through, when it needs one. */
  shim?: string
  /**
   * The AppArmor profile the runtime applies when none is asked for (containerd
   * pkg/apparmor `cri-containerd.apparmor.d`, CRI-O `crio-default`, moby `docker-default`).
   */
  appArmorProfile: string
}

/**
 * The runtime catalogue, in display order: the one list the options, the capability model, the
 * effective-context notes and every picker derive from. Adding a runtime means a row here and its
 * add/drop rules in runtime-specs.ts (`RUNTIME_SPECS` is keyed by these ids).
 */
export const RUNTIMES = [
  {
    id: 'containerd',
    label: 'containerd',
    defaultCapabilities: CONTAINERD_AND_DOCKER_DEFAULTS,
    appArmorProfile: 'cri-containerd.apparmor.d',
  },
  {
    id: 'cri-o',
    label: 'CRI-O',
    defaultCapabilities: CRIO_DEFAULTS,
    defaultsSince: '1.18',
    appArmorProfile: 'crio-default',
  },
  {
    id: 'docker',
    label: 'Docker',
    defaultCapabilities: CONTAINERD_AND_DOCKER_DEFAULTS,
    // Kubernetes reaches Docker only through the cri-dockerd shim (dockershim left in 1.24).
    shim: 'cri-dockerd',
    appArmorProfile: 'docker-default',
  },
] as const satisfies readonly RuntimeEntry[]

/** Every runtime id, in display order. */
export const CONTAINER_RUNTIMES: readonly ContainerRuntime[] = RUNTIMES.map((r) => r.id)

/** The catalogue row of a runtime. */
export function runtimeEntry(runtime: ContainerRuntime): RuntimeEntry {
  return RUNTIMES.find((r) => r.id === runtime) ?? RUNTIMES[0]
}

/** Default capabilities per runtime, `CAP_` names in bit order. */
export const RUNTIME_DEFAULT_CAPABILITIES = Object.fromEntries(
  RUNTIMES.map((r) => [r.id, r.defaultCapabilities]),
) as Readonly<Record<ContainerRuntime, readonly string[]>>

/** The display name of a runtime: `containerd`, `CRI-O`, `Docker`. */
export function runtimeLabel(runtime: ContainerRuntime): string {
  return runtimeEntry(runtime).label
}

// Computed once: every container's capabilities start from one of these.
const RUNTIME_DEFAULT_MASKS = Object.fromEntries(
  RUNTIMES.map((r) => [r.id, namesToMask(r.defaultCapabilities).mask]),
) as Readonly<Record<ContainerRuntime, CapMask>>

/** The runtime's default capability set as a mask. */
export function runtimeDefaultMask(runtime: ContainerRuntime): CapMask {
  return RUNTIME_DEFAULT_MASKS[runtime]
}
