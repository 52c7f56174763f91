/**
 * The public surface of the analysis core. UI code imports from here only.
 *
 * Everything here is plain TypeScript with no UI, DOM or network dependency; no function throws
 * for any input, and every result is JSON-serialisable data.
 */
export { analyze } from './analyze.ts'
export { emptyAnalysis } from './empty-analysis.ts'
export { DEFAULT_OPTIONS, KERNEL_VERSION, resolveOptions } from './options.ts'
export { applyEdits } from './yaml/edits/text-edits.ts'
export { defaultFixDecisions, fixAll } from './fixes/fix-all.ts'
export { previewFixAll, relevantFixDecisions, type FixAllPreview } from './fixes/fix-all-preview.ts'
export { lowestLevel, meetsLevel, PSS_LEVELS } from './pss/levels.ts'
export type * from './fixes/fix-all-types.ts'
export {
  CONTAINER_FIELDS,
  POD_FIELDS,
  SECURITY_FIELDS,
  securityField,
} from './security-context/fields.ts'
export type { FieldScope, SecurityField } from './security-context/fields.ts'
export {
  CAPABILITIES,
  capLastCapForKernel,
  lookupCapability,
} from './capabilities/capability-table.ts'
export type { CapabilityInfo } from './capabilities/capability-table.ts'
export { decodeCapabilities, encodeCapabilities, formatCapsh } from './capabilities/codec.ts'
export { bitMask, bitsOf, difference, hasBit, toProcHex, union } from './capabilities/mask.ts'
export type { CapMask } from './capabilities/mask.ts'
export { capabilitiesSnippet } from './capabilities/snippet.ts'
export type {
  CapabilityInputForm,
  DecodeOptions,
  DecodedCapabilities,
  DecodedSet,
  EncodedCapabilities,
} from './capabilities/codec.ts'
export { KERNEL_CAPABILITY_STEPS } from './capabilities/kernels.ts'
export type { KernelCapabilityStep } from './capabilities/kernels.ts'
export {
  CONTAINER_RUNTIMES,
  RUNTIME_DEFAULT_CAPABILITIES,
  RUNTIMES,
  runtimeEntry,
  runtimeLabel,
} from './capabilities/runtimes.ts'
export type { RuntimeEntry } from './capabilities/runtimes.ts'
export { WORKLOAD_KINDS } from './workloads/extract-workloads.ts'
export { NEWEST_RULES_VERSION, POLICY_VERSIONS, parsePolicyVersion } from './policy-version.ts'
export { PSS_CHECK_INFO, type PssCheckInfo } from './pss/check-info.ts'
export { PSS_PAGE } from './pss/docs-links.ts'
export type {
  Advisory,
  Analysis,
  AnalysisOptions,
  AnalysisOutputs,
  CapabilitySetName,
  CapabilityWarning,
  CheckId,
  ContainerAnalysis,
  ContainerCapabilities,
  ContainerResources,
  ContainerRuntime,
  ContainerType,
  Diagnostic,
  DiagnosticSource,
  Fix,
  HostPathMount,
  JsonValue,
  PodSecurity,
  PolicyVersion,
  ProcCapabilities,
  PssCheck,
  PssLevel,
  Range,
  ResourceAmounts,
  Setting,
  SettingName,
  SettingSource,
  Severity,
  TextEdit,
  Workload,
  WorkloadKind,
} from './types.ts'
export { POD_SECURITY_LABELS } from './admission/policy.ts'
export type {
  AdmissionOutcome,
  AdmissionSummary,
  ControllerEvent,
  EnforceSuggestion,
  LabelError,
  LevelVersion,
  NamespaceAdmission,
  NamespaceLabels,
  NamespacePolicy,
  PodSecurityLabel,
  PolicyMode,
  WorkloadAdmission,
} from './admission/types.ts'
export {
  CAP_SET_NAMES,
  GOAL_KINDS,
  GOALS_FORMAT_VERSION,
  MAX_GOAL_CONDITIONS,
  describeGoalCondition,
  readGoalCondition,
  readGoalSet,
} from './goals/goal-conditions.ts'
export type {
  ContainerTarget,
  GoalCondition,
  GoalKind,
  GoalSet,
  GoalSetReading,
} from './goals/goal-conditions.ts'
export {
  checkGoals,
  evaluateGoals,
  type GoalCheck,
  type GoalResult,
} from './goals/evaluate-goals.ts'
