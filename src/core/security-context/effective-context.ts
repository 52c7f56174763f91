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

  settings.runAsGroup = inherited('runAsGroup') ?? imageGroupDefault(options.imageUser)

  settings.capabilities = fromContainer.capabilities
    ? written(
        fromContainer.capabilities,
        'container',
        privileged ? 'Ignored: privileged containers get every capability.' : undefined,
      )
    : defaulted(null, `No add or drop: the ${runtimeName(options.runtime)} default set applies.`)

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

  settings.seLinuxOptions =
    inherited('seLinuxOptions') ??
    defaulted(
      null,
      'The runtime assigns a label (a unique MCS level) on SELinux hosts; ignored elsewhere.',
    )

  settings.procMount = fromContainer.procMount
    ? written(fromContainer.procMount, 'container')
    : defaulted('Default', 'The runtime masks sensitive /proc paths and makes others read-only.')

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
    'MountOption where the cluster supports it (the API default), otherwise a recursive relabel.',
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

function runtimeName(runtime: AnalysisOptions['runtime']): string {
  return { containerd: 'containerd', 'cri-o': 'CRI-O', docker: 'Docker' }[runtime]
}

function imageUserDefault(imageUser: AnalysisOptions['imageUser']): Setting {
  if (imageUser === null) {
    return defaulted(
      null,
      "Unknown: the image's USER decides, and it is 0 (root) when the image sets none.",
    )
  }
  if (typeof imageUser === 'number') {
    return defaulted(
      imageUser,
      imageUser === 0
        ? 'Assumed from the image: most images set no USER, so the process runs as root (UID 0).'
        : `Assumed from the image's USER (${imageUser}).`,
    )
  }
  return defaulted(
    imageUser,
    `Assumed from the image's USER "${imageUser}", resolved through the image's /etc/passwd.`,
  )
}

function imageGroupDefault(imageUser: AnalysisOptions['imageUser']): Setting {
  if (imageUser === 0) {
    return defaulted(0, 'The primary group of root in the image: GID 0.')
  }
  return defaulted(
    null,
    "The group in the image's USER, else that user's primary group in the image, else 0.",
  )
}

/** A legacy annotation value (`runtime/default`, `localhost/x`, `unconfined`) as a profile field. */
function annotationProfile(value: string): JsonValue {
  if (value === 'runtime/default' || value === 'docker/default') return { type: 'RuntimeDefault' }
  if (value === 'unconfined') return { type: 'Unconfined' }
  if (value.startsWith('localhost/'))
    return { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) }
  return { type: value }
}

function annotation(pod: PodTemplateInput, key: string): string | undefined {
  const annotations = recordAt(pod.metadata, 'annotations')
  const value = annotations?.[key]
  return typeof value === 'string' ? value : undefined
}

/**
 * seccomp: the container field, else the container's legacy annotation, else the pod field, else
 * the pod annotation (the API server copies an annotation into an unset field when the Pod is
 * created: kubernetes pkg/registry/core/pod/strategy.go, applySeccompVersionSkew), else the
 * kubelet default. Privileged containers never get a filter (containerd
 * GenerateSeccompSpecOpts; CRI-O skips seccomp for privileged).
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
  const privilegedNote = privileged
    ? ' Ignored: privileged containers never get a seccomp filter.'
    : ''
  const own = fromContainer.seccompProfile
  if (own)
    return {
      value: own.value,
      source: 'container',
      range: locate(own.path),
      ...(privileged ? { note: privilegedNote.trim() } : {}),
    }
  const containerKey = `container.seccomp.security.alpha.kubernetes.io/${container.name}`
  const containerAnnotation = annotation(pod, containerKey)
  if (containerAnnotation !== undefined) {
    return {
      value: annotationProfile(containerAnnotation),
      source: 'container',
      range: locate(['metadata', 'annotations', containerKey]),
      note: `From the legacy annotation ${containerKey}, which the API server copies into the field when the Pod is created.${privilegedNote}`,
    }
  }
  const shared = fromPod.seccompProfile
  if (shared) {
    return {
      value: shared.value,
      source: 'pod',
      range: locate(shared.path),
      note: `Set for the whole pod.${privilegedNote}`,
    }
  }
  const podKey = 'seccomp.security.alpha.kubernetes.io/pod'
  const podAnnotation = annotation(pod, podKey)
  if (podAnnotation !== undefined) {
    return {
      value: annotationProfile(podAnnotation),
      source: 'pod',
      range: locate(['metadata', 'annotations', podKey]),
      note: `From the legacy annotation ${podKey}, which the API server copies into the field when the Pod is created.${privilegedNote}`,
    }
  }
  if (privileged)
    return defaulted({ type: 'Unconfined' }, 'Privileged containers never get a seccomp filter.')
  return options.seccompDefault
    ? defaulted(
        { type: 'RuntimeDefault' },
        "The kubelet's seccompDefault is on, so the runtime's default filter applies.",
      )
    : defaulted(
        { type: 'Unconfined' },
        'No filter: the kubelet sends Unconfined unless its seccompDefault setting is on (it is off by default).',
      )
}

/**
 * AppArmor: the container field, else the container's legacy annotation (synced into the field
 * at Pod creation for non-Windows pods), else the pod field, else the runtime default profile on
 * AppArmor nodes. Privileged containers get no default profile (containerd WithPrivileged;
 * CRI-O skips AppArmor), but an explicit Localhost profile still applies on containerd.
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
  const nodeNote = options.appArmor ? '' : ' The node has no AppArmor, so no profile is applied.'
  const own = fromContainer.appArmorProfile
  if (own)
    return {
      value: own.value,
      source: 'container',
      range: locate(own.path),
      ...(nodeNote ? { note: nodeNote.trim() } : {}),
    }
  const key = `container.apparmor.security.beta.kubernetes.io/${container.name}`
  const legacy = annotation(pod, key)
  if (legacy !== undefined) {
    return {
      value: annotationProfile(legacy),
      source: 'container',
      range: locate(['metadata', 'annotations', key]),
      note: `From the deprecated annotation ${key}, which the API server copies into the field when the Pod is created.${nodeNote}`,
    }
  }
  const shared = fromPod.appArmorProfile
  if (shared)
    return {
      value: shared.value,
      source: 'pod',
      range: locate(shared.path),
      note: `Set for the whole pod.${nodeNote}`,
    }
  if (!options.appArmor)
    return defaulted(
      { type: 'Unconfined' },
      'The node has no AppArmor, so the container is unconfined.',
    )
  if (privileged)
    return defaulted(
      { type: 'Unconfined' },
      'Privileged containers get no default AppArmor profile.',
    )
  const profile = {
    containerd: 'cri-containerd.apparmor.d',
    'cri-o': 'crio-default',
    docker: 'docker-default',
  }[options.runtime]
  return defaulted(
    { type: 'RuntimeDefault' },
    `The runtime applies its default profile (${profile}) on AppArmor nodes.`,
  )
}

/** windowsOptions merge sub-field by sub-field (DetermineEffectiveSecurityContext). */
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
  const merged = { ...(shared?.value as JsonRecord), ...(own?.value as JsonRecord) } as JsonValue
  return {
    value: merged,
    source: 'container',
    range: locate((own as Written).path),
    note: 'Merged field by field with the pod-level windowsOptions; the container’s values win.',
  }
}
