import { describe, expect, it } from 'vitest'
import { analyze, type Analysis, type Workload } from '../core/index.ts'
import { analysisMarkers, PSS_DOCS } from './analysis-markers.ts'

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
    expect(markers[0]?.message).toBe(
      'Pod Security baseline (v1.37): host namespaces\nhostNetwork=true',
    )
    expect(markers[0]?.docs).toBe(PSS_DOCS)
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
})
