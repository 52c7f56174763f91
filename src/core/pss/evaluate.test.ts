import { describe, expect, it } from 'vitest'
import type { Path, PodTemplateInput, PolicyVersion, Range } from '../types.ts'
import { checkPodAtLevel, evaluatePodSecurity } from './evaluate.ts'

// A fake source map: each path gets its own range, so tests can read back which paths were hit.
const located: string[] = []
function locate(path: Path): Range {
  const key = path.join('.')
  if (!located.includes(key)) located.push(key)
  const index = located.indexOf(key)
  return [index * 10, index * 10 + 1]
}
const pathOf = (range: Range) => located[range[0] / 10]

const restrictedContainer = (name: string) => ({
  name,
  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
})

/** A pod that passes restricted at every version (the upstream minimal restricted pod). */
function restrictedPod(extraSpec: Record<string, unknown> = {}): PodTemplateInput {
  return {
    metadata: {},
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [restrictedContainer('init')],
      containers: [restrictedContainer('app')],
      ...extraSpec,
    },
  }
}

const windowsPod = (os: string | undefined) => ({
  metadata: {},
  spec: {
    ...(os === undefined ? {} : { os: { name: os } }),
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Unconfined' } },
    containers: [{ name: 'win', securityContext: { capabilities: { add: ['NET_RAW'] } } }],
  },
})

describe('evaluatePodSecurity', () => {
  it('reports restricted with no messages for the minimal restricted pod', () => {
    const result = evaluatePodSecurity(restrictedPod(), 'latest', locate)
    expect(result.level).toBe('restricted')
    expect(result.message).toEqual({})
    expect(result.checks.every((check) => check.allowed && check.ranges.length === 0)).toBe(true)
  })

  it('lists checks as baseline IDs then restricted IDs, byte-sorted, overridden ones included', () => {
    const result = evaluatePodSecurity(restrictedPod(), 'v1.37', locate)
    expect(result.checks.map((check) => `${check.level}:${check.id}`)).toEqual([
      'baseline:appArmorProfile',
      'baseline:capabilities_baseline',
      'baseline:hostNamespaces',
      'baseline:hostPathVolumes',
      'baseline:hostPorts',
      'baseline:hostProbesAndHostLifecycle',
      'baseline:privileged',
      'baseline:procMount',
      'baseline:seLinuxOptions',
      'baseline:seccompProfile_baseline',
      'baseline:sysctls',
      'baseline:windowsHostProcess',
      'restricted:allowPrivilegeEscalation',
      'restricted:capabilities_restricted',
      'restricted:procMount_restricted',
      'restricted:restrictedVolumes',
      'restricted:runAsNonRoot',
      'restricted:runAsUser',
      'restricted:seccompProfile_restricted',
    ])
  })

  it.each([
    ['v1.0', 13],
    ['v1.8', 14],
    ['v1.19', 15],
    ['v1.22', 16],
    ['v1.23', 17],
    ['v1.34', 18],
    ['v1.35', 19],
  ] as const)('runs only the checks that exist at %s (%i)', (version, count) => {
    expect(evaluatePodSecurity(restrictedPod(), version, locate).checks).toHaveLength(count)
  })

  it('orders failures by check ID, seLinuxOptions before seccompProfile_baseline', () => {
    const input = {
      metadata: {},
      spec: {
        hostPID: true,
        securityContext: {
          seccompProfile: { type: 'Unconfined' },
          seLinuxOptions: { user: 'x' },
          sysctls: [{ name: 'kernel.msgmax' }],
        },
        containers: [{ name: 'a', securityContext: { privileged: true } }],
      },
    }
    const result = checkPodAtLevel(input, 'baseline', 'v1.30')
    expect(result.failures.map((f) => f.id)).toEqual([
      'hostNamespaces',
      'privileged',
      'seLinuxOptions',
      'seccompProfile_baseline',
      'sysctls',
    ])
    expect(result.detailedMessage).toBe(
      'host namespaces (hostPID=true), privileged (container "a" must not set securityContext.privileged=true), seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: user may not be set), seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined"), forbidden sysctls (kernel.msgmax)',
    )
  })

  it('writes the enforce text for Pods, the warning for controllers, and a bare text otherwise', () => {
    const input = restrictedPod({ hostNetwork: true })
    const detail = 'host namespaces (hostNetwork=true)'
    expect(
      evaluatePodSecurity(input, 'latest', locate, { kind: 'Pod', name: 'web' }).message,
    ).toEqual({
      baseline: `pods "web" is forbidden: violates PodSecurity "baseline:latest": ${detail}`,
      restricted: `pods "web" is forbidden: violates PodSecurity "restricted:latest": ${detail}`,
    })
    const deployment = evaluatePodSecurity(input, 'v1.30', locate, {
      kind: 'Deployment',
      name: 'web',
    })
    expect(deployment.message.baseline).toBe(
      `would violate PodSecurity "baseline:v1.30": ${detail}`,
    )
    expect(evaluatePodSecurity(input, 'v1.30', locate).message.restricted).toBe(
      `violates PodSecurity "restricted:v1.30": ${detail}`,
    )
    expect(deployment.level).toBe('privileged')
  })

  it('reports baseline when only restricted checks fail', () => {
    const input = restrictedPod({ containers: [{ name: 'app' }] })
    const result = evaluatePodSecurity(input, 'latest', locate, { kind: 'Job', name: 'j' })
    expect(result.level).toBe('baseline')
    expect(result.message.baseline).toBeUndefined()
    expect(result.message.restricted).toBe(
      'would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"])',
    )
  })

  it('clamps latest and future versions to v1.37 but prints the requested label', () => {
    const input = restrictedPod({
      securityContext: { sysctls: [{ name: 'net.ipv4.tcp_notsent_lowat' }, { name: 'x' }] },
    })
    for (const version of ['latest', 'v1.99'] as const) {
      const result = evaluatePodSecurity(input, version, locate)
      expect(result.version).toBe(version)
      expect(result.rulesVersion).toBe('v1.37')
      expect(result.message.baseline).toBe(
        `violates PodSecurity "baseline:${version}": forbidden sysctls (x)`,
      )
    }
    expect(evaluatePodSecurity(input, 'v1.36', locate).message.baseline).toBe(
      'violates PodSecurity "baseline:v1.36": forbidden sysctls (net.ipv4.tcp_notsent_lowat, x)',
    )
  })

  it('evaluates an invalid version as latest', () => {
    const result = evaluatePodSecurity(restrictedPod(), 'v1.01' as PolicyVersion, locate)
    expect(result.rulesVersion).toBe('v1.37')
  })

  it('allows everything at privileged', () => {
    const input = {
      metadata: {},
      spec: { hostPID: true, containers: [{ name: 'a', securityContext: { privileged: true } }] },
    }
    expect(checkPodAtLevel(input, 'privileged', 'latest')).toEqual({
      allowed: true,
      failures: [],
      detailedMessage: '',
    })
    expect(evaluatePodSecurity(input, 'latest', locate).level).toBe('privileged')
  })

  it('points ranges at the offending fields', () => {
    const input = {
      metadata: {
        annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' },
      },
      spec: {
        volumes: [
          { name: 'ok', emptyDir: {} },
          { name: 'host', hostPath: { path: '/' } },
        ],
        containers: [
          {
            name: 'app',
            ports: [{ containerPort: 1 }, { hostPort: 8080 }],
            securityContext: { privileged: true },
          },
        ],
      },
    }
    const result = evaluatePodSecurity(input, 'latest', locate)
    const paths = (id: string) => result.checks.find((check) => check.id === id)?.ranges.map(pathOf)
    expect(paths('appArmorProfile')).toEqual([
      'metadata.annotations.container.apparmor.security.beta.kubernetes.io/app',
    ])
    expect(paths('hostPathVolumes')).toEqual(['spec.volumes.1'])
    expect(paths('restrictedVolumes')).toEqual(['spec.volumes.1'])
    expect(paths('hostPorts')).toEqual(['spec.containers.0.ports.1.hostPort'])
    expect(paths('privileged')).toEqual(['spec.containers.0.securityContext.privileged'])
    expect(paths('allowPrivilegeEscalation')).toEqual([
      'spec.containers.0.securityContext.allowPrivilegeEscalation',
    ])
    expect(paths('runAsNonRoot')).toEqual(['spec.containers.0.securityContext.runAsNonRoot'])
    expect(paths('seccompProfile_restricted')).toEqual([
      'spec.containers.0.securityContext.seccompProfile',
    ])
  })

  it('adds scanner notes for miscased "all" and CAP_-prefixed names', () => {
    const input = restrictedPod({
      containers: [
        {
          name: 'a',
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['all'] } },
        },
        {
          name: 'b',
          securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'], add: ['CAP_NET_BIND_SERVICE'] },
          },
        },
      ],
    })
    const result = evaluatePodSecurity(input, 'latest', locate)
    const check = (id: string) => result.checks.find((c) => c.id === id)
    expect(check('capabilities_restricted')?.scannerNote).toMatch(/lowercase "all".*CAP_-prefixed/)
    expect(check('capabilities_restricted')?.ranges.map(pathOf)).toEqual([
      'spec.containers.0.securityContext.capabilities.drop.0',
      'spec.containers.1.securityContext.capabilities.add.0',
    ])
    expect(check('capabilities_baseline')?.scannerNote).toMatch(/^Admission compares exact names/)
    const clean = evaluatePodSecurity(restrictedPod({ hostIPC: true }), 'latest', locate)
    expect(clean.checks.some((c) => c.scannerNote !== undefined)).toBe(false)
  })
})

describe('Windows pods', () => {
  it('fail the skipped restricted checks at v1.24', () => {
    const result = checkPodAtLevel(windowsPod('windows'), 'restricted', 'v1.24')
    expect(result.failures.map((f) => f.id)).toEqual([
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'seccompProfile_restricted',
    ])
  })

  it.each(['v1.25', 'v1.26', 'v1.27', 'v1.28', 'latest'] as const)(
    'pass restricted at %s although baseline fails, and report restricted',
    (version) => {
      const input = windowsPod('windows')
      expect(checkPodAtLevel(input, 'restricted', version).allowed).toBe(true)
      expect(checkPodAtLevel(input, 'baseline', version).failures.map((f) => f.id)).toEqual([
        'capabilities_baseline',
        'seccompProfile_baseline',
      ])
      const result = evaluatePodSecurity(input, version, locate)
      expect(result.level).toBe('restricted')
      expect(result.message.restricted).toBeUndefined()
      expect(result.message.baseline).toMatch(/^violates PodSecurity "baseline:/)
      expect(result.checks.find((c) => c.id === 'capabilities_baseline')?.allowed).toBe(false)
    },
  )

  it('need the exact lowercase os name', () => {
    expect(checkPodAtLevel(windowsPod('Windows'), 'restricted', 'v1.25').allowed).toBe(false)
    expect(checkPodAtLevel(windowsPod(undefined), 'restricted', 'v1.25').allowed).toBe(false)
  })
})
