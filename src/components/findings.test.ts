import { describe, expect, it } from 'vitest'
import { analyze } from '../core/index.ts'
import { findingsOf } from './findings.ts'

// The "best practice" Deployment of many blog posts: lowercase "all", no seccomp.
const BLOG = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: nginx
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["all"]
`

describe('one explanation per problem', () => {
  it('folds the lowercase "all" advisory into the capabilities finding, with one fix', () => {
    const workload = analyze(BLOG, {}, { fixes: true }).workloads[0]
    if (!workload) throw new Error('no workload')
    const { findings, advisories } = findingsOf(workload)
    const caps = findings.find((f) => f.check.id === 'capabilities_restricted')
    expect(caps?.related.map((a) => a.code)).toEqual(['drop-all-case'])
    expect(caps?.fix?.edits).toEqual([expect.objectContaining({ insert: '"ALL"' })])
    expect(advisories.map((a) => a.code)).not.toContain('drop-all-case')
    // Every advisory is shown exactly once: folded into a finding or listed on its own.
    const folded = findings.flatMap((f) => f.related)
    expect(folded.length + advisories.length).toBe(workload.advisories.length)
  })
})
