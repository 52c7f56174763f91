import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze.ts'
import type { Fix, PolicyVersion } from '../types.ts'
import { applyEdits } from './text-edits.ts'

/** Joins lines with `\n` (the inline manifests stay readable and exact). */
const lines = (...parts: string[]) => parts.join('\n') + '\n'

/** The fix of a failing check or an advisory of the first workload. */
function fixOf(text: string, code: string, version: PolicyVersion = 'latest'): Fix | undefined {
  const workload = analyze(text, { kubernetesVersion: version }).workloads[0]
  const check = workload?.podSecurity.checks.find((c) => c.id === code && !c.allowed)
  return check?.fix ?? workload?.advisories.find((a) => a.code === code)?.fix
}

function applied(text: string, code: string, version: PolicyVersion = 'latest'): string | null {
  const fix = fixOf(text, code, version)
  return fix === undefined ? null : applyEdits(text, fix.edits)
}

const POD = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:']

describe('Pod Security check fixes', () => {
  it('sets privileged: false in place, keeping the comment', () => {
    const text = lines(
      ...POD,
      '  containers:',
      '  - name: app',
      '    securityContext:',
      '      privileged: true # needed?',
    )
    expect(fixOf(text, 'privileged')?.title).toBe('Set privileged: false on container "app"')
    expect(applied(text, 'privileged')).toBe(text.replace('true #', 'false #'))
  })

  it('adds allowPrivilegeEscalation to each container, creating securityContext', () => {
    const text = lines(
      ...POD,
      '  containers:',
      '  - name: a',
      '    image: x',
      '  - name: b',
      '    securityContext:',
      '      runAsUser: 1000',
    )
    expect(applied(text, 'allowPrivilegeEscalation')).toBe(
      lines(
        ...POD,
        '  containers:',
        '  - name: a',
        '    image: x',
        '    securityContext:',
        '      allowPrivilegeEscalation: false',
        '  - name: b',
        '    securityContext:',
        '      runAsUser: 1000',
        '      allowPrivilegeEscalation: false',
      ),
    )
  })

  it('skips privileged containers for allowPrivilegeEscalation (the API rejects both)', () => {
    const text = lines(
      ...POD,
      '  containers:',
      '  - name: a',
      '    securityContext: {privileged: true}',
    )
    expect(fixOf(text, 'allowPrivilegeEscalation')).toBeUndefined()
  })

  it('uses the document’s 4-space indent and non-indented sequences', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '    name: p',
      'spec:',
      '    containers:',
      '    -   name: a',
      '        image: x',
      '',
    ].join('\n')
    expect(applied(text, 'capabilities_restricted')).toBe(
      text.replace(
        'image: x\n',
        'image: x\n        securityContext:\n            capabilities:\n                drop:\n                - ALL\n',
      ),
    )
  })

  it('writes inserted lines with CRLF in a CRLF file, also at the end without a newline', () => {
    const text = [...POD, '  containers:', '  - name: a', '    image: x'].join('\r\n')
    expect(applied(text, 'runAsNonRoot')).toBe(
      text + '\r\n  securityContext:\r\n    runAsNonRoot: true\r\n    runAsUser: 65532',
    )
  })

  it('writes JSON syntax into a JSON document', () => {
    const text = [
      '{',
      '  "apiVersion": "v1",',
      '  "kind": "Pod",',
      '  "metadata": {"name": "p"},',
      '  "spec": {',
      '    "containers": [{"name": "a", "image": "x", "securityContext": {"privileged": true}}]',
      '  }',
      '}',
      '',
    ].join('\n')
    expect(applied(text, 'privileged')).toBe(
      text.replace('"privileged": true', '"privileged": false'),
    )
    expect(applied(text, 'seccompProfile_restricted')).toBe(
      text.replace(
        '}]\n  }',
        '}],\n    "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}\n  }',
      ),
    )
  })

  it('fixes flow-style containers inline', () => {
    const text = lines(...POD, '  containers:', '  - {name: a, image: x}')
    expect(applied(text, 'allowPrivilegeEscalation')).toBe(
      lines(
        ...POD,
        '  containers:',
        '  - {name: a, image: x, securityContext: {allowPrivilegeEscalation: false}}',
      ),
    )
  })

  it('capabilities_restricted: fixes the case of "all" in place and removes forbidden adds', () => {
    const text = lines(
      ...POD,
      '  containers:',
      '  - name: a',
      '    securityContext:',
      '      capabilities:',
      '        add:',
      '        - NET_BIND_SERVICE',
      '        - NET_RAW # ping',
      '        drop: ["all"]',
    )
    const fix = fixOf(text, 'capabilities_restricted')
    expect(fix?.title).toBe(
      'Drop "ALL" capabilities and remove "NET_RAW" from capabilities.add on container "a"',
    )
    expect(applied(text, 'capabilities_restricted')).toBe(
      lines(
        ...POD,
        '  containers:',
        '  - name: a',
        '    securityContext:',
        '      capabilities:',
        '        add:',
        '        - NET_BIND_SERVICE',
        '        # ping',
        '        drop: ["ALL"]',
      ),
    )
  })

  it('capabilities_restricted: appends ALL to a drop list and swaps a forbidden-only add', () => {
    const text = lines(
      ...POD,
      '  containers:',
      '  - name: a',
      '    securityContext:',
      '      capabilities: {add: [SYS_ADMIN]}',
      '  - name: b',
      '    securityContext:',
      '      capabilities:',
      '        drop:',
      '          - NET_RAW',
    )
    expect(applied(text, 'capabilities_restricted')).toBe(
      lines(
        ...POD,
        '  containers:',
        '  - name: a',
        '    securityContext:',
        '      capabilities: {drop: [ALL]}',
        '  - name: b',
        '    securityContext:',
        '      capabilities:',
        '        drop:',
        '          - NET_RAW',
        '          - ALL',
      ),
    )
  })

  it('capabilities_baseline: removes the non-default adds, dropping an emptied add key', () => {
    const text = lines(
      ...POD,
      '  containers:',
      '  - name: a',
      '    securityContext:',
      '      capabilities:',
      '        add: [CHOWN, SYS_TIME, NET_ADMIN]',
      '  - name: b',
      '    securityContext:',
      '      capabilities:',
      '        add:',
      '        - SYS_ADMIN',
      '        drop: [ALL]',
    )
    expect(fixOf(text, 'capabilities_baseline')?.title).toBe(
      'Remove "NET_ADMIN", "SYS_ADMIN", "SYS_TIME" from capabilities.add on containers "a", "b"',
    )
    expect(applied(text, 'capabilities_baseline', 'v1.21')).toBe(
      lines(
        ...POD,
        '  containers:',
        '  - name: a',
        '    securityContext:',
        '      capabilities:',
        '        add: [CHOWN]',
        '  - name: b',
        '    securityContext:',
        '      capabilities:',
        '        drop: [ALL]',
      ),
    )
  })

  it('runAsNonRoot: turns explicit false into true, and covers the rest at pod level', () => {
    const text = lines(
      ...POD,
      '  securityContext:',
      '    runAsNonRoot: false',
      '  containers:',
      '  - name: a',
      '    securityContext: {runAsNonRoot: false}',
    )
    expect(fixOf(text, 'runAsNonRoot')?.title).toBe(
      'Set runAsNonRoot: true and runAsUser: 65532 on the pod and container "a"',
    )
    expect(applied(text, 'runAsNonRoot')).toBe(
      text
        .replaceAll('runAsNonRoot: false', 'runAsNonRoot: true')
        .replace('runAsNonRoot: true\n', 'runAsNonRoot: true\n    runAsUser: 65532\n'),
    )
  })

  it('runAsNonRoot: sets a UID so the kubelet starts the pod whatever the image USER', () => {
    const text = lines(...POD, '  containers:', '  - name: a', '    image: x')
    const fixed = applied(text, 'runAsNonRoot') ?? ''
    expect(fixed).toBe(text + '  securityContext:\n    runAsNonRoot: true\n    runAsUser: 65532\n')
    for (const imageUser of [0, 1000, 'nginx', null]) {
      const kubelet = analyze(fixed, { imageUser }).diagnostics.filter(
        (d) => d.source === 'kubelet',
      )
      expect(kubelet).toEqual([])
    }
    // A UID written anywhere is kept; an empty flow map is filled once.
    const withUid = lines(
      ...POD,
      '  containers:',
      '  - name: a',
      '    securityContext: {runAsUser: 7}',
    )
    expect(fixOf(withUid, 'runAsNonRoot')?.title).toBe('Set runAsNonRoot: true on the pod')
    const emptyFlow = lines(...POD, '  securityContext: {}', '  containers: [{name: a}]')
    expect(applied(emptyFlow, 'runAsNonRoot')).toBe(
      emptyFlow.replace(
        '  securityContext: {}',
        '  securityContext:\n    runAsNonRoot: true\n    runAsUser: 65532',
      ),
    )
  })

  it('seccompProfile: replaces a bad type and adds a block pod-level profile', () => {
    const text = lines(
      ...POD,
      '  containers:',
      '  - name: a',
      '    securityContext:',
      '      seccompProfile:',
      "        type: 'Unconfined'",
      '  - name: b',
      '  securityContext:',
      '    runAsUser: 1000',
    )
    const fixedOnce = applied(text, 'seccompProfile_restricted')
    expect(fixedOnce).toBe(
      lines(
        ...POD,
        '  containers:',
        '  - name: a',
        '    securityContext:',
        '      seccompProfile:',
        "        type: 'RuntimeDefault'",
        '  - name: b',
        '  securityContext:',
        '    runAsUser: 1000',
        '    seccompProfile:',
        '      type: RuntimeDefault',
      ),
    )
    expect(applied(text, 'seccompProfile_baseline', 'v1.20')).toBe(
      text.replace("'Unconfined'", "'RuntimeDefault'"),
    )
  })

  it('offers no seccomp fix where the annotations rule (before v1.19)', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      '  annotations:',
      '    seccomp.security.alpha.kubernetes.io/pod: unconfined',
      'spec:',
      '  containers:',
      '  - name: a',
    )
    expect(
      analyze(text, { kubernetesVersion: 'v1.18' }).workloads[0]?.podSecurity.checks,
    ).toContainEqual(expect.objectContaining({ id: 'seccompProfile_baseline', allowed: false }))
    expect(fixOf(text, 'seccompProfile_baseline', 'v1.18')).toBeUndefined()
  })

  it('hostNamespaces: sets the true ones to false', () => {
    const text = lines(
      ...POD,
      '  hostNetwork: true',
      '  hostPID: yes',
      '  hostIPC: false',
      '  containers: [{name: a}]',
    )
    expect(fixOf(text, 'hostNamespaces')?.title).toBe('Set hostNetwork: false, hostPID: false')
    expect(applied(text, 'hostNamespaces')).toBe(
      text
        .replace('hostNetwork: true', 'hostNetwork: false')
        .replace('hostPID: yes', 'hostPID: false'),
    )
  })

  it('hostPorts: removes the hostPort entries, in block and flow maps', () => {
    const text = lines(
      ...POD,
      '  containers:',
      '  - name: a',
      '    ports:',
      '    - hostPort: 80 # public',
      '      containerPort: 80',
      '    - containerPort: 443',
      '      hostPort: 443',
      '    - {containerPort: 8080, hostPort: 8080}',
    )
    expect(applied(text, 'hostPorts')).toBe(
      lines(
        ...POD,
        '  containers:',
        '  - name: a',
        '    ports:',
        '    - # public',
        '      containerPort: 80',
        '    - containerPort: 443',
        '    - {containerPort: 8080}',
      ),
    )
  })

  it('hostPorts: a first entry without a comment lets the next one move up', () => {
    const text = lines(
      ...POD,
      '  containers:',
      '  - name: a',
      '    ports:',
      '    - hostPort: 80',
      '      containerPort: 80',
    )
    expect(applied(text, 'hostPorts')).toBe(
      lines(...POD, '  containers:', '  - name: a', '    ports:', '    - containerPort: 80'),
    )
  })

  it('procMount, windowsHostProcess and appArmorProfile set the allowed values', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      '  annotations:',
      '    container.apparmor.security.beta.kubernetes.io/a: unconfined',
      'spec:',
      '  securityContext:',
      '    windowsOptions: {hostProcess: true}',
      '  containers:',
      '  - name: a',
      '    securityContext:',
      '      procMount: Unmasked',
      '      appArmorProfile:',
      '        type: Unconfined',
    )
    expect(applied(text, 'procMount')).toBe(text.replace('Unmasked', 'Default'))
    expect(applied(text, 'windowsHostProcess')).toBe(
      text.replace('hostProcess: true', 'hostProcess: false'),
    )
    expect(applied(text, 'appArmorProfile')).toBe(
      text
        .replace('a: unconfined', 'a: runtime/default')
        .replace('type: Unconfined', 'type: RuntimeDefault'),
    )
  })

  it('sysctls: removes the forbidden items, or the whole key when none is left', () => {
    const some = lines(
      ...POD,
      '  securityContext:',
      '    sysctls:',
      '    - name: kernel.shm_rmid_forced',
      '      value: "1"',
      '    - name: kernel.msgmax',
      '      value: "65536"',
      '  containers: [{name: a}]',
    )
    expect(fixOf(some, 'sysctls')?.title).toBe('Remove the forbidden sysctls "kernel.msgmax"')
    expect(applied(some, 'sysctls')).toBe(
      some.replace('    - name: kernel.msgmax\n      value: "65536"\n', ''),
    )
    const all = lines(
      ...POD,
      '  securityContext:',
      '    runAsUser: 1',
      '    sysctls: [{name: kernel.msgmax, value: "1"}]',
      '  containers: [{name: a}]',
    )
    expect(applied(all, 'sysctls')).toBe(
      all.replace('    sysctls: [{name: kernel.msgmax, value: "1"}]\n', ''),
    )
  })

  it('hostProbesAndHostLifecycle: removes the host keys', () => {
    const text = lines(
      ...POD,
      '  containers:',
      '  - name: a',
      '    livenessProbe:',
      '      httpGet: {host: 10.0.0.1, port: 80}',
      '    lifecycle:',
      '      preStop:',
      '        tcpSocket:',
      '          port: 80',
      '          host: example.com',
    )
    expect(applied(text, 'hostProbesAndHostLifecycle')).toBe(
      text.replace('host: 10.0.0.1, ', '').replace('          host: example.com\n', ''),
    )
  })

  it('seLinuxOptions: removes the forbidden user, role and type keys', () => {
    const text = lines(
      ...POD,
      '  securityContext:',
      '    seLinuxOptions:',
      '      level: s0:c1',
      '      user: system_u',
      '  containers:',
      '  - name: a',
      '    securityContext:',
      '      seLinuxOptions: {type: spc_t, role: sysadm_r}',
    )
    expect(fixOf(text, 'seLinuxOptions')?.title).toBe(
      'Remove seLinuxOptions role, type, user from the pod and container "a"',
    )
    expect(applied(text, 'seLinuxOptions')).toBe(
      text.replace('      user: system_u\n', '').replace('{type: spc_t, role: sysadm_r}', '{}'),
    )
  })

  it('offers no fix where the intent cannot be guessed', () => {
    const text = lines(
      ...POD,
      '  securityContext: {runAsUser: 0}',
      '  volumes: [{name: h, hostPath: {path: /}}]',
      '  containers: [{name: a}]',
    )
    for (const id of ['hostPathVolumes', 'restrictedVolumes', 'runAsUser']) {
      expect(analyze(text).workloads[0]?.podSecurity.checks).toContainEqual(
        expect.objectContaining({ id, allowed: false }),
      )
      expect(fixOf(text, id)).toBeUndefined()
    }
  })

  it('edits the right document of a multi-document source', () => {
    const pod = lines(
      ...POD,
      '  containers:',
      '  - name: a',
      '    securityContext:',
      '      privileged: true',
    )
    const text = `# first\n${pod}---\n${pod.replace('name: p', 'name: q')}`
    const workload = analyze(text).workloads[1]
    const fix = workload?.podSecurity.checks.find((c) => c.id === 'privileged')?.fix
    expect(fix?.id).toBe('privileged@1')
    const fixed = applyEdits(text, fix?.edits ?? [])
    expect(fixed).toBe(
      `# first\n${pod}---\n${pod.replace('name: p', 'name: q').replace('true', 'false')}`,
    )
  })
})

describe('advisory fixes', () => {
  const text = lines(
    ...POD,
    '  containers:',
    '  - name: a',
    '    securityContext:',
    '      capabilities: {drop: [all]}',
    '      privileged: true',
  )

  it('sets readOnlyRootFilesystem and automountServiceAccountToken', () => {
    expect(applied(text, 'readonly-root-fs')).toBe(text + '      readOnlyRootFilesystem: true\n')
    expect(applied(text, 'automount-token-unset')).toBe(
      text + '  automountServiceAccountToken: false\n',
    )
  })

  it('replaces a miscased "all" with "ALL"', () => {
    expect(fixOf(text, 'drop-all-case')?.title).toBe(
      'Replace "all" with "ALL" in capabilities.drop of container "a"',
    )
    expect(applied(text, 'drop-all-case')).toBe(text.replace('[all]', '[ALL]'))
  })

  it('offers none for the other advisories', () => {
    const advisories = analyze(text).workloads[0]?.advisories ?? []
    for (const code of ['privileged-ape-unset', 'no-memory-limit', 'run-as-user-unset']) {
      expect(advisories).toContainEqual(expect.objectContaining({ code }))
      expect(advisories.find((a) => a.code === code)?.fix).toBeUndefined()
    }
  })
})
