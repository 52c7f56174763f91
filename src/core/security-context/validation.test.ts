import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze.ts'
import type { AnalysisOptions, Diagnostic } from '../types.ts'

function diagnostics(source: string, options: Partial<AnalysisOptions> = {}): Diagnostic[] {
  return analyze(source, options).diagnostics
}

function messages(source: string, options: Partial<AnalysisOptions> = {}): string[] {
  return diagnostics(source, options).map((d) => d.message)
}

/** A Pod whose one container has the given securityContext lines. */
function pod(containerSc: string[], extra: { spec?: string[]; annotations?: string[] } = {}) {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: demo',
    ...(extra.annotations ? ['  annotations:', ...extra.annotations.map((l) => `    ${l}`)] : []),
    'spec:',
    ...(extra.spec ?? []).map((l) => `  ${l}`),
    '  containers:',
    '    - name: app',
    '      image: nginx',
    ...(containerSc.length
      ? ['      securityContext:', ...containerSc.map((l) => `        ${l}`)]
      : []),
    '',
  ].join('\n')
}

/** The same pod template inside a Deployment. */
function deployment(
  containerSc: string[],
  extra: { spec?: string[]; annotations?: string[] } = {},
) {
  const template = pod(containerSc, extra)
    .split('\n')
    .slice(2)
    .map((line) => (line ? `    ${line}` : line))
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  template:',
    ...template.filter((line) => !line.includes('name: demo')),
  ].join('\n')
}

// Messages from kubernetes pkg/apis/core/validation/validation.go; field.Error prints
// "<path>: <type>: <value>: <detail>", and structs (here elided as {...}) for Invalid on a
// whole securityContext or seccompProfile.
describe('API server messages (pkg/apis/core/validation/validation.go)', () => {
  it('ValidateSecurityContext: allowPrivilegeEscalation false with privileged, at the path of the kind', () => {
    const detail =
      'Invalid value: {...}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true'
    const sc = ['privileged: true', 'allowPrivilegeEscalation: false']
    expect(messages(pod(sc))).toContain(`spec.containers[0].securityContext: ${detail}`)
    expect(messages(deployment(sc))).toContain(
      `spec.template.spec.containers[0].securityContext: ${detail}`,
    )
  })

  it('validateHostUsers: spells the fields hostNetwork, HostPID and HostIPC', () => {
    const source = pod([], {
      spec: ['hostUsers: false', 'hostNetwork: true', 'hostPID: true', 'hostIPC: true'],
    })
    expect(messages(source)).toEqual(
      expect.arrayContaining([
        'spec.hostNetwork: Forbidden: when `pod.Spec.HostUsers` is false',
        'spec.HostPID: Forbidden: when `pod.Spec.HostUsers` is false',
        'spec.HostIPC: Forbidden: when `pod.Spec.HostUsers` is false',
      ]),
    )
  })

  it('validateSeccompProfileType: refuses unknown types with the supported list', () => {
    expect(messages(pod(['seccompProfile: {type: runtime/default}']))).toContain(
      'spec.containers[0].securityContext.seccompProfile.type: Unsupported value: "runtime/default": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
    )
  })

  it('validateLocalDescendingPath: a Localhost profile must be relative and must not step up', () => {
    const path = 'spec.containers[0].securityContext.seccompProfile.localhostProfile'
    expect(
      messages(pod(['seccompProfile: {type: Localhost, localhostProfile: /etc/x.json}'])),
    ).toContain(`${path}: Invalid value: "/etc/x.json": must be a relative path`)
    expect(
      messages(pod(['seccompProfile: {type: Localhost, localhostProfile: ../x.json}'])),
    ).toContain(`${path}: Invalid value: "../x.json": must not contain '..'`)
    // Only a missing (nil) profile is Required; an empty string passes API validation.
    expect(messages(pod(['seccompProfile: {type: Localhost}']))).toContain(
      `${path}: Required value: must be set when seccomp type is Localhost`,
    )
    expect(diagnostics(pod(['seccompProfile: {type: Localhost, localhostProfile: ""}']))).toEqual(
      [],
    )
  })

  it('ValidateAppArmorProfileField: unknown type, padded or empty Localhost profile, profile on another type', () => {
    const path = 'spec.containers[0].securityContext.appArmorProfile'
    expect(messages(pod(['appArmorProfile: {type: Default}']))).toContain(
      `${path}.type: Unsupported value: "Default": supported values: "Localhost", "RuntimeDefault", "Unconfined"`,
    )
    expect(messages(pod(['appArmorProfile: {type: Localhost, localhostProfile: " p"}']))).toContain(
      `${path}.localhostProfile: Invalid value: " p": must not be padded with whitespace`,
    )
    expect(messages(pod(['appArmorProfile: {type: Localhost, localhostProfile: ""}']))).toContain(
      `${path}.localhostProfile: Required value: must be set when AppArmor type is Localhost`,
    )
    expect(
      messages(pod(['appArmorProfile: {type: RuntimeDefault, localhostProfile: p}'])),
    ).toContain(
      `${path}.localhostProfile: Invalid value: "p": can only be set when AppArmor type is Localhost`,
    )
  })

  it('validatePodSpecSecurityContext: fsGroup range and fsGroupChangePolicy values', () => {
    const source = [
      'kind: Pod',
      'spec:',
      '  securityContext: {fsGroup: -1, fsGroupChangePolicy: Sometimes}',
      '  containers: [{name: app}]',
      '',
    ].join('\n')
    expect(messages(source)).toEqual(
      expect.arrayContaining([
        'spec.securityContext.fsGroup: Invalid value: -1: must be between 0 and 2147483647, inclusive',
        'spec.securityContext.fsGroupChangePolicy: Unsupported value: "Sometimes": supported values: "Always", "OnRootMismatch"',
      ]),
    )
  })

  it('validateContainers: an empty containers list is refused, at the path of the kind', () => {
    const source =
      'kind: Deployment\nmetadata: {name: web}\nspec: {template: {spec: {containers: []}}}\n'
    expect(diagnostics(source)).toContainEqual(
      expect.objectContaining({
        code: 'no-containers',
        severity: 'error',
        message: expect.stringMatching(/^spec\.template\.spec\.containers: Required value/),
      }),
    )
  })
})

// pkg/api/pod/warnings.go and pkg/registry/core/pod/strategy.go (applyAppArmorVersionSkew).
describe('API server warnings for the legacy annotations', () => {
  it('calls a seccomp annotation without its field non-functional in v1.27+', () => {
    const annotations = ['seccomp.security.alpha.kubernetes.io/pod: runtime/default']
    expect(messages(deployment([], { annotations }))).toContain(
      'spec.template.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the "seccompProfile" field instead',
    )
    const withField = pod(['seccompProfile: {type: RuntimeDefault}'], {
      annotations: ['container.seccomp.security.alpha.kubernetes.io/app: runtime/default'],
    })
    expect(diagnostics(withField)).toEqual([])
  })

  it('calls an AppArmor annotation deprecated, unless the pod field already says the same', () => {
    const annotations = ['container.apparmor.security.beta.kubernetes.io/app: runtime/default']
    expect(messages(pod([], { annotations }))).toContain(
      'metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: deprecated since v1.30; use the "appArmorProfile" field instead',
    )
    const same = pod([], {
      annotations,
      spec: ['securityContext: {appArmorProfile: {type: RuntimeDefault}}'],
    })
    expect(diagnostics(same)).toEqual([])
  })
})

describe('kubelet checks', () => {
  // pkg/kubelet/kuberuntime/security_context_others.go, verifyRunAsNonRoot.
  it('verifyRunAsNonRoot: reads the USER part before ":" and words each refusal like the kubelet', () => {
    const source = pod(['runAsNonRoot: true'])
    expect(diagnostics(source, { imageUser: '1000:1000' })).toEqual([])
    expect(messages(source, { imageUser: 'app:app' })).toEqual([
      'container has runAsNonRoot and image has non-numeric user (app), cannot verify user is non-root (pod: "demo_default(<uid>)", container: app)',
    ])
    expect(messages(source, { imageUser: '0:1000' })).toEqual([
      'container has runAsNonRoot and image will run as root (pod: "demo_default(<uid>)", container: app)',
    ])
    expect(messages(source, { imageUser: 2147483648 })).toEqual([
      'container has runAsNonRoot and image has an invalid user id (2147483648). (Must be 1-(2147483647)): must be between 0 and 2147483647, inclusive (pod: "demo_default(<uid>)", container: app)',
    ])
  })

  // pkg/kubelet/util/format/pod.go: format.Pod prints `name_namespace(uid)`.
  it('names the pod as the kubelet prints it, with what cannot be known in angle brackets', () => {
    const refusal = (kind: string, metadata: string): string | undefined =>
      messages(
        `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n${metadata}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext: {runAsNonRoot: true, runAsUser: 0}\n`,
      ).find((m) => m.includes('breaks non-root policy'))
    expect(refusal('Deployment', '  name: web\n  namespace: shop')).toBe(
      'container\'s runAsUser breaks non-root policy (pod: "web-<hash>-<suffix>_shop(<uid>)", container: app)',
    )
    expect(refusal('StatefulSet', '  name: db')).toContain('(pod: "db-0_default(<uid>)"')
    expect(refusal('DaemonSet', '  name: agent')).toContain('(pod: "agent-<suffix>_default(<uid>)"')
  })

  // pkg/security/apparmor/validate.go: isRequired, then validateHost.
  it('rejects a pod asking for AppArmor on a node without it, but not an Unconfined one', () => {
    const asks = pod(['appArmorProfile: {type: RuntimeDefault}'])
    expect(diagnostics(asks, { appArmor: false })).toContainEqual(
      expect.objectContaining({
        code: 'apparmor-not-enabled',
        source: 'kubelet',
        message: expect.stringContaining(
          'Cannot enforce AppArmor: AppArmor is not enabled on the host',
        ),
      }),
    )
    expect(diagnostics(asks)).toEqual([])
    expect(diagnostics(pod(['appArmorProfile: {type: Unconfined}']), { appArmor: false })).toEqual(
      [],
    )
  })
})
