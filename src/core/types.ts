/**
 * Shared data types of the analysis core. Every result is plain JSON-serialisable data
 * (no classes, no bigint, no functions), so the store can keep it and tests can compare it.
 *
 * Offsets are zero-based UTF-16 code-unit offsets into the analysed source string, as
 * JavaScript strings index them; `[start, end)` is half-open. Line/column is computed at the
 * edge (the editor adapter), never stored here.
 */

import type { AdmissionSummary, NamespaceLabels, WorkloadAdmission } from './admission/types.ts'

/** `[start, end)` character offsets into the analysed source. */
export type Range = readonly [start: number, end: number]

/** A path into a parsed document, as object keys and array indexes. */
export type Path = readonly (string | number)[]

/** The raw pod template: `metadata` and `spec` exactly as parsed (any shape; never trust types). */
export interface PodTemplateInput {
  metadata: unknown
  spec: unknown
}

/**
 * Maps a path relative to the pod template root (e.g. `['spec', 'containers', 0,
 * 'securityContext', 'privileged']`) to a source range, falling back to the nearest ancestor
 * written in the source.
 */
export type Locate = (path: Path) => Range

export type ContainerRuntime = 'containerd' | 'cri-o' | 'docker'

/** A Pod Security policy version as written in namespace labels: `v1.<minor>` or `latest`. */
export type PolicyVersion = 'latest' | `v1.${number}`

/** The assumptions behind every default the core reports. The user can change each one. */
export interface AnalysisOptions {
  /** Container runtime on the node. Default `containerd`. */
  runtime: ContainerRuntime
  /**
   * Node kernel version (`major.minor`, extra parts ignored). Default `6.8`. It decides which
   * capabilities exist: cap_last_cap is 36 for 3.5–3.15, 37 for 3.16–5.7, 39 for 5.8, 40 from 5.9.
   */
  kernel: string
  /** Pod Security policy version to evaluate. Default `latest` (the newest rules). */
  kubernetesVersion: PolicyVersion
  /** The kubelet's `seccompDefault` setting. Default false (unset seccomp means Unconfined). */
  seccompDefault: boolean
  /** Whether the node has AppArmor enabled. Default true. */
  appArmor: boolean
  /**
   * The image's USER, used when runAsUser is unset: a numeric UID, a user name, or null when
   * unknown. Default 0 (root), as most images do not set USER.
   */
  imageUser: number | string | null
  /**
   * Pod Security labels assumed on namespaces that no Namespace document in the source defines.
   * Default none: every mode privileged.
   */
  namespaceLabels: NamespaceLabels
}

export type Severity = 'error' | 'warning' | 'info'

/** Who would report a diagnostic: the YAML parser, the API server, the kubelet, the runtime, or us. */
export type DiagnosticSource =
  'yaml' | 'schema' | 'api-server' | 'kubelet' | 'runtime' | 'playground'

export interface Diagnostic {
  /** Stable machine-readable code, e.g. `yaml-syntax`, `invalid-type`, `ape-false-privileged`. */
  code: string
  severity: Severity
  message: string
  range: Range
  source: DiagnosticSource
}

export type ContainerType = 'initContainer' | 'container' | 'ephemeralContainer'

export type SettingSource = 'container' | 'pod' | 'default'

/** A JSON value as found in a manifest. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** One effective setting of a container, with where it came from. */
export interface Setting {
  /** The effective value. For a default, the value the node really uses (null when none). */
  value: JsonValue
  source: SettingSource
  /** For a default: what it means and the assumption it rests on. For others: extra context. */
  note?: string
  /** Where the value is written in the source (absent for defaults). */
  range?: Range
}

/** The security-relevant fields reported for every container, keyed by Kubernetes field name. */
export type SettingName =
  | 'privileged'
  | 'allowPrivilegeEscalation'
  | 'readOnlyRootFilesystem'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'runAsGroup'
  | 'capabilities'
  | 'seccompProfile'
  | 'appArmorProfile'
  | 'seLinuxOptions'
  | 'procMount'
  | 'windowsOptions'
  | 'fsGroup'
  | 'fsGroupChangePolicy'
  | 'supplementalGroups'
  | 'supplementalGroupsPolicy'
  | 'sysctls'
  | 'seLinuxChangePolicy'
  | 'hostNetwork'
  | 'hostPID'
  | 'hostIPC'
  | 'hostUsers'
  | 'shareProcessNamespace'
  | 'automountServiceAccountToken'

export interface HostPathMount {
  /** The volume name. */
  volume: string
  /** `hostPath.path` of the volume. */
  path: string
  mountPath: string
  readOnly: boolean
  range: Range
}

export interface ResourceAmounts {
  cpu?: string
  memory?: string
}

export interface ContainerResources {
  requests: ResourceAmounts
  limits: ResourceAmounts
}

/** The five capability sets as `/proc/<pid>/status` prints them (16 lowercase hex digits). */
export interface ProcCapabilities {
  CapInh: string
  CapPrm: string
  CapEff: string
  CapBnd: string
  CapAmb: string
}

export type CapabilitySetName = keyof ProcCapabilities

export interface CapabilityWarning {
  /** Stable code, e.g. `cap-prefix-ignored`, `cap-unknown-ignored`, `cap-unknown-fatal`. */
  code: string
  severity: Severity
  /** The name as written in the manifest. */
  name: string
  list: 'add' | 'drop'
  message: string
  range?: Range
}

export interface ContainerCapabilities extends ProcCapabilities {
  /** `CAP_*` names per set, in bit order. */
  names: Record<CapabilitySetName, string[]>
  /** The runtime's default bounding set (16 hex digits), for comparison. */
  runtimeDefault: string
  /** Names in CapBnd that the runtime default lacks. */
  added: string[]
  /** Names of the runtime default missing from CapBnd. */
  dropped: string[]
  /** Names the runtime ignores or rejects, and other capability hazards. */
  warnings: CapabilityWarning[]
  /** The UID the capability sets were computed for (null when unknown and assumed root). */
  uid: number | null
  /** Short plain-language explanation of why the sets look this way. */
  explanation: string[]
  /** The `NoNewPrivs:` line value: 1 when allowPrivilegeEscalation is false. */
  noNewPrivs: 0 | 1
}

export interface ContainerAnalysis {
  name: string
  type: ContainerType
  /** Range of the container's list item. */
  range: Range
  settings: Record<SettingName, Setting>
  hostPathMounts: HostPathMount[]
  resources: ContainerResources
  capabilities: ContainerCapabilities
}

export type WorkloadKind =
  | 'Pod'
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'ReplicationController'
  | 'Job'
  | 'CronJob'
  | 'PodTemplate'

export type PssLevel = 'privileged' | 'baseline' | 'restricted'

/** The upstream Pod Security Admission check IDs. */
export type CheckId =
  | 'appArmorProfile'
  | 'capabilities_baseline'
  | 'hostNamespaces'
  | 'hostPathVolumes'
  | 'hostPorts'
  | 'hostProbesAndHostLifecycle'
  | 'privileged'
  | 'procMount'
  | 'seLinuxOptions'
  | 'seccompProfile_baseline'
  | 'sysctls'
  | 'windowsHostProcess'
  | 'allowPrivilegeEscalation'
  | 'capabilities_restricted'
  | 'procMount_restricted'
  | 'restrictedVolumes'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'seccompProfile_restricted'

/** Replaces `range` of the analysed source with `insert` (an insertion when the range is empty). */
export interface TextEdit {
  range: Range
  insert: string
}

/**
 * A one-click change to the manifest text that resolves a finding, written as minimal edits so
 * comments, quoting and layout elsewhere stay exactly as they were.
 */
export interface Fix {
  /** Stable within one analysis, e.g. `allowPrivilegeEscalation@0:web`. */
  id: string
  /** What the fix does, imperative, e.g. `Set allowPrivilegeEscalation: false on "app"`. */
  title: string
  /** Non-overlapping edits, sorted by start offset, against the analysed source. */
  edits: TextEdit[]
}

export interface PssCheck {
  id: CheckId
  level: 'baseline' | 'restricted'
  allowed: boolean
  /** Upstream short reason, when not allowed. */
  reason?: string
  /** Upstream detail text, when not allowed. */
  detail?: string
  /** Offending fields in the source (container field, pod field, volume, annotation). */
  ranges: Range[]
  /** One line for users coming from other scanners, where those disagree with admission. */
  scannerNote?: string
  /** A fix that makes this check pass, when one can be written without guessing intent. */
  fix?: Fix
}

export interface PodSecurity {
  /** The version evaluated, as requested (`latest` or `v1.N`). */
  version: PolicyVersion
  /** The concrete rule set used (`latest` and newer-than-known versions clamp to the newest). */
  rulesVersion: `v1.${number}`
  /** The highest level satisfied. */
  level: PssLevel
  /** One entry per check that applies at this version. */
  checks: PssCheck[]
  /** For each level it fails, the text admission would return. */
  message: Partial<Record<'baseline' | 'restricted', string>>
}

export interface Advisory {
  /** Stable code, e.g. `readonly-root-fs`, `no-memory-limit`. */
  code: string
  severity: Severity
  /** Container name, or undefined for pod-wide advisories. */
  container?: string
  message: string
  /** One-line why. */
  why: string
  range: Range
  docs?: string
  /** A fix for this advisory, when one can be written without guessing intent. */
  fix?: Fix
}

export interface Workload {
  kind: WorkloadKind
  name: string
  namespace?: string
  /** Index of the YAML document (0-based) in a multi-document source. */
  document: number
  /** Range of the workload object (the document, or the List item). */
  range: Range
  /** Range of the pod spec the containers come from. */
  podSpecRange: Range
  containers: ContainerAnalysis[]
  podSecurity: PodSecurity
  advisories: Advisory[]
  /**
   * What Pod Security Admission and `kubectl apply` answer for this object. `analyze` always
   * sets it; it is optional only so that hand-built workloads (tests) need not invent one.
   */
  admission?: WorkloadAdmission
}

export interface Analysis {
  /** The options in effect, with every default filled in. */
  options: AnalysisOptions
  diagnostics: Diagnostic[]
  workloads: Workload[]
  /** Namespaces the workloads go to, their policies, and the enforce label that admits them all. */
  admission: AdmissionSummary
}
