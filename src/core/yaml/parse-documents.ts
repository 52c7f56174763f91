import { Composer, isAlias, isMap, isNode, isScalar, isSeq, Parser } from 'yaml'
import type { Document, Node, Pair, Tags } from 'yaml'
import type { Diagnostic, Path, Range } from '../types.ts'
import { mistakePosition } from './mistake-position.ts'

/** One YAML document of the source, with its plain value and a way back to source ranges. */
export interface ParsedDocument {
  /** 0-based position in the stream. */
  index: number
  /** The document as plain JSON-like data (undefined for an empty document). */
  value: unknown
  /** The document's range, without the `---` marker. */
  range: Range
  /**
   * The range of the value at `path`: for a map entry, from its key to the end of its value; for
   * a list item, the item. Undefined when the path is not written in the source (absent, or
   * reached through a merge key).
   */
  locate(path: Path): Range | undefined
  /** Like `locate`, but falls back to the nearest written ancestor, then to the document. */
  locateNearest(path: Path): Range
  /**
   * `locateNearest` for paths below `base` (`locator(base)(path)` is
   * `locateNearest([...base, ...path])`), finding `base` once for all of them.
   */
  locator(base: Path): (path: Path) => Range
  /**
   * The parsed `yaml` document, whose node ranges are offsets into the whole source. Read it,
   * never mutate it: fixes are computed from its ranges as text edits (src/core/fixes).
   */
  yaml: Document.Parsed
}

export interface ParseResult {
  documents: ParsedDocument[]
  diagnostics: Diagnostic[]
}

/**
 * Kubernetes reads manifests with sigs.k8s.io/yaml, which follows go-yaml v2 and so YAML 1.1:
 * `yes`/`on` are booleans, `0777` is octal and `<<` merge keys work. We parse with the same schema
 * so that the values we analyse are the ones the API server would receive, minus the YAML 1.1
 * types go-yaml v2 does not produce: base-60 numbers (`1:30` stays a string; resolve.go says they
 * are "purposefully unsupported") and timestamps, which it hands back as the original string when
 * decoding into interface{} (decode.go, "for backward compatibility").
 */
const PARSE_OPTIONS = {
  version: '1.1',
  merge: true,
  prettyErrors: false,
  uniqueKeys: true,
  customTags: (tags: Tags): Tags =>
    tags.filter(
      (tag) =>
        typeof tag === 'string' ||
        (tag.format !== 'TIME' && tag.tag !== 'tag:yaml.org,2002:timestamp'),
    ),
} as const

/** Alias expansions allowed per document (guards against "billion laughs" input). */
const MAX_ALIAS_COUNT = 100

/**
 * Parses every document of a YAML (or JSON) stream. Never throws: syntax errors and values that
 * cannot be converted become diagnostics with offsets.
 */
export function parseDocuments(source: string): ParseResult {
  const documents: ParsedDocument[] = []
  const { diagnostics, unparseable } = visitDocuments(source, (document) => {
    documents.push(document)
  })
  return { documents: unparseable ? [] : documents, diagnostics }
}

/**
 * Parses every document of a YAML (or JSON) stream like {@link parseDocuments}, but hands each
 * document to `visit` as soon as it is composed (yaml's `parseAllDocuments` is `Composer.compose`
 * over `Parser.parse`, collected into an array). A caller that keeps nothing of a document lets
 * its nodes be collected while the rest of the stream is parsed, which on a long stream saves more
 * garbage-collection time than the whole analysis of a workload costs. Never throws. Returns the
 * diagnostics; when `unparseable`, they are only that error, and whatever `visit` made of the
 * documents before must be dropped, as if the text held none.
 */
export function visitDocuments(
  source: string,
  visit: (document: ParsedDocument) => void,
): { diagnostics: Diagnostic[]; unparseable: boolean } {
  const diagnostics: Diagnostic[] = []
  const composed = new Composer(PARSE_OPTIONS).compose(new Parser().parse(source))
  for (let index = 0; ; index++) {
    let next: IteratorResult<Document.Parsed, void>
    try {
      next = composed.next()
    } catch (error) {
      // Extremely deep nesting can exhaust the parser's stack; report it instead of crashing.
      const unparseable: Diagnostic = {
        code: 'yaml-unparseable',
        severity: 'error',
        message: `The text could not be parsed as YAML: ${errorMessage(error)}`,
        range: [0, Math.min(source.length, 1)],
        source: 'yaml',
      }
      return { diagnostics: [unparseable], unparseable: true }
    }
    if (next.done === true) return { diagnostics, unparseable: false }
    visit(parsedDocument(source, next.value, index, diagnostics))
  }
}

/** One composed document with its plain value and locators; its diagnostics go to `diagnostics`. */
function parsedDocument(
  source: string,
  doc: Document.Parsed,
  index: number,
  diagnostics: Diagnostic[],
): ParsedDocument {
  for (const error of doc.errors) {
    diagnostics.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: firstLine(error.message),
      range: clampRange(mistakePosition(source, error), source.length),
      source: 'yaml',
    })
  }
  for (const warning of doc.warnings) {
    diagnostics.push({
      code: 'yaml-warning',
      severity: 'warning',
      message: firstLine(warning.message),
      range: clampRange(warning.pos, source.length),
      source: 'yaml',
    })
  }
  const range: Range = clampRange([doc.range[0], doc.range[1]], source.length)
  let value: unknown
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    } catch (error) {
      diagnostics.push({
        code: 'yaml-unconvertible',
        severity: 'error',
        message: `Document ${index + 1} could not be read: ${errorMessage(error)}`,
        range,
        source: 'yaml',
      })
    }
  }
  const locate = (path: Path): Range | undefined => {
    const found = walk(doc, { node: doc.contents }, path)
    const at = found.complete ? rangeAt(found.last) : undefined
    return at ? clampRange(at, source.length) : undefined
  }
  const nearest = (found: Walked, fallback: Range): Range =>
    found.nearest ? clampRange(found.nearest, source.length) : fallback
  const locateNearest = (path: Path): Range =>
    nearest(walk(doc, { node: doc.contents }, path), range)
  const locator = (base: Path): ((path: Path) => Range) => {
    const toBase = walk(doc, { node: doc.contents }, base)
    const baseNearest = nearest(toBase, range)
    // Below a base that is not written in the source, every path falls back to its ancestor.
    if (!toBase.complete) return () => baseNearest
    return (path) => nearest(walk(doc, toBase.last, path), baseNearest)
  }
  return { index, value, range, locate, locateNearest, locator, yaml: doc }
}

/** A node reached by a path, with the map entry it is the value of. */
interface Step {
  node: unknown
  pair?: Pair
}

interface Walked {
  /** Whether every step of the path was found. */
  complete: boolean
  /** The last node reached (the path's own when complete). */
  last: Step
  /** The range of the deepest node reached that has one (undefined when none has). */
  nearest: readonly [number, number] | undefined
}

/** Follows `path` from `from` (aliases resolved) as far as it is written in the source. */
function walk(doc: Document.Parsed, from: Step, path: Path): Walked {
  let last = from
  // The deepest step with a range; its range is only built at the end.
  let nearest: Step | undefined
  let complete = true
  for (const key of path) {
    const next = child(doc, last.node, key)
    if (next === undefined) {
      complete = false
      break
    }
    last = next
    if (hasRange(next)) nearest = next
  }
  return { complete, last, nearest: nearest && rangeAt(nearest) }
}

function child(doc: Document.Parsed, parent: unknown, key: string | number): Step | undefined {
  const node = resolve(doc, parent)
  if (typeof key === 'number') {
    if (!isSeq(node)) return undefined
    const item: unknown = node.items[key]
    return item === undefined ? undefined : { node: item }
  }
  if (!isMap(node)) return undefined
  const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key)
  return pair ? { node: pair.value, pair } : undefined
}

function hasRange({ node, pair }: Step): boolean {
  return (isNode(node) && node.range != null) || (isNode(pair?.key) && pair.key.range != null)
}

/** For a map entry, from its key to the end of its value; otherwise the node's own range. */
function rangeAt({ node, pair }: Step): readonly [number, number] | undefined {
  const valueRange = isNode(node) ? rangeOf(node) : undefined
  if (pair && isNode(pair.key)) {
    const keyRange = rangeOf(pair.key)
    if (keyRange) return [keyRange[0], valueRange ? valueRange[1] : keyRange[1]]
  }
  return valueRange
}

function resolve(doc: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node
}

function rangeOf(node: Node): readonly [number, number] | undefined {
  return node.range ? [node.range[0], node.range[1]] : undefined
}

function clampRange(pos: readonly number[], length: number): Range {
  const start = Math.max(0, Math.min(pos[0] ?? 0, length))
  const end = Math.max(start, Math.min(pos[1] ?? start, length))
  return [start, end]
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
