import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { POD_SECURITY_LABELS, policyToEvaluate, readValidPodSecurityLabels } from './policy.ts'
import type { NamespaceLabels } from './types.ts'

const ENFORCE = 'pod-security.kubernetes.io/enforce'
const ENFORCE_VERSION = 'pod-security.kubernetes.io/enforce-version'
const AUDIT = 'pod-security.kubernetes.io/audit'
const WARN = 'pod-security.kubernetes.io/warn'
const WARN_VERSION = 'pod-security.kubernetes.io/warn-version'

const PRIVILEGED = { level: 'privileged', version: 'latest' }

// Cases follow kubernetes/pod-security-admission api/helpers_test.go TestPolicyToEvaluate.
describe('policyToEvaluate', () => {
  it('leaves every mode privileged:latest without labels', () => {
    expect(policyToEvaluate({})).toEqual({
      policy: { enforce: PRIVILEGED, audit: PRIVILEGED, warn: PRIVILEGED },
      errors: [],
    })
  })

  it('defaults warn to a stricter enforce level and its version', () => {
    const { policy } = policyToEvaluate({ [ENFORCE]: 'baseline', [ENFORCE_VERSION]: 'v1.25' })
    expect(policy.enforce).toEqual({ level: 'baseline', version: 'v1.25' })
    expect(policy.warn).toEqual({ level: 'baseline', version: 'v1.25' })
    expect(policy.audit).toEqual(PRIVILEGED)
  })

  it('keeps an explicit warn-version when warn takes the enforce level', () => {
    const { policy } = policyToEvaluate({ [ENFORCE]: 'restricted', [WARN_VERSION]: 'v1.30' })
    expect(policy.warn).toEqual({ level: 'restricted', version: 'v1.30' })
  })

  it('does not default warn when warn is set, enforce is privileged, or only its version is set', () => {
    expect(policyToEvaluate({ [ENFORCE]: 'restricted', [WARN]: 'privileged' }).policy.warn).toEqual(
      PRIVILEGED,
    )
    expect(policyToEvaluate({ [ENFORCE]: 'privileged' }).policy.warn).toEqual(PRIVILEGED)
    const versionOnly = policyToEvaluate({ [ENFORCE_VERSION]: 'v1.25' }).policy
    expect(versionOnly.enforce).toEqual({ level: 'privileged', version: 'v1.25' })
    expect(versionOnly.warn).toEqual(PRIVILEGED)
  })

  it('treats an invalid enforce level as restricted, without defaulting warn', () => {
    const { policy, errors } = policyToEvaluate({ [ENFORCE]: 'strict' })
    expect(policy.enforce).toEqual({ level: 'restricted', version: 'latest' })
    expect(policy.warn).toEqual(PRIVILEGED)
    expect(errors).toEqual([
      {
        label: ENFORCE,
        value: 'strict',
        message:
          'metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted',
      },
    ])
  })

  it('fails open on an invalid audit or warn level', () => {
    const { policy, errors } = policyToEvaluate({ [AUDIT]: 'Restricted', [WARN]: 'all' })
    expect(policy.audit).toEqual(PRIVILEGED)
    expect(policy.warn).toEqual(PRIVILEGED)
    expect(errors.map((e) => e.label)).toEqual([AUDIT, WARN])
  })

  it('treats an invalid version as latest, and keeps a future version as written', () => {
    const invalid = policyToEvaluate({ [ENFORCE]: 'baseline', [ENFORCE_VERSION]: 'v1.025' })
    expect(invalid.policy.enforce).toEqual({ level: 'baseline', version: 'latest' })
    expect(invalid.errors.map((e) => e.message)).toEqual([
      'metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "v1.025": must be "latest" or "v1.x"',
    ])
    expect(policyToEvaluate({ [ENFORCE_VERSION]: 'v1.99' }).policy.enforce.version).toBe('v1.99')
  })

  it('quotes label values as Go %q does', () => {
    const { errors } = policyToEvaluate({ [WARN]: 'a "b"\n' })
    expect(errors[0]?.message).toBe(
      'metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: "a \\"b\\"\\n": must be one of privileged, baseline, restricted',
    )
  })

  it('always returns a complete policy, and errors only for labels it could not parse', () => {
    const value = fc.oneof(
      fc.constantFrom('privileged', 'baseline', 'restricted', 'latest', 'v1.0', 'v1.37', ''),
      fc.string(),
    )
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...POD_SECURITY_LABELS), value), (labels) => {
        const { policy, errors } = policyToEvaluate(labels as NamespaceLabels)
        for (const mode of ['enforce', 'audit', 'warn'] as const) {
          expect(['privileged', 'baseline', 'restricted']).toContain(policy[mode].level)
        }
        const valid = readValidPodSecurityLabels(labels)
        expect(errors.length).toBe(Object.keys(labels).length - Object.keys(valid).length)
      }),
    )
  })
})
