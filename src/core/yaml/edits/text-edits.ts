import type { TextEdit } from '../../types.ts'

/**
 * Applies edits made against `source`. Returns null, leaving the caller's text alone, when the
 * edits do not fit it: out of bounds, overlapping, or not sorted by start offset. Never throws.
 */
export function applyEdits(source: string, edits: readonly TextEdit[]): string | null {
  let result = ''
  let cursor = 0
  for (const { range, insert } of edits) {
    const [start, end] = range
    if (!Number.isInteger(start) || !Number.isInteger(end)) return null
    if (start < cursor || end < start || end > source.length) return null
    result += source.slice(cursor, start) + insert
    cursor = end
  }
  return result + source.slice(cursor)
}
