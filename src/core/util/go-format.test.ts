import { describe, expect, it } from 'vitest'
import { compareBytes, goQuote, joinQuote, sortedDistinct } from './go-format.ts'

describe('goQuote', () => {
  it.each([
    ['unconfined', '"unconfined"'],
    ['', '""'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\there\nnl', '"tab\\there\\nnl"'],
    ['\x00\x7f', '"\\x00\\x7f"'],
    ['é日本', '"é日本"'],
    ['\u00a0\u200b', '"\\u00a0\\u200b"'],
    ['\u{1F600}', '"\u{1F600}"'],
    ['\u{E0001}', '"\\U000e0001"'],
    ['\ud800x', '"\ufffdx"'],
  ])('quotes %j like Go %%q', (input, expected) => {
    expect(goQuote(input)).toBe(expected)
  })
})

describe('compareBytes', () => {
  it('sorts uppercase before lowercase, like Go', () => {
    expect(['b', 'B', 'a', 'A_'].sort(compareBytes)).toEqual(['A_', 'B', 'a', 'b'])
  })

  it('orders by code point where UTF-16 order differs', () => {
    // U+FF21 (fullwidth A) is below U+1F600 in UTF-8 byte order, above it in UTF-16 units.
    expect(['\u{1F600}', '\uff21'].sort(compareBytes)).toEqual(['\uff21', '\u{1F600}'])
    expect(compareBytes('ab', 'a')).toBeGreaterThan(0)
    expect(compareBytes('a', 'a')).toBe(0)
  })
})

describe('joinQuote and sortedDistinct', () => {
  it('quote without escaping, de-duplicate and sort', () => {
    expect(joinQuote(sortedDistinct(['b', 'a"', 'b']))).toBe('"a"", "b"')
    expect(joinQuote([])).toBe('')
  })
})
