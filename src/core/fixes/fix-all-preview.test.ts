import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze.ts'
import { lowestLevel } from '../pss/levels.ts'
import { defaultFixDecisions, fixAll } from './fix-all.ts'
import { previewFixAll, relevantFixDecisions } from './fix-all-preview.ts'

const lines = (...parts: string[]) => parts.join('\n') + '\n'

/** A web server on port 80 that runs as root, and a privileged node agent. */
const TWO = lines(
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: web}',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: nginx',
  '    ports: [{containerPort: 80}]',
  '    securityContext: {runAsUser: 0}',
  '---',
  'apiVersion: apps/v1',
  'kind: DaemonSet',
  'metadata: {name: agent}',
  'spec:',
  '  selector: {matchLabels: {app: agent}}',
  '  template:',
  '    metadata: {labels: {app: agent}}',
  '    spec:',
  '      hostNetwork: true',
  '      containers:',
  '      - name: agent',
  '        image: agent',
)

describe('previewFixAll', () => {
  it('is fixAll, with the lowest level its text reaches', () => {
    const decisions = defaultFixDecisions()
    const preview = previewFixAll(TWO, 'restricted', {}, decisions)
    expect(preview.result).toEqual(fixAll(TWO, 'restricted', {}, decisions))
    const levels = analyze(preview.result.text).workloads.map((w) => w.podSecurity.level)
    expect(preview.levelAfter).toBe(lowestLevel(levels))
    // The node agent keeps its host network by default, so the whole paste stays privileged.
    expect(preview.levelAfter).toBe('privileged')
  })

  it('judges only the workload in scope', () => {
    const preview = previewFixAll(TWO, 'restricted', {}, defaultFixDecisions(), { workload: 0 })
    expect(preview.levelAfter).toBe('restricted')
  })
})

describe('relevantFixDecisions', () => {
  it('names the decisions this text needs, and none it does not', () => {
    expect(new Set(relevantFixDecisions(TWO, 'restricted', {}))).toEqual(
      new Set([
        'runAsUser',
        'seccompLocalhostProfile',
        'netBindService',
        'removeNodeAgentHostAccess',
      ]),
    )
    // The web pod alone has no node agent.
    expect(relevantFixDecisions(TWO, 'restricted', {}, { workload: 0 })).not.toContain(
      'removeNodeAgentHostAccess',
    )
  })

  it('needs nothing for a text with no workload', () => {
    expect(relevantFixDecisions('kind: ConfigMap\n', 'restricted', {})).toEqual([])
  })
})
