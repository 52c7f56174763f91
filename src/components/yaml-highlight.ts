/** The colour classes of the light YAML view: close to what Monaco's YAML tokenizer shows. */
export type YamlTokenKind =
  'key' | 'comment' | 'string' | 'number' | 'keyword' | 'punctuation' | 'text'

export interface YamlToken {
  kind: YamlTokenKind
  text: string
}

const KEYWORD = /^(?:true|false|null|~|yes|no|on|off)$/i
const NUMBER = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i
// Indentation and list dashes, then an optional `key:` (plain or quoted), then the value.
const LINE = /^(\s*(?:-(?:\s+|$))*)(?:("[^"]*"|'[^']*'|[^\s#'"{[\]},][^#]*?)(\s*:)(?=\s|$))?(.*)$/

/**
 * Splits one line of YAML into coloured tokens, line by line and without parsing (multi-line
 * strings and flow collections show as plain text). The tokens' texts join to the line exactly.
 */
export function highlightYamlLine(line: string): YamlToken[] {
  if (/^\s*#/.test(line)) return [{ kind: 'comment', text: line }]
  if (/^(?:---|\.\.\.)(?:\s|$)/.test(line)) return [{ kind: 'punctuation', text: line }]
  const [, lead = '', key, colon, rest = ''] = LINE.exec(line) ?? []
  const tokens: YamlToken[] = []
  if (lead) tokens.push({ kind: 'punctuation', text: lead })
  if (key !== undefined && colon !== undefined) {
    tokens.push({ kind: 'key', text: key }, { kind: 'punctuation', text: colon })
  }
  // A comment starts at a `#` after whitespace, outside quotes (close enough for a preview).
  const comment = /(^|\s)#/.exec(rest)
  const value = comment ? rest.slice(0, comment.index + comment[1]!.length) : rest
  const valueText = value.trim()
  if (value) {
    const kind: YamlTokenKind = /^["']/.test(valueText)
      ? 'string'
      : KEYWORD.test(valueText)
        ? 'keyword'
        : NUMBER.test(valueText)
          ? 'number'
          : 'text'
    tokens.push({ kind, text: value })
  }
  if (comment) tokens.push({ kind: 'comment', text: rest.slice(value.length) })
  return tokens
}
