// The example gallery (public/examples) teaches by showing: each file must analyse cleanly, and
// what index.json says about it must be what the analysis shows. The gallery shows the level
// index.json declares; this test is what keeps that declaration true.
import { describe, expect, it } from 'vitest'
import { analyze } from './analyze.ts'
import type {
  AnalysisOptions,
  CheckId,
  ContainerAnalysis,
  ContainerRuntime,
  PssLevel,
  Workload,
} from './types.ts'

const FILES = import.meta.glob<string>('/public/examples/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})
const INDEX_TEXT = Object.values(
  import.meta.glob<string>('/public/examples/index.json', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)[0]

interface Entry {
  title: string
  file: string
  topic: string
  level: PssLevel
  description: string
}

const LEVELS: readonly PssLevel[] = ['privileged', 'baseline', 'restricted']
const isLevel = (value: unknown): value is PssLevel => LEVELS.includes(value as PssLevel)

function parseIndex(text: string | undefined): Entry[] {
  const data: unknown = JSON.parse(text ?? 'null')
  if (!Array.isArray(data)) throw new Error('index.json is not an array')
  return data.map((item: unknown, i) => {
    const entry = item as Partial<Record<keyof Entry, unknown>>
    if (
      typeof entry.title !== 'string' ||
      typeof entry.file !== 'string' ||
      typeof entry.topic !== 'string' ||
      !isLevel(entry.level) ||
      typeof entry.description !== 'string'
    ) {
      throw new Error(`index.json entry ${i} lacks title, file, topic, level or description`)
    }
    const { title, file, topic, level, description } = entry
    return { title, file, topic, level, description }
  })
}

// The real-world manifests the analysis is tested on (src/core/testdata/corpus, with its origins).
const CORPUS = Object.values(
  import.meta.glob<string>('/src/core/testdata/corpus/*.yaml', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)

const INDEX = parseIndex(INDEX_TEXT)
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1)
const SOURCES = new Map(Object.entries(FILES).map(([path, text]) => [fileName(path), text]))

const DECLARED_LEVEL = new Map(INDEX.map((entry) => [entry.file, entry.level]))

/** The level a whole manifest reaches: that of its least secure workload. */
function manifestLevel(file: string): PssLevel | undefined {
  const workloads = analyze(SOURCES.get(file) ?? '', { kubernetesVersion: 'latest' }).workloads
  const ranks = workloads.map((w) => LEVELS.indexOf(w.podSecurity.level))
  return ranks.length === 0 ? undefined : LEVELS[Math.min(...ranks)]
}

const RUNTIMES: readonly ContainerRuntime[] = ['containerd', 'cri-o', 'docker']

function only(file: string, options: Partial<AnalysisOptions> = {}): Workload {
  const workloads = analyze(SOURCES.get(file) ?? '', {
    kubernetesVersion: 'latest',
    ...options,
  }).workloads
  expect(workloads, file).toHaveLength(1)
  const [workload] = workloads
  if (workload === undefined) throw new Error(`${file}: no workload`)
  return workload
}

function container(workload: Workload, name: string): ContainerAnalysis {
  const found = workload.containers.find((c) => c.name === name)
  if (found === undefined) throw new Error(`no container ${name} in ${workload.name}`)
  return found
}

const failing = (workload: Workload): CheckId[] =>
  workload.podSecurity.checks.filter((c) => !c.allowed).map((c) => c.id)

describe('public/examples/index.json', () => {
  it('lists every example file once, and only files that exist', () => {
    const listed = INDEX.map((e) => e.file)
    expect(new Set(listed).size).toBe(listed.length)
    expect([...listed].sort()).toEqual([...SOURCES.keys()].sort())
  })

  it('keeps each topic together, so the gallery groups in file order', () => {
    const topics = INDEX.map((e) => e.topic).filter((t, i, all) => t !== all[i - 1])
    expect(new Set(topics).size).toBe(topics.length)
  })

  it('gives every entry a title and a one-sentence-or-so description', () => {
    for (const entry of INDEX) {
      expect(entry.title.trim(), entry.file).not.toBe('')
      expect(entry.description.trim().length, entry.file).toBeGreaterThan(10)
    }
  })
})

describe.each([...SOURCES.keys()].sort())('example %s', (file) => {
  it('analyses without YAML, schema or API-server errors, into at least one workload', () => {
    const analysis = analyze(SOURCES.get(file) ?? '', { kubernetesVersion: 'latest' })
    const errors = analysis.diagnostics.filter(
      (d) =>
        d.severity === 'error' &&
        (d.source === 'yaml' || d.source === 'schema' || d.source === 'api-server'),
    )
    expect(errors).toEqual([])
    expect(analysis.workloads.length).toBeGreaterThan(0)
  })

  it('reaches the Pod Security level index.json declares, at latest', () => {
    expect(manifestLevel(file)).toBe(DECLARED_LEVEL.get(file))
  })
})

describe('claims in index.json descriptions and example comments', () => {
  it('"Fails baseline" and "passes restricted" in a description agree with the expected level', () => {
    for (const { file, description } of INDEX) {
      if (/fails baseline/i.test(description))
        expect(DECLARED_LEVEL.get(file), file).toBe('privileged')
      if (/passes restricted/i.test(description)) {
        expect(DECLARED_LEVEL.get(file), file).toBe('restricted')
      }
    }
  })

  it('real-world examples are corpus files, unchanged below a two-line source comment', () => {
    const real = INDEX.filter((e) => e.topic === 'Real-world manifests')
    expect(real.length).toBeGreaterThanOrEqual(3)
    for (const { file } of real) {
      const [first = '', second = '', ...body] = (SOURCES.get(file) ?? '').split('\n')
      expect(first, file).toMatch(/^# Real-world example: [\w.-]+\/[\w.-]+, \S+/)
      expect(`${first} ${second.slice(1)}`, file).toMatch(/@ [0-9a-f]{7}\s+\(Apache-2\.0\)/)
      expect(second, file).toMatch(/Unchanged below this comment\.$/)
      expect(CORPUS, file).toContain(body.join('\n'))
    }
  })

  it('runtime-defaults: 14 default capabilities on containerd and Docker, 9 on CRI-O (reference §2)', () => {
    const counts = RUNTIMES.map(
      (runtime) =>
        container(only('runtime-defaults.yaml', { runtime }), 'app').capabilities.names.CapEff
          .length,
    )
    expect(counts).toEqual([14, 9, 14])
    const settings = container(only('runtime-defaults.yaml'), 'app').settings
    expect(settings.allowPrivilegeEscalation.source).toBe('default')
    expect(settings.seccompProfile.source).toBe('default')
  })

  it('drop-all: drop: [ALL] empties every set, even for root, on every runtime', () => {
    for (const runtime of RUNTIMES) {
      const caps = container(only('drop-all.yaml', { runtime, imageUser: 0 }), 'app').capabilities
      expect([caps.CapInh, caps.CapPrm, caps.CapEff, caps.CapBnd, caps.CapAmb], runtime).toEqual(
        Array(5).fill('0000000000000000'),
      )
    }
  })

  it('drop-all-net-bind-service: NET_BIND_SERVICE is the capability restricted lets you add back', () => {
    const workload = only('drop-all-net-bind-service.yaml')
    expect(failing(workload)).not.toContain('capabilities_restricted')
    expect(container(workload, 'web').capabilities.CapEff).toBe('0000000000000400')
  })

  it('privileged: every capability the kernel has, and baseline fails on privileged', () => {
    const workload = only('privileged.yaml', { kernel: '6.8', imageUser: 0 })
    expect(failing(workload)).toContain('privileged')
    expect(container(workload, 'admin').capabilities.CapEff).toBe('000001ffffffffff')
  })

  it('host-namespaces: hostNetwork, hostPID, hostIPC and the hostPort each fail baseline', () => {
    const workload = only('host-namespaces.yaml')
    expect(failing(workload)).toEqual(expect.arrayContaining(['hostNamespaces', 'hostPorts']))
    const detail = workload.podSecurity.checks.find((c) => c.id === 'hostNamespaces')?.detail
    expect(detail).toBe('hostNetwork=true, hostPID=true, hostIPC=true')
  })

  it('host-path: the hostPath volume is what fails baseline', () => {
    expect(failing(only('host-path.yaml'))).toContain('hostPathVolumes')
  })

  it('hardened-deployment: restricted with no finding, no capabilities, read-only root', () => {
    const workload = only('hardened-deployment.yaml')
    expect(failing(workload)).toEqual([])
    const app = container(workload, 'app')
    expect(app.capabilities.CapBnd).toBe('0000000000000000')
    expect(app.capabilities.noNewPrivs).toBe(1)
    expect(app.settings.readOnlyRootFilesystem.value).toBe(true)
    expect(app.settings.runAsNonRoot.value).toBe(true)
    expect(workload.advisories).toEqual([])
  })

  it('resources: exactly one container lacks a memory limit, and its advice names both effects', () => {
    const advisories = only('resources.yaml').advisories
    const noLimit = advisories.filter((a) => a.code === 'no-memory-limit')
    expect(noLimit.map((a) => a.container)).toEqual(['unbounded'])
    // No CPU and no memory request: memory-pressure eviction order and the minimum CPU weight.
    const noRequests = advisories.filter((a) => a.code === 'no-resource-requests')
    expect(noRequests.map((a) => a.container)).toEqual(['unbounded'])
    expect(noRequests[0]?.why).toMatch(/evicted under memory pressure.*smallest CPU share/)
  })

  it('run-as-non-root and seccomp-runtime-default: the pod-level settings reach the container', () => {
    const nonRoot = container(only('run-as-non-root.yaml'), 'app').settings
    expect([nonRoot.runAsNonRoot.source, nonRoot.runAsUser.source]).toEqual(['pod', 'pod'])
    const seccomp = container(only('seccomp-runtime-default.yaml'), 'app').settings
    expect(seccomp.seccompProfile.source).toBe('pod')
  })

  it('kind examples: the ephemeral and init containers are found, and the RC adds SYS_TIME', () => {
    expect(only('kind-debug-ephemeral.yaml').containers.map((c) => c.type)).toEqual([
      'container',
      'ephemeralContainer',
    ])
    expect(only('kind-pod.yaml').containers.map((c) => c.type)).toEqual([
      'initContainer',
      'container',
    ])
    const rc = container(only('kind-replicationcontroller.yaml'), 'app')
    expect(rc.capabilities.added).toEqual(['CAP_SYS_TIME'])
  })
})
