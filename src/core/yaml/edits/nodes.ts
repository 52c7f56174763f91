// Finding nodes of a parsed document and positions in its source text.
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml'
import type { Node, Pair, YAMLMap } from 'yaml'
import type { JsonValue, Path, TextEdit } from '../../types.ts'
import type { Collection, EditContext } from './context.ts'

export function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value)
}

export function keyName(pair: unknown): string | undefined {
  if (!isPair(pair) || !isScalar(pair.key)) return undefined
  const key: unknown = pair.key.value
  return typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean'
    ? String(key)
    : undefined
}

export function findPair(
  map: YAMLMap<unknown, unknown>,
  key: string,
): Pair<unknown, unknown> | undefined {
  return map.items.find((pair) => keyName(pair) === key)
}

export function hasMergeKey(map: YAMLMap<unknown, unknown>): boolean {
  return map.items.some((pair) => isPair(pair) && isScalar(pair.key) && pair.key.source === '<<')
}

export function isNullScalar(node: unknown): node is Node {
  return isScalar(node) && node.value === null && !node.anchor && !node.tag
}

/**
 * An empty `{}` or `[]` (`capabilities: {}`, often what an earlier fix left). Filling it writes
 * the style of the map around it, so a block map gets block entries back.
 */
export function isEmptyFlow(node: unknown): node is Node {
  return (
    (isMap(node) || isSeq(node)) &&
    node.flow === true &&
    node.items.length === 0 &&
    !node.anchor &&
    !node.tag
  )
}

/** The collection at `path`, `'absent'` when the path ends early at a missing key, else undefined. */
export function collectionAt(ctx: EditContext, path: Path): Collection | 'absent' | undefined {
  let node: unknown = ctx.doc.contents
  for (const step of path) {
    if ((isMap(node) || isSeq(node)) && node.anchor) return undefined
    if (typeof step === 'number') {
      if (!isSeq(node)) return undefined
      node = node.items[step]
      if (node === undefined) return undefined
      continue
    }
    if (!isMap(node)) return undefined
    const pair = findPair(node, step)
    if (pair === undefined) return hasMergeKey(node) ? undefined : 'absent'
    if (isNullScalar(pair.value)) return 'absent'
    node = pair.value
  }
  if ((isMap(node) || isSeq(node)) && !node.anchor) return node
  return undefined
}

/** The map nesting `value` under the string keys of `path` (undefined if a step is an index). */
export function nest(path: Path, value: JsonValue): JsonValue | undefined {
  let result = value
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i]
    if (typeof step !== 'string') return undefined
    result = { [step]: result }
  }
  return result
}

export function itemEnd(item: unknown): number | undefined {
  if (isPair(item)) {
    if (isNode(item.value) && item.value.range) return item.value.range[1]
    return isNode(item.key) && item.key.range ? item.key.range[1] : undefined
  }
  return isNode(item) && item.range ? item.range[1] : undefined
}

export function itemStart(item: unknown): number | undefined {
  const node = isPair(item) ? item.key : item
  return isNode(node) && node.range ? node.range[0] : undefined
}

// Text positions

export function lineStart(source: string, position: number): number {
  return source.lastIndexOf('\n', position - 1) + 1
}

/** The position after the line break ending the line at `position`, or -1 on the last line. */
export function nextLineStart(source: string, position: number): number {
  const newline = source.indexOf('\n', position)
  return newline === -1 ? -1 : newline + 1
}

/** Moves `end` back over whitespace and line breaks, not before `min`. */
export function trimEnd(source: string, end: number, min: number): number {
  let position = end
  while (position > min && /\s/.test(source[position - 1] ?? '')) position--
  return position
}

export function indentation(source: string, start: number): number {
  let position = start
  while (source[position] === ' ') position++
  return position - start
}

/** The `-` of the block sequence item starting at `start`, when only spaces come between. */
export function dashBefore(source: string, start: number): number | undefined {
  let position = start - 1
  while (position >= 0 && source[position] === ' ') position--
  return source[position] === '-' ? position : undefined
}

export function openBracket(ctx: EditContext, collection: Collection): number | undefined {
  const start = collection.range?.[0]
  if (start === undefined) return undefined
  const char = ctx.source[start]
  return char === '{' || char === '[' ? start : undefined
}

export function closeBracket(ctx: EditContext, collection: Collection): number | undefined {
  const end = collection.range?.[1]
  if (end === undefined) return undefined
  const char = ctx.source[end - 1]
  return char === '}' || char === ']' ? end - 1 : undefined
}

/** Inserts whole lines after the line where the content ending at `end` stops. */
export function insertLinesAfter(
  ctx: EditContext,
  end: number,
  min: number,
  lines: readonly string[],
): TextEdit[] {
  const contentEnd = trimEnd(ctx.source, end, min)
  const next = nextLineStart(ctx.source, contentEnd)
  const text = lines.join(ctx.eol)
  if (next === -1)
    return [{ range: [ctx.source.length, ctx.source.length], insert: ctx.eol + text }]
  return [{ range: [next, next], insert: text + ctx.eol }]
}
