import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { changedSpan } from './changed-span.ts'

describe('changedSpan', () => {
  it('finds the changed middle of an edit', () => {
    expect(changedSpan('a: 1\nb: 2\n', 'a: 1\nb: true\n')).toEqual({
      range: [8, 9],
      insert: 'true',
    })
    expect(changedSpan('same', 'same')).toEqual({ range: [4, 4], insert: '' })
  })

  it('always rebuilds the new text from the old one', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const { range, insert } = changedSpan(before, after)
        expect(before.slice(0, range[0]) + insert + before.slice(range[1])).toBe(after)
      }),
    )
  })
})
