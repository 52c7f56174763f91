import { describe, expect, it } from 'vitest'
import { analyze, PSS_CHECK_INFO, type Analysis, type Workload } from '../core/index.ts'
import { analysisMarkers } from './analysis-markers.ts'

function withWorkload(patch: Partial<Workload>): Analysis {
  const base = analyze('')
  const workload: Workload = {
    kind: 'Pod',
    name: 'p',
    document: 0,
    range: [0, 100],
    podSpecRange: [40, 100],
    containers: [],
    podSecurity: {
      version: 'latest',
      rulesVersion: 'v1.37',
      level: 'privileged',
      checks: [],
      message: {},
    },
    advisories: [],
    ...patch,
  }
  return { ...base, workloads: [workload] }
}

describe('analysisMarkers', () => {
  it('keeps core diagnostics at their own severity and range', () => {
    const analysis: Analysis = {
      ...analyze(''),
      diagnostics: [
        { code: 'yaml-syntax', severity: 'error', message: 'bad', range: [3, 4], source: 'yaml' },
      ],
    }
    expect(analysisMarkers(analysis)).toEqual([
      { range: [3, 4], severity: 'error', message: 'bad', code: 'yaml-syntax', source: 'yaml' },
    ])
  })

  it('marks every range of a failing check and none of a passing one', () => {
    const analysis = withWorkload({
      podSecurity: {
        version: 'latest',
        rulesVersion: 'v1.37',
        level: 'privileged',
        message: {},
        checks: [
          { id: 'privileged', level: 'baseline', allowed: true, ranges: [] },
          {
            id: 'hostNamespaces',
            level: 'baseline',
            allowed: false,
            reason: 'host namespaces',
            detail: 'hostNetwork=true',
            ranges: [
              [5, 9],
              [12, 20],
            ],
          },
          {
            id: 'runAsNonRoot',
            level: 'restricted',
            allowed: false,
            reason: 'runAsNonRoot != true',
            ranges: [],
          },
        ],
      },
    })
    const markers = analysisMarkers(analysis)
    expect(markers.map((m) => [m.code, m.severity, m.range])).toEqual([
      ['hostNamespaces', 'warning', [5, 9]],
      ['hostNamespaces', 'warning', [12, 20]],
      ['runAsNonRoot', 'info', [40, 100]],
    ])
    const hostNamespaces = PSS_CHECK_INFO.hostNamespaces
    expect(markers[0]?.message).toBe(
      [
        'Pod Security baseline (v1.37), Host Namespaces: host namespaces',
        'hostNetwork=true',
        `Why: ${hostNamespaces.why}`,
        `Fix: ${hostNamespaces.fix}`,
      ].join('\n'),
    )
    expect(markers[0]?.docs).toBe(hostNamespaces.docs)
  })

  it('shows advisories as hints with their why', () => {
    const analysis = withWorkload({
      advisories: [
        {
          code: 'no-memory-limit',
          severity: 'warning',
          container: 'c',
          message: 'No memory limit',
          why: 'A leak can take the node down.',
          range: [50, 60],
        },
      ],
    })
    expect(analysisMarkers(analysis)).toEqual([
      {
        range: [50, 60],
        severity: 'hint',
        message: 'No memory limit\nWhy: A leak can take the node down.',
        code: 'no-memory-limit',
        source: 'advisory',
      },
    ])
  })

  it('does not mark a capability warning twice when it is also a diagnostic', () => {
    const base = analyze(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x\n',
    )
    const container = base.workloads[0]?.containers[0]
    expect(container).toBeDefined()
    if (!container) return
    const warning = {
      code: 'cap-unknown-ignored',
      severity: 'warning' as const,
      name: 'FOO',
      list: 'add' as const,
      message: 'FOO is not a capability',
      range: [10, 13] as const,
    }
    const analysis = withWorkload({
      containers: [
        { ...container, capabilities: { ...container.capabilities, warnings: [warning] } },
      ],
    })
    const once = analysisMarkers(analysis).filter((m) => m.code === warning.code)
    expect(once).toHaveLength(1)
    const twice = analysisMarkers({
      ...analysis,
      diagnostics: [
        {
          code: warning.code,
          severity: 'warning',
          message: warning.message,
          range: warning.range,
          source: 'runtime',
        },
      ],
    }).filter((m) => m.code === warning.code)
    expect(twice).toHaveLength(1)
    expect(twice[0]?.source).toBe('runtime')
  })
})
