// The single-node edits the operations are made of: replace a scalar, insert an entry, fill an
// empty value, empty a collection, remove flow or block items.
import { isAlias, isMap, isPair, isScalar } from 'yaml'
import type { Pair, YAMLMap } from 'yaml'
import type { JsonValue, Path, TextEdit } from '../../types.ts'
import type { Collection, EditContext } from './context.ts'
import {
  closeBracket,
  collectionAt,
  dashBefore,
  findPair,
  indentation,
  insertLinesAfter,
  isNode,
  itemEnd,
  itemStart,
  lineStart,
  nextLineStart,
  openBracket,
  trimEnd,
} from './nodes.ts'
import {
  blockBody,
  blockEntry,
  flowEntry,
  flowValue,
  isJsonMap,
  isJsonStyle,
  scalarText,
} from './render.ts'

export function replaceScalar(
  ctx: EditContext,
  node: unknown,
  value: JsonValue,
): TextEdit[] | undefined {
  if (value !== null && typeof value === 'object') return undefined
  if (isAlias(node)) {
    if (!node.range) return undefined
    return [{ range: [node.range[0], node.range[1]], insert: scalarText(value, isJsonStyle(ctx)) }]
  }
  // A tag or anchor stays in front of the value; block scalars span lines.
  if (!isScalar(node) || !node.range || node.tag || node.anchor) return undefined
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return undefined
  let text = scalarText(value, isJsonStyle(ctx))
  if (typeof value === 'string' && node.type === 'QUOTE_DOUBLE') text = JSON.stringify(value)
  else if (typeof value === 'string' && node.type === 'QUOTE_SINGLE') {
    text = `'${value.replaceAll("'", "''")}'`
  }
  return [{ range: [node.range[0], node.range[1]], insert: text }]
}

/** Inserts `key: value` as the last entry of `map`. */
export function insertEntry(
  ctx: EditContext,
  map: YAMLMap<unknown, unknown>,
  key: string,
  value: JsonValue,
): TextEdit[] | undefined {
  if (map.flow === true) {
    const json = isJsonMap(ctx, map)
    const entry = flowEntry(key, value, json)
    const lastItem = map.items.at(-1)
    if (lastItem === undefined) {
      const open = openBracket(ctx, map)
      if (open === undefined) return undefined
      return [{ range: [open + 1, open + 1], insert: entry }]
    }
    const end = itemEnd(lastItem)
    const firstStart = itemStart(map.items[0])
    const open = openBracket(ctx, map)
    if (end === undefined || firstStart === undefined || open === undefined) return undefined
    // A map written one entry per line gets the new entry on its own line, like the others.
    if (ctx.source.slice(open, firstStart).includes('\n')) {
      const column = firstStart - lineStart(ctx.source, firstStart)
      return [{ range: [end, end], insert: `,${ctx.eol}${' '.repeat(column)}${entry}` }]
    }
    return [{ range: [end, end], insert: `, ${entry}` }]
  }
  const first = map.items[0]
  const lastItem = map.items.at(-1)
  const firstStart = itemStart(first)
  const end = itemEnd(lastItem)
  if (firstStart === undefined || end === undefined) return undefined
  if (lastItem !== undefined && isBlockScalarKeep(lastItem.value)) return undefined
  const column = firstStart - lineStart(ctx.source, firstStart)
  const pad = ' '.repeat(column)
  return insertLinesAfter(
    ctx,
    end,
    firstStart,
    blockEntry(ctx, key, value).map((line) => pad + line),
  )
}

/** A `|+` / `>+` scalar keeps its trailing blank lines, so nothing may be inserted after it. */
function isBlockScalarKeep(node: unknown): boolean {
  return (
    isScalar(node) &&
    (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') &&
    /\n\s*\n$/.test(String(node.value))
  )
}

/** Replaces the empty value of `pair` (`key:`, `key: null`, `key: ~`) with `value`. */
export function fillNull(
  ctx: EditContext,
  map: YAMLMap<unknown, unknown>,
  pair: Pair<unknown, unknown>,
  value: JsonValue,
): TextEdit[] | undefined {
  const key = pair.key
  const node = pair.value
  if (!isNode(key) || !key.range || !isNode(node) || !node.range) return undefined
  if (map.flow === true) {
    const text = flowValue(value, isJsonMap(ctx, map))
    if (node.range[0] === node.range[1]) {
      return [{ range: [node.range[0], node.range[0]], insert: ` ${text}` }]
    }
    return [{ range: [node.range[0], node.range[1]], insert: text }]
  }
  const colon = ctx.source.indexOf(':', key.range[1])
  if (colon === -1 || colon > node.range[0]) return undefined
  const column = key.range[0] - lineStart(ctx.source, key.range[0])
  const body = blockBody(ctx, value)
  const insert =
    body === undefined
      ? ` ${flowValue(value, false)}`
      : body.map((line) => ctx.eol + ' '.repeat(column) + line).join('')
  return [{ range: [colon + 1, node.range[1]], insert }]
}

/** Empties a collection whose every entry is removed: `{}` or `[]`. */
export function emptyCollection(
  ctx: EditContext,
  path: Path,
  collection: Collection,
): TextEdit[] | undefined {
  const empty = isMap(collection) ? '{}' : '[]'
  if (collection.flow === true) {
    const open = openBracket(ctx, collection)
    const close = closeBracket(ctx, collection)
    if (open === undefined || close === undefined) return undefined
    return [{ range: [open + 1, close], insert: '' }]
  }
  const range = collection.range
  if (!range) return undefined
  const end = trimEnd(ctx.source, range[1], range[0])
  const parentPath = path.slice(0, -1)
  const parent = parentPath.length === 0 ? ctx.doc.contents : collectionAt(ctx, parentPath)
  if (typeof path.at(-1) === 'string' && isMap(parent)) {
    const pair = findPair(parent, String(path.at(-1)))
    if (pair === undefined || !isNode(pair.key) || !pair.key.range) return undefined
    const colon = ctx.source.indexOf(':', pair.key.range[1])
    if (colon === -1 || colon > range[0]) return undefined
    return [{ range: [colon + 1, end], insert: ` ${empty}` }]
  }
  // A list item (`- key: value`): the item becomes `- {}`.
  return [{ range: [range[0], end], insert: empty }]
}

/** Removes flow items with their separating commas; at least one item is kept. */
export function removeFlowItems(
  items: readonly unknown[],
  removed: ReadonlySet<number>,
): TextEdit[] | undefined {
  const edits: TextEdit[] = []
  let i = 0
  while (i < items.length) {
    if (!removed.has(i)) {
      i++
      continue
    }
    let j = i
    while (j + 1 < items.length && removed.has(j + 1)) j++
    // Items i..j go: up to the next kept item, or from the end of the previous kept one.
    const start = j + 1 < items.length ? itemStart(items[i]) : itemEnd(items[i - 1])
    const end = j + 1 < items.length ? itemStart(items[j + 1]) : itemEnd(items[j])
    if (start === undefined || end === undefined) return undefined
    edits.push({ range: [start, end], insert: '' })
    i = j + 1
  }
  return edits
}

/** Removes block items line by line; at least one item is kept. */
export function removeBlockItems(
  ctx: EditContext,
  items: readonly unknown[],
  removed: ReadonlySet<number>,
): TextEdit[] | undefined {
  const source = ctx.source
  const edits: TextEdit[] = []
  for (let i = 0; i < items.length; i++) {
    if (!removed.has(i)) continue
    const item = items[i]
    const node = isPair(item) ? item.key : item
    if (!isNode(node) || !node.range) return undefined
    // A list item starts at its `-`; a map entry at its key.
    const start = isPair(item) ? node.range[0] : dashBefore(source, node.range[0])
    const end = itemEnd(item)
    if (start === undefined || end === undefined) return undefined
    const first = lineStart(source, start)
    if (source.slice(first, start).trim() !== '') {
      // The first entry shares its line with the list's `- ` (`- hostPort: 80`): the entries up
      // to the next kept one go, so that one moves up behind the `- `.
      if (i !== 0) return undefined
      let next = i + 1
      while (removed.has(next)) next++
      const keep = itemStart(items[next])
      if (keep === undefined) return undefined
      if (!ctx.comments().some(([from]) => from >= start && from < keep)) {
        edits.push({ range: [start, keep], insert: '' })
        i = next - 1
        continue
      }
      // A comment is in the way: the entry leaves its line, which keeps the `-` and the comment.
      const lineEnd = nextLineStart(source, start)
      const comment = ctx.comments().find(([from]) => from >= start && from < lineEnd)
      const stop = comment?.[0] ?? trimEnd(source, lineEnd === -1 ? source.length : lineEnd, start)
      if (trimEnd(source, end, start) > stop) return undefined
      const dash = dashBefore(source, start)
      edits.push({
        range: [comment === undefined && dash !== undefined ? dash + 1 : start, stop],
        insert: '',
      })
      continue
    }
    const lineEnd = nextLineStart(source, trimEnd(source, end, start))
    edits.push(...deleteLines(ctx, first, lineEnd === -1 ? source.length : lineEnd))
  }
  return edits
}

/** Deletes whole lines `[from, to)`, keeping every comment (a trailing one stays on its own line). */
function deleteLines(ctx: EditContext, from: number, to: number): TextEdit[] {
  const source = ctx.source
  const comments = ctx.comments().filter(([start]) => start >= from && start < to)
  const edits: TextEdit[] = []
  const remove = (start: number, end: number) => {
    const previous = edits.at(-1)
    if (previous !== undefined && previous.range[1] === start) {
      previous.range = [previous.range[0], end]
    } else if (end > start) edits.push({ range: [start, end], insert: '' })
  }
  let line = from
  while (line < to) {
    const next = nextLineStart(source, line)
    const end = next === -1 || next > to ? to : next
    const comment = comments.find(([start]) => start >= line && start < end)
    if (comment === undefined) remove(line, end)
    else {
      const content = line + indentation(source, line)
      if (comment[0] > content) remove(content, comment[0])
    }
    line = end
  }
  // Deleting the last line of a source without a final line break leaves the previous line's one.
  const last = edits.at(-1)
  if (last !== undefined && last.range[1] === source.length && !source.endsWith('\n')) {
    const start = last.range[0]
    if (start > 0 && source[start - 1] === '\n') {
      const eolStart = source[start - 2] === '\r' ? start - 2 : start - 1
      last.range = [eolStart, last.range[1]]
    }
  }
  return edits
}
