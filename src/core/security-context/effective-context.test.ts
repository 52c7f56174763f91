import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze.ts'
import type { Analysis, AnalysisOptions, ContainerAnalysis } from '../types.ts'

function containers(analysis: Analysis): ContainerAnalysis[] {
  return analysis.workloads.flatMap((workload) => workload.containers)
}

function first(source: string, options: Partial<AnalysisOptions> = {}): ContainerAnalysis {
  const container = containers(analyze(source, options))[0]
  if (!container) throw new Error(`no container in:\n${source}`)
  return container
}

/** A Pod with optional annotations, pod securityContext lines and per-container lines. */
function pod(parts: {
  annotations?: string[]
  podSc?: string[]
  spec?: string[]
  containers?: string[][]
}): string {
  const indent = (lines: string[], by: string): string[] => lines.map((line) => by + line)
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: demo',
    ...(parts.annotations ? ['  annotations:', ...indent(parts.annotations, '    ')] : []),
    'spec:',
    ...indent(parts.spec ?? [], '  '),
    ...(parts.podSc ? ['  securityContext:', ...indent(parts.podSc, '    ')] : []),
    '  containers:',
    ...(parts.containers ?? [[]]).flatMap((sc, i) => [
      `    - name: c${i}`,
      '      image: nginx',
      ...(sc.length ? ['      securityContext:', ...indent(sc, '        ')] : []),
    ]),
    '',
  ].join('\n')
}

// kubernetes pkg/securitycontext/util.go, DetermineEffectiveSecurityContext and
// securityContextFromPodSecurityContext.
describe('merging the pod and container contexts (pkg/securitycontext/util.go)', () => {
  it('inherits runAsGroup from the pod, and the container value wins when set', () => {
    const source = pod({ podSc: ['runAsGroup: 3000'], containers: [[], ['runAsGroup: 4000']] })
    const [inherits, overrides] = containers(analyze(source))
    expect(inherits?.settings.runAsGroup).toMatchObject({ value: 3000, source: 'pod' })
    expect(overrides?.settings.runAsGroup).toMatchObject({ value: 4000, source: 'container' })
  })

  it('replaces seLinuxOptions as a whole object: the pod level is not merged in', () => {
    const source = pod({
      podSc: ['seLinuxOptions: {level: "s0:c1,c2", user: system_u}'],
      containers: [['seLinuxOptions: {type: spc_t}']],
    })
    const setting = first(source).settings.seLinuxOptions
    expect(setting).toMatchObject({ value: { type: 'spc_t' }, source: 'container' })
    expect(setting.note).toContain('as a whole')
  })

  it('merges windowsOptions sub-field by sub-field, the container winning where it sets one', () => {
    const source = pod({
      podSc: ['windowsOptions: {runAsUserName: podUser, hostProcess: false}'],
      containers: [['windowsOptions: {hostProcess: true}']],
    })
    expect(first(source).settings.windowsOptions).toMatchObject({
      value: { runAsUserName: 'podUser', hostProcess: true },
      source: 'container',
    })
  })

  it('takes the two GMSA fields together from the level that sets either (util.go: "both GMSA fields go hand in hand")', () => {
    const source = pod({
      podSc: ['windowsOptions: {gmsaCredentialSpecName: pod-spec, gmsaCredentialSpec: "{}"}'],
      containers: [['windowsOptions: {gmsaCredentialSpecName: own-spec}']],
    })
    expect(first(source).settings.windowsOptions.value).toEqual({
      gmsaCredentialSpecName: 'own-spec',
    })
  })

  it('treats an explicit null as unset at either level (null decodes to a nil pointer)', () => {
    const source = pod({
      podSc: ['runAsUser: 1000', 'runAsNonRoot: null'],
      containers: [['runAsUser: null', 'privileged: ~', 'windowsOptions: {runAsUserName: null}']],
    })
    const settings = first(source).settings
    expect(settings.runAsUser).toMatchObject({ value: 1000, source: 'pod' })
    expect(settings.runAsNonRoot.source).toBe('default')
    expect(settings.privileged).toMatchObject({ value: false, source: 'default' })
    expect(analyze(source).diagnostics).toEqual([])
  })

  it('reports pod-only fields with source "pod", whether in securityContext or the pod spec', () => {
    const source = pod({
      spec: ['hostPID: true', 'hostUsers: false', 'automountServiceAccountToken: false'],
      podSc: ['fsGroup: 2000', 'supplementalGroups: [5, 6]', 'fsGroupChangePolicy: OnRootMismatch'],
    })
    const settings = first(source).settings
    for (const [name, value] of [
      ['hostPID', true],
      ['hostUsers', false],
      ['automountServiceAccountToken', false],
      ['fsGroup', 2000],
      ['supplementalGroups', [5, 6]],
      ['fsGroupChangePolicy', 'OnRootMismatch'],
    ] as const) {
      expect(settings[name], name).toMatchObject({ value, source: 'pod' })
    }
    expect(settings.hostNetwork.source).toBe('default')
  })

  it('reports each wrongly typed pod-level field once per workload, not once per container', () => {
    const source = pod({
      spec: ['hostPID: "true"'],
      podSc: ['runAsUser: "1000"', 'fsGroup: [1]'],
      containers: [[], [], []],
    })
    const analysis = analyze(source)
    const typeErrors = analysis.diagnostics.filter((d) => d.code === 'invalid-type')
    expect(typeErrors.map((d) => d.message.split(' ')[0]).sort()).toEqual([
      'spec.hostPID',
      'spec.securityContext.fsGroup',
      'spec.securityContext.runAsUser',
    ])
    expect(containers(analysis).every((c) => c.settings.runAsUser.source === 'default')).toBe(true)
  })
})

describe('image user defaults (containerd getUserFromImage, WithUser, WithUserID)', () => {
  it('reads USER "uid:gid" as a numeric UID and GID', () => {
    const settings = first(pod({}), { imageUser: '1000:2000' }).settings
    expect(settings.runAsUser).toMatchObject({ value: 1000, source: 'default' })
    expect(settings.runAsGroup).toMatchObject({ value: 2000, source: 'default' })
  })

  it('takes the primary group of runAsUser from /etc/passwd, not the image USER group', () => {
    const settings = first(pod({ podSc: ['runAsUser: 1234'] }), { imageUser: '0:0' }).settings
    expect(settings.runAsGroup).toMatchObject({ value: null, source: 'default' })
    expect(settings.runAsGroup.note).toContain('UID 1234')
    expect(first(pod({ podSc: ['runAsUser: 0'] })).settings.runAsGroup.value).toBe(0)
  })
})

// The seccomp annotations were made non-functional in 1.27 (kubernetes#114947); the kubelet only
// reads the fields (pkg/kubelet/kuberuntime/helpers.go, getSeccompProfile).
describe('seccomp resolution', () => {
  it('ignores the legacy pod and container annotations and says why', () => {
    const source = pod({
      annotations: [
        'seccomp.security.alpha.kubernetes.io/pod: runtime/default',
        'container.seccomp.security.alpha.kubernetes.io/c0: runtime/default',
      ],
    })
    const setting = first(source).settings.seccompProfile
    expect(setting).toMatchObject({ value: { type: 'Unconfined' }, source: 'default' })
    expect(setting.note).toContain('container.seccomp.security.alpha.kubernetes.io/c0')
    expect(setting.note).toContain('seccomp.security.alpha.kubernetes.io/pod')
  })

  it('uses the pod field when the container field is unset, whatever the container annotation says', () => {
    const source = pod({
      annotations: ['container.seccomp.security.alpha.kubernetes.io/c0: unconfined'],
      podSc: ['seccompProfile: {type: RuntimeDefault}'],
    })
    expect(first(source).settings.seccompProfile).toMatchObject({
      value: { type: 'RuntimeDefault' },
      source: 'pod',
    })
  })

  it('honours the annotations below the fields on clusters older than 1.27 (applySeccompVersionSkew)', () => {
    const annotations = [
      'seccomp.security.alpha.kubernetes.io/pod: runtime/default',
      'container.seccomp.security.alpha.kubernetes.io/c1: localhost/profiles/audit.json',
    ]
    const [fromPod, fromContainer] = containers(
      analyze(pod({ annotations, containers: [[], []] }), { kubernetesVersion: 'v1.26' }),
    )
    expect(fromPod?.settings.seccompProfile).toMatchObject({
      value: { type: 'RuntimeDefault' },
      source: 'pod',
    })
    expect(fromContainer?.settings.seccompProfile).toMatchObject({
      value: { type: 'Localhost', localhostProfile: 'profiles/audit.json' },
      source: 'container',
    })
    const fieldWins = pod({ annotations, containers: [['seccompProfile: {type: Unconfined}']] })
    expect(first(fieldWins, { kubernetesVersion: 'v1.26' }).settings.seccompProfile.value).toEqual({
      type: 'Unconfined',
    })
    expect(
      first(pod({ annotations }), { kubernetesVersion: 'v1.27' }).settings.seccompProfile.source,
    ).toBe('default')
  })
})

// pkg/security/apparmor/helpers.go, GetProfile: container field, then the container's
// annotation, then the pod field.
describe('AppArmor resolution', () => {
  it('puts the container annotation between the container field and the pod field', () => {
    const source = pod({
      annotations: ['container.apparmor.security.beta.kubernetes.io/c1: localhost/from-annotation'],
      podSc: ['appArmorProfile: {type: Unconfined}'],
      containers: [['appArmorProfile: {type: RuntimeDefault}'], [], []],
    })
    const [own, annotated, shared] = containers(analyze(source))
    expect(own?.settings.appArmorProfile).toMatchObject({
      value: { type: 'RuntimeDefault' },
      source: 'container',
    })
    expect(annotated?.settings.appArmorProfile).toMatchObject({
      value: { type: 'Localhost', localhostProfile: 'from-annotation' },
      source: 'container',
    })
    expect(shared?.settings.appArmorProfile).toMatchObject({
      value: { type: 'Unconfined' },
      source: 'pod',
    })
  })

  it('ignores an annotation value the kubelet does not understand (docker/default is seccomp-only)', () => {
    const source = pod({
      annotations: ['container.apparmor.security.beta.kubernetes.io/c0: docker/default'],
    })
    const setting = first(source, { runtime: 'cri-o' }).settings.appArmorProfile
    expect(setting).toMatchObject({ value: { type: 'RuntimeDefault' }, source: 'default' })
    expect(setting.note).toContain('is ignored')
  })

  it('warns that a node without AppArmor rejects a pod asking for a profile (pkg/security/apparmor/validate.go)', () => {
    const source = pod({ containers: [['appArmorProfile: {type: RuntimeDefault}']] })
    expect(first(source, { appArmor: false }).settings.appArmorProfile.note).toContain(
      'AppArmor is not enabled on the host',
    )
  })

  it('keeps an explicit Localhost profile for privileged containers on containerd, not on CRI-O', () => {
    const source = pod({
      containers: [['privileged: true', 'appArmorProfile: {type: Localhost, localhostProfile: p}']],
    })
    expect(first(source).settings.appArmorProfile.note).toContain('Still applied')
    expect(first(source, { runtime: 'cri-o' }).settings.appArmorProfile.note).toContain('Ignored')
  })
})

describe('privileged effects', () => {
  it('says privileged containers get no masked /proc paths, even with procMount: Default', () => {
    expect(first(pod({ containers: [['privileged: true']] })).settings.procMount).toMatchObject({
      value: 'Default',
      source: 'default',
      note: expect.stringContaining('no masked'),
    })
    const explicit = pod({ containers: [['privileged: true', 'procMount: Default']] })
    expect(first(explicit).settings.procMount.note).toContain('no masked')
  })
})

describe('workload discovery and source ranges', () => {
  it('analyses every item of a List and of a typed list such as DeploymentList', () => {
    const list = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p' },
          spec: { containers: [{ name: 'a' }] },
        },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } },
      ],
    })
    const deployments = [
      'apiVersion: apps/v1',
      'kind: DeploymentList',
      'items:',
      '  - kind: Deployment',
      '    metadata: {name: d1}',
      '    spec: {template: {spec: {containers: [{name: x}]}}}',
      '  - kind: Deployment',
      '    metadata: {name: d2}',
      '    spec: {template: {spec: {containers: [{name: web}, {name: db}]}}}',
      '',
    ].join('\n')
    const fromList = analyze(list)
    expect(fromList.workloads.map((w) => w.name)).toEqual(['p'])
    expect(fromList.diagnostics.map((d) => d.code)).toEqual(['not-a-workload'])
    const fromDeploymentList = analyze(deployments)
    expect(fromDeploymentList.workloads.map((w) => [w.kind, w.name])).toEqual([
      ['Deployment', 'd1'],
      ['Deployment', 'd2'],
    ])
    const d2 = fromDeploymentList.workloads[1]
    expect(d2 && deployments.slice(d2.range[0], d2.range[1])).toMatch(/^kind: Deployment[\s\S]*d2/)
    expect(d2?.containers.map((c) => c.name)).toEqual(['web', 'db'])
  })

  it('skips documents holding only comments, silently', () => {
    const analysis = analyze('# nothing here\n---\n# still nothing\n---\n')
    expect(analysis).toMatchObject({ workloads: [], diagnostics: [] })
  })

  it('calls a JSON array at the top level "not a Kubernetes object"', () => {
    const source = '[{"kind": "Pod"}]'
    const analysis = analyze(source)
    expect(analysis.workloads).toEqual([])
    expect(analysis.diagnostics).toEqual([
      expect.objectContaining({ code: 'not-an-object', range: [0, source.length] }),
    ])
  })

  it('keeps ranges right with CRLF line endings', () => {
    const source = pod({ containers: [['privileged: true']] }).replace(/\n/g, '\r\n')
    const setting = first(source).settings.privileged
    expect(setting.range && source.slice(setting.range[0], setting.range[1])).toBe(
      'privileged: true',
    )
  })

  it('keeps ranges right after multi-byte characters (UTF-16 offsets, as JS strings index)', () => {
    const source = pod({
      annotations: ['note: "café 🚀🚀 naïve"'],
      containers: [['runAsUser: 1000']],
    })
    const setting = first(source).settings.runAsUser
    expect(setting.range && source.slice(setting.range[0], setting.range[1])).toBe(
      'runAsUser: 1000',
    )
  })

  // go-yaml v2 (behind sigs.k8s.io/yaml) has no base-60 numbers and returns timestamps as strings.
  it('reads YAML 1.1 the way go-yaml v2 does: yes is true, 1:30 and dates stay strings', () => {
    const source = pod({
      annotations: ['container.apparmor.security.beta.kubernetes.io/c0: localhost/1:30'],
      containers: [['privileged: yes', 'seLinuxOptions: {level: 2001-12-14, user: 1:30}']],
    })
    const settings = first(source).settings
    expect(settings.privileged.value).toBe(true)
    expect(settings.seLinuxOptions.value).toEqual({ level: '2001-12-14', user: '1:30' })
    // `y` is a YAML 1.1 boolean, so a container named y cannot be decoded.
    const named = analyze('kind: Pod\nspec:\n  containers: [{name: y}]\n').diagnostics
    expect(named).toContainEqual(
      expect.objectContaining({
        code: 'invalid-type',
        message: expect.stringContaining(
          'spec.containers[0].name must be a string, not boolean true',
        ),
      }),
    )
  })
})
