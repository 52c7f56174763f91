// Per-check behaviour and exact detail strings. Most strings are the expectations of the
// upstream unit tests (kubernetes/pod-security-admission policy/check_*_test.go); the rest
// cover what the fixture corpus lacks.
import { describe, expect, it } from 'vitest'
import type { CheckId, PodTemplateInput, PolicyVersion, PssLevel } from '../types.ts'
import { checkPodAtLevel } from './evaluate.ts'

function pod(spec: unknown, annotations?: Record<string, unknown>): PodTemplateInput {
  return { metadata: annotations === undefined ? {} : { annotations }, spec }
}

/** The `{reason, detail}` of one check, or undefined when it passes (or does not run). */
function failure(input: PodTemplateInput, id: CheckId, level: PssLevel, version: PolicyVersion) {
  const found = checkPodAtLevel(input, level, version).failures.find((f) => f.id === id)
  return found === undefined ? undefined : { reason: found.reason, detail: found.detail }
}

const baseline = (input: PodTemplateInput, id: CheckId, version: PolicyVersion = 'latest') =>
  failure(input, id, 'baseline', version)
const restricted = (input: PodTemplateInput, id: CheckId, version: PolicyVersion = 'latest') =>
  failure(input, id, 'restricted', version)

/** A pod with one container per entry: `[name, securityContext]`. */
function containers(...entries: [string, unknown][]): PodTemplateInput {
  return pod({ containers: entries.map(([name, securityContext]) => ({ name, securityContext })) })
}

describe('privileged', () => {
  it('lists containers in visit order: init, regular, then ephemeral', () => {
    const input = pod({
      ephemeralContainers: [{ name: 'e', securityContext: { privileged: true } }],
      containers: [{ name: 'c', securityContext: { privileged: true } }],
      initContainers: [{ name: 'i', securityContext: { privileged: true } }],
    })
    expect(baseline(input, 'privileged')).toEqual({
      reason: 'privileged',
      detail: 'containers "i", "c", "e" must not set securityContext.privileged=true',
    })
  })

  it('passes false and absent', () => {
    expect(
      baseline(containers(['a', { privileged: false }], ['b', {}]), 'privileged'),
    ).toBeUndefined()
  })
})

describe('hostNamespaces', () => {
  it('lists the namespaces in the fixed order', () => {
    const input = pod({ hostIPC: true, hostPID: true, hostNetwork: true })
    expect(baseline(input, 'hostNamespaces')).toEqual({
      reason: 'host namespaces',
      detail: 'hostNetwork=true, hostPID=true, hostIPC=true',
    })
  })
})

describe('hostPathVolumes and restrictedVolumes', () => {
  const volumes = pod({
    volumes: [
      { name: 'a', hostPath: { path: '/' } },
      { name: 'ok', configMap: { name: 'x' } },
      { name: 'b', hostPath: {} },
    ],
  })

  it('reports hostPath volumes at baseline', () => {
    expect(baseline(volumes, 'hostPathVolumes')).toEqual({
      reason: 'hostPath volumes',
      detail: 'volumes "a", "b"',
    })
  })

  it('reports them as restricted volume types at restricted, not as hostPath volumes', () => {
    expect(restricted(volumes, 'hostPathVolumes')).toBeUndefined()
    expect(restricted(volumes, 'restrictedVolumes')).toEqual({
      reason: 'restricted volume types',
      detail: 'volumes "a", "b" use restricted volume type "hostPath"',
    })
  })

  it('allows csi, ephemeral and image volumes, and defaults a source-less volume to emptyDir', () => {
    const input = pod({
      volumes: [
        { name: 'csi', csi: { driver: 'x' } },
        { name: 'eph', ephemeral: { volumeClaimTemplate: {} } },
        { name: 'img', image: { reference: 'x' } },
        { name: 'bare' },
      ],
    })
    expect(restricted(input, 'restrictedVolumes')).toBeUndefined()
  })

  it('names the first restricted source of each volume, sorted and de-duplicated', () => {
    const input = pod({
      volumes: [
        { name: 'n', nfs: {}, hostPath: {} },
        { name: 'g', gitRepo: {} },
        { name: 'h', hostPath: {} },
      ],
    })
    expect(restricted(input, 'restrictedVolumes')?.detail).toBe(
      'volumes "n", "g", "h" use restricted volume types "gitRepo", "hostPath"',
    )
  })
})

describe('hostPorts', () => {
  it('uses the singular forms for one container and one port', () => {
    const input = pod({
      containers: [
        { name: 'a', ports: [{ containerPort: 80 }] },
        { name: 'b', ports: [{ hostPort: 0 }, { hostPort: 20 }] },
      ],
    })
    expect(baseline(input, 'hostPorts')).toEqual({
      reason: 'hostPort',
      detail: 'container "b" uses hostPort 20',
    })
  })

  it('sorts distinct ports as strings and covers ephemeral containers', () => {
    const input = pod({
      containers: [{ name: 'b', ports: [{ hostPort: 80 }, { hostPort: 10000 }] }],
      ephemeralContainers: [{ name: 'c', ports: [{ hostPort: 9 }, { hostPort: 80 }] }],
    })
    expect(baseline(input, 'hostPorts')?.detail).toBe(
      'containers "b", "c" use hostPorts 10000, 80, 9',
    )
  })
})

describe('capabilities', () => {
  it('baseline: exact names only, sorted distinct caps', () => {
    const input = containers(
      ['a', { capabilities: { add: ['FOO', 'CHOWN', 'BAR'] } }],
      ['b', { capabilities: { add: ['BAZ', 'FOO'] } }],
      ['c', { capabilities: { add: ['NET_BIND_SERVICE'] } }],
    )
    expect(baseline(input, 'capabilities_baseline')).toEqual({
      reason: 'non-default capabilities',
      detail:
        'containers "a", "b" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add',
    })
    const spelled = containers(['a', { capabilities: { add: ['chown', 'CAP_CHOWN', 'NET_RAW'] } }])
    expect(baseline(spelled, 'capabilities_baseline')?.detail).toBe(
      'container "a" must not include "CAP_CHOWN", "NET_RAW", "chown" in securityContext.capabilities.add',
    )
  })

  it('restricted v1.22+: drop ALL and only NET_BIND_SERVICE', () => {
    const input = containers(
      ['a', { capabilities: { add: ['FOO', 'BAR'] } }],
      ['b', { capabilities: { add: ['BAZ'], drop: ['all'] } }],
      ['c', { capabilities: { add: ['CHOWN', 'NET_BIND_SERVICE'], drop: ['ALL'] } }],
    )
    expect(restricted(input, 'capabilities_restricted')).toEqual({
      reason: 'unrestricted capabilities',
      detail:
        'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add',
    })
  })

  it('restricted below v1.22 still runs the baseline rule', () => {
    const input = containers(['a', { capabilities: { add: ['CHOWN'] } }])
    expect(restricted(input, 'capabilities_restricted', 'v1.21')).toBeUndefined()
    expect(restricted(input, 'capabilities_baseline', 'v1.21')).toBeUndefined()
    const raw = containers(['a', { capabilities: { add: ['NET_RAW'] } }])
    expect(restricted(raw, 'capabilities_baseline', 'v1.21')?.reason).toBe(
      'non-default capabilities',
    )
    expect(restricted(raw, 'capabilities_baseline', 'v1.22')).toBeUndefined()
    expect(restricted(raw, 'capabilities_restricted', 'v1.22')?.reason).toBe(
      'unrestricted capabilities',
    )
  })
})

describe('procMount', () => {
  const unmasked = (hostUsers?: boolean) =>
    pod({
      ...(hostUsers === undefined ? {} : { hostUsers }),
      containers: [
        { name: 'd', securityContext: { procMount: 'Unmasked' } },
        { name: 'x', securityContext: { procMount: 'Default' } },
        { name: 'e', securityContext: { procMount: 'other' } },
      ],
    })

  it('lists containers and sorted values', () => {
    expect(baseline(unmasked(), 'procMount')).toEqual({
      reason: 'procMount',
      detail: 'containers "d", "e" must not set securityContext.procMount to "Unmasked", "other"',
    })
  })

  it('baseline relaxes for hostUsers: false from v1.35 only', () => {
    expect(baseline(unmasked(false), 'procMount', 'v1.34')?.reason).toBe('procMount')
    expect(baseline(unmasked(false), 'procMount', 'v1.35')).toBeUndefined()
    expect(baseline(unmasked(true), 'procMount', 'v1.35')?.reason).toBe('procMount')
  })

  it('restricted uses procMount_restricted from v1.35, which never relaxes', () => {
    expect(restricted(unmasked(false), 'procMount', 'v1.34')?.reason).toBe('procMount')
    expect(restricted(unmasked(false), 'procMount_restricted', 'v1.34')).toBeUndefined()
    expect(restricted(unmasked(false), 'procMount', 'v1.35')).toBeUndefined()
    expect(restricted(unmasked(false), 'procMount_restricted', 'v1.35')?.detail).toBe(
      'containers "d", "e" must not set securityContext.procMount to "Unmasked", "other"',
    )
  })
})

describe('seLinuxOptions', () => {
  it('combines pod and containers with types, user and role parts', () => {
    const input = pod({
      securityContext: { seLinuxOptions: { type: 'foo', user: 'u', role: 'r', level: 'l' } },
      containers: [
        { name: 'a', securityContext: { seLinuxOptions: { type: 'container_t', level: 'x' } } },
        { name: 'e', securityContext: { seLinuxOptions: { type: 'bar' } } },
        { name: 'f', securityContext: { seLinuxOptions: { user: 'u' } } },
        { name: 'g', securityContext: { seLinuxOptions: { role: 'r' } } },
      ],
    })
    expect(baseline(input, 'seLinuxOptions')).toEqual({
      reason: 'seLinuxOptions',
      detail:
        'pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set',
    })
  })

  it('allows container_engine_t from v1.31', () => {
    const input = pod({ securityContext: { seLinuxOptions: { type: 'container_engine_t' } } })
    expect(baseline(input, 'seLinuxOptions', 'v1.30')?.detail).toBe(
      'pod set forbidden securityContext.seLinuxOptions: type "container_engine_t"',
    )
    expect(baseline(input, 'seLinuxOptions', 'v1.31')).toBeUndefined()
  })
})

describe('seccompProfile', () => {
  const annotated = (annotations: Record<string, unknown>) =>
    pod({ containers: [{ name: 'a' }, { name: 'b' }] }, annotations)

  it('v1.0–v1.18 checks annotations of real containers, sorted, with %q values', () => {
    const input = annotated({
      'seccomp.security.alpha.kubernetes.io/pod': 'unconfined',
      'container.seccomp.security.alpha.kubernetes.io/a': 'unconfined',
      'container.seccomp.security.alpha.kubernetes.io/b': 'unknown',
      'container.seccomp.security.alpha.kubernetes.io/nobody': 'unconfined',
    })
    expect(baseline(input, 'seccompProfile_baseline', 'v1.18')).toEqual({
      reason: 'seccompProfile',
      detail:
        'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", container.seccomp.security.alpha.kubernetes.io/b="unknown", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    })
    expect(baseline(input, 'seccompProfile_baseline', 'v1.19')).toBeUndefined()
  })

  it('v1.0–v1.18 allows docker/default, runtime/default and localhost/*, but not ""', () => {
    const ok = annotated({
      'seccomp.security.alpha.kubernetes.io/pod': 'docker/default',
      'container.seccomp.security.alpha.kubernetes.io/a': 'runtime/default',
      'container.seccomp.security.alpha.kubernetes.io/b': 'localhost/p.json',
    })
    expect(baseline(ok, 'seccompProfile_baseline', 'v1.0')).toBeUndefined()
    const empty = annotated({ 'seccomp.security.alpha.kubernetes.io/pod': 'a"b\n' })
    expect(baseline(empty, 'seccompProfile_baseline', 'v1.0')?.detail).toBe(
      'forbidden annotation seccomp.security.alpha.kubernetes.io/pod="a\\"b\\n"',
    )
    const blank = annotated({ 'seccomp.security.alpha.kubernetes.io/pod': '' })
    expect(baseline(blank, 'seccompProfile_baseline', 'v1.0')?.reason).toBe('seccompProfile')
  })

  it('v1.19+ ignores annotations and checks the fields', () => {
    const input = pod({
      securityContext: { seccompProfile: { type: 'Unconfined' } },
      containers: [
        { name: 'c', securityContext: { seccompProfile: { type: 'Unconfined' } } },
        { name: 'd', securityContext: { seccompProfile: { type: 'Unconfined' } } },
        { name: 'l', securityContext: { seccompProfile: { type: 'Localhost' } } },
      ],
    })
    expect(baseline(input, 'seccompProfile_baseline', 'v1.18')).toBeUndefined()
    expect(baseline(input, 'seccompProfile_baseline', 'v1.19')?.detail).toBe(
      'pod and containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"',
    )
  })

  it('restricted requires a profile from v1.19 and reports explicit bad values first', () => {
    const uncovered = pod({ containers: [{ name: 'a' }, { name: 'b' }] })
    expect(restricted(uncovered, 'seccompProfile_restricted', 'v1.18')).toBeUndefined()
    expect(restricted(uncovered, 'seccompProfile_restricted', 'v1.19')?.detail).toBe(
      'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
    )
    const mixed = pod({
      containers: [
        { name: 'a' },
        { name: 'c', securityContext: { seccompProfile: { type: 'runtimedefault' } } },
      ],
    })
    expect(restricted(mixed, 'seccompProfile_restricted')?.detail).toBe(
      'container "c" must not set securityContext.seccompProfile.type to "runtimedefault"',
    )
    const covered = pod({
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        { name: 'a' },
        { name: 'b', securityContext: { seccompProfile: { type: 'Unconfined' } } },
      ],
    })
    expect(restricted(covered, 'seccompProfile_restricted')?.detail).toBe(
      'container "b" must not set securityContext.seccompProfile.type to "Unconfined"',
    )
  })
})

describe('sysctls', () => {
  const sysctls = (...names: string[]) =>
    pod({ securityContext: { sysctls: names.map((name) => ({ name, value: '1' })) } })

  it('keeps spec order and duplicates, unquoted', () => {
    expect(baseline(sysctls('b', 'kernel.shm_rmid_forced', 'a', 'b'), 'sysctls')).toEqual({
      reason: 'forbidden sysctls',
      detail: 'b, a, b',
    })
  })

  it.each([
    ['net.ipv4.ip_local_reserved_ports', 'v1.26', 'v1.27'],
    ['net.ipv4.tcp_keepalive_time', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_fin_timeout', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_keepalive_intvl', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_keepalive_probes', 'v1.28', 'v1.29'],
    ['net.ipv4.tcp_rmem', 'v1.31', 'v1.32'],
    ['net.ipv4.tcp_wmem', 'v1.31', 'v1.32'],
    ['net.ipv4.tcp_slow_start_after_idle', 'v1.36', 'v1.37'],
    ['net.ipv4.tcp_notsent_lowat', 'v1.36', 'v1.37'],
  ] as const)('%s is forbidden at %s and allowed at %s', (name, before, from) => {
    expect(baseline(sysctls(name), 'sysctls', before)?.detail).toBe(name)
    expect(baseline(sysctls(name), 'sysctls', from)).toBeUndefined()
    expect(baseline(sysctls(name), 'sysctls', 'latest')).toBeUndefined()
  })

  it('matches names exactly (no prefixes, no slash form)', () => {
    expect(baseline(sysctls('net/ipv4/tcp_syncookies', 'kernel.shm'), 'sysctls')?.detail).toBe(
      'net/ipv4/tcp_syncookies, kernel.shm',
    )
  })
})

describe('windowsHostProcess', () => {
  it('reports pod and containers', () => {
    const hostProcess = { windowsOptions: { hostProcess: true } }
    const input = pod({
      securityContext: hostProcess,
      containers: [
        { name: 'a', securityContext: { windowsOptions: { hostProcess: false } } },
        { name: 'e', securityContext: hostProcess },
        { name: 'f', securityContext: hostProcess },
      ],
    })
    expect(baseline(input, 'windowsHostProcess')).toEqual({
      reason: 'hostProcess',
      detail:
        'pod and containers "e", "f" must not set securityContext.windowsOptions.hostProcess=true',
    })
  })
})

describe('appArmorProfile', () => {
  it('checks every annotation with the prefix, with nested quotes in the detail', () => {
    const prefix = 'container.apparmor.security.beta.kubernetes.io/'
    const input = pod(
      {},
      {
        [prefix]: 'bogus',
        [`${prefix}a`]: '',
        [`${prefix}b`]: 'runtime/default',
        [`${prefix}c`]: 'localhost/',
        [`${prefix}d`]: 'localhost/foo',
        [`${prefix}f`]: 'unknown',
        [`${prefix}e`]: 'unconfined',
      },
    )
    expect(baseline(input, 'appArmorProfile')).toEqual({
      reason: 'forbidden AppArmor profiles',
      detail: `annotations must not set AppArmor profile type to "${prefix}="bogus"", "${prefix}e="unconfined"", "${prefix}f="unknown""`,
    })
  })

  it('uses the singular reason for one annotation', () => {
    const input = pod(
      {},
      { 'container.apparmor.security.beta.kubernetes.io/container1': 'unconfined' },
    )
    expect(baseline(input, 'appArmorProfile')).toEqual({
      reason: 'forbidden AppArmor profile',
      detail:
        'annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/container1="unconfined""',
    })
  })

  it('checks the appArmorProfile field at pod and container level, at every version', () => {
    const input = pod(
      {
        securityContext: { appArmorProfile: { type: 'Unconfined' } },
        initContainers: [
          { name: 'bar', securityContext: { appArmorProfile: { type: 'Localhost' } } },
        ],
        containers: [{ name: 'foo', securityContext: { appArmorProfile: {} } }],
        ephemeralContainers: [
          { name: 'dbg', securityContext: { appArmorProfile: { type: 'runtimedefault' } } },
        ],
      },
      { 'container.apparmor.security.beta.kubernetes.io/foo': 'unconfined' },
    )
    const expected = {
      reason: 'forbidden AppArmor profiles',
      detail:
        'pod and containers "foo", "dbg" and annotation must not set AppArmor profile type to "", "Unconfined", "runtimedefault", "container.apparmor.security.beta.kubernetes.io/foo="unconfined""',
    }
    expect(baseline(input, 'appArmorProfile', 'v1.0')).toEqual(expected)
    expect(baseline(input, 'appArmorProfile', 'latest')).toEqual(expected)
    const ok = pod({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } })
    expect(baseline(ok, 'appArmorProfile')).toBeUndefined()
  })
})

describe('hostProbesAndHostLifecycle', () => {
  const probes = pod({
    containers: [
      {
        name: 'z',
        startupProbe: { httpGet: { host: 'b.com', port: 80 } },
        lifecycle: { preStop: { tcpSocket: { host: 'a.com', port: 1 } } },
      },
      { name: 'y', readinessProbe: { tcpSocket: { host: '', port: 1 } } },
      { name: 'x', lifecycle: { postStart: { httpGet: { host: 'localhost' } } } },
    ],
    initContainers: [{ name: 'w', livenessProbe: { tcpSocket: { host: '127.0.0.1' } } }],
  })

  it('starts at v1.34', () => {
    expect(baseline(probes, 'hostProbesAndHostLifecycle', 'v1.33')).toBeUndefined()
    expect(baseline(probes, 'hostProbesAndHostLifecycle', 'v1.34')?.reason).toBe(
      'probe or lifecycle host',
    )
  })

  it('sorts container names and hosts', () => {
    expect(baseline(probes, 'hostProbesAndHostLifecycle')?.detail).toBe(
      'containers "w", "x", "z" use probe or lifecycle hosts "127.0.0.1", "a.com", "b.com", "localhost"',
    )
  })

  it('uses the singular forms', () => {
    const one = pod({
      containers: [{ name: 'a', livenessProbe: { httpGet: { host: 'invalid.host' } } }],
    })
    expect(baseline(one, 'hostProbesAndHostLifecycle')?.detail).toBe(
      'container "a" uses probe or lifecycle host "invalid.host"',
    )
  })
})

describe('allowPrivilegeEscalation', () => {
  const input = containers(
    ['a', undefined],
    ['b', { allowPrivilegeEscalation: true }],
    ['c', { allowPrivilegeEscalation: false }],
  )

  it('requires an explicit false from v1.8', () => {
    expect(restricted(input, 'allowPrivilegeEscalation', 'v1.7')).toBeUndefined()
    expect(restricted(input, 'allowPrivilegeEscalation', 'v1.8')).toEqual({
      reason: 'allowPrivilegeEscalation != false',
      detail: 'containers "a", "b" must set securityContext.allowPrivilegeEscalation=false',
    })
  })
})

describe('runAsNonRoot', () => {
  it('reports explicit false first, pod before containers', () => {
    const input = pod({
      securityContext: { runAsNonRoot: false },
      containers: [
        { name: 'a', securityContext: { runAsNonRoot: true } },
        { name: 'c', securityContext: { runAsNonRoot: false } },
        { name: 'd', securityContext: { runAsNonRoot: false } },
      ],
    })
    expect(restricted(input, 'runAsNonRoot')).toEqual({
      reason: 'runAsNonRoot != true',
      detail: 'pod and containers "c", "d" must not set securityContext.runAsNonRoot=false',
    })
  })

  it('ignores runAsUser and lists uncovered containers', () => {
    const input = pod({
      containers: [
        { name: 'a', securityContext: { runAsUser: 1000 } },
        { name: 'b' },
        { name: 'c', securityContext: { runAsNonRoot: true } },
      ],
    })
    expect(restricted(input, 'runAsNonRoot')?.detail).toBe(
      'pod or containers "a", "b" must set securityContext.runAsNonRoot=true',
    )
  })

  it('relaxes for hostUsers: false from v1.35 only', () => {
    const input = pod({ hostUsers: false, containers: [{ name: 'a' }] })
    expect(restricted(input, 'runAsNonRoot', 'v1.34')?.detail).toBe(
      'pod or container "a" must set securityContext.runAsNonRoot=true',
    )
    expect(restricted(input, 'runAsNonRoot', 'v1.35')).toBeUndefined()
  })
})

describe('runAsUser', () => {
  it('starts at v1.23 and is not fixed by container overrides', () => {
    const input = pod({
      securityContext: { runAsUser: 0 },
      containers: [
        { name: 'a', securityContext: { runAsUser: 1000 } },
        { name: 'c', securityContext: { runAsUser: 0 } },
        { name: 'd', securityContext: { runAsUser: 0 } },
      ],
    })
    expect(restricted(input, 'runAsUser', 'v1.22')).toBeUndefined()
    expect(restricted(input, 'runAsUser', 'v1.23')).toEqual({
      reason: 'runAsUser=0',
      detail: 'pod and containers "c", "d" must not set runAsUser=0',
    })
  })

  it('relaxes for hostUsers: false from v1.35 only', () => {
    const input = pod({ hostUsers: false, securityContext: { runAsUser: 0 } })
    expect(restricted(input, 'runAsUser', 'v1.34')?.detail).toBe('pod must not set runAsUser=0')
    expect(restricted(input, 'runAsUser', 'v1.35')).toBeUndefined()
  })
})
