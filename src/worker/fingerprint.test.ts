import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fingerprint } from './fingerprint.ts'

describe('fingerprint', () => {
  it('is equal for values with equal JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(fingerprint(JSON.parse(JSON.stringify(value)))).toBe(fingerprint(value))
      }),
    )
  })

  it('differs for values whose JSON differs', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b))
        expect(fingerprint(a)).not.toBe(fingerprint(b))
      }),
    )
  })

  it('tells apart ranges that moved by one character', () => {
    expect(fingerprint({ range: [10, 20] })).not.toBe(fingerprint({ range: [11, 21] }))
  })
})
