import type { YAMLError } from 'yaml'

/**
 * Where the mistake behind a YAML error is. The `yaml` parser reports a missing closing `}`, `]`
 * or quote where it noticed it: at the next token, often the start of a following line. The
 * mistake is where the character should have been: the end of the last written line before that
 * token for a flow collection (comments and blank lines skipped), the opening quote for a
 * quoted scalar. Every other error keeps the parser's own position.
 */
export function mistakePosition(source: string, error: YAMLError): readonly [number, number] {
  const [start, end] = error.pos
  if (error.code === 'MISSING_CHAR' && /closing ["']quote/.test(error.message)) {
    const quote = /closing (["'])quote/.exec(error.message)?.[1] ?? '"'
    const opening = source.lastIndexOf(quote, Math.max(0, start - 1))
    return opening >= 0 ? [opening, opening + 1] : [start, end]
  }
  if (error.code === 'BAD_INDENT' && /end with an? [}\]]/.test(error.message)) {
    const lineEnd = endOfLastWrittenLine(source, start)
    return lineEnd === undefined ? [start, end] : [lineEnd - 1, lineEnd]
  }
  return [start, end]
}

/** The end of the last line before `offset` with content other than a comment. */
function endOfLastWrittenLine(source: string, offset: number): number | undefined {
  const before = source.slice(0, offset)
  // Only when the token the parser stopped at starts its line: otherwise it is the mistake.
  if (!/(^|\n)[ \t]*$/.test(before)) return undefined
  let lineEnd = before.lastIndexOf('\n')
  while (lineEnd > 0) {
    const lineStart = before.lastIndexOf('\n', lineEnd - 1) + 1
    const line = before.slice(lineStart, lineEnd)
    const trimmed = line.replace(/\s+$/, '')
    if (trimmed !== '' && !/^\s*#/.test(trimmed)) return lineStart + trimmed.length
    lineEnd = lineStart - 1
  }
  return undefined
}
