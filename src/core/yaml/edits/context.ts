// The edit context of one document: its source, parsed tree, line ending, indentation style and
// comments. Built once per document and shared by every edit made against it.
import { isMap, isPair, isSeq, Lexer } from 'yaml'
import type { Document, YAMLMap, YAMLSeq } from 'yaml'
import type { Range } from '../../types.ts'
import { dashBefore, isNode, lineStart } from './nodes.ts'

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

export type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>

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
