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

/** Default capabilities per runtime, `CAP_` names in bit order. */
export const RUNTIME_DEFAULT_CAPABILITIES: Readonly<Record<ContainerRuntime, readonly string[]>> = {
  containerd: CONTAINERD_AND_DOCKER_DEFAULTS,
  // 0x00000000000005fb: containerd's list without NET_RAW, SYS_CHROOT, MKNOD, AUDIT_WRITE, SETFCAP.
  'cri-o': CONTAINERD_AND_DOCKER_DEFAULTS.filter(
    (name) =>
      !['CAP_NET_RAW', 'CAP_SYS_CHROOT', 'CAP_MKNOD', 'CAP_AUDIT_WRITE', 'CAP_SETFCAP'].includes(
        name,
      ),
  ),
  docker: CONTAINERD_AND_DOCKER_DEFAULTS,
}

/** Every runtime the playground models, in display order. */
export const CONTAINER_RUNTIMES = Object.keys(RUNTIME_DEFAULT_CAPABILITIES) as ContainerRuntime[]

const LABELS: Readonly<Record<ContainerRuntime, string>> = {
  containerd: 'containerd',
  'cri-o': 'CRI-O',
  docker: 'Docker',
}

/** The display name of a runtime: `containerd`, `CRI-O`, `Docker`. */
export function runtimeLabel(runtime: ContainerRuntime): string {
  return LABELS[runtime]
}

/** The runtime's default capability set as a mask. */
export function runtimeDefaultMask(runtime: ContainerRuntime): CapMask {
  return namesToMask(RUNTIME_DEFAULT_CAPABILITIES[runtime]).mask
}
