import { arrayAt, booleanAt, isRecord, recordAt, stringAt } from '../util/json-access.ts'
import type {
  AnalysisOptions,
  Diagnostic,
  Locate,
  Path,
  PodTemplateInput,
  Setting,
  SettingName,
} from '../types.ts'
import { formatPath, type ContainerSite } from './effective-context.ts'

/** The largest UID/GID the API accepts (IsValidUserID / IsValidGroupID). */
const MAX_ID = 2147483647

/**
 * What the API server would refuse for one container, with the messages of
 * kubernetes pkg/apis/core/validation/validation.go (field paths as the API prints them).
 */
export function validateContainer(
  pod: PodTemplateInput,
  container: ContainerSite,
  locate: Locate,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const scPath: Path = ['spec', container.list, container.index, 'securityContext']
  const sc = recordAt(container.value, 'securityContext')
  if (!sc) return diagnostics
  const fieldPath = formatPath(scPath)
  const api = (code: string, message: string, path: Path): void => {
    diagnostics.push({
      code,
      severity: 'error',
      message,
      range: locate(path),
      source: 'api-server',
    })
  }

  const apeFalse = booleanAt(sc, 'allowPrivilegeEscalation') === false
  if (apeFalse && booleanAt(sc, 'privileged') === true) {
    api(
      'ape-false-privileged',
      `${fieldPath}: Invalid value: cannot set \`allowPrivilegeEscalation\` to false and \`privileged\` to true`,
      [...scPath, 'allowPrivilegeEscalation'],
    )
  }
  const add = arrayAt(recordAt(sc, 'capabilities'), 'add') ?? []
  add.forEach((name, index) => {
    const path = [...scPath, 'capabilities', 'add', index]
    if (apeFalse && name === 'CAP_SYS_ADMIN') {
      api(
        'ape-false-cap-sys-admin',
        `${fieldPath}: Invalid value: cannot set \`allowPrivilegeEscalation\` to false and \`capabilities.Add\` CAP_SYS_ADMIN`,
        path,
      )
    } else if (
      apeFalse &&
      typeof name === 'string' &&
      name.toUpperCase().replace(/^CAP_/, '') === 'SYS_ADMIN'
    ) {
      // Validation compares the exact string CAP_SYS_ADMIN only (kubernetes#119568).
      diagnostics.push({
        code: 'ape-false-sys-admin',
        severity: 'warning',
        message: `allowPrivilegeEscalation: false with ${name}: the API server accepts it (it only rejects the literal "CAP_SYS_ADMIN"), but CAP_SYS_ADMIN lets the process escalate anyway, so no_new_privs gives little protection.`,
        range: locate(path),
        source: 'api-server',
      })
    }
  })

  const procMount = stringAt(sc, 'procMount')
  if (procMount !== undefined) {
    const path = [...scPath, 'procMount']
    if (procMount !== 'Default' && procMount !== 'Unmasked') {
      api(
        'procmount-unsupported',
        `${fieldPath}.procMount: Unsupported value: "${procMount}": supported values: "Default", "Unmasked"`,
        path,
      )
    } else if (procMount === 'Unmasked' && booleanAt(pod.spec, 'hostUsers') !== false) {
      api(
        'procmount-unmasked-host-users',
        `${fieldPath}.procMount: Invalid value: "Unmasked": \`hostUsers\` must be false to use \`Unmasked\``,
        path,
      )
    }
  }
  diagnostics.push(...validateSecurityContextObject(sc, scPath, locate))
  return diagnostics
}

/** Rules shared by the pod-level and container-level securityContext. */
function validateSecurityContextObject(
  sc: Record<string, unknown>,
  scPath: Path,
  locate: Locate,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const api = (code: string, message: string, path: Path): void => {
    diagnostics.push({
      code,
      severity: 'error',
      message,
      range: locate(path),
      source: 'api-server',
    })
  }
  for (const key of ['runAsUser', 'runAsGroup'] as const) {
    const value = sc[key]
    if (typeof value === 'number' && Number.isInteger(value) && (value < 0 || value > MAX_ID)) {
      api(
        'id-out-of-range',
        `${formatPath([...scPath, key])}: Invalid value: ${value}: must be between 0 and ${MAX_ID}, inclusive`,
        [...scPath, key],
      )
    }
  }
  const seccomp = recordAt(sc, 'seccompProfile')
  if (seccomp) {
    const path = [...scPath, 'seccompProfile']
    const type = stringAt(seccomp, 'type')
    const profile = stringAt(seccomp, 'localhostProfile')
    if (!type)
      api(
        'seccomp-type-required',
        `${formatPath([...path, 'type'])}: Required value: type is required when seccompProfile is set`,
        path,
      )
    else if (type === 'Localhost' && !profile)
      api(
        'seccomp-localhost-profile',
        `${formatPath([...path, 'localhostProfile'])}: Required value: must be set when seccomp type is Localhost`,
        path,
      )
    else if (type !== 'Localhost' && profile !== undefined)
      api(
        'seccomp-profile-not-localhost',
        `${formatPath([...path, 'localhostProfile'])}: Invalid value: can only be set when seccomp type is Localhost`,
        path,
      )
  }
  const appArmor = recordAt(sc, 'appArmorProfile')
  if (appArmor) {
    const path = [...scPath, 'appArmorProfile']
    const type = stringAt(appArmor, 'type')
    const profile = stringAt(appArmor, 'localhostProfile')
    if (!type)
      api(
        'apparmor-type-required',
        `${formatPath([...path, 'type'])}: Required value: type is required when appArmorProfile is set`,
        path,
      )
    else if (type === 'Localhost' && !profile)
      api(
        'apparmor-localhost-profile',
        `${formatPath([...path, 'localhostProfile'])}: Required value: must be set when AppArmor type is Localhost`,
        path,
      )
    else if (type === 'Localhost' && profile !== undefined && profile.trim() !== profile)
      api(
        'apparmor-profile-padded',
        `${formatPath([...path, 'localhostProfile'])}: Invalid value: must not be padded with whitespace`,
        path,
      )
    else if (type !== 'Localhost' && profile !== undefined)
      api(
        'apparmor-profile-not-localhost',
        `${formatPath([...path, 'localhostProfile'])}: Invalid value: can only be set when AppArmor type is Localhost`,
        path,
      )
  }
  return diagnostics
}

/** Pod-wide API validation: host namespaces with user namespaces, shareProcessNamespace with hostPID. */
export function validatePod(pod: PodTemplateInput, locate: Locate): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const spec = pod.spec
  if (!isRecord(spec)) return diagnostics
  if (booleanAt(spec, 'hostUsers') === false) {
    for (const key of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
      if (booleanAt(spec, key) === true) {
        diagnostics.push({
          code: 'host-users-host-namespace',
          severity: 'error',
          message: `spec.${key}: Forbidden: when \`pod.Spec.HostUsers\` is false`,
          range: locate(['spec', key]),
          source: 'api-server',
        })
      }
    }
  }
  if (booleanAt(spec, 'shareProcessNamespace') === true && booleanAt(spec, 'hostPID') === true) {
    diagnostics.push({
      code: 'share-process-namespace-host-pid',
      severity: 'error',
      message:
        'spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled',
      range: locate(['spec', 'shareProcessNamespace']),
      source: 'api-server',
    })
  }
  const podSc = recordAt(spec, 'securityContext')
  if (podSc)
    diagnostics.push(...validateSecurityContextObject(podSc, ['spec', 'securityContext'], locate))
  return diagnostics
}

/**
 * The kubelet's runAsNonRoot verification (kubernetes pkg/kubelet/kuberuntime/
 * security_context_others.go, verifyRunAsNonRoot) on the effective settings, using the assumed
 * image USER when runAsUser is unset. The container would fail with CreateContainerConfigError.
 */
export function verifyRunAsNonRoot(
  container: ContainerSite,
  settings: Record<SettingName, Setting>,
  options: AnalysisOptions,
  locate: Locate,
): Diagnostic[] {
  const runAsNonRoot = settings.runAsNonRoot
  if (runAsNonRoot.value !== true) return []
  const range = runAsNonRoot.range ?? locate(['spec', container.list, container.index])
  const kubelet = (
    code: string,
    message: string,
    severity: Diagnostic['severity'] = 'error',
  ): Diagnostic[] => [
    {
      code,
      severity,
      message: `${message} (container: ${container.name})`,
      range,
      source: 'kubelet',
    },
  ]
  const runAsUser = settings.runAsUser
  if (runAsUser.source !== 'default') {
    return runAsUser.value === 0
      ? kubelet('run-as-non-root-uid-0', "container's runAsUser breaks non-root policy")
      : []
  }
  const imageUser = options.imageUser
  if (imageUser === null) {
    return kubelet(
      'run-as-non-root-image-unknown',
      "runAsNonRoot is set without runAsUser: the kubelet checks the image's USER, which is unknown here. It refuses to start the container if the image runs as root, has no USER, or has a non-numeric USER",
      'info',
    )
  }
  if (typeof imageUser === 'string') {
    return /^\d+$/.test(imageUser) && Number(imageUser) !== 0
      ? []
      : kubelet(
          'run-as-non-root-image-name',
          /^\d+$/.test(imageUser)
            ? 'container has runAsNonRoot and image will run as root'
            : `container has runAsNonRoot and image has non-numeric user (${imageUser}), cannot verify user is non-root`,
        )
  }
  if (imageUser === 0)
    return kubelet(
      'run-as-non-root-image-root',
      'container has runAsNonRoot and image will run as root',
    )
  if (imageUser < 0 || imageUser > MAX_ID) {
    return kubelet(
      'run-as-non-root-image-invalid',
      `container has runAsNonRoot and image has an invalid user id (${imageUser}). (Must be 1-(${MAX_ID}))`,
    )
  }
  return []
}
