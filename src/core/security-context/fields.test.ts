import { describe, expect, it } from 'vitest'
import { analyze } from '../analyze.ts'
import { SECURITY_FIELDS } from './fields.ts'

describe('the security field catalogue', () => {
  it('lists every setting the analysis reports, once, in display order', () => {
    const container = analyze('kind: Pod\nspec:\n  containers: [{name: c}]\n').workloads[0]
      ?.containers[0]
    const reported = Object.keys(container?.settings ?? {})
    expect(SECURITY_FIELDS.map((field) => field.name).sort()).toEqual([...reported].sort())
    expect(new Set(SECURITY_FIELDS.map((field) => field.name)).size).toBe(SECURITY_FIELDS.length)
  })

  it('gives every field a summary, an unset behaviour and a kubernetes.io link', () => {
    for (const field of SECURITY_FIELDS) {
      expect(field.summary.length, field.name).toBeGreaterThan(10)
      expect(field.whenUnset.length, field.name).toBeGreaterThan(3)
      expect(field.docs, field.name).toMatch(/^https:\/\/kubernetes\.io\/docs\//)
    }
  })
})
