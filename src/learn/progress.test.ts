import { describe, expect, it } from 'vitest'
import { readProgress } from './progress.ts'

describe('readProgress', () => {
  const ids = ['capabilities', 'seccomp']

  it('keeps known lessons and string drafts only', () => {
    expect(
      readProgress(
        {
          done: ['seccomp', 'gone', 3],
          drafts: { capabilities: 'kind: Pod\n', seccomp: 7, other: 'x', toString: 'y' },
        },
        ids,
      ),
    ).toEqual({ done: ['seccomp'], drafts: { capabilities: 'kind: Pod\n' } })
  })

  it.each([null, 'text', [], { done: 'all' }])('starts afresh from %j', (value) => {
    expect(readProgress(value, ids)).toEqual({ done: [], drafts: {} })
  })
})
