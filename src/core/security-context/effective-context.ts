import { runtimeLabel } from '../capabilities/runtimes.ts'
import { isRecord, recordAt, type JsonRecord } from '../util/json-access.ts'
import type {
  AnalysisOptions,
  ContainerType,
  Diagnostic,
  JsonValue,
  Locate,
  Path,
  PodTemplateInput,
  Range,
  Setting,
  SettingName,
} from '../types.ts'

/** One container of a pod template, as found in the source. */
export interface ContainerSite {
  name: string
  type: ContainerType
  /** The list it sits in and its index there. */
  list: 'initContainers' | 'containers' | 'ephemeralContainers'
  index: number
  value: JsonRecord
}

type ValueKind = 'boolean' | 'integer' | 'string' | 'object' | 'array'

/** The JSON type the API server accepts for each field (k8s.io/api core/v1 types.go). */
const FIELD_KINDS: Record<SettingName, ValueKind> = {
  privileged: 'boolean',
  allowPrivilegeEscalation: 'boolean',
  readOnlyRootFilesystem: 'boolean',
  runAsNonRoot: 'boolean',
  runAsUser: 'integer',
  runAsGroup: 'integer',
  capabilities: 'object',
  seccompProfile: 'object',
  appArmorProfile: 'object',
  seLinuxOptions: 'object',
  procMount: 'string',
  windowsOptions: 'object',
  fsGroup: 'integer',
  fsGroupChangePolicy: 'string',
  supplementalGroups: 'array',
  supplementalGroupsPolicy: 'string',
  sysctls: 'array',
  seLinuxChangePolicy: 'string',
  hostNetwork: 'boolean',
  hostPID: 'boolean',
  hostIPC: 'boolean',
  hostUsers: 'boolean',
  shareProcessNamespace: 'boolean',
  automountServiceAccountToken: 'boolean',
}

const CONTAINER_FIELDS = [
  'privileged',
  'allowPrivilegeEscalation',
  'readOnlyRootFilesystem',
  'runAsNonRoot',
  'runAsUser',
  'runAsGroup',
  'capabilities',
  'seccompProfile',
  'appArmorProfile',
  'seLinuxOptions',
  'procMount',
  'windowsOptions',
] as const satisfies readonly SettingName[]

const POD_SECURITY_CONTEXT_FIELDS = [
  'runAsNonRoot',
  'runAsUser',
  'runAsGroup',
  'seccompProfile',
  'appArmorProfile',
  'seLinuxOptions',
  'windowsOptions',
  'fsGroup',
  'fsGroupChangePolicy',
  'supplementalGroups',
  'supplementalGroupsPolicy',
  'sysctls',
  'seLinuxChangePolicy',
] as const satisfies readonly SettingName[]

const POD_SPEC_FIELDS = [
  'hostNetwork',
  'hostPID',
  'hostIPC',
  'hostUsers',
  'shareProcessNamespace',
  'automountServiceAccountToken',
] as const satisfies readonly SettingName[]

/** A field as written: its value when present with the right type, and where it is. */
interface Written {
  value: JsonValue
  path: Path
}

/** Reads the security fields of one object, reporting wrongly typed ones. */
function readFields(
  owner: unknown,
  ownerPath: Path,
  names: readonly SettingName[],
  locate: Locate,
  diagnostics: Diagnostic[],
): Partial<Record<SettingName, Written>> {
  const found: Partial<Record<SettingName, Written>> = {}
  if (!isRecord(owner)) return found
  for (const name of names) {
    const raw = owner[name]
    // Kubernetes decodes an explicit null as "unset".
    if (raw === undefined || raw === null) continue
    const path = [...ownerPath, name]
    const kind = FIELD_KINDS[name]
    if (!hasKind(raw, kind)) {
      diagnostics.push(typeDiagnostic(path, kind, raw, locate(path)))
      continue
    }
    found[name] = { value: raw as JsonValue, path }
  }
  return found
}

function hasKind(value: unknown, kind: ValueKind): boolean {
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean'
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'string':
      return typeof value === 'string'
    case 'object':
      return isRecord(value)
    case 'array':
      return Array.isArray(value)
  }
}

/** Readable dotted path, e.g. `spec.containers[0].securityContext.privileged`. */
export function formatPath(path: Path): string {
  return path
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`))
    .join('')
}

export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (isRecord(value)) return 'a mapping'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`
  return `${typeof value} ${String(value)}`
}

export function typeDiagnostic(
  path: Path,
  kind: ValueKind,
  value: unknown,
  range: Range,
): Diagnostic {
  const expected = {
    boolean: 'true or false',
    integer: 'an integer',
    string: 'a string',
    object: 'a mapping',
    array: 'a list',
  }[kind]
  return {
    code: 'invalid-type',
    severity: 'error',
    message: `${formatPath(path)} must be ${expected}, not ${describeValue(value)}. The API server rejects this; it is ignored here.`,
    range,
    source: 'schema',
  }
}

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

  // Privileged containers get no masked or read-only paths (capabilities-and-runtimes.md §5.1).
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

function defaulted(value: JsonValue, note: string): Setting {
  return { value, source: 'default', note }
}

/**
 * An image USER as containerd and CRI-O read it: `user[:group]`, where the user is a UID when it
 * parses as a base-10 integer and a name otherwise (containerd getUserFromImage). An empty USER
 * means root.
 */
export function parseImageUser(imageUser: number | string): {
  user: number | string
  group?: number | string
} {
  if (typeof imageUser === 'number') return { user: imageUser }
  const [userPart = '', ...rest] = imageUser.trim().split(':')
  const groupPart = rest.join(':')
  const asId = (part: string): number | string => (/^[+-]?\d+$/.test(part) ? Number(part) : part)
  return {
    user: userPart === '' ? 0 : asId(userPart),
    ...(groupPart !== '' ? { group: asId(groupPart) } : {}),
  }
}

function imageUserDefault(imageUser: AnalysisOptions['imageUser']): Setting {
  if (imageUser === null) {
    return defaulted(
      null,
      "Unknown: the image's USER decides, and it is 0 (root) when the image sets none.",
    )
  }
  const { user } = parseImageUser(imageUser)
  if (typeof user === 'number') {
    return defaulted(
      user,
      imageUser === 0
        ? 'Assumed from the image: most images set no USER, so the process runs as root (UID 0).'
        : `Assumed from the image's USER (${String(imageUser)}).`,
    )
  }
  return defaulted(
    user,
    `Assumed from the image's USER "${user}", resolved through the image's /etc/passwd.`,
  )
}

/**
 * The primary group when runAsGroup is unset: the group in the image's USER when the image user
 * applies, else the user's primary group in the image's /etc/passwd, else 0. When runAsUser is
 * set, the runtime looks that UID up in /etc/passwd and uses 0 when it has no entry
 * (containerd WithUserID).
 */
function imageGroupDefault(imageUser: AnalysisOptions['imageUser'], runAsUser: Setting): Setting {
  const uidNote = (uid: number): Setting =>
    uid === 0
      ? defaulted(0, 'The primary group of root: GID 0.')
      : defaulted(
          null,
          `The primary group of UID ${uid} in the image's /etc/passwd, or 0 when the image has no entry for that UID.`,
        )
  if (runAsUser.source !== 'default') {
    return typeof runAsUser.value === 'number'
      ? uidNote(runAsUser.value)
      : defaulted(null, "The primary group of runAsUser in the image's /etc/passwd, else 0.")
  }
  if (imageUser === null) {
    return defaulted(
      null,
      "The group in the image's USER, else that user's primary group in the image, else 0.",
    )
  }
  const { user, group } = parseImageUser(imageUser)
  if (group !== undefined) {
    return defaulted(
      group,
      typeof group === 'number'
        ? `The group in the image's USER (${String(imageUser)}).`
        : `The group in the image's USER (${String(imageUser)}), resolved through the image's /etc/group.`,
    )
  }
  if (typeof user === 'number') return uidNote(user)
  return defaulted(null, `The primary group of user "${user}" in the image's /etc/passwd.`)
}

/** The annotation prefixes Kubernetes once read instead of the profile fields. */
export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod'
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/'
export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/'

/**
 * The AppArmor profile a deprecated annotation value stands for, or undefined for a value the
 * kubelet does not understand (kubernetes pkg/security/apparmor/helpers.go,
 * getProfileFromPodAnnotations: `runtime/default`, `unconfined`, `localhost/<name>`).
 */
export function appArmorAnnotationProfile(value: string): Record<string, JsonValue> | undefined {
  if (value === 'runtime/default') return { type: 'RuntimeDefault' }
  if (value === 'unconfined') return { type: 'Unconfined' }
  if (value.startsWith('localhost/'))
    return { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) }
  return undefined
}

/** Policy versions below v1.27 stand for clusters that still applied the seccomp annotations. */
function annotationsHonoured(version: AnalysisOptions['kubernetesVersion']): boolean {
  const minor = /^v1\.(\d+)$/.exec(version)?.[1]
  return minor !== undefined && Number(minor) < 27
}

/** A seccomp annotation value as the field it was copied into (pkg/api/pod/util.go). */
function seccompAnnotationProfile(value: string): JsonValue {
  if (value === 'runtime/default' || value === 'docker/default') return { type: 'RuntimeDefault' }
  if (value.startsWith('localhost/'))
    return { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) }
  return { type: 'Unconfined' }
}

/** A string annotation of the pod template, if present. */
export function podAnnotation(pod: PodTemplateInput, key: string): string | undefined {
  const annotations = recordAt(pod.metadata, 'annotations')
  const value = annotations?.[key]
  return typeof value === 'string' ? value : undefined
}

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
function resolveSeccomp(
  pod: PodTemplateInput,
  container: ContainerSite,
  fromContainer: Partial<Record<SettingName, Written>>,
  fromPod: Partial<Record<SettingName, Written>>,
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

/**
 * AppArmor: the container field, else the container's deprecated annotation, else the pod field
 * (kubernetes pkg/security/apparmor/helpers.go, GetProfile; the API server also copies a valid
 * annotation into the container field when a non-Windows Pod is created: pkg/registry/core/pod/
 * strategy.go, applyAppArmorVersionSkew), else the runtime default profile on AppArmor nodes.
 * Privileged containers get no default profile (containerd WithPrivileged; CRI-O skips AppArmor),
 * but an explicit Localhost profile still applies on containerd and Docker. A node without
 * AppArmor makes the kubelet reject any pod that asks for a profile other than Unconfined
 * (pkg/security/apparmor/validate.go).
 */
function resolveAppArmor(
  pod: PodTemplateInput,
  container: ContainerSite,
  fromContainer: Partial<Record<SettingName, Written>>,
  fromPod: Partial<Record<SettingName, Written>>,
  options: AnalysisOptions,
  privileged: boolean,
  locate: Locate,
): Setting {
  const effect = (profile: JsonValue): string | undefined => {
    const type = isRecord(profile) ? profile.type : undefined
    if (type === 'Unconfined') return undefined
    if (!options.appArmor)
      return 'The node has no AppArmor, so the kubelet rejects the pod: "Cannot enforce AppArmor: AppArmor is not enabled on the host".'
    if (!privileged) return undefined
    if (type === 'Localhost' && options.runtime !== 'cri-o')
      return `Still applied to this privileged container: ${runtimeLabel(options.runtime)} only skips the default profile.`
    return `Ignored: ${runtimeLabel(options.runtime)} applies no AppArmor profile to privileged containers.`
  }
  const fromSource = (
    value: JsonValue,
    source: 'container' | 'pod',
    path: Path,
    ...parts: (string | undefined)[]
  ): Setting => {
    const note = [...parts, effect(value)].filter(Boolean).join(' ')
    return { value, source, range: locate(path), ...(note ? { note } : {}) }
  }
  const own = fromContainer.appArmorProfile
  if (own) return fromSource(own.value, 'container', own.path)
  const key = `${APPARMOR_ANNOTATION_PREFIX}${container.name}`
  const legacy = podAnnotation(pod, key)
  const legacyProfile = legacy === undefined ? undefined : appArmorAnnotationProfile(legacy)
  const annotationPath = ['metadata', 'annotations', key]
  if (legacyProfile) {
    return fromSource(
      legacyProfile,
      'container',
      annotationPath,
      `From the deprecated annotation ${key}: the API server copies it into the field when the Pod is created, and the kubelet reads it too.`,
    )
  }
  const invalid =
    legacy !== undefined
      ? `The annotation ${key} is ignored: "${legacy}" is not runtime/default, unconfined or localhost/<profile>.`
      : undefined
  const shared = fromPod.appArmorProfile
  if (shared) return fromSource(shared.value, 'pod', shared.path, 'Set for the whole pod.', invalid)
  const withInvalid = (note: string): Setting =>
    defaulted({ type: 'Unconfined' }, invalid ? `${note} ${invalid}` : note)
  if (!options.appArmor)
    return withInvalid('The node has no AppArmor, so the container is unconfined.')
  if (privileged) return withInvalid('Privileged containers get no default AppArmor profile.')
  const profile = {
    containerd: 'cri-containerd.apparmor.d',
    'cri-o': 'crio-default',
    docker: 'docker-default',
  }[options.runtime]
  const note = `The runtime applies its default profile (${profile}) on AppArmor nodes.`
  return defaulted({ type: 'RuntimeDefault' }, invalid ? `${note} ${invalid}` : note)
}

const WINDOWS_OPTION_KEYS = [
  'gmsaCredentialSpecName',
  'gmsaCredentialSpec',
  'runAsUserName',
  'hostProcess',
] as const

/**
 * windowsOptions merge sub-field by sub-field (kubernetes pkg/securitycontext/util.go,
 * DetermineEffectiveSecurityContext): runAsUserName and hostProcess come from the container when
 * it sets them, and the two GMSA fields travel together from whichever level sets either.
 */
function resolveWindowsOptions(
  fromContainer: Partial<Record<SettingName, Written>>,
  fromPod: Partial<Record<SettingName, Written>>,
  locate: Locate,
): Setting {
  const own = fromContainer.windowsOptions
  const shared = fromPod.windowsOptions
  if (!own && !shared) return defaulted(null, 'Not used on Linux nodes.')
  if (own && !shared) return { value: own.value, source: 'container', range: locate(own.path) }
  if (!own && shared)
    return {
      value: shared.value,
      source: 'pod',
      range: locate(shared.path),
      note: 'Set for the whole pod.',
    }
  const podValue = (shared?.value ?? {}) as JsonRecord
  const containerValue = (own?.value ?? {}) as JsonRecord
  const set = (record: JsonRecord, key: string): boolean =>
    record[key] !== undefined && record[key] !== null
  const containerSetsGmsa =
    set(containerValue, 'gmsaCredentialSpecName') || set(containerValue, 'gmsaCredentialSpec')
  const merged: Record<string, JsonValue> = {}
  for (const key of WINDOWS_OPTION_KEYS) {
    const fromOwn = key.startsWith('gmsa') ? containerSetsGmsa : set(containerValue, key)
    const source = fromOwn ? containerValue : podValue
    if (set(source, key)) merged[key] = source[key] as JsonValue
  }
  return {
    value: merged,
    source: 'container',
    range: locate((own as Written).path),
    note: 'Merged with the pod-level windowsOptions: runAsUserName and hostProcess come from the container when it sets them, and the two GMSA fields come together from whichever level sets either.',
  }
}
