// Minimal text edits against a parsed YAML (or JSON) document: set a value, append a list item,
// remove map entries or list items. Every edit is computed from the `yaml` 2.x node ranges of the
// exact source, so comments, quoting, key order and layout outside the edited spans stay as they
// were; nothing is ever re-stringified (reference architecture-and-style §3.2 item 5). Operations
// return undefined instead of an edit they cannot make safely (aliases, merge keys, tags, block
// scalars, comments in the way); the caller then offers no fix.
import { isAlias, isMap, isPair, isScalar, isSeq, Lexer } from 'yaml'
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml'
import type { JsonValue, Path, Range, TextEdit } from '../types.ts'

/** Everything needed to edit one document of a source. Build with {@link createEditContext}. */
export interface EditContext {
  source: string
  doc: Document.Parsed
  /** The source's line ending (`\r\n` when the source uses it). */
  eol: string
  /** Spaces a nested block map is indented by (2 unless the document uses another step). */
  indentStep: number
  /** Spaces from a key to the `-` of its block sequence value (0 for `key:\n- item`). */
  seqIndent: number
  /** Comment token ranges of the whole source, computed once on demand. */
  comments: () => readonly Range[]
}

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>

/** Builds the edit context of one document of `source`; `comments` may be shared per source. */
export function createEditContext(
  source: string,
  doc: Document.Parsed,
  comments: () => readonly Range[] = memoComments(source),
): EditContext {
  const { indentStep, seqIndent } = detectIndentation(source, doc)
  return {
    source,
    doc,
    eol: source.includes('\r\n') ? '\r\n' : '\n',
    indentStep,
    seqIndent,
    comments,
  }
}

/** A lazily computed, cached list of the comment ranges of `source`. */
export function memoComments(source: string): () => readonly Range[] {
  let cached: Range[] | undefined
  return () => (cached ??= commentRanges(source))
}

/**
 * The ranges of every `# comment` of a YAML source, from the `yaml` lexer (so `#` inside quoted
 * strings and block scalars is not a comment). Never throws.
 */
export function commentRanges(source: string): Range[] {
  const ranges: Range[] = []
  try {
    let offset = 0
    for (const token of new Lexer().lex(source)) {
      // The lexer also yields one-character control tokens that are not source text.
      if (!source.startsWith(token, offset)) continue
      if (token.startsWith('#')) ranges.push([offset, offset + token.length])
      offset += token.length
    }
  } catch {
    return ranges
  }
  return ranges
}

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

// ---------------------------------------------------------------------------------------------
// Navigation

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value)
}

function keyName(pair: unknown): string | undefined {
  if (!isPair(pair) || !isScalar(pair.key)) return undefined
  const key: unknown = pair.key.value
  return typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean'
    ? String(key)
    : undefined
}

function findPair(map: YAMLMap<unknown, unknown>, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((pair) => keyName(pair) === key)
}

function hasMergeKey(map: YAMLMap<unknown, unknown>): boolean {
  return map.items.some((pair) => isPair(pair) && isScalar(pair.key) && pair.key.source === '<<')
}

function isNullScalar(node: unknown): node is Node {
  return isScalar(node) && node.value === null && !node.anchor && !node.tag
}

/**
 * An empty `{}` or `[]` (`capabilities: {}`, often what an earlier fix left). Filling it writes
 * the style of the map around it, so a block map gets block entries back.
 */
function isEmptyFlow(node: unknown): node is Node {
  return (
    (isMap(node) || isSeq(node)) &&
    node.flow === true &&
    node.items.length === 0 &&
    !node.anchor &&
    !node.tag
  )
}

/** The collection at `path`, `'absent'` when the path ends early at a missing key, else undefined. */
function collectionAt(ctx: EditContext, path: Path): Collection | 'absent' | undefined {
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
function nest(path: Path, value: JsonValue): JsonValue | undefined {
  let result = value
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i]
    if (typeof step !== 'string') return undefined
    result = { [step]: result }
  }
  return result
}

function itemEnd(item: unknown): number | undefined {
  if (isPair(item)) {
    if (isNode(item.value) && item.value.range) return item.value.range[1]
    return isNode(item.key) && item.key.range ? item.key.range[1] : undefined
  }
  return isNode(item) && item.range ? item.range[1] : undefined
}

function itemStart(item: unknown): number | undefined {
  const node = isPair(item) ? item.key : item
  return isNode(node) && node.range ? node.range[0] : undefined
}

// ---------------------------------------------------------------------------------------------
// Text positions

function lineStart(source: string, position: number): number {
  return source.lastIndexOf('\n', position - 1) + 1
}

/** The position after the line break ending the line at `position`, or -1 on the last line. */
function nextLineStart(source: string, position: number): number {
  const newline = source.indexOf('\n', position)
  return newline === -1 ? -1 : newline + 1
}

/** Moves `end` back over whitespace and line breaks, not before `min`. */
function trimEnd(source: string, end: number, min: number): number {
  let position = end
  while (position > min && /\s/.test(source[position - 1] ?? '')) position--
  return position
}

function indentation(source: string, start: number): number {
  let position = start
  while (source[position] === ' ') position++
  return position - start
}

/** The `-` of the block sequence item starting at `start`, when only spaces come between. */
function dashBefore(source: string, start: number): number | undefined {
  let position = start - 1
  while (position >= 0 && source[position] === ' ') position--
  return source[position] === '-' ? position : undefined
}

function openBracket(ctx: EditContext, collection: Collection): number | undefined {
  const start = collection.range?.[0]
  if (start === undefined) return undefined
  const char = ctx.source[start]
  return char === '{' || char === '[' ? start : undefined
}

function closeBracket(ctx: EditContext, collection: Collection): number | undefined {
  const end = collection.range?.[1]
  if (end === undefined) return undefined
  const char = ctx.source[end - 1]
  return char === '}' || char === ']' ? end - 1 : undefined
}

/** Inserts whole lines after the line where the content ending at `end` stops. */
function insertLinesAfter(
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

// ---------------------------------------------------------------------------------------------
// Rendering

const YAML_WORDS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/

/** A string that reads back as the same string when written plain (no quotes). */
function plainSafe(value: string): boolean {
  return /^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(value) && !YAML_WORDS.test(value)
}

function scalarText(value: JsonValue, json: boolean): string {
  if (typeof value === 'string') return !json && plainSafe(value) ? value : JSON.stringify(value)
  return JSON.stringify(value)
}

/** `value` in flow style (`{a: b}`, `[x]`), or in JSON syntax when `json`. */
function flowValue(value: JsonValue, json: boolean): string {
  if (Array.isArray(value)) return `[${value.map((item) => flowValue(item, json)).join(', ')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => flowEntry(key, item, json))
    return `{${entries.join(', ')}}`
  }
  return scalarText(value, json)
}

function flowEntry(key: string, value: JsonValue, json: boolean): string {
  return `${scalarText(key, json)}: ${flowValue(value, json)}`
}

function isPlainObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** The lines of `key: value` in block style, relative to the key's column. */
function blockEntry(ctx: EditContext, key: string, value: JsonValue): string[] {
  const head = `${scalarText(key, false)}:`
  const body = blockBody(ctx, value)
  return body === undefined ? [`${head} ${flowValue(value, false)}`] : [head, ...body]
}

/** The lines of a non-empty map or list value under a key, relative to the key's column. */
function blockBody(ctx: EditContext, value: JsonValue): string[] | undefined {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    const pad = ' '.repeat(ctx.indentStep)
    return Object.entries(value).flatMap(([key, item]) =>
      blockEntry(ctx, key, item).map((line) => pad + line),
    )
  }
  if (Array.isArray(value) && value.length > 0) {
    const pad = ' '.repeat(ctx.seqIndent)
    return value.map((item) => `${pad}- ${flowValue(item, false)}`)
  }
  return undefined
}

function isJsonStyle(ctx: EditContext): boolean {
  const root = ctx.doc.contents
  return isMap(root) && root.flow === true && isJsonMap(ctx, root)
}

/** Whether the flow map writes its keys as JSON does (double-quoted). */
function isJsonMap(ctx: EditContext, map: YAMLMap<unknown, unknown>): boolean {
  const first = map.items[0]
  if (first === undefined) return map !== ctx.doc.contents && isJsonStyle(ctx)
  return isScalar(first.key) && first.key.type === 'QUOTE_DOUBLE'
}

// ---------------------------------------------------------------------------------------------
// Edits

function replaceScalar(ctx: EditContext, node: unknown, value: JsonValue): TextEdit[] | undefined {
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
function insertEntry(
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
function fillNull(
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
function emptyCollection(
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
function removeFlowItems(
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
function removeBlockItems(
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

// ---------------------------------------------------------------------------------------------
// Indentation

/** The most common nesting step of block maps, and the key-to-dash offset of block sequences. */
function detectIndentation(
  source: string,
  doc: Document.Parsed,
): { indentStep: number; seqIndent: number } {
  const steps = new Map<number, number>()
  const seqs = new Map<number, number>()
  const count = (counts: Map<number, number>, value: number) =>
    counts.set(value, (counts.get(value) ?? 0) + 1)
  const visit = (node: unknown, depth: number) => {
    if (depth > 50) return
    if (isSeq(node)) for (const item of node.items) visit(item, depth + 1)
    if (!isMap(node) || node.flow === true) return
    for (const pair of node.items) {
      const key = pair.key
      const value = pair.value
      if (isNode(key) && key.range && (isMap(value) || isSeq(value)) && value.flow !== true) {
        const keyColumn = key.range[0] - lineStart(source, key.range[0])
        const first = value.items[0]
        const firstNode = isPair(first) ? first.key : first
        if (isNode(firstNode) && firstNode.range) {
          const start = isMap(value) ? firstNode.range[0] : dashBefore(source, firstNode.range[0])
          if (start !== undefined) {
            const column = start - lineStart(source, start)
            if (isMap(value) && column > keyColumn) count(steps, column - keyColumn)
            if (isSeq(value) && column >= keyColumn) count(seqs, column - keyColumn)
          }
        }
      }
      visit(value, depth + 1)
    }
  }
  visit(doc.contents, 0)
  const mostCommon = (counts: Map<number, number>): number | undefined =>
    [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0]
  const indentStep = mostCommon(steps) ?? 2
  return { indentStep, seqIndent: mostCommon(seqs) ?? indentStep }
}
