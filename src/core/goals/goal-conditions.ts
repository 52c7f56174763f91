/**
 * Goal conditions: a small, versioned vocabulary of facts about a manifest that a lesson or a
 * challenge asks the learner to reach ("container web has CapEff 0000000000000400", "the pod is
 * restricted at v1.30"). They are plain data, so a teacher can put them in a link; this module
 * validates such data field by field and describes each condition in words. Never throws.
 */
import { PSS_CHECK_INFO } from '../pss/check-info.ts'
import { parsePolicyVersion } from '../policy-version.ts'
import type { CapabilitySetName, CheckId, PolicyVersion } from '../types.ts'

/** Bump when a condition's meaning or shape changes; readers refuse other versions. */
export const GOALS_FORMAT_VERSION = 1

/** Conditions per goal set: enough for any lesson, small enough to read at a glance. */
export const MAX_GOAL_CONDITIONS = 12

/** A container name, or null for "every container" (init and ephemeral ones included). */
export type ContainerTarget = string | null

export type GoalCondition =
  /** A `/proc/<pid>/status` capability line has exactly this value (16 lowercase hex digits). */
  | { kind: 'cap-set'; container: ContainerTarget; set: CapabilitySetName; equals: string }
  /** Every workload meets at least this Pod Security level at this policy version. */
  | { kind: 'pod-security'; level: 'baseline' | 'restricted'; version: PolicyVersion }
  /** One Pod Security check passes for every workload at this policy version. */
  | { kind: 'check-passes'; check: CheckId; version: PolicyVersion }
  /** The process runs with a known UID other than 0. */
  | { kind: 'non-root-uid'; container: ContainerTarget }
  /** The `NoNewPrivs:` line of `/proc/<pid>/status` has this value. */
  | { kind: 'no-new-privs'; container: ContainerTarget; equals: 0 | 1 }
  /** The root filesystem is mounted read-only. */
  | { kind: 'read-only-root-filesystem'; container: ContainerTarget }
  /** A seccomp filter is applied (`Seccomp: 2`): RuntimeDefault or a Localhost profile. */
  | { kind: 'seccomp-filter'; container: ContainerTarget }
  /** A CPU or memory request or limit is written for the container. */
  | {
      kind: 'resource-set'
      container: ContainerTarget
      bound: 'requests' | 'limits'
      resource: 'cpu' | 'memory'
    }
  /** The API server accepts the pod and the kubelet starts its containers (no error on the way). */
  | { kind: 'kubelet-starts' }

export type GoalKind = GoalCondition['kind']

/** A goal as it travels in a link or a lesson: the conditions and the vocabulary version. */
export interface GoalSet {
  version: typeof GOALS_FORMAT_VERSION
  conditions: GoalCondition[]
}

export type GoalSetReading = { ok: true; goals: GoalSet } | { ok: false; error: string }

export const CAP_SET_NAMES: readonly CapabilitySetName[] = [
  'CapInh',
  'CapPrm',
  'CapEff',
  'CapBnd',
  'CapAmb',
]

/** The keys each kind carries besides `kind`, in the order they are written. */
const KIND_KEYS: Readonly<Record<GoalKind, readonly string[]>> = {
  'cap-set': ['container', 'set', 'equals'],
  'pod-security': ['level', 'version'],
  'check-passes': ['check', 'version'],
  'non-root-uid': ['container'],
  'no-new-privs': ['container', 'equals'],
  'read-only-root-filesystem': ['container'],
  'seccomp-filter': ['container'],
  'resource-set': ['container', 'bound', 'resource'],
  'kubelet-starts': [],
}

export const GOAL_KINDS = Object.keys(KIND_KEYS) as GoalKind[]

const HEX16 = /^[0-9a-f]{16}$/
/** Container names are DNS labels (RFC 1123), at most 63 characters. */
const CONTAINER_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Why one field is wrong, or undefined when it is fine. */
function fieldProblem(key: string, value: unknown): string | undefined {
  const quoted = JSON.stringify(value)?.slice(0, 40) ?? String(value)
  switch (key) {
    case 'container':
      return value === null || (typeof value === 'string' && CONTAINER_NAME.test(value))
        ? undefined
        : `container ${quoted} is not a container name`
    case 'set':
      return CAP_SET_NAMES.some((s) => s === value)
        ? undefined
        : `set ${quoted} is not one of ${CAP_SET_NAMES.join(', ')}`
    case 'equals':
      return undefined // checked with the kind, which decides its type
    case 'level':
      return value === 'baseline' || value === 'restricted'
        ? undefined
        : `level ${quoted} is not baseline or restricted`
    case 'version':
      return typeof value === 'string' && parsePolicyVersion(value) !== undefined
        ? undefined
        : `version ${quoted} is not a policy version such as v1.30 or latest`
    case 'check':
      return typeof value === 'string' && Object.hasOwn(PSS_CHECK_INFO, value)
        ? undefined
        : `check ${quoted} is not a Pod Security check`
    case 'bound':
      return value === 'requests' || value === 'limits'
        ? undefined
        : `bound ${quoted} is not requests or limits`
    case 'resource':
      return value === 'cpu' || value === 'memory'
        ? undefined
        : `resource ${quoted} is not cpu or memory`
    default:
      return `unexpected field ${JSON.stringify(key)}`
  }
}

/** Reads one condition, or says what is wrong with it. */
export function readGoalCondition(
  value: unknown,
): { ok: true; condition: GoalCondition } | { ok: false; error: string } {
  if (!isRecord(value)) return { ok: false, error: 'a condition is not an object' }
  const kind = GOAL_KINDS.find((k) => k === value.kind)
  if (!kind) {
    return { ok: false, error: `unknown condition kind ${JSON.stringify(value.kind)}` }
  }
  const expected = KIND_KEYS[kind]
  for (const key of Object.keys(value)) {
    if (key !== 'kind' && !expected.includes(key)) {
      return { ok: false, error: `${kind}: unexpected field ${JSON.stringify(key)}` }
    }
  }
  for (const key of expected) {
    if (!Object.hasOwn(value, key)) return { ok: false, error: `${kind}: ${key} is missing` }
    const problem = fieldProblem(key, value[key])
    if (problem) return { ok: false, error: `${kind}: ${problem}` }
  }
  if (kind === 'cap-set' && !(typeof value.equals === 'string' && HEX16.test(value.equals))) {
    return { ok: false, error: 'cap-set: equals must be 16 lowercase hex digits' }
  }
  if (kind === 'no-new-privs' && value.equals !== 0 && value.equals !== 1) {
    return { ok: false, error: 'no-new-privs: equals must be 0 or 1' }
  }
  // Every field was checked against its kind above, so the record is that condition.
  return { ok: true, condition: value as unknown as GoalCondition }
}

/** Reads a goal set from untrusted data (a link, storage). Never throws. */
export function readGoalSet(value: unknown): GoalSetReading {
  if (!isRecord(value)) return { ok: false, error: 'the goal is not an object' }
  if (value.version !== GOALS_FORMAT_VERSION) {
    return {
      ok: false,
      error: `the goal uses vocabulary version ${JSON.stringify(value.version)}; this playground reads version ${GOALS_FORMAT_VERSION}`,
    }
  }
  const extra = Object.keys(value).find((k) => k !== 'version' && k !== 'conditions')
  if (extra !== undefined) return { ok: false, error: `unexpected field ${JSON.stringify(extra)}` }
  const list = value.conditions
  if (!Array.isArray(list) || list.length === 0) {
    return { ok: false, error: 'the goal has no conditions' }
  }
  if (list.length > MAX_GOAL_CONDITIONS) {
    return {
      ok: false,
      error: `the goal has ${list.length} conditions; at most ${MAX_GOAL_CONDITIONS} are allowed`,
    }
  }
  const conditions: GoalCondition[] = []
  for (const [index, item] of list.entries()) {
    const read = readGoalCondition(item)
    if (!read.ok) return { ok: false, error: `condition ${index + 1}: ${read.error}` }
    conditions.push(read.condition)
  }
  return { ok: true, goals: { version: GOALS_FORMAT_VERSION, conditions } }
}

function who(container: ContainerTarget): string {
  return container === null ? 'Every container' : `Container ${container}`
}

/** The condition in words, as a lesson or challenge lists it. */
export function describeGoalCondition(condition: GoalCondition): string {
  switch (condition.kind) {
    case 'cap-set':
      return `${who(condition.container)} has ${condition.set} ${condition.equals}`
    case 'pod-security':
      return `The pod is ${condition.level} at ${condition.version}`
    case 'check-passes':
      return `The Pod Security check “${PSS_CHECK_INFO[condition.check].control}” passes at ${condition.version}`
    case 'non-root-uid':
      return `${who(condition.container)} runs as a non-zero UID`
    case 'no-new-privs':
      return `${who(condition.container)} has NoNewPrivs ${condition.equals}`
    case 'read-only-root-filesystem':
      return `${who(condition.container)} has a read-only root filesystem`
    case 'seccomp-filter':
      return `${who(condition.container)} runs under a seccomp filter (Seccomp: 2)`
    case 'resource-set':
      return `${who(condition.container)} sets a ${condition.resource} ${condition.bound === 'limits' ? 'limit' : 'request'}`
    case 'kubelet-starts':
      return 'The API server accepts it and the kubelet would start it'
  }
}
