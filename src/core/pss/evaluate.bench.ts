import { bench, describe } from 'vitest'
import type { PodTemplateInput, Range } from '../types.ts'
import { adviseWorkload } from '../advisories/advise.ts'
import { evaluatePodSecurity } from './evaluate.ts'

// A typical Deployment pod template that passes baseline and fails restricted: no seccomp
// profile, no drop ALL, a sidecar without allowPrivilegeEscalation: false.
const pod: PodTemplateInput = {
  metadata: { labels: { app: 'web' }, annotations: { 'prometheus.io/scrape': 'true' } },
  spec: {
    securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 2000 },
    initContainers: [
      { name: 'migrate', image: 'web:1', securityContext: { allowPrivilegeEscalation: false } },
    ],
    containers: [
      {
        name: 'web',
        image: 'web:1',
        ports: [{ containerPort: 8080 }],
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        volumeMounts: [{ name: 'config', mountPath: '/etc/web' }],
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true },
      },
      {
        name: 'proxy',
        image: 'envoy:1',
        securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } },
      },
    ],
    volumes: [{ name: 'config', configMap: { name: 'web' } }, { name: 'cache' }],
  },
}

const locate = (): Range => [0, 0]
const target = { kind: 'Deployment', name: 'web' }

describe('pod security per workload', () => {
  bench('evaluatePodSecurity, latest', () => {
    evaluatePodSecurity(pod, 'latest', locate, target)
  })

  bench('evaluatePodSecurity, v1.24', () => {
    evaluatePodSecurity(pod, 'v1.24', locate, target)
  })

  bench('adviseWorkload', () => {
    adviseWorkload(pod, locate)
  })
})
