import { afterEach, describe, expect, it, vi } from 'vitest'
import { deferWrites } from './deferred-writes.ts'

describe('deferWrites', () => {
  afterEach(() => vi.useRealTimers())

  it('runs only the newest write, once the writes pause', () => {
    vi.useFakeTimers()
    const written: string[] = []
    const schedule = deferWrites(500)
    schedule(() => written.push('a'))
    vi.advanceTimersByTime(300)
    schedule(() => written.push('b'))
    vi.advanceTimersByTime(300)
    expect(written).toEqual([])
    vi.advanceTimersByTime(200)
    expect(written).toEqual(['b'])
    vi.advanceTimersByTime(1000)
    expect(written).toEqual(['b'])
  })

  it('writes at once with no delay', () => {
    const written: string[] = []
    const schedule = deferWrites(0)
    schedule(() => written.push('a'))
    schedule(() => written.push('b'))
    expect(written).toEqual(['a', 'b'])
  })
})
