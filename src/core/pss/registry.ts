// The check registry: which revision of which check runs at a level and version, in upstream
// order. Upstream: kubernetes/pod-security-admission policy/registry.go (populate, EvaluatePod).
import type { CheckDefinition, CheckFn } from './check.ts'
import { compareBytes } from '../util/go-format.ts'
import { allowPrivilegeEscalation } from './checks/allow-privilege-escalation.ts'
import { appArmorProfile } from './checks/app-armor-profile.ts'
import { capabilitiesBaseline } from './checks/capabilities-baseline.ts'
import { capabilitiesRestricted } from './checks/capabilities-restricted.ts'
import { hostNamespaces } from './checks/host-namespaces.ts'
import { hostPathVolumes } from './checks/host-path-volumes.ts'
import { hostPorts } from './checks/host-ports.ts'
import { hostProbesAndHostLifecycle } from './checks/host-probes-and-host-lifecycle.ts'
import { privileged } from './checks/privileged.ts'
import { procMount } from './checks/proc-mount.ts'
import { procMountRestricted } from './checks/proc-mount-restricted.ts'
import { restrictedVolumes } from './checks/restricted-volumes.ts'
import { runAsNonRoot } from './checks/run-as-non-root.ts'
import { runAsUser } from './checks/run-as-user.ts'
import { seLinuxOptionsCheck } from './checks/se-linux-options.ts'
import { seccompProfileBaseline } from './checks/seccomp-profile-baseline.ts'
import { seccompProfileRestricted } from './checks/seccomp-profile-restricted.ts'
import { sysctlsCheck } from './checks/sysctls.ts'
import { windowsHostProcess } from './checks/windows-host-process.ts'

const byId = (a: CheckDefinition, b: CheckDefinition) => compareBytes(a.id, b.id)

const BASELINE_CHECKS = [
  appArmorProfile,
  capabilitiesBaseline,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  seLinuxOptionsCheck,
  seccompProfileBaseline,
  sysctlsCheck,
  windowsHostProcess,
].sort(byId)

const RESTRICTED_CHECKS = [
  allowPrivilegeEscalation,
  capabilitiesRestricted,
  procMountRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfileRestricted,
].sort(byId)

/**
 * Every check: baseline IDs in byte order (`seLinuxOptions` before `seccomp…`), then restricted.
 * Adding a check means one module under checks/ and one entry above.
 */
export const ALL_CHECKS = [...BASELINE_CHECKS, ...RESTRICTED_CHECKS]

/** The upstream Pod Security Admission check IDs, as the check modules declare them. */
export type CheckId = (typeof ALL_CHECKS)[number]['id']

/** The check with this id. */
export function checkById(id: CheckId): CheckDefinition | undefined {
  return ALL_CHECKS.find((check) => check.id === id)
}

export interface ActiveCheck {
  id: CheckId
  level: 'baseline' | 'restricted'
  run: CheckFn
  /** True for a baseline check that an active restricted check replaces in the restricted level. */
  overridden: boolean
}

/**
 * The checks in force at `minor` (already clamped), in upstream order: each check's newest
 * revision whose minimum is at most `minor`; checks whose first revision is newer are absent.
 */
export function activeChecks(minor: number): readonly ActiveCheck[] {
  const cached = cache.get(minor)
  if (cached !== undefined) return cached
  const revisions = ALL_CHECKS.flatMap((check) => {
    const revision = check.revisions.findLast((r) => r.minMinor <= minor)
    return revision === undefined ? [] : [{ check, revision }]
  })
  const overridden = new Set(revisions.flatMap(({ revision }) => revision.overrides ?? []))
  const active = revisions.map(({ check, revision }) => ({
    id: check.id,
    level: check.level,
    run: revision.run,
    overridden: overridden.has(check.id),
  }))
  cache.set(minor, active)
  return active
}

const cache = new Map<number, readonly ActiveCheck[]>()

/** Whether an active check is part of the evaluation at `level`. */
export function runsAtLevel(check: ActiveCheck, level: 'baseline' | 'restricted'): boolean {
  return level === 'restricted' ? !check.overridden : check.level === 'baseline'
}
