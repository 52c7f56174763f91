import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CAPABILITIES } from './capability-table.ts'
import {
  MASK_64,
  bitMask,
  bitsOf,
  difference,
  fullMask,
  hasBit,
  intersection,
  maskToNames,
  namesToMask,
  parseHexMask,
  toProcHex,
  union,
} from './mask.ts'

const mask = fc.bigInt({ min: 0n, max: MASK_64 })
const complement = (m: bigint) => difference(MASK_64, m)

describe('set algebra', () => {
  it('union and intersection are commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(mask, mask, mask, (a, b, c) => {
        expect(union(a, b)).toBe(union(b, a))
        expect(intersection(a, b)).toBe(intersection(b, a))
        expect(union(union(a, b), c)).toBe(union(a, union(b, c)))
        expect(intersection(intersection(a, b), c)).toBe(intersection(a, intersection(b, c)))
        expect(union(a, a)).toBe(a)
        expect(intersection(a, a)).toBe(a)
      }),
    )
  })

  it('has identities 0 and all-64-bits, and distributes', () => {
    fc.assert(
      fc.property(mask, mask, mask, (a, b, c) => {
        expect(union(a, 0n)).toBe(a)
        expect(intersection(a, MASK_64)).toBe(a)
        expect(intersection(a, union(b, c))).toBe(union(intersection(a, b), intersection(a, c)))
        expect(union(a, intersection(b, c))).toBe(intersection(union(a, b), union(a, c)))
      }),
    )
  })

  it('difference removes exactly the shared bits and obeys De Morgan', () => {
    fc.assert(
      fc.property(mask, mask, (a, b) => {
        const d = difference(a, b)
        expect(intersection(d, b)).toBe(0n)
        expect(union(d, intersection(a, b))).toBe(a)
        expect(difference(a, a)).toBe(0n)
        expect(d).toBeGreaterThanOrEqual(0n)
        expect(complement(union(a, b))).toBe(intersection(complement(a), complement(b)))
        expect(complement(intersection(a, b))).toBe(union(complement(a), complement(b)))
        for (const bit of bitsOf(d)) expect(hasBit(a, bit) && !hasBit(b, bit)).toBe(true)
      }),
    )
  })
})

describe('bits and names', () => {
  it('bitsOf lists each set bit once, ascending, and rebuilds the mask', () => {
    fc.assert(
      fc.property(mask, (m) => {
        const bits = bitsOf(m)
        expect([...bits].sort((x, y) => x - y)).toEqual(bits)
        expect(bits.reduce((acc, bit) => acc | bitMask(bit), 0n)).toBe(m)
      }),
    )
  })

  it('maskToNames ∘ namesToMask is the identity on named masks', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: fullMask(40) }), (m) => {
        const { names, unknownBits } = maskToNames(m)
        expect(unknownBits).toEqual([])
        expect(namesToMask(names)).toEqual({ mask: m, unknown: [] })
      }),
    )
  })

  it('namesToMask accepts any spelling and order, and maskToNames returns bit order', () => {
    const spelling = fc.constantFrom(
      (n: string) => n,
      (n: string) => n.slice(4),
      (n: string) => n.toLowerCase(),
      (n: string) => ` ${n.slice(4).toLowerCase()} `,
    )
    const entry = fc.tuple(fc.constantFrom(...CAPABILITIES), spelling)
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 50 }), (entries) => {
        const { mask: m, unknown } = namesToMask(entries.map(([cap, spell]) => spell(cap.name)))
        expect(unknown).toEqual([])
        const expected = [...new Set(entries.map(([cap]) => cap.bit))].sort((x, y) => x - y)
        expect(maskToNames(m).names).toEqual(expected.map((bit) => CAPABILITIES[bit]?.name))
      }),
    )
  })

  it('reports bits 41..63 as unknown and unknown names as written', () => {
    expect(maskToNames(bitMask(41) | bitMask(63) | 1n)).toEqual({
      names: ['CAP_CHOWN'],
      unknownBits: [41, 63],
    })
    expect(namesToMask(['CHOWN', 'FOO', 'CAP_CAP_CHOWN'])).toEqual({
      mask: 1n,
      unknown: ['FOO', 'CAP_CAP_CHOWN'],
    })
  })

  it('fullMask covers bits 0..capLastCap', () => {
    expect(toProcHex(fullMask(36))).toBe('0000001fffffffff')
    expect(toProcHex(fullMask(37))).toBe('0000003fffffffff')
    expect(toProcHex(fullMask(39))).toBe('000000ffffffffff')
    expect(toProcHex(fullMask(40))).toBe('000001ffffffffff')
    expect(fullMask(63)).toBe(MASK_64)
    expect(fullMask(-1)).toBe(0n)
    expect(fullMask(100)).toBe(MASK_64)
  })
})

describe('hex', () => {
  it('toProcHex is 16 lowercase digits and parseHexMask reads it back', () => {
    fc.assert(
      fc.property(mask, (m) => {
        const hex = toProcHex(m)
        expect(hex).toMatch(/^[0-9a-f]{16}$/)
        expect(parseHexMask(hex)).toEqual({ ok: true, mask: m })
        expect(parseHexMask(`0X${hex.toUpperCase()}`)).toEqual({ ok: true, mask: m })
      }),
    )
  })

  it.each([
    ['a80425fb', 0xa80425fbn],
    ['0x5FB', 0x5fbn],
    ['  000000000000000000000400 ', 0x400n],
    ['0', 0n],
    ['0x0', 0n],
    ['ffffffffffffffff', MASK_64],
  ])('parses %j', (text, expected) => {
    expect(parseHexMask(text)).toEqual({ ok: true, mask: expected })
  })

  it.each([
    ['', /empty/],
    ['0x', /No hex digits/],
    ['xyz', /not a hex number/],
    ['a804 25fb', /not a hex number/],
    ['-1', /not a hex number/],
    ['10000000000000000', /17 significant hex digits.*at most 16/],
  ])('rejects %j', (text, error) => {
    const parsed = parseHexMask(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toMatch(error)
  })
})
