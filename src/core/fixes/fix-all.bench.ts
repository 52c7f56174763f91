import { bench, describe } from 'vitest'
import { defaultFixDecisions, fixAll } from './fix-all.ts'

const corpus = import.meta.glob<string>('../testdata/corpus/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})
const text = (file: string): string => corpus[`../testdata/corpus/${file}`] ?? ''

// What the "Fix all" preview costs on open and on each decision change.
describe('fixAll() to restricted with the default decisions', () => {
  const decisions = defaultFixDecisions()
  bench('microservices-demo (23 KB, 12 workloads)', () => {
    fixAll(
      text('GoogleCloudPlatform_microservices-demo_kubernetes-manifests.yaml'),
      'restricted',
      {},
      decisions,
    )
  })
  bench('argo-cd namespace-install.yaml (98 KB, 50 documents, 7 workloads)', () => {
    fixAll(text('argoproj_argo-cd_namespace-install.yaml'), 'restricted', {}, decisions)
  })
  bench('security-context-2.yaml (one Pod)', () => {
    fixAll(text('kubernetes_website_security-context-2.yaml'), 'restricted', {}, decisions)
  })
})
