// Control "/proc Mount Type" — restricted, from v1.35 (replaces the baseline procMount check).
// Allowed: securityContext.procMount undefined or "Default", whatever spec.hostUsers says.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_procMount_restricted.go
import type { CheckDefinition } from '../check.ts'
import { procMount_1_0 } from './proc-mount.ts'

export const procMountRestricted: CheckDefinition = {
  id: 'procMount_restricted',
  level: 'restricted',
  revisions: [{ minMinor: 35, run: procMount_1_0, overrides: ['procMount'] }],
}
