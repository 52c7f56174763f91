import { describe, expect, it } from 'vitest'
import { analyze } from '../core/index.ts'
import { buildReviewMarkdown, GITHUB_COMMENT_MAX_CHARS } from './review-markdown.ts'

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    spec:
      initContainers:
        - name: setup
          image: busybox
      containers:
        - name: api
          image: ghcr.io/example/api:1.4
          securityContext:
            runAsUser: 10001
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["all"]
---
apiVersion: v1
kind: Pod
metadata:
  name: web|1
spec:
  hostNetwork: true
  containers:
    - name: web
      image: nginx
`

describe('buildReviewMarkdown', () => {
  // An image that runs as root, said explicitly: the default image USER is unknown.
  const analysis = analyze(MANIFEST, { imageUser: 0 })
  const review = buildReviewMarkdown(analysis, 'http://127.0.0.1/#/share/1/abc')

  it('starts with a verdict table per workload', () => {
    expect(review).toContain(
      [
        '| Workload | Pod Security (latest) | Failing checks | Containers |',
        '| --- | --- | --- | --- |',
        '| Deployment api (namespace shop) | ⚠️ baseline | 4 | setup, api |',
        '| Pod web\\|1 | ❌ privileged | 5 | web |',
      ].join('\n'),
    )
  })

  it('lists failing checks with the upstream reason and detail', () => {
    const check = analysis.workloads[0]!.podSecurity.checks.find(
      (c) => c.id === 'capabilities_restricted',
    )!
    expect(review).toContain(
      `- **Capabilities** (restricted, \`capabilities_restricted\`): ${check.reason}: ${check.detail}`,
    )
  })

  it('gives user, capabilities, seccomp and NoNewPrivs per container', () => {
    expect(review).toContain(
      '| `setup` (init) | 0 (root), from image USER, assumed | `00000000a80425fb` | runtime default | Unconfined | 0 |',
    )
    expect(review).toContain(
      '| `api` | 10001, from container | `0000000000000000` | none | Unconfined | 1 |',
    )
  })

  it('states the assumptions and the share link', () => {
    expect(review).toContain(
      '**Assumptions:** runtime containerd · node kernel 6.8 · Pod Security latest (rules v1.37) · kubelet seccompDefault off · AppArmor enabled on the node · image USER 0 (root)',
    )
    expect(review).toContain(
      '[Open this manifest in the playground](http://127.0.0.1/#/share/1/abc)',
    )
  })

  it('leaves out a link that would not fit in a GitHub comment, and says so', () => {
    const long = buildReviewMarkdown(
      analysis,
      `http://x/#/share/1/${'a'.repeat(GITHUB_COMMENT_MAX_CHARS)}`,
    )
    expect(long).not.toContain('](http://x/')
    expect(long).toContain('The share link is left out')
  })

  it('says when there is nothing to review', () => {
    expect(buildReviewMarkdown(analyze('kind: ConfigMap\n'))).toContain('No workload found')
  })
})
