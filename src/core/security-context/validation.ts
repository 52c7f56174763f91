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
import { kubeletPodDescription, type PodIdentity } from './kubelet-pod.ts'
import {
  APPARMOR_ANNOTATION_PREFIX,
  SECCOMP_CONTAINER_ANNOTATION_PREFIX,
  SECCOMP_POD_ANNOTATION,
  appArmorAnnotationProfile,
  formatPath,
  parseImageUser,
  podAnnotation,
  type ContainerSite,
} from './effective-context.ts'

/** The largest UID/GID the API accepts (IsValidUserID / IsValidGroupID). */
const MAX_ID = 2147483647

/** k8s.io/apimachinery validation.InclusiveRangeError(0, MaxInt32). */
const ID_RANGE_ERROR = `must be between 0 and ${MAX_ID}, inclusive`

/**
 * How `field.Invalid` prints a struct value: `%#v` before Kubernetes 1.34, JSON with Go field
 * names since (apimachinery "Nicer value rendering in API errors"). We elide it.
 */
const STRUCT_VALUE = '{...}'

/** The container lists the API server visits (podutil.VisitContainers). */
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const

/** Go's %q for the strings we print (close enough for the ASCII values manifests hold). */
function quote(value: string): string {
  return JSON.stringify(value)
}

/**
 * What the API server would refuse for one container, with the messages of
 * kubernetes pkg/apis/core/validation/validation.go (ValidateSecurityContext,
 * validateSeccompProfileField, ValidateAppArmorProfileField). `templatePath` is where the pod
 * template sits in its object (`['spec', 'template']` in a Deployment), so that field paths read
 * as the API prints them for that kind.
 */
export function validateContainer(
  pod: PodTemplateInput,
  container: ContainerSite,
  locate: Locate,
  templatePath: Path = [],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const scPath: Path = ['spec', container.list, container.index, 'securityContext']
  const sc = recordAt(container.value, 'securityContext')
  if (!sc) return diagnostics
  const fieldPath = formatPath([...templatePath, ...scPath])
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
      `${fieldPath}: Invalid value: ${STRUCT_VALUE}: cannot set \`allowPrivilegeEscalation\` to false and \`privileged\` to true`,
      [...scPath, 'allowPrivilegeEscalation'],
    )
  }
  const add = arrayAt(recordAt(sc, 'capabilities'), 'add') ?? []
  add.forEach((name, index) => {
    const path = [...scPath, 'capabilities', 'add', index]
    if (apeFalse && name === 'CAP_SYS_ADMIN') {
      api(
        'ape-false-cap-sys-admin',
        `${fieldPath}: Invalid value: ${STRUCT_VALUE}: cannot set \`allowPrivilegeEscalation\` to false and \`capabilities.Add\` CAP_SYS_ADMIN`,
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
        `${fieldPath}.procMount: Unsupported value: ${quote(procMount)}: supported values: "Default", "Unmasked"`,
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
  diagnostics.push(...validateSecurityContextObject(sc, scPath, locate, templatePath))
  return diagnostics
}

/** Rules shared by the pod-level and container-level securityContext. */
function validateSecurityContextObject(
  sc: Record<string, unknown>,
  scPath: Path,
  locate: Locate,
  templatePath: Path,
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
  const printed = (path: Path): string => formatPath([...templatePath, ...path])
  for (const key of ['runAsUser', 'runAsGroup'] as const) {
    const value = sc[key]
    if (typeof value === 'number' && Number.isInteger(value) && (value < 0 || value > MAX_ID)) {
      api(
        'id-out-of-range',
        `${printed([...scPath, key])}: Invalid value: ${value}: ${ID_RANGE_ERROR}`,
        [...scPath, key],
      )
    }
  }
  const seccomp = recordAt(sc, 'seccompProfile')
  if (seccomp) {
    // validateSeccompProfileField: the type check, then the localhostProfile rules.
    const path = [...scPath, 'seccompProfile']
    const type = stringAt(seccomp, 'type')
    const profile = stringAt(seccomp, 'localhostProfile')
    if (!type)
      api(
        'seccomp-type-required',
        `${printed([...path, 'type'])}: Required value: type is required when seccompProfile is set`,
        [...path, 'type'],
      )
    else if (type !== 'Localhost' && type !== 'RuntimeDefault' && type !== 'Unconfined')
      api(
        'seccomp-type-unsupported',
        `${printed([...path, 'type'])}: Unsupported value: ${quote(type)}: supported values: "Localhost", "RuntimeDefault", "Unconfined"`,
        [...path, 'type'],
      )
    const profilePath = [...path, 'localhostProfile']
    if (type === 'Localhost') {
      if (profile === undefined)
        api(
          'seccomp-localhost-profile',
          `${printed(profilePath)}: Required value: must be set when seccomp type is Localhost`,
          path,
        )
      else {
        // validateLocalDescendingPath: relative, and no `..` element.
        if (profile.startsWith('/'))
          api(
            'seccomp-profile-absolute',
            `${printed(profilePath)}: Invalid value: ${quote(profile)}: must be a relative path`,
            profilePath,
          )
        if (profile.split('/').includes('..'))
          api(
            'seccomp-profile-backsteps',
            `${printed(profilePath)}: Invalid value: ${quote(profile)}: must not contain '..'`,
            profilePath,
          )
      }
    } else if (profile !== undefined)
      api(
        'seccomp-profile-not-localhost',
        `${printed(profilePath)}: Invalid value: ${STRUCT_VALUE}: can only be set when seccomp type is Localhost`,
        profilePath,
      )
  }
  const appArmor = recordAt(sc, 'appArmorProfile')
  if (appArmor) {
    const path = [...scPath, 'appArmorProfile']
    const profilePath = [...path, 'localhostProfile']
    const type = stringAt(appArmor, 'type')
    const profile = stringAt(appArmor, 'localhostProfile')
    if (!type)
      api(
        'apparmor-type-required',
        `${printed([...path, 'type'])}: Required value: type is required when appArmorProfile is set`,
        [...path, 'type'],
      )
    else if (type === 'Localhost') {
      // Go's strings.TrimSpace and JS trim() agree on the whitespace manifests contain.
      if (profile === undefined || profile === '')
        api(
          'apparmor-localhost-profile',
          `${printed(profilePath)}: Required value: must be set when AppArmor type is Localhost`,
          profile === undefined ? path : profilePath,
        )
      else if (profile.trim() !== profile)
        api(
          'apparmor-profile-padded',
          `${printed(profilePath)}: Invalid value: ${quote(profile)}: must not be padded with whitespace`,
          profilePath,
        )
      // PATH_MAX - 1, counted in bytes.
      if (profile !== undefined && new TextEncoder().encode(profile).length > 4095)
        api(
          'apparmor-profile-too-long',
          `${printed(profilePath)}: Too long: may not be longer than 4095`,
          profilePath,
        )
    } else if (type !== 'RuntimeDefault' && type !== 'Unconfined')
      api(
        'apparmor-type-unsupported',
        `${printed([...path, 'type'])}: Unsupported value: ${quote(type)}: supported values: "Localhost", "RuntimeDefault", "Unconfined"`,
        [...path, 'type'],
      )
    else if (profile !== undefined)
      api(
        'apparmor-profile-not-localhost',
        `${printed(profilePath)}: Invalid value: ${quote(profile)}: can only be set when AppArmor type is Localhost`,
        profilePath,
      )
  }
  return diagnostics
}

/**
 * Pod-wide API validation (host namespaces with user namespaces, shareProcessNamespace with
 * hostPID, the pod securityContext), plus the warnings the API server returns for the legacy
 * seccomp and AppArmor annotations (kubernetes pkg/api/pod/warnings.go and
 * pkg/registry/core/pod/strategy.go). `templatePath` as for validateContainer.
 */
export function validatePod(
  pod: PodTemplateInput,
  locate: Locate,
  templatePath: Path = [],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const spec = pod.spec
  if (!isRecord(spec)) return diagnostics
  const printed = (path: Path): string => formatPath([...templatePath, ...path])
  if (booleanAt(spec, 'hostUsers') === false) {
    // validateHostUsers names the last two fields HostPID and HostIPC, capitalised.
    const printedNames = { hostNetwork: 'hostNetwork', hostPID: 'HostPID', hostIPC: 'HostIPC' }
    for (const key of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
      if (booleanAt(spec, key) === true) {
        diagnostics.push({
          code: 'host-users-host-namespace',
          severity: 'error',
          message: `${printed(['spec', printedNames[key]])}: Forbidden: when \`pod.Spec.HostUsers\` is false`,
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
      message: `${printed(['spec', 'securityContext', 'shareProcessNamespace'])}: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled`,
      range: locate(['spec', 'shareProcessNamespace']),
      source: 'api-server',
    })
  }
  const podSc = recordAt(spec, 'securityContext')
  if (podSc) {
    const scPath = ['spec', 'securityContext']
    diagnostics.push(...validateSecurityContextObject(podSc, scPath, locate, templatePath))
    // validatePodSpecSecurityContext: fsGroup and supplementalGroups are GIDs too.
    const fsGroup = podSc.fsGroup
    if (
      typeof fsGroup === 'number' &&
      Number.isInteger(fsGroup) &&
      (fsGroup < 0 || fsGroup > MAX_ID)
    )
      diagnostics.push(
        apiError(
          'id-out-of-range',
          `${printed([...scPath, 'fsGroup'])}: Invalid value: ${fsGroup}: ${ID_RANGE_ERROR}`,
          locate([...scPath, 'fsGroup']),
        ),
      )
    ;(arrayAt(podSc, 'supplementalGroups') ?? []).forEach((gid, index) => {
      if (typeof gid === 'number' && Number.isInteger(gid) && (gid < 0 || gid > MAX_ID)) {
        const path = [...scPath, 'supplementalGroups', index]
        diagnostics.push(
          apiError(
            'id-out-of-range',
            `${printed(path)}: Invalid value: ${gid}: ${ID_RANGE_ERROR}`,
            locate(path),
          ),
        )
      }
    })
    const changePolicy = stringAt(podSc, 'fsGroupChangePolicy')
    if (
      changePolicy !== undefined &&
      changePolicy !== 'Always' &&
      changePolicy !== 'OnRootMismatch'
    ) {
      const path = [...scPath, 'fsGroupChangePolicy']
      diagnostics.push(
        apiError(
          'fs-group-change-policy-unsupported',
          `${printed(path)}: Unsupported value: ${quote(changePolicy)}: supported values: "Always", "OnRootMismatch"`,
          locate(path),
        ),
      )
    }
  }
  diagnostics.push(...legacyAnnotationWarnings(pod, locate, templatePath))
  return diagnostics
}

function apiError(code: string, message: string, range: Diagnostic['range']): Diagnostic {
  return { code, severity: 'error', message, range, source: 'api-server' }
}

/** Names of every container in the pod template, with whether it sets each profile field. */
function containersOf(spec: Record<string, unknown>): { name: string; sc: unknown }[] {
  return CONTAINER_LISTS.flatMap((list) =>
    (arrayAt(spec, list) ?? []).flatMap((item) => {
      const name = stringAt(item, 'name')
      return name === undefined ? [] : [{ name, sc: recordAt(item, 'securityContext') }]
    }),
  )
}

/**
 * The API server's warnings for the legacy annotations: seccomp ones are "non-functional in
 * v1.27+" when the matching field is unset (pkg/api/pod/warnings.go); an AppArmor one is
 * "deprecated since v1.30" in a template with no AppArmor field (warnings.go), and in a Pod when
 * the container field is unset and the annotation is invalid or differs from the pod profile
 * (strategy.go, applyAppArmorVersionSkew; not for Windows pods).
 */
function legacyAnnotationWarnings(
  pod: PodTemplateInput,
  locate: Locate,
  templatePath: Path,
): Diagnostic[] {
  const spec = pod.spec
  if (!isRecord(spec)) return []
  const diagnostics: Diagnostic[] = []
  const warn = (code: string, key: string, message: string): void => {
    diagnostics.push({
      code,
      severity: 'warning',
      message: `${formatPath([...templatePath, 'metadata', 'annotations'])}[${key}]: ${message}`,
      range: locate(['metadata', 'annotations', key]),
      source: 'api-server',
    })
  }
  const seccompGone = 'non-functional in v1.27+; use the "seccompProfile" field instead'
  const podSc = recordAt(spec, 'securityContext')
  if (!isRecord(podSc?.seccompProfile) && podAnnotation(pod, SECCOMP_POD_ANNOTATION) !== undefined)
    warn('seccomp-annotation-ignored', SECCOMP_POD_ANNOTATION, seccompGone)
  const isTemplate = templatePath.length > 0
  const podProfile = recordAt(podSc, 'appArmorProfile')
  const windows = stringAt(recordAt(spec, 'os'), 'name') === 'windows'
  for (const { name, sc } of containersOf(spec)) {
    const seccompKey = `${SECCOMP_CONTAINER_ANNOTATION_PREFIX}${name}`
    if (!isRecord(recordAt(sc, 'seccompProfile')) && podAnnotation(pod, seccompKey) !== undefined)
      warn('seccomp-annotation-ignored', seccompKey, seccompGone)
    const appArmorKey = `${APPARMOR_ANNOTATION_PREFIX}${name}`
    const annotation = podAnnotation(pod, appArmorKey)
    if (annotation === undefined || recordAt(sc, 'appArmorProfile')) continue
    // The field the API server would copy in: none for an unknown value, an empty or padded
    // localhost profile (ApparmorFieldForAnnotation, then ValidateAppArmorProfileField).
    const asField = appArmorAnnotationProfile(annotation)
    const profile = asField?.localhostProfile
    const valid =
      asField !== undefined &&
      !(typeof profile === 'string' && (profile === '' || profile.trim() !== profile))
    const warns = isTemplate
      ? !podProfile
      : !windows && (!valid || !sameProfile(asField, podProfile))
    if (warns)
      warn(
        'apparmor-annotation-deprecated',
        appArmorKey,
        'deprecated since v1.30; use the "appArmorProfile" field instead',
      )
  }
  return diagnostics
}

function sameProfile(a: Record<string, unknown>, b: Record<string, unknown> | undefined): boolean {
  return b !== undefined && a.type === b.type && a.localhostProfile === b.localhostProfile
}

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
    ...CONTAINER_LISTS.flatMap((list) =>
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
