import { bench, describe } from 'vitest'
import { analyze } from './analyze.ts'

const corpus = import.meta.glob<string>('./testdata/corpus/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})
const text = (file: string): string => corpus[`./testdata/corpus/${file}`] ?? ''

// The largest corpus manifests (about 100 KB each) and the smallest, for the per-keystroke cost.
// With fixes, as the panel asks for them; the typing path without them is measured below.
const withFixes = { fixes: true }
describe('analyze() on real manifests', () => {
  bench('metallb-frr.yaml (100 KB, 27 documents, 2 workloads)', () => {
    analyze(text('metallb_metallb_metallb-frr.yaml'), {}, withFixes)
  })
  bench('argo-cd namespace-install.yaml (98 KB, 50 documents, 7 workloads)', () => {
    analyze(text('argoproj_argo-cd_namespace-install.yaml'), {}, withFixes)
  })
  bench('microservices-demo (23 KB, 12 workloads)', () => {
    analyze(text('GoogleCloudPlatform_microservices-demo_kubernetes-manifests.yaml'), {}, withFixes)
  })
  bench('security-context-2.yaml (one Pod)', () => {
    analyze(text('kubernetes_website_security-context-2.yaml'), {}, withFixes)
  })
})

describe('analyze() without fixes (the typing path)', () => {
  bench('metallb-frr.yaml (100 KB, 27 documents, 2 workloads)', () => {
    analyze(text('metallb_metallb_metallb-frr.yaml'))
  })
  bench('argo-cd namespace-install.yaml (98 KB, 50 documents, 7 workloads)', () => {
    analyze(text('argoproj_argo-cd_namespace-install.yaml'))
  })
  bench('microservices-demo (23 KB, 12 workloads)', () => {
    analyze(text('GoogleCloudPlatform_microservices-demo_kubernetes-manifests.yaml'))
  })
})
