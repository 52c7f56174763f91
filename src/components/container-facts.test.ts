import { describe, expect, it } from 'vitest'
import { analyze, type AnalysisOptions } from '../core/index.ts'
import { containerFacts } from './container-facts.ts'

function facts(spec: string, options: Partial<AnalysisOptions> = {}) {
  const source = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}
`
  const analysis = analyze(source, options)
  const container = analysis.workloads[0]?.containers[0]
  if (!container) throw new Error('no container')
  return containerFacts(container, analysis.options.runtime).map(
    (f) => `${f.risk ? '!' : ''}${f.text} (${f.source})`,
  )
}

describe('a container at a glance', () => {
  it('a hardened pod: UID, no capabilities, RuntimeDefault, no escalation, read-only root', () => {
    const spec = `  securityContext:
    runAsUser: 1000
    seccompProfile: {type: RuntimeDefault}
  containers:
    - name: app
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities: {drop: [ALL]}`
    expect(facts(spec)).toEqual([
      'runs as UID 1000 (pod)',
      '0 effective capabilities (container)',
      'seccomp RuntimeDefault (pod)',
      'no privilege escalation (container)',
      'read-only root filesystem (container)',
    ])
  })

  it('a bare container says each risk in words, with the assumption it rests on', () => {
    expect(facts('  containers:\n    - name: app', { imageUser: 0 })).toEqual([
      '!runs as root (UID 0) (assumed: image USER)',
      '!14 capabilities in effect (default: containerd)',
      '!seccomp Unconfined: no syscall filter (default: kubelet)',
      '!privilege escalation allowed (default)',
      'writable root filesystem (default)',
    ])
  })

  it('an unknown image USER: the capability count is conditional', () => {
    const [user, caps] = facts('  containers:\n    - name: app')
    expect(user).toBe(
      "!runs as the image's USER (unknown; root if the image sets none) (assumed: image USER)",
    )
    expect(caps).toBe('!14 capabilities in effect if the image runs as root (default: containerd)')
  })

  it('privileged and host namespaces are named as what they give away', () => {
    const spec = `  hostNetwork: true
  hostPID: true
  containers:
    - name: app
      securityContext: {privileged: true, runAsUser: 0}`
    expect(facts(spec)).toEqual([
      '!runs as root (UID 0) (container)',
      '!privileged: every capability and all host devices (container)',
      '!no seccomp filter (privileged) (container)',
      '!privilege escalation allowed (default)',
      'writable root filesystem (default)',
      "!shares the host's network, processes (pod)",
    ])
  })
})
