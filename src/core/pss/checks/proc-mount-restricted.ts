// Control "/proc Mount Type" — restricted, from v1.35 (replaces the baseline procMount check).
// Allowed: securityContext.procMount undefined or "Default", whatever spec.hostUsers says.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
// Upstream: kubernetes/pod-security-admission policy/check_procMount_restricted.go
import { defineCheck } from '../check.ts'
import { procMount_1_0 } from './proc-mount.ts'
import { RESTRICTED_DOCS } from '../docs-links.ts'
import { setAll } from '../fix-helpers.ts'

export const procMountRestricted = defineCheck({
  id: 'procMount_restricted',
  level: 'restricted',
  revisions: [{ minMinor: 35, run: procMount_1_0, overrides: ['procMount'] }],
  info: {
    control: '/proc Mount Type',
    why: 'An Unmasked /proc exposes kernel information and settings the runtime normally hides; restricted refuses it even when the pod runs in a user namespace.',
    fix: 'Remove securityContext.procMount or set it to Default.',
    docs: RESTRICTED_DOCS,
  },
  fix: (input) => setAll(input, 'Default', 'Set procMount: Default'),
})
