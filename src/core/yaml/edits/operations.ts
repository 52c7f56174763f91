// Minimal text edits against a parsed YAML (or JSON) document: set a value, append a list item,
// remove map entries or list items. Every edit is computed from the `yaml` 2.x node ranges of the
// exact source, so comments, quoting, key order and layout outside the edited spans stay as they
// were; nothing is ever re-stringified (the yaml library's own `toString` would reflow the whole
// document). Operations return undefined instead of an edit they cannot make safely (aliases,
// merge keys, tags, block scalars, comments in the way); the caller then offers no fix.
import { isMap, isSeq } from 'yaml'
import type { JsonValue, Path, TextEdit } from '../../types.ts'
import type { EditContext } from './context.ts'
import {
  emptyCollection,
  fillNull,
  insertEntry,
  removeBlockItems,
  removeFlowItems,
  replaceScalar,
} from './node-edits.ts'
import {
  collectionAt,
  dashBefore,
  findPair,
  hasMergeKey,
  insertLinesAfter,
  isNode,
  isEmptyFlow,
  isNullScalar,
  itemEnd,
  keyName,
  lineStart,
  nest,
  openBracket,
  trimEnd,
} from './nodes.ts'
import { blockEntry, flowEntry, flowValue, isJsonMap, isJsonStyle } from './render.ts'

/**
 * Edits that make the value at `path` (from the document root) equal `value`: replaces an existing
 * scalar, fills an empty (`null`) value, or inserts the missing entry — creating missing parent
 * maps — into the deepest map that exists. Undefined when that cannot be done safely (the path
 * runs through an alias, a merge key, a list index that is absent, or a non-map value).
 */
export function setValue(ctx: EditContext, path: Path, value: JsonValue): TextEdit[] | undefined {
  let node: unknown = ctx.doc.contents
  for (let i = 0; i < path.length; i++) {
    const step = path[i]
    const last = i === path.length - 1
    // An anchored collection is shared through its aliases: editing it would change them too.
    if ((isMap(node) || isSeq(node)) && node.anchor) return undefined
    if (typeof step === 'number') {
      if (!isSeq(node)) return undefined
      const item: unknown = node.items[step]
      if (item === undefined) return undefined
      if (last) return replaceScalar(ctx, item, value)
      node = item
      continue
    }
    if (!isMap(node) || step === undefined) return undefined
    const pair = findPair(node, step)
    const rest = path.slice(i + 1)
    if (pair === undefined) {
      if (hasMergeKey(node)) return undefined
      const nested = nest(rest, value)
      return nested === undefined ? undefined : insertEntry(ctx, node, step, nested)
    }
    const objectValue = value !== null && typeof value === 'object'
    const fillsNull =
      (isNullScalar(pair.value) && (!last || objectValue)) ||
      (isEmptyFlow(pair.value) && (last ? objectValue : node.flow !== true))
    if (last && !fillsNull) return replaceScalar(ctx, pair.value, value)
    if (fillsNull) {
      const nested = nest(rest, value)
      return nested === undefined ? undefined : fillNull(ctx, node, pair, nested)
    }
    node = pair.value
  }
  return undefined
}

/**
 * Edits that append `value` to the list at `path`, creating the list (as `[value]`) when it is
 * absent or empty. Undefined when that cannot be done safely.
 */
export function appendItem(ctx: EditContext, path: Path, value: JsonValue): TextEdit[] | undefined {
  const found = collectionAt(ctx, path)
  if (found === 'absent') return setValue(ctx, path, [value])
  if (found === undefined || !isSeq(found)) return undefined
  const seq = found
  // `drop: []` is filled in the style of its parent map (setValue knows it).
  if (seq.flow === true && seq.items.length === 0) {
    const filled = setValue(ctx, path, [value])
    if (filled !== undefined) return filled
  }
  const json = isJsonStyle(ctx)
  if (seq.flow === true) {
    const lastItem = seq.items.at(-1)
    if (lastItem === undefined) {
      const open = openBracket(ctx, seq)
      if (open === undefined) return undefined
      return [{ range: [open + 1, open + 1], insert: flowValue(value, json) }]
    }
    const end = itemEnd(lastItem)
    if (end === undefined) return undefined
    return [{ range: [end, end], insert: `, ${flowValue(value, json)}` }]
  }
  const lastItem = seq.items.at(-1)
  if (lastItem === undefined || !isNode(lastItem) || !lastItem.range) return undefined
  const dash = dashBefore(ctx.source, lastItem.range[0])
  if (dash === undefined) return undefined
  const column = dash - lineStart(ctx.source, dash)
  return insertLinesAfter(ctx, lastItem.range[1], lastItem.range[0], [
    `${' '.repeat(column)}- ${flowValue(value, false)}`,
  ])
}

/**
 * Edits that remove entries (map keys) or items (list indexes) from the collection at `path`.
 * Block entries go with their whole lines (a comment on a removed line stays, as its own line);
 * flow items go with their separating comma. When every entry goes, the collection becomes `{}`
 * or `[]`. Keys that are absent are ignored; undefined when the removal cannot be done safely.
 */
export function removeEntries(
  ctx: EditContext,
  path: Path,
  keys: readonly (string | number)[],
): TextEdit[] | undefined {
  const found = collectionAt(ctx, path)
  if (found === 'absent') return []
  if (found === undefined) return undefined
  const collection = found
  const items: unknown[] = collection.items
  const removed = new Set<number>()
  for (const key of keys) {
    const index =
      typeof key === 'number'
        ? key < items.length
          ? key
          : -1
        : isMap(collection)
          ? collection.items.findIndex((pair) => keyName(pair) === key)
          : -1
    if (index >= 0) removed.add(index)
  }
  if (removed.size === 0) return []
  if (removed.size === items.length) return emptyCollection(ctx, path, collection)
  if (collection.flow === true) return removeFlowItems(items, removed)
  return removeBlockItems(ctx, items, removed)
}

/**
 * Edits that replace the map entry `oldKey` at `path` with `newKey: value`, in place. Used when
 * one entry is swapped for another in the same map (removing the last entry of a flow map and
 * adding one would otherwise collide).
 */
export function replaceEntry(
  ctx: EditContext,
  path: Path,
  oldKey: string,
  newKey: string,
  value: JsonValue,
): TextEdit[] | undefined {
  const map = collectionAt(ctx, path)
  if (map === 'absent' || map === undefined || !isMap(map)) return undefined
  const pair = findPair(map, oldKey)
  if (pair === undefined || !isNode(pair.key) || !pair.key.range) return undefined
  const start = pair.key.range[0]
  const end = itemEnd(pair)
  if (end === undefined) return undefined
  if (map.flow === true) {
    return [{ range: [start, end], insert: flowEntry(newKey, value, isJsonMap(ctx, map)) }]
  }
  const column = start - lineStart(ctx.source, start)
  const lines = blockEntry(ctx, newKey, value)
  const text = lines.map((line, i) => (i === 0 ? line : ' '.repeat(column) + line)).join(ctx.eol)
  return [{ range: [start, trimEnd(ctx.source, end, start)], insert: text }]
}

/**
 * The operations above bound to one document: what a Pod Security check's fix asks for. Checks
 * see only this interface (a type), so the rules and their teaching facts load without the YAML
 * editing code, which only the fix stage, in the analysis worker, needs.
 */
export interface DocumentEditor {
  setValue(path: Path, value: JsonValue): TextEdit[] | undefined
  appendItem(path: Path, value: JsonValue): TextEdit[] | undefined
  removeEntries(path: Path, keys: readonly (string | number)[]): TextEdit[] | undefined
  replaceEntry(path: Path, oldKey: string, newKey: string, value: JsonValue): TextEdit[] | undefined
}

export function documentEditor(ctx: EditContext): DocumentEditor {
  return {
    setValue: (path, value) => setValue(ctx, path, value),
    appendItem: (path, value) => appendItem(ctx, path, value),
    removeEntries: (path, keys) => removeEntries(ctx, path, keys),
    replaceEntry: (path, oldKey, newKey, value) => replaceEntry(ctx, path, oldKey, newKey, value),
  }
}

/**
 * Sorts the edits of one fix, and checks they fit: no two overlap and none deletes or replaces
 * comment text. Undefined when they do not (the fix is then dropped, never half-applied).
 */
export function finishEdits(
  ctx: EditContext,
  parts: readonly (readonly TextEdit[] | undefined)[],
): TextEdit[] | undefined {
  const edits: TextEdit[] = []
  for (const part of parts) {
    if (part === undefined) return undefined
    edits.push(...part)
  }
  if (edits.length === 0) return undefined
  edits.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  for (let i = 1; i < edits.length; i++) {
    const previous = edits[i - 1]
    const current = edits[i]
    if (previous === undefined || current === undefined) return undefined
    if (current.range[0] < previous.range[1]) return undefined
  }
  const comments = edits.some(({ range }) => range[1] > range[0]) ? ctx.comments() : []
  for (const { range } of edits) {
    if (comments.some(([start, end]) => start < range[1] && end > range[0])) return undefined
  }
  return edits
}
