import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyEdits } from './text-edits.ts'

describe('applyEdits', () => {
  it('replaces, inserts and deletes at the given offsets', () => {
    const source = 'a: 1\nb: 2\n'
    expect(
      applyEdits(source, [
        { range: [3, 4], insert: 'true' },
        { range: [5, 5], insert: 'c: 3\n' },
        { range: [5, 10], insert: '' },
      ]),
    ).toBe('a: true\nc: 3\n')
  })

  it('refuses edits that do not fit the text', () => {
    expect(applyEdits('abc', [{ range: [2, 9], insert: '' }])).toBeNull()
    expect(
      applyEdits('abcdef', [
        { range: [3, 5], insert: '' },
        { range: [1, 4], insert: '' },
      ]),
    ).toBeNull()
  })

  it('never touches text outside the edited ranges', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), fc.string(), (source, a, b, insert) => {
        const start = Math.min(a, b) % (source.length + 1)
        const end = Math.min(Math.max(a, b) % (source.length + 1), source.length)
        const [from, to] = start <= end ? [start, end] : [end, start]
        const result = applyEdits(source, [{ range: [from, to], insert }])
        expect(result).toBe(source.slice(0, from) + insert + source.slice(to))
      }),
    )
  })
})
