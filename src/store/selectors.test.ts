import { describe, expect, it } from 'vitest'
import { analyze, type PssCheck, type Workload } from '../core/index.ts'
import { lineOfOffset, selectApiRejects, selectFailingChecks } from './selectors.ts'

describe('lineOfOffset', () => {
  it('counts lines from one and stops at the offset', () => {
    const text = 'a: 1\nb: 2\n\nc: 3'
    expect(lineOfOffset(text, 0)).toBe(1)
    expect(lineOfOffset(text, 4)).toBe(1)
    expect(lineOfOffset(text, 5)).toBe(2)
    expect(lineOfOffset(text, 11)).toBe(4)
    expect(lineOfOffset(text, 999)).toBe(4)
  })
})

describe('selectFailingChecks', () => {
  it('lists failing checks only, baseline before restricted', () => {
    const check = (id: PssCheck['id'], level: PssCheck['level'], allowed: boolean): PssCheck => ({
      id,
      level,
      allowed,
      ranges: [],
    })
    const workload = {
      podSecurity: {
        checks: [
          check('runAsNonRoot', 'restricted', false),
          check('privileged', 'baseline', true),
          check('hostNamespaces', 'baseline', false),
        ],
      },
    } as Workload
    expect(selectFailingChecks(workload).map((c) => c.id)).toEqual([
      'hostNamespaces',
      'runAsNonRoot',
    ])
  })
})

describe('selectApiRejects', () => {
  const pod = (containers: string) =>
    `kind: Pod\nmetadata: {name: p}\nspec:\n  containers: ${containers}\n---\nkind: Pod\nmetadata: {name: ok}\nspec:\n  containers: [{name: c}]\n`

  it('is true only for the workload that holds an API or schema error', () => {
    const analysis = analyze(pod('"x"'))
    const [broken, fine] = analysis.workloads
    expect(broken && selectApiRejects(analysis, broken)).toBe(true)
    expect(fine && selectApiRejects(analysis, fine)).toBe(false)
  })

  it('ignores warnings and infos', () => {
    const analysis = analyze(pod('[{name: c, securityContext: {runAsNonRoot: true}}]'), {
      imageUser: null,
    })
    const [workload] = analysis.workloads
    expect(workload && selectApiRejects(analysis, workload)).toBe(false)
  })
})
