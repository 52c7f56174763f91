import { runtimeLabel } from '../capabilities/runtimes.ts'
import { typeDiagnostic } from '../diagnostics.ts'
import { isRecord, recordAt } from '../util/json-access.ts'
import type { ContainerSite } from '../workloads/containers.ts'
import type {
  AnalysisOptions,
  Diagnostic,
  JsonValue,
  Locate,
  Path,
  PodTemplateInput,
  Setting,
  SettingName,
} from '../types.ts'
import { resolveAppArmor } from './apparmor.ts'
import { imageGroupDefault, imageUserDefault } from './image-user.ts'
import { CONTAINER_FIELDS, POD_SECURITY_CONTEXT_FIELDS, POD_SPEC_FIELDS } from './fields.ts'
import { defaulted, readFields, resolveWindowsOptions, type Written } from './merge.ts'
import { resolveSeccomp } from './seccomp.ts'

export interface EffectiveContext {
  settings: Record<SettingName, Setting>
  diagnostics: Diagnostic[]
}

/**
 * Merges the pod-level and container-level settings of one container, field by field, as the
 * kubelet does (kubernetes pkg/securitycontext/util.go, DetermineEffectiveSecurityContext:
 * the container wins), and fills every unset field with the default the node really uses under
 * the given assumptions. Never throws.
 */
export function resolveEffectiveContext(
  pod: PodTemplateInput,
  container: ContainerSite,
  options: AnalysisOptions,
  locate: Locate,
): EffectiveContext {
  const diagnostics: Diagnostic[] = []
  const containerPath: Path = ['spec', container.list, container.index]
  const containerScPath: Path = [...containerPath, 'securityContext']
  const podScPath: Path = ['spec', 'securityContext']

  const containerSc = container.value.securityContext
  if (containerSc !== undefined && containerSc !== null && !isRecord(containerSc)) {
    diagnostics.push(
      typeDiagnostic(containerScPath, 'object', containerSc, locate(containerScPath)),
    )
  }
  const fromContainer = readFields(
    containerSc,
    containerScPath,
    CONTAINER_FIELDS,
    locate,
    diagnostics,
  )
  // Pod-level type errors are reported once per workload by the caller (see podLevelDiagnostics).
  const fromPod = readFields(
    recordAt(pod.spec, 'securityContext'),
    podScPath,
    POD_SECURITY_CONTEXT_FIELDS,
    locate,
    [],
  )
  const fromSpec = readFields(pod.spec, ['spec'], POD_SPEC_FIELDS, locate, [])

  const written = (w: Written, source: 'container' | 'pod', note?: string): Setting => ({
    value: w.value,
    source,
    range: locate(w.path),
    ...(note ? { note } : {}),
  })
  const inherited = (name: SettingName): Setting | undefined => {
    const own = fromContainer[name]
    if (own) return written(own, 'container')
    const shared = fromPod[name]
    return shared
      ? written(shared, 'pod', 'Set for the whole pod; this container does not override it.')
      : undefined
  }

  const privileged = fromContainer.privileged?.value === true
  const settings = {} as Record<SettingName, Setting>

  settings.privileged = fromContainer.privileged
    ? written(fromContainer.privileged, 'container')
    : defaulted(false, 'Not privileged.')

  settings.allowPrivilegeEscalation = fromContainer.allowPrivilegeEscalation
    ? written(
        fromContainer.allowPrivilegeEscalation,
        'container',
        fromContainer.allowPrivilegeEscalation.value === false
          ? 'no_new_privs is set (NoNewPrivs: 1).'
          : undefined,
      )
    : defaulted(
        true,
        privileged
          ? 'Implied by privileged: true (the API documents escalation as always allowed for privileged containers).'
          : 'Unset, so the kubelet does not set no_new_privs: setuid binaries and file capabilities can raise privileges.',
      )

  settings.readOnlyRootFilesystem = fromContainer.readOnlyRootFilesystem
    ? written(fromContainer.readOnlyRootFilesystem, 'container')
    : defaulted(false, 'The image filesystem is writable.')

  settings.runAsNonRoot =
    inherited('runAsNonRoot') ?? defaulted(false, 'Unset: the kubelet does not check the UID.')

  settings.runAsUser = inherited('runAsUser') ?? imageUserDefault(options.imageUser)

  settings.runAsGroup =
    inherited('runAsGroup') ?? imageGroupDefault(options.imageUser, settings.runAsUser)

  settings.capabilities = fromContainer.capabilities
    ? written(
        fromContainer.capabilities,
        'container',
        privileged ? 'Ignored: privileged containers get every capability.' : undefined,
      )
    : defaulted(null, `No add or drop: the ${runtimeLabel(options.runtime)} default set applies.`)

  settings.seccompProfile = resolveSeccomp(
    pod,
    container,
    fromContainer,
    fromPod,
    options,
    privileged,
    locate,
  )

  settings.appArmorProfile = resolveAppArmor(
    pod,
    container,
    fromContainer,
    fromPod,
    options,
    privileged,
    locate,
  )

  // The container's seLinuxOptions replace the pod's as a whole object (DetermineEffectiveSecurityContext).
  settings.seLinuxOptions =
    (fromContainer.seLinuxOptions && fromPod.seLinuxOptions
      ? written(
          fromContainer.seLinuxOptions,
          'container',
          'Replaces the pod-level seLinuxOptions as a whole: parts left out here are not taken from the pod (the runtime fills them from its default label).',
        )
      : inherited('seLinuxOptions')) ??
    defaulted(
      null,
      'The runtime assigns a label (a unique MCS level) on SELinux hosts; ignored elsewhere.',
    )

  // Privileged containers get no masked or read-only paths (k8s.io/cri-api runtime/v1 api.proto,
  // LinuxContainerSecurityContext.privileged: sensitive paths are not masked, procfs is RW).
  const privilegedProcNote =
    'Privileged containers get no masked or read-only /proc paths: the runtime clears both lists.'
  settings.procMount = fromContainer.procMount
    ? written(fromContainer.procMount, 'container', privileged ? privilegedProcNote : undefined)
    : defaulted(
        'Default',
        privileged
          ? privilegedProcNote
          : 'The runtime masks sensitive /proc paths and makes others read-only.',
      )

  settings.windowsOptions = resolveWindowsOptions(fromContainer, fromPod, locate)

  const podOnly = (name: SettingName, value: JsonValue, note: string): Setting => {
    const w = fromPod[name] ?? fromSpec[name]
    return w ? written(w, 'pod') : defaulted(value, note)
  }
  settings.fsGroup = podOnly(
    'fsGroup',
    null,
    'Volume ownership is not changed and no extra group is added.',
  )
  settings.fsGroupChangePolicy = podOnly(
    'fsGroupChangePolicy',
    'Always',
    'Always (only matters when fsGroup is set).',
  )
  settings.supplementalGroups = podOnly(
    'supplementalGroups',
    [],
    "No extra groups; the image's /etc/group memberships still apply.",
  )
  settings.supplementalGroupsPolicy = podOnly(
    'supplementalGroupsPolicy',
    'Merge',
    "Merge: the image's group memberships are kept.",
  )
  settings.sysctls = podOnly('sysctls', [], 'No sysctls: the node defaults apply.')
  settings.seLinuxChangePolicy = podOnly(
    'seLinuxChangePolicy',
    'MountOption',
    'MountOption, as the API documents for unset: eligible volumes get the label as a mount option, others are relabelled recursively. Only matters on SELinux nodes when an SELinux label is set.',
  )
  settings.hostNetwork = podOnly('hostNetwork', false, 'The pod has its own network namespace.')
  settings.hostPID = podOnly('hostPID', false, 'The pod has its own process namespace.')
  settings.hostIPC = podOnly('hostIPC', false, 'The pod has its own IPC namespace.')
  settings.hostUsers = podOnly(
    'hostUsers',
    true,
    "The pod shares the node's user namespace: UID 0 in the container is UID 0 on the node.",
  )
  settings.shareProcessNamespace = podOnly(
    'shareProcessNamespace',
    false,
    'Each container has its own process namespace.',
  )
  settings.automountServiceAccountToken = podOnly(
    'automountServiceAccountToken',
    true,
    "Unset on the pod: the ServiceAccount's setting decides, and it defaults to true, so an API token is mounted.",
  )

  return { settings, diagnostics }
}

/** Type errors in the pod-level fields, reported once per workload. */
export function podLevelDiagnostics(pod: PodTemplateInput, locate: Locate): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const podSc = isRecord(pod.spec) ? pod.spec.securityContext : undefined
  if (podSc !== undefined && podSc !== null && !isRecord(podSc)) {
    const path = ['spec', 'securityContext']
    diagnostics.push(typeDiagnostic(path, 'object', podSc, locate(path)))
  }
  readFields(podSc, ['spec', 'securityContext'], POD_SECURITY_CONTEXT_FIELDS, locate, diagnostics)
  readFields(pod.spec, ['spec'], POD_SPEC_FIELDS, locate, diagnostics)
  return diagnostics
}
