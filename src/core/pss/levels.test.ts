import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareLevels, lowestLevel, meetsLevel, PSS_LEVELS } from './levels.ts'

const level = fc.constantFrom(...PSS_LEVELS)

describe('Pod Security levels', () => {
  it('orders privileged < baseline < restricted', () => {
    expect(meetsLevel('restricted', 'baseline')).toBe(true)
    expect(meetsLevel('baseline', 'baseline')).toBe(true)
    expect(meetsLevel('baseline', 'restricted')).toBe(false)
    expect(meetsLevel('privileged', 'baseline')).toBe(false)
  })

  it('gives restricted for no level at all', () => {
    expect(lowestLevel([])).toBe('restricted')
  })

  it('finds a lowest level that every level meets and that is one of them', () => {
    fc.assert(
      fc.property(fc.array(level, { minLength: 1 }), (levels) => {
        const low = lowestLevel(levels)
        expect(levels).toContain(low)
        for (const l of levels) expect(meetsLevel(l, low)).toBe(true)
      }),
    )
  })

  it('compares antisymmetrically', () => {
    fc.assert(
      fc.property(level, level, (a, b) => {
        expect(Math.sign(compareLevels(a, b)) + Math.sign(compareLevels(b, a))).toBe(0)
        expect(meetsLevel(a, b) || meetsLevel(b, a)).toBe(true)
      }),
    )
  })
})
