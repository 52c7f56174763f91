import { describe, expect, it } from 'vitest'
import type { Advisory, Path, PodTemplateInput, Range } from '../types.ts'
import { adviseWorkload } from './advise.ts'

const located: string[] = []
function locate(path: Path): Range {
  const key = path.join('.')
  if (!located.includes(key)) located.push(key)
  const index = located.indexOf(key)
  return [index, index + 1]
}

/** `code container@path` per advisory, for compact comparisons. */
const summary = (advisories: Advisory[]) =>
  advisories.map((a) => `${a.code} ${a.container ?? '-'}@${located[a.range[0]]}`)

/** A container that triggers no advisory. */
const hardened = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  resources: { limits: { memory: '128Mi', cpu: '1' } },
  securityContext: { readOnlyRootFilesystem: true, runAsUser: 1000 },
  ...extra,
})

function pod(spec: Record<string, unknown>): PodTemplateInput {
  return { metadata: {}, spec: { automountServiceAccountToken: false, ...spec } }
}

describe('adviseWorkload', () => {
  it('gives no advice for a hardened pod', () => {
    expect(adviseWorkload(pod({ containers: [hardened('a')] }), locate)).toEqual([])
  })

  it('reports every container-level code with a range, why and docs link', () => {
    const input: PodTemplateInput = {
      metadata: {},
      spec: {
        volumes: [
          { name: 'host', hostPath: { path: '/var/run' } },
          { name: 'tmp', emptyDir: {} },
        ],
        containers: [
          {
            name: 'app',
            volumeMounts: [
              { name: 'tmp', mountPath: '/tmp' },
              { name: 'host', mountPath: '/host' },
              { name: 'host', mountPath: '/ro', readOnly: true },
            ],
            securityContext: { privileged: true, capabilities: { drop: ['All'] } },
          },
        ],
      },
    }
    const advisories = adviseWorkload(input, locate)
    expect(summary(advisories)).toEqual([
      'automount-token-unset -@spec.automountServiceAccountToken',
      'readonly-root-fs app@spec.containers.0.securityContext.readOnlyRootFilesystem',
      'no-memory-limit app@spec.containers.0.resources.limits.memory',
      'no-resource-requests app@spec.containers.0.resources.requests',
      'run-as-user-unset app@spec.containers.0.securityContext.runAsUser',
      'writable-host-path app@spec.containers.0.volumeMounts.1',
      'privileged-ape-unset app@spec.containers.0.securityContext.privileged',
      'drop-all-case app@spec.containers.0.securityContext.capabilities.drop.0',
    ])
    for (const advisory of advisories) {
      expect(advisory.why).not.toBe('')
      expect(advisory.docs).toMatch(/^https:\/\/kubernetes\.io\/docs\//)
    }
    expect(advisories.find((a) => a.code === 'writable-host-path')?.message).toBe(
      'Container "app" mounts hostPath volume "host" (/var/run) read-write',
    )
    expect(advisories.find((a) => a.code === 'no-resource-requests')?.message).toBe(
      'Container "app" has no CPU or memory request',
    )
  })

  it('counts a limit as the request and names only the missing one', () => {
    const input = pod({
      containers: [hardened('a', { resources: { limits: { memory: '1Gi' }, requests: {} } })],
    })
    expect(adviseWorkload(input, locate).map((a) => a.message)).toEqual([
      'Container "a" has no CPU request',
    ])
  })

  it('visits init, regular and ephemeral containers, without resource advice for ephemeral ones', () => {
    const input = pod({
      initContainers: [hardened('i', { securityContext: { runAsUser: 1 } })],
      containers: [hardened('c')],
      ephemeralContainers: [{ name: 'e', securityContext: { readOnlyRootFilesystem: true } }],
    })
    expect(summary(adviseWorkload(input, locate))).toEqual([
      'readonly-root-fs i@spec.initContainers.0.securityContext.readOnlyRootFilesystem',
      'run-as-user-unset e@spec.ephemeralContainers.0.securityContext.runAsUser',
    ])
  })

  it('takes runAsUser from the pod level and skips Linux-only advice on Windows pods', () => {
    const podUser = pod({
      securityContext: { runAsUser: 1000 },
      containers: [hardened('a', { securityContext: { readOnlyRootFilesystem: true } })],
    })
    expect(adviseWorkload(podUser, locate)).toEqual([])
    const windows = pod({
      os: { name: 'windows' },
      containers: [hardened('w', { securityContext: { capabilities: { drop: ['all'] } } })],
    })
    expect(adviseWorkload(windows, locate)).toEqual([])
  })
})
