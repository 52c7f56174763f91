/**
 * The public surface of the analysis core. UI code imports from here only.
 *
 * Everything here is plain TypeScript with no UI, DOM or network dependency; no function throws
 * for any input, and every result is JSON-serialisable data.
 */
export { analyze } from './analyze.ts'
export { DEFAULT_OPTIONS, KERNEL_VERSION, resolveOptions } from './options.ts'
export { applyEdits } from './fixes/text-edits.ts'
export { defaultFixDecisions, fixAll } from './fixes/fix-all.ts'
export type * from './fixes/fix-all-types.ts'
export { SECURITY_FIELDS, securityField } from './security-context/fields.ts'
export type { FieldScope, SecurityField } from './security-context/fields.ts'
export {
  CAPABILITIES,
  capLastCapForKernel,
  lookupCapability,
} from './capabilities/capability-table.ts'
export type { CapabilityInfo } from './capabilities/capability-table.ts'
export { decodeCapabilities, encodeCapabilities, formatCapsh } from './capabilities/codec.ts'
export type { DecodedCapabilities, DecodedSet, EncodedCapabilities } from './capabilities/codec.ts'
export {
  CONTAINER_RUNTIMES,
  RUNTIME_DEFAULT_CAPABILITIES,
  runtimeLabel,
} from './capabilities/runtimes.ts'
export { NEWEST_RULES_VERSION, POLICY_VERSIONS, parsePolicyVersion } from './pss/version.ts'
export { PSS_CHECK_INFO, PSS_PAGE, type PssCheckInfo } from './pss/check-info.ts'
export { POD_SECURITY_LABELS } from './admission/policy.ts'
export type * from './types.ts'
export type * from './admission/types.ts'
