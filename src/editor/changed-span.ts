import type { Range } from '../core/index.ts'

/**
 * The smallest single replacement that turns `before` into `after`: the common prefix and
 * suffix are kept, so applying a fix moves neither the caret nor the scroll position.
 */
export function changedSpan(before: string, after: string): { range: Range; insert: string } {
  const shorter = Math.min(before.length, after.length)
  let start = 0
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let end = 0
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++
  }
  return { range: [start, before.length - end], insert: after.slice(start, after.length - end) }
}
