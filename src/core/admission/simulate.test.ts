import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze.ts'
import type { WorkloadAdmission } from './types.ts'

/** A Namespace document with the given Pod Security labels. */
function namespace(name: string, labels: Record<string, string>): string {
  const lines = Object.entries(labels).map(([k, v]) => `    pod-security.kubernetes.io/${k}: ${v}`)
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${lines.length ? `  labels:\n${lines.join('\n')}\n` : ''}`
}

// Runs as root with no hardening: passes baseline, fails restricted.
const PLAIN_SPEC = `containers:
- name: app
  image: nginx`

// Meets restricted at every version.
const RESTRICTED_SPEC = `securityContext:
  runAsNonRoot: true
  seccompProfile:
    type: RuntimeDefault
containers:
- name: app
  image: nginx
  securityContext:
    allowPrivilegeEscalation: false
    capabilities:
      drop: [ALL]`

const indent = (text: string, by: number) =>
  text
    .split('\n')
    .map((line) => ' '.repeat(by) + line)
    .join('\n')

function pod(name: string, ns: string | undefined, spec = PLAIN_SPEC): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n${indent(spec, 2)}\n`
}

function controller(kind: string, name: string, ns: string, spec = PLAIN_SPEC): string {
  const template = `template:\n  metadata:\n    labels: {app: ${name}}\n  spec:\n${indent(spec, 4)}`
  const body =
    kind === 'CronJob'
      ? `schedule: "* * * * *"\njobTemplate:\n  spec:\n${indent(template, 4)}`
      : template
  return `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n${indent(body, 2)}\n`
}

function admissions(...documents: string[]): WorkloadAdmission[] {
  return analyze(documents.join('---\n')).workloads.flatMap((w) =>
    w.admission ? [w.admission] : [],
  )
}

const RESTRICTED_DETAIL =
  'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")'

describe('admission of a Pod', () => {
  it('rejects a Pod that violates enforce, with kubectl’s exact text and no warning', () => {
    const [web] = admissions(namespace('team', { enforce: 'restricted' }), pod('web', 'team'))
    expect(web?.outcome).toBe('rejected')
    expect(web?.kubectl).toEqual([
      `Error from server (Forbidden): error when creating "STDIN": pods "web" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_DETAIL}`,
    ])
    // Warn was defaulted to restricted, but a refused request carries no warnings.
    expect(web?.policy.warn).toEqual({ level: 'restricted', version: 'latest' })
    expect(web?.warning).toBeUndefined()
    expect(web?.auditAnnotations).toEqual({
      'pod-security.kubernetes.io/enforce-policy': 'restricted:latest',
    })
  })

  it('warns at the warn level and version while enforce admits', () => {
    const hostNetwork = `hostNetwork: true\n${PLAIN_SPEC}`
    const [web] = admissions(
      namespace('team', { warn: 'baseline', 'warn-version': 'v1.29' }),
      pod('web', 'team', hostNetwork),
    )
    expect(web?.outcome).toBe('warned')
    expect(web?.kubectl).toEqual([
      'Warning: would violate PodSecurity "baseline:v1.29": host namespaces (hostNetwork=true)',
      'pod/web created',
    ])
  })

  it('records audit violations in the audit annotation only', () => {
    const [web] = admissions(namespace('team', { audit: 'restricted' }), pod('web', 'team'))
    expect(web?.outcome).toBe('admitted')
    expect(web?.kubectl).toEqual(['pod/web created'])
    expect(web?.auditAnnotations).toEqual({
      'pod-security.kubernetes.io/enforce-policy': 'privileged:latest',
      'pod-security.kubernetes.io/audit-violations': `would violate PodSecurity "restricted:latest": ${RESTRICTED_DETAIL}`,
    })
  })

  it('evaluates at the pinned version: probe hosts are checked from v1.34', () => {
    const probeHost = `containers:
- name: app
  image: nginx
  readinessProbe:
    httpGet: {host: 127.0.0.1, port: 80}`
    const at = (version: string) =>
      admissions(
        namespace('team', { enforce: 'baseline', 'enforce-version': version }),
        pod('web', 'team', probeHost),
      )[0]
    expect(at('v1.33')?.outcome).toBe('admitted')
    expect(at('v1.34')?.kubectl).toEqual([
      'Error from server (Forbidden): error when creating "STDIN": pods "web" is forbidden: violates PodSecurity "baseline:v1.34": probe or lifecycle host (container "app" uses probe or lifecycle host "127.0.0.1")',
    ])
  })

  it('sees the hostPorts a hostNetwork Pod gets by defaulting', () => {
    const spec = `hostNetwork: true
containers:
- name: app
  image: nginx
  ports:
  - containerPort: 8080`
    const [web] = admissions(namespace('team', { enforce: 'baseline' }), pod('web', 'team', spec))
    expect(web?.forbidden).toBe(
      'pods "web" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), hostPort (container "app" uses hostPort 8080)',
    )
  })

  it('records privileged:latest for a fully privileged namespace, whatever version it names', () => {
    const [web] = admissions(
      namespace('team', { enforce: 'privileged', 'enforce-version': 'v1.25' }),
      pod('web', 'team'),
    )
    expect(web?.auditAnnotations).toEqual({
      'pod-security.kubernetes.io/enforce-policy': 'privileged:latest',
    })
  })
})

describe('admission of a controller', () => {
  it('admits a Deployment with a warning; its Pods are refused and the ReplicaSet reports it', () => {
    const [web] = admissions(
      namespace('team', { enforce: 'restricted' }),
      controller('Deployment', 'web', 'team'),
    )
    expect(web?.outcome).toBe('admitted-pods-rejected')
    expect(web?.kubectl).toEqual([
      `Warning: would violate PodSecurity "restricted:latest": ${RESTRICTED_DETAIL}`,
      'deployment.apps/web created',
    ])
    expect(web?.podsRejected).toEqual({
      type: 'Warning',
      reason: 'FailedCreate',
      involvedObject: 'ReplicaSet web-<hash>',
      source: 'replicaset-controller',
      message: `Error creating: pods "web-<hash>-<random>" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_DETAIL}`,
    })
    expect(web?.auditAnnotations).toEqual({})
  })

  it('is silent when warn is explicitly privileged, though its Pods are still refused', () => {
    const [web] = admissions(
      namespace('team', { enforce: 'restricted', warn: 'privileged', audit: 'privileged' }),
      controller('DaemonSet', 'agent', 'team'),
    )
    expect(web?.outcome).toBe('admitted-pods-rejected')
    expect(web?.kubectl).toEqual(['daemonset.apps/agent created'])
    expect(web?.podsRejected?.involvedObject).toBe('DaemonSet agent')
  })

  it('words the StatefulSet and CronJob reports as their controllers do', () => {
    const [db, nightly] = admissions(
      namespace('team', { enforce: 'restricted' }),
      controller('StatefulSet', 'db', 'team'),
      controller('CronJob', 'nightly', 'team'),
    )
    expect(db?.podsRejected?.message).toBe(
      `create Pod db-0 in StatefulSet db failed error: pods "db-0" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_DETAIL}`,
    )
    expect(db?.podsRejected?.source).toBe('statefulset-controller')
    expect(nightly?.podsRejected?.involvedObject).toBe('Job nightly-<time>')
    expect(nightly?.kubectl.at(-1)).toBe('cronjob.batch/nightly created')
  })

  it('prints a warning repeated by a later object only once, as kubectl de-duplicates', () => {
    const [a, b] = admissions(
      namespace('team', { warn: 'restricted' }),
      controller('Deployment', 'a', 'team'),
      controller('Deployment', 'b', 'team'),
    )
    expect(a?.kubectl).toHaveLength(2)
    expect(b?.outcome).toBe('warned')
    expect(b?.kubectl).toEqual(['deployment.apps/b created'])
    expect(b?.notes.join(' ')).toMatch(/once per command/)
  })
})

describe('namespaces', () => {
  it('gives each workload the policy of its own Namespace, and the assumption to the rest', () => {
    const source = [
      namespace('strict', { enforce: 'restricted' }),
      namespace('loose', { enforce: 'baseline', 'enforce-version': 'v1.30' }),
      pod('a', 'strict'),
      pod('b', 'loose'),
      pod('c', undefined),
    ].join('---\n')
    const analysis = analyze(source, {
      namespaceLabels: { 'pod-security.kubernetes.io/warn': 'baseline' },
    })
    const [a, b, c] = analysis.workloads.map((w) => w.admission)
    expect(a?.outcome).toBe('rejected')
    expect(b).toMatchObject({ outcome: 'admitted', policySource: 'document' })
    expect(b?.policy.enforce).toEqual({ level: 'baseline', version: 'v1.30' })
    expect(c).toMatchObject({
      namespace: 'default',
      namespaceFromContext: true,
      policySource: 'assumption',
    })
    expect(c?.policy.warn.level).toBe('baseline')

    const summary = analysis.admission.namespaces
    expect(summary.map((n) => [n.name, n.source, n.workloads])).toEqual([
      ['strict', 'document', 1],
      ['loose', 'document', 1],
      ['default', 'assumption', 1],
    ])
    expect(summary[0]?.stops).toEqual({ enforce: 1, warn: 0, audit: 0 })
    expect(summary[0]?.kubectl).toEqual(['namespace/strict created'])
    expect(summary[0]?.suggestion).toMatchObject({ level: 'baseline', version: 'latest' })
  })

  it('refuses a Namespace with invalid labels, in kubectl’s words', () => {
    const alone = analyze(namespace('team', { enforce: 'strict' })).admission.namespaces[0]
    expect(alone?.kubectl).toEqual([
      'The Namespace "team" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted',
    ])
    const analysis = analyze(
      [namespace('team', { enforce: 'strict', warn: 'loud' }), pod('web', 'team')].join('---\n'),
    )
    expect(analysis.admission.namespaces[0]?.kubectl).toEqual([
      'Error from server (Invalid): error when creating "STDIN": Namespace "team" is invalid: [metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted, metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: "loud": must be one of privileged, baseline, restricted]',
    ])
    // Where the labels already exist, the Pod is evaluated as restricted and the error audited.
    const web = analysis.workloads[0]?.admission
    expect(web?.outcome).toBe('rejected')
    expect(web?.auditAnnotations['pod-security.kubernetes.io/error']).toMatch(
      /^Failed to parse policy: \[metadata\.labels\[pod-security\.kubernetes\.io\/enforce\]/,
    )
  })

  it('says when the Namespace comes after the object, and where exemptions are likely', () => {
    const [late] = admissions(pod('web', 'team'), namespace('team', { enforce: 'baseline' }))
    expect(late?.policySource).toBe('document')
    expect(late?.notes[0]).toContain(
      'Error from server (NotFound): error when creating "STDIN": namespaces "team" not found',
    )
    const [system] = admissions(pod('dns', 'kube-system'))
    expect(system?.notes.join(' ')).toMatch(/exempt kube-system/)
  })

  it('suggests the strictest enforce setting that admits everything, pinning a version if needed', () => {
    const probeHost = `${RESTRICTED_SPEC}
  readinessProbe:
    tcpSocket: {host: localhost, port: 80}`
    const analysis = analyze(
      [pod('a', 'team', RESTRICTED_SPEC), pod('b', 'team', probeHost)].join('---\n'),
    )
    expect(analysis.admission.suggestion).toEqual({
      level: 'restricted',
      version: 'v1.33',
      yaml: 'pod-security.kubernetes.io/enforce: restricted\npod-security.kubernetes.io/enforce-version: v1.33',
    })
    expect(analysis.admission.namespaces[0]?.suggestion.command).toBe(
      'kubectl label --overwrite namespace team \\\n  pod-security.kubernetes.io/enforce=restricted \\\n  pod-security.kubernetes.io/enforce-version=v1.33',
    )
  })
})
