import { describe, expect, it } from 'vitest'
import { analyze } from '../core/index.ts'
import { faviconFor, titleFor, verdictOf } from './verdict.ts'

const pod = (name: string, sc: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
    - name: app
      image: nginx
      securityContext: ${sc}
`
const RESTRICTED = '{allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}'

describe('verdict over a paste', () => {
  it('takes the least strict level as the verdict and counts each level', () => {
    const source = [
      pod('a', RESTRICTED),
      pod('b', '{privileged: true}'),
      pod('c', '{allowPrivilegeEscalation: false}'),
    ].join('---\n')
    const verdict = verdictOf(analyze(source).workloads)
    expect(verdict?.worst).toBe('privileged')
    expect(verdict?.counts).toEqual({ privileged: 1, baseline: 1, restricted: 1 })
    expect(verdict?.rows.map((r) => [r.name, r.level, r.failing > 0])).toEqual([
      ['a', 'restricted', false],
      ['b', 'privileged', true],
      ['c', 'baseline', true],
    ])
    expect(titleFor(verdict, false)).toBe(
      'Privileged (1 of 3 workloads) · Security Context Playground',
    )
  })

  it('says nothing when there is no workload, and the title says when the YAML is broken', () => {
    expect(verdictOf([])).toBeNull()
    expect(titleFor(null, false)).toBe('Security Context Playground')
    expect(titleFor(verdictOf(analyze(pod('a', RESTRICTED)).workloads), true)).toMatch(
      /^YAML error/,
    )
    expect(titleFor(verdictOf(analyze(pod('a', RESTRICTED)).workloads), false)).toMatch(
      /^Restricted ·/,
    )
  })

  it('colours the favicon by level, as a data URL the page can show offline', () => {
    const icons = new Set([
      faviconFor('privileged'),
      faviconFor('baseline'),
      faviconFor('restricted'),
    ])
    expect(icons.size).toBe(3)
    for (const icon of icons) expect(icon).toMatch(/^data:image\/svg\+xml,/)
  })
})
