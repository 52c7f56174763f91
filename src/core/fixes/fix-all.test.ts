import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze.ts'
import { defaultFixDecisions, fixAll } from './fix-all.ts'

const lines = (...parts: string[]) => parts.join('\n') + '\n'

// A commented pod (its container's security context comes last) and a Service after it.
const POD_HEAD = [
  '# web front end',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web # keep',
  'spec:',
  '  containers:',
  '  - name: app # main',
  '    image: nginx',
  '    ports:',
  '    - containerPort: 80',
  '    securityContext:',
]
const SERVICE = [
  '---',
  '# the service stays as it is',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: web}',
]
const COMMENTED = lines(...POD_HEAD, '      privileged: true # why?', ...SERVICE)

/** Pod `p` with one container `a`, whose securityContext holds `settings`. */
const podWith = (...settings: string[]) =>
  lines(
    'kind: Pod',
    'metadata: {name: p}',
    'spec:',
    '  containers:',
    '  - name: a',
    '    securityContext:',
    ...settings,
  )

describe('fixAll', () => {
  it('makes a commented pod restricted in one change, privileged off before escalation', () => {
    const result = fixAll(COMMENTED, 'restricted', {}, defaultFixDecisions())
    expect(result.text).toBe(
      lines(
        ...POD_HEAD,
        '      privileged: false # why?',
        '      capabilities:',
        '        drop:',
        '        - ALL',
        '        add:',
        '        - NET_BIND_SERVICE',
        '      allowPrivilegeEscalation: false',
        '  securityContext:',
        '    runAsUser: 65532',
        '    runAsNonRoot: true',
        '    seccompProfile:',
        '      type: RuntimeDefault',
        ...SERVICE,
      ),
    )
    const checks = result.applied.map((a) => a.check ?? a.decision)
    expect(checks.indexOf('privileged')).toBeLessThan(checks.indexOf('allowPrivilegeEscalation'))
    expect(result.unfixed).toEqual([])
    expect(analyze(result.text).workloads[0]?.podSecurity.level).toBe('restricted')
    expect(fixAll(result.text, 'restricted', {}, defaultFixDecisions())).toEqual({
      text: result.text,
      applied: [],
      unfixed: [],
    })
  })

  it('without a UID decision leaves runAsNonRoot to a person rather than a pod that cannot start', () => {
    const result = fixAll(COMMENTED, 'restricted')
    expect(result.text).not.toContain('runAsNonRoot')
    expect(result.unfixed).toEqual([
      expect.objectContaining({
        workload: 0,
        kind: 'Pod',
        name: 'web',
        findings: [expect.objectContaining({ code: 'runAsNonRoot', decision: 'runAsUser' })],
      }),
    ])
  })

  it('keeps CRLF line endings and writes the chosen UID over runAsUser: 0', () => {
    const text = lines(
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  securityContext:',
      '    runAsUser: 0',
      '  containers:',
      '  - name: a',
    ).replaceAll('\n', '\r\n')
    const result = fixAll(text, 'restricted', {}, { runAsUser: 1000 })
    expect(result.text.replaceAll('\r\n', '')).not.toContain('\n')
    expect(result.text).toContain('runAsUser: 1000\r\n')
    expect(result.unfixed).toEqual([])
  })

  it('leaves host namespaces of a node agent unless told to remove them', () => {
    const agent = lines(
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata: {name: exporter}',
      'spec:',
      '  template:',
      '    spec:',
      '      hostNetwork: true',
      '      hostPID: true',
      '      containers:',
      '      - name: e',
      '        ports:',
      '        - {containerPort: 9100, hostPort: 9100}',
    )
    const kept = fixAll(agent, 'baseline')
    expect(kept.text).toBe(agent)
    expect(kept.unfixed[0]?.findings.map((f) => [f.code, f.decision])).toEqual([
      ['hostNamespaces', 'removeNodeAgentHostAccess'],
      ['hostPorts', 'removeNodeAgentHostAccess'],
    ])
    const removed = fixAll(agent, 'baseline', {}, { removeNodeAgentHostAccess: true })
    expect(removed.unfixed).toEqual([])
    expect(removed.text).toContain('hostNetwork: false')
    expect(removed.text).not.toContain('hostPort')
  })

  it('fixes only the workload in scope', () => {
    const two = [COMMENTED.split('---')[0], COMMENTED.split('---')[0]?.replace('web', 'api')].join(
      '---\n',
    )
    const result = fixAll(two, 'baseline', {}, {}, { workload: 1 })
    const [first, second] = result.text.split('---\n')
    expect(first).toBe(two.split('---\n')[0])
    expect(second).toContain('privileged: false')
    expect(result.applied.every((a) => a.workload === 1)).toBe(true)
  })

  it('keeps a capabilities block in block style when one level empties it and the next refills it', () => {
    const text = podWith('      capabilities:', '        add:', '        - SYS_ADMIN')
    const baseline = fixAll(text, 'baseline').text
    expect(baseline).toContain('      capabilities: {}\n')
    const restricted = fixAll(baseline, 'restricted', {}, defaultFixDecisions()).text
    expect(restricted).toContain('      capabilities:\n        drop:\n        - ALL\n')
  })

  it('writes the chosen Localhost seccomp profile instead of RuntimeDefault', () => {
    const text = podWith('      seccompProfile: {type: Unconfined}')
    const result = fixAll(text, 'baseline', {}, { seccompLocalhostProfile: 'profiles/web.json' })
    expect(result.text).toContain(
      'seccompProfile: {type: Localhost, localhostProfile: profiles/web.json}',
    )
    expect(result.applied.map((a) => a.decision ?? a.check)).toEqual([
      'seccompProfile_baseline',
      'seccompLocalhostProfile',
    ])
  })

  it('reports a volume for a person and ignores decisions the API would refuse', () => {
    const text = lines(
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers: [{name: a}]',
      '  volumes: [{name: logs, hostPath: {path: /var/log}}]',
    )
    const result = fixAll(text, 'baseline', {}, { runAsUser: 0, seccompLocalhostProfile: ' x' })
    expect(result.text).toBe(text)
    expect(result.unfixed[0]?.findings[0]).toMatchObject({
      code: 'hostPathVolumes',
      ranges: [[text.indexOf('{name: logs'), text.indexOf('/var/log}}') + 10]],
    })
  })

  it('defaults the UID to the image USER when the assumptions name a numeric one', () => {
    expect(defaultFixDecisions({ imageUser: 101 }).runAsUser).toBe(101)
    expect(defaultFixDecisions({ imageUser: 'nginx' }).runAsUser).toBe(65532)
  })

  it('never throws and leaves text it cannot read alone', () => {
    for (const text of ['', ':\n  - [', '\u0000', 'kind: Pod\nspec: 3\n']) {
      expect(fixAll(text, 'restricted', {}, defaultFixDecisions()).text).toBe(text)
    }
  })
})
