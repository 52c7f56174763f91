/**
 * The challenge builder's condition form: which fields each kind asks for, and turning the
 * form's strings into a condition through the core's own validation.
 */
import { readGoalCondition, type GoalCondition, type GoalKind } from '../../core/index.ts'

export interface GoalDraft {
  kind: GoalKind
  /** '' means every container. */
  container: string
  set: string
  equals: string
  level: string
  version: string
  check: string
  noNewPrivs: string
  bound: string
  resource: string
}

export const EMPTY_DRAFT: GoalDraft = {
  kind: 'pod-security',
  container: '',
  set: 'CapEff',
  equals: '',
  level: 'restricted',
  version: 'latest',
  check: 'privileged',
  noNewPrivs: '1',
  bound: 'limits',
  resource: 'memory',
}

export const KIND_LABELS: Record<GoalKind, string> = {
  'pod-security': 'The pod meets a Pod Security level',
  'check-passes': 'One Pod Security check passes',
  'cap-set': 'A capability line has a value',
  'non-root-uid': 'Runs as a non-zero UID',
  'no-new-privs': 'NoNewPrivs has a value',
  'read-only-root-filesystem': 'Read-only root filesystem',
  'seccomp-filter': 'Runs under a seccomp filter',
  'resource-set': 'Sets a resource request or limit',
  'kubelet-starts': 'The kubelet would start it',
}

/** The fields shown for a kind, besides the kind itself. */
export function fieldsFor(kind: GoalKind): (keyof GoalDraft)[] {
  switch (kind) {
    case 'cap-set':
      return ['container', 'set', 'equals']
    case 'pod-security':
      return ['level', 'version']
    case 'check-passes':
      return ['check', 'version']
    case 'no-new-privs':
      return ['container', 'noNewPrivs']
    case 'resource-set':
      return ['container', 'bound', 'resource']
    case 'kubelet-starts':
      return []
    default:
      return ['container']
  }
}

/** A hex mask as typed (`0x400`, `A80425FB`) in the 16-digit form /proc prints. */
function normaliseMask(text: string): string {
  const digits = text.trim().toLowerCase().replace(/^0x/, '')
  return /^[0-9a-f]{1,16}$/.test(digits) ? digits.padStart(16, '0') : text
}

/** The condition the form describes, validated by the core, or why it is not one. */
export function draftToCondition(
  draft: GoalDraft,
): { ok: true; condition: GoalCondition } | { ok: false; error: string } {
  const container = draft.container === '' ? null : draft.container
  const value: Record<string, unknown> = { kind: draft.kind }
  for (const field of fieldsFor(draft.kind)) {
    if (field === 'container') value.container = container
    else if (field === 'equals') value.equals = normaliseMask(draft.equals)
    else if (field === 'noNewPrivs') value.equals = Number(draft.noNewPrivs)
    else value[field] = draft[field]
  }
  return readGoalCondition(value)
}
