import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyze, MAX_SOURCE_LENGTH } from './analyze.ts'
import type { Analysis, ContainerAnalysis } from './types.ts'

const corpus = import.meta.glob<string>('./testdata/corpus/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})

function only(analysis: Analysis): ContainerAnalysis {
  const container = analysis.workloads[0]?.containers[0]
  if (!container) throw new Error(`no container found: ${JSON.stringify(analysis.diagnostics)}`)
  return container
}

function pod(securityContext: string, podSecurityContext = ''): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: demo',
    'spec:',
    ...(podSecurityContext
      ? ['  securityContext:', ...podSecurityContext.split('\n').map((l) => `    ${l}`)]
      : []),
    '  containers:',
    '    - name: app',
    '      image: nginx',
    ...(securityContext
      ? ['      securityContext:', ...securityContext.split('\n').map((l) => `        ${l}`)]
      : []),
    '',
  ].join('\n')
}

describe('the classic capability examples on containerd, as root', () => {
  it('runtime defaults give CapEff 00000000a80425fb', () => {
    const caps = only(analyze(pod(''))).capabilities
    expect(caps.CapEff).toBe('00000000a80425fb')
    expect(caps.CapPrm).toBe('00000000a80425fb')
    expect(caps.CapBnd).toBe('00000000a80425fb')
    expect(caps.CapInh).toBe('0000000000000000')
    expect(caps.CapAmb).toBe('0000000000000000')
  })

  it('drop ALL gives 0000000000000000', () => {
    expect(only(analyze(pod('capabilities:\n  drop: [ALL]'))).capabilities.CapEff).toBe(
      '0000000000000000',
    )
  })

  it('drop ALL + add NET_BIND_SERVICE gives 0000000000000400', () => {
    const container = only(analyze(pod('capabilities:\n  drop: [ALL]\n  add: [NET_BIND_SERVICE]')))
    expect(container.capabilities.CapEff).toBe('0000000000000400')
    expect(container.capabilities.names.CapEff).toEqual(['CAP_NET_BIND_SERVICE'])
  })

  it('privileged on a 3.16–5.7 kernel gives 0000003fffffffff', () => {
    const caps = only(analyze(pod('privileged: true'), { kernel: '5.4' })).capabilities
    expect(caps.CapEff).toBe('0000003fffffffff')
  })

  it('switching the runtime to CRI-O gives its 9 defaults, 00000000000005fb', () => {
    expect(only(analyze(pod(''), { runtime: 'cri-o' })).capabilities.CapEff).toBe(
      '00000000000005fb',
    )
  })

  it('a non-root runAsUser keeps only the bounding set', () => {
    const caps = only(analyze(pod('runAsUser: 1000'))).capabilities
    expect(caps.CapEff).toBe('0000000000000000')
    expect(caps.CapBnd).toBe('00000000a80425fb')
  })

  it('a non-root image USER applies when runAsUser is unset', () => {
    const caps = only(analyze(pod(''), { imageUser: 65532 })).capabilities
    expect(caps.CapEff).toBe('0000000000000000')
    expect(caps.uid).toBe(65532)
  })

  it('an image USER given by name (not root) is non-root: only the bounding set remains', () => {
    const caps = only(analyze(pod(''), { imageUser: 'nginx' })).capabilities
    expect(caps.CapEff).toBe('0000000000000000')
    expect(caps.explanation.join(' ')).toContain('user "nginx"')
  })
})

describe('effective security context (kubernetes pkg/securitycontext/util.go)', () => {
  it('the container value wins over the pod value, and each value says where it came from', () => {
    const container = only(
      analyze(pod('runAsUser: 2000', 'runAsUser: 1000\nrunAsGroup: 3000\nfsGroup: 2000')),
    )
    expect(container.settings.runAsUser).toMatchObject({ value: 2000, source: 'container' })
    expect(container.settings.runAsGroup).toMatchObject({ value: 3000, source: 'pod' })
    expect(container.settings.fsGroup).toMatchObject({ value: 2000, source: 'pod' })
    expect(container.settings.privileged).toMatchObject({ value: false, source: 'default' })
  })

  it('points each written value at its place in the source', () => {
    const source = pod('runAsUser: 2000', 'runAsUser: 1000')
    const setting = only(analyze(source)).settings.runAsUser
    expect(setting.range && source.slice(setting.range[0], setting.range[1])).toBe(
      'runAsUser: 2000',
    )
  })

  it('unset allowPrivilegeEscalation is true, with the reason', () => {
    const setting = only(analyze(pod(''))).settings.allowPrivilegeEscalation
    expect(setting).toMatchObject({ value: true, source: 'default' })
    expect(setting.note).toMatch(/no_new_privs/)
  })

  it('unset seccomp is Unconfined unless the kubelet seccompDefault is on', () => {
    expect(only(analyze(pod(''))).settings.seccompProfile.value).toEqual({ type: 'Unconfined' })
    expect(only(analyze(pod(''), { seccompDefault: true })).settings.seccompProfile.value).toEqual({
      type: 'RuntimeDefault',
    })
  })

  it('privileged containers never get a seccomp filter or a default AppArmor profile', () => {
    const settings = only(analyze(pod('privileged: true'), { seccompDefault: true })).settings
    expect(settings.seccompProfile.value).toEqual({ type: 'Unconfined' })
    expect(settings.appArmorProfile.value).toEqual({ type: 'Unconfined' })
  })

  it('AppArmor defaults to the runtime profile only when the node has AppArmor', () => {
    expect(only(analyze(pod(''))).settings.appArmorProfile.value).toEqual({
      type: 'RuntimeDefault',
    })
    expect(only(analyze(pod(''), { appArmor: false })).settings.appArmorProfile.value).toEqual({
      type: 'Unconfined',
    })
  })

  // The seccomp annotations are non-functional since 1.27 (kubernetes#114947); the AppArmor one is
  // still synced and read (pkg/security/apparmor/helpers.go, GetProfile).
  it('ignores the legacy seccomp annotation but honours the AppArmor one when the fields are unset', () => {
    const source = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: legacy',
      '  annotations:',
      '    seccomp.security.alpha.kubernetes.io/pod: runtime/default',
      '    container.apparmor.security.beta.kubernetes.io/app: localhost/my-profile',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: nginx',
      '',
    ].join('\n')
    const settings = only(analyze(source)).settings
    expect(settings.seccompProfile).toMatchObject({
      value: { type: 'Unconfined' },
      source: 'default',
      note: expect.stringContaining('no effect since Kubernetes 1.27'),
    })
    expect(settings.appArmorProfile.value).toEqual({
      type: 'Localhost',
      localhostProfile: 'my-profile',
    })
  })

  it('the image user is an assumption the user can change', () => {
    // The default is "unknown": the manifest alone does not say what the image's USER is.
    expect(only(analyze(pod(''))).settings.runAsUser).toMatchObject({
      value: null,
      source: 'default',
    })
    expect(only(analyze(pod(''), { imageUser: 0 })).settings.runAsUser).toMatchObject({
      value: 0,
      source: 'default',
    })
  })
})

describe('diagnostics', () => {
  it('reports YAML syntax errors with offsets and keeps going', () => {
    const analysis = analyze('apiVersion: v1\nkind: Pod\nspec: [\n')
    const error = analysis.diagnostics.find((d) => d.code === 'yaml-syntax')
    expect(error?.severity).toBe('error')
    expect(error?.range[0]).toBeGreaterThan(0)
  })

  it('names documents that are not workloads without calling them errors', () => {
    const analysis = analyze('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n')
    expect(analysis.diagnostics).toEqual([
      expect.objectContaining({
        code: 'not-a-workload',
        severity: 'info',
        message: expect.stringContaining('Service "web"'),
      }),
    ])
  })

  it('reports wrongly typed fields and ignores them', () => {
    const analysis = analyze(pod('privileged: "yes"'))
    expect(analysis.diagnostics.map((d) => d.code)).toContain('invalid-type')
    expect(only(analysis).settings.privileged.source).toBe('default')
  })

  it('reports what the API server refuses, in its words', () => {
    const messages = analyze(
      pod('privileged: true\nallowPrivilegeEscalation: false'),
    ).diagnostics.map((d) => d.message)
    expect(messages).toContainEqual(
      expect.stringContaining(
        'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
      ),
    )
    const sysAdmin = analyze(
      pod('allowPrivilegeEscalation: false\ncapabilities:\n  add: [CAP_SYS_ADMIN]'),
    ).diagnostics
    expect(sysAdmin.map((d) => d.message)).toContainEqual(
      expect.stringContaining('`capabilities.Add` CAP_SYS_ADMIN'),
    )
    const unmasked = analyze(pod('procMount: Unmasked')).diagnostics
    expect(unmasked.map((d) => d.message)).toContainEqual(
      expect.stringContaining('`hostUsers` must be false to use `Unmasked`'),
    )
  })

  it('reports the kubelet refusing runAsNonRoot only when the image is said to run as root', () => {
    // With the image USER unknown (the default) it is a notice of what the image must be.
    expect(analyze(pod('runAsNonRoot: true')).diagnostics).toEqual([
      expect.objectContaining({
        code: 'run-as-non-root-image-unknown',
        severity: 'info',
        assumption: 'imageUser',
        message: expect.stringContaining(
          "starts only if the image's USER is a numeric non-zero UID",
        ),
      }),
    ])
    const asRoot = analyze(pod('runAsNonRoot: true'), { imageUser: 0 }).diagnostics
    expect(asRoot).toEqual([
      expect.objectContaining({
        severity: 'error',
        assumption: 'imageUser',
        message: expect.stringContaining('container has runAsNonRoot and image will run as root'),
      }),
    ])
    expect(analyze(pod('runAsNonRoot: true'), { imageUser: 1000 }).diagnostics).toEqual([])
    expect(
      analyze(pod('runAsNonRoot: true\nrunAsUser: 0')).diagnostics.map((d) => d.message),
    ).toContainEqual(expect.stringContaining("container's runAsUser breaks non-root policy"))
  })
})

describe('workload discovery', () => {
  it('finds pod templates in every workload kind, List items and JSON', () => {
    const containers = 'containers: [{name: c, image: i}]'
    const docs = [
      `kind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      ${containers}`,
      `kind: CronJob\nmetadata: {name: cj}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          ${containers}`,
      `kind: PodTemplate\nmetadata: {name: pt}\ntemplate:\n  spec:\n    ${containers}`,
      `kind: List\nitems:\n  - kind: Job\n    metadata: {name: j}\n    spec:\n      template:\n        spec:\n          ${containers}`,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'c' }] },
      }),
    ]
    const analysis = analyze(docs.join('\n---\n'))
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(analysis.workloads.map((w) => `${w.kind}/${w.name}/${w.document}`)).toEqual([
      'Deployment/d/0',
      'CronJob/cj/1',
      'PodTemplate/pt/2',
      'Job/j/3',
      'Pod/p/4',
    ])
    expect(analysis.workloads.every((w) => w.containers.length === 1)).toBe(true)
  })

  it('labels init, regular and ephemeral containers', () => {
    const source = [
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  initContainers: [{name: init}]',
      '  containers: [{name: main}]',
      '  ephemeralContainers: [{name: debug}]',
    ].join('\n')
    expect(analyze(source).workloads[0]?.containers.map((c) => `${c.type}:${c.name}`)).toEqual([
      'initContainer:init',
      'container:main',
      'ephemeralContainer:debug',
    ])
  })
})

/** Workloads and (init + regular) containers per file: testdata/corpus/README.md, Summary. */
const CORPUS_EXPECTATIONS: Record<string, [workloads: number, init: number, regular: number]> = {
  'GoogleCloudPlatform_microservices-demo_kubernetes-manifests.yaml': [12, 1, 12],
  'kubernetes_ingress-nginx_deploy.yaml': [3, 0, 3],
  'argoproj_argo-cd_namespace-install.yaml': [7, 3, 7],
  'metallb_metallb_metallb-frr.yaml': [2, 3, 5],
  'prometheus-operator_kube-prometheus_nodeExporter-daemonset.yaml': [1, 0, 2],
  'flannel-io_flannel_kube-flannel.yaml': [1, 2, 1],
  'kubernetes_examples_cassandra-statefulset.yaml': [1, 0, 1],
  'kubernetes_examples_guestbook-all-in-one.yaml': [3, 0, 3],
  'kubernetes-sigs_descheduler_cronjob.yaml': [1, 0, 1],
  'kubernetes_website_security-context-2.yaml': [1, 0, 1],
}

describe('the real-world corpus (testdata/corpus)', () => {
  it('holds the ten files the expectations name', () => {
    expect(
      Object.keys(corpus)
        .map((path) => path.split('/').pop())
        .sort(),
    ).toEqual(Object.keys(CORPUS_EXPECTATIONS).sort())
  })

  it.each(Object.entries(corpus))(
    '%s analyses with no syntax error and finds every container',
    (path, text) => {
      const file = path.split('/').pop() ?? ''
      const [workloads, init, regular] = CORPUS_EXPECTATIONS[file] ?? [NaN, NaN, NaN]
      const analysis = analyze(text)
      expect(analysis.diagnostics.filter((d) => d.source === 'yaml')).toEqual([])
      expect(
        analysis.diagnostics.filter(
          (d) => d.code === 'internal-error' || d.code === 'invalid-type',
        ),
      ).toEqual([])
      expect(analysis.workloads).toHaveLength(workloads)
      const containers = analysis.workloads.flatMap((w) => w.containers)
      expect(containers.filter((c) => c.type === 'initContainer')).toHaveLength(init)
      expect(containers.filter((c) => c.type === 'container')).toHaveLength(regular)
      for (const container of containers) {
        expect(container.capabilities.CapBnd).toMatch(/^[0-9a-f]{16}$/)
        expect(text.slice(container.range[0], container.range[1])).toContain(container.name)
      }
    },
  )

  it('the documentation override example runs as UID 2000 (container wins)', () => {
    const text = corpus['./testdata/corpus/kubernetes_website_security-context-2.yaml'] ?? ''
    expect(only(analyze(text)).settings.runAsUser).toMatchObject({
      value: 2000,
      source: 'container',
    })
  })

  it('flannel adds NET_ADMIN and NET_RAW: a80435fb on containerd, 35fb on CRI-O', () => {
    const text = corpus['./testdata/corpus/flannel-io_flannel_kube-flannel.yaml'] ?? ''
    const flannel = (runtime: 'containerd' | 'cri-o') =>
      analyze(text, { runtime }).workloads[0]?.containers.find((c) => c.name === 'kube-flannel')
        ?.capabilities.CapEff
    expect(flannel('containerd')).toBe('00000000a80435fb')
    expect(flannel('cri-o')).toBe('00000000000035fb')
  })
})

describe('robustness: analyze never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const analysis = analyze(text)
        expect(Array.isArray(analysis.workloads)).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('on mutated corpus manifests (lines deleted, duplicated or replaced)', () => {
    const texts = Object.values(corpus).filter((t) => t.length < 10_000)
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom('delete', 'duplicate', 'replace'),
            fc.string({ maxLength: 20 }),
          ),
          {
            maxLength: 8,
          },
        ),
        (text, mutations) => {
          const lines = text.split('\n')
          for (const [at, kind, filler] of mutations) {
            const i = at % lines.length
            if (kind === 'delete') lines.splice(i, 1)
            else if (kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '')
            else lines[i] = `${(lines[i] ?? '').replace(/:.*/, ':')} ${filler}`
          }
          const analysis = analyze(lines.join('\n'))
          expect(analysis.workloads.every((w) => Array.isArray(w.containers))).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('on wrongly typed values anywhere in a pod', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(
          'spec',
          'containers',
          'securityContext',
          'capabilities',
          'volumes',
          'metadata',
        ),
        (value, where) => {
          const base: Record<string, unknown> = {
            kind: 'Pod',
            metadata: { name: 'p' },
            spec: { containers: [{ name: 'c', securityContext: {} }] },
          }
          const spec = base.spec as Record<string, unknown>
          const container = (spec.containers as Record<string, unknown>[])[0] as Record<
            string,
            unknown
          >
          if (where === 'spec') base.spec = value
          else if (where === 'containers') spec.containers = value
          else if (where === 'securityContext') container.securityContext = value
          else if (where === 'capabilities') container.securityContext = { capabilities: value }
          else if (where === 'volumes') spec.volumes = value
          else base.metadata = value
          expect(() => analyze(JSON.stringify(base))).not.toThrow()
        },
      ),
      { numRuns: 500 },
    )
  })

  it('declines text over the size limit with a clear message instead of stalling', () => {
    const huge = `# ${'x'.repeat(MAX_SOURCE_LENGTH)}\n`
    const analysis = analyze(huge)
    expect(analysis.workloads).toEqual([])
    expect(analysis.diagnostics).toEqual([
      expect.objectContaining({ code: 'too-large', severity: 'warning' }),
    ])
  })

  it('on alias bombs and very deep nesting', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n')
    expect(analyze(bomb).diagnostics.length).toBeGreaterThan(0)
    expect(() => analyze('['.repeat(20_000))).not.toThrow()
    expect(() => analyze('- '.repeat(5_000) + 'x')).not.toThrow()
  })
})

describe('fixes on request', () => {
  const stripFixes = (analysis: Analysis): Analysis =>
    JSON.parse(
      JSON.stringify(analysis, (key, value: unknown) => (key === 'fix' ? undefined : value)),
    )

  it.each(Object.entries(corpus))(
    '%s: without { fixes: true } no fix is built, and the rest is the same',
    (_, text) => {
      const plain = analyze(text)
      const withFixes = analyze(text, {}, { fixes: true })
      expect(JSON.stringify(plain)).not.toContain('"fix"')
      expect(JSON.stringify(withFixes)).toContain('"fix"')
      expect(plain).toEqual(stripFixes(withFixes))
    },
  )
})
