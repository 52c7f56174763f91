// Property tests: the evaluator and the advisories never throw, whatever JSON sits where.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PodTemplateInput, Range } from '../types.ts'
import { POLICY_VERSIONS } from '../policy-version.ts'
import { adviseWorkload } from '../advisories/advise.ts'
import { checkPodAtLevel, evaluatePodSecurity } from './evaluate.ts'

const locate = (): Range => [0, 0]
const version = fc.constantFrom(...POLICY_VERSIONS, 'v1.99' as const)

/** Runs every entry point and checks the result is well formed. */
function evaluateAll(pod: PodTemplateInput, v: (typeof POLICY_VERSIONS)[number]): void {
  const result = evaluatePodSecurity(pod, v, locate, { kind: 'Pod', name: 'p' })
  expect(['privileged', 'baseline', 'restricted']).toContain(result.level)
  expect(checkPodAtLevel(pod, 'restricted', v).allowed).toBe(result.level === 'restricted')
  expect(Array.isArray(adviseWorkload(pod, locate))).toBe(true)
}

const anyValue = fc.oneof(fc.anything(), fc.jsonValue())

describe('robustness', () => {
  it('accepts anything as metadata and spec', () => {
    fc.assert(
      fc.property(anyValue, anyValue, version, (metadata, spec, v) => {
        evaluateAll({ metadata, spec }, v)
      }),
    )
  })

  it('accepts anything as container lists, containers and their fields', () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, version, (list, container, field, v) => {
        evaluateAll(
          {
            metadata: {
              annotations: { 'container.apparmor.security.beta.kubernetes.io/a': field },
            },
            spec: {
              initContainers: list,
              containers: [container, { name: 'a', securityContext: field, ports: field }],
              ephemeralContainers: [
                { name: field, livenessProbe: field, lifecycle: { preStop: field } },
              ],
              volumes: [field, { name: 'v', hostPath: field }],
            },
          },
          v,
        )
      }),
    )
  })

  it('accepts anything inside security contexts', () => {
    const securityContext = fc.dictionary(
      fc.constantFrom(
        'privileged',
        'allowPrivilegeEscalation',
        'capabilities',
        'runAsUser',
        'runAsNonRoot',
        'seccompProfile',
        'appArmorProfile',
        'seLinuxOptions',
        'procMount',
        'windowsOptions',
        'sysctls',
        'readOnlyRootFilesystem',
      ),
      anyValue,
    )
    fc.assert(
      fc.property(
        securityContext,
        securityContext,
        anyValue,
        version,
        (podSc, containerSc, caps, v) => {
          evaluateAll(
            {
              metadata: {},
              spec: {
                securityContext: podSc,
                containers: [
                  { name: 'a', securityContext: containerSc },
                  { name: 'b', securityContext: { capabilities: { add: caps, drop: caps } } },
                ],
              },
            },
            v,
          )
        },
      ),
    )
  })

  it('treats wrongly typed values as absent', () => {
    const input = {
      metadata: { annotations: 'x' },
      spec: {
        containers: 5,
        initContainers: [
          'a string',
          { name: 7, securityContext: { privileged: 'true', capabilities: 'x' } },
        ],
        volumes: [{ name: 'v', hostPath: 'x' }],
        securityContext: { runAsUser: '0', sysctls: ['kernel.msgmax'] },
      },
    }
    expect(checkPodAtLevel(input, 'baseline', 'latest').allowed).toBe(true)
    expect(checkPodAtLevel(input, 'restricted', 'latest').detailedMessage).toBe(
      'allowPrivilegeEscalation != false (container "" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    )
  })
})
