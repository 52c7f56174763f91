// The check catalogue agrees with the registry and with the Pod Security Standards page.
import { describe, expect, it } from 'vitest'
import type { CheckId } from '../types.ts'
import { PSS_CHECK_INFO } from './check-info.ts'
import { ALL_CHECKS } from './registry.ts'

// Every control name in the Baseline and Restricted tables of
// https://kubernetes.io/docs/concepts/security/pod-security-standards/ that admission checks.
const CONTROLS = new Set([
  'HostProcess',
  'Host Namespaces',
  'Privileged Containers',
  'Capabilities',
  'HostPath Volumes',
  'Host Ports',
  'Host Probes / Lifecycle Hooks',
  'AppArmor',
  'SELinux',
  '/proc Mount Type',
  'Seccomp',
  'Sysctls',
  'Volume Types',
  'Privilege Escalation',
  'Running as Non-root',
  'Running as Non-root user',
])

// First version per check, from the versioned registrations in kubernetes/pod-security-admission
// policy/check_*.go; checks not listed start at v1.0.
const FIRST_VERSION: Partial<Record<CheckId, string>> = {
  hostProbesAndHostLifecycle: 'v1.34',
  allowPrivilegeEscalation: 'v1.8',
  capabilities_restricted: 'v1.22',
  procMount_restricted: 'v1.35',
  runAsUser: 'v1.23',
  seccompProfile_restricted: 'v1.19',
}

const entries = Object.entries(PSS_CHECK_INFO)

describe('PSS_CHECK_INFO', () => {
  it('has exactly one entry per check in the registry', () => {
    expect(Object.keys(PSS_CHECK_INFO).sort()).toEqual(ALL_CHECKS.map((c) => c.id).sort())
    expect(entries).toHaveLength(19)
  })

  it('gives each check the level the registry runs it at', () => {
    for (const check of ALL_CHECKS) {
      expect(PSS_CHECK_INFO[check.id].level, check.id).toBe(check.level)
    }
  })

  it('dates each check from its first revision', () => {
    for (const check of ALL_CHECKS) {
      expect(PSS_CHECK_INFO[check.id].since, check.id).toBe(`v1.${check.revisions[0]?.minMinor}`)
      expect(PSS_CHECK_INFO[check.id].since, check.id).toBe(FIRST_VERSION[check.id] ?? 'v1.0')
    }
  })

  it('names each control as the Pod Security Standards page does', () => {
    for (const [id, info] of entries) expect(CONTROLS, id).toContain(info.control)
    expect(PSS_CHECK_INFO.privileged.control).toBe('Privileged Containers')
    // A restricted check that replaces a baseline one belongs to the same control.
    expect(PSS_CHECK_INFO.capabilities_restricted.control).toBe(
      PSS_CHECK_INFO.capabilities_baseline.control,
    )
    expect(PSS_CHECK_INFO.seccompProfile_restricted.control).toBe(
      PSS_CHECK_INFO.seccompProfile_baseline.control,
    )
    expect(PSS_CHECK_INFO.procMount_restricted.control).toBe(PSS_CHECK_INFO.procMount.control)
  })

  it('links every check to an https page on kubernetes.io', () => {
    for (const [id, info] of entries) {
      const url = new URL(info.docs)
      expect(url.protocol, id).toBe('https:')
      expect(url.hostname, id).toBe('kubernetes.io')
      expect(url.pathname, id).toMatch(/^\/docs\/.+\/$/)
    }
  })

  it('anchors the generic Pod Security Standards link at the check’s level', () => {
    for (const [id, info] of entries) {
      if (!info.docs.includes('/pod-security-standards/')) continue
      expect(new URL(info.docs).hash, id).toBe(`#${info.level}`)
    }
  })

  it('writes why and fix as one short sentence each', () => {
    for (const [id, info] of entries) {
      for (const text of [info.why, info.fix]) {
        expect(text, id).toMatch(/^[A-Za-z/].*[.]$/)
        expect(text, id).not.toMatch(/\n/)
        expect(text.length, id).toBeLessThanOrEqual(200)
        // One sentence: no full stop followed by a new capitalised sentence.
        expect(text, id).not.toMatch(/\. [A-Z]/)
      }
    }
  })
})

describe('the check registry', () => {
  it('collects each check module once, with its facts, and overrides only registered baseline checks', () => {
    const ids = ALL_CHECKS.map((check) => check.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(Object.keys(PSS_CHECK_INFO).sort()).toEqual([...ids].sort())
    const baseline = new Set(ALL_CHECKS.filter((c) => c.level === 'baseline').map((c) => c.id))
    for (const check of ALL_CHECKS) {
      expect(PSS_CHECK_INFO[check.id].level, check.id).toBe(check.level)
      for (const revision of check.revisions) {
        for (const overridden of revision.overrides ?? []) {
          expect(check.level, check.id).toBe('restricted')
          expect(baseline.has(overridden as CheckId), `${check.id} overrides ${overridden}`).toBe(
            true,
          )
        }
      }
    }
  })

  it('offers no fix only where one would need a guess at intent', () => {
    const without = ALL_CHECKS.filter((check) => check.fix === undefined).map((c) => c.id)
    expect(without.sort()).toEqual(['hostPathVolumes', 'restrictedVolumes', 'runAsUser'])
  })
})
