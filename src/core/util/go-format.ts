/**
 * Text helpers that reproduce how upstream Go code formats its messages: Go `%q`, `sort.Strings`,
 * and the Pod Security Admission helpers (kubernetes/pod-security-admission `policy/helpers.go`).
 */

/**
 * Compares two strings in Go's byte order (UTF-8 bytes, which equals code point order), as
 * `sort.Strings` and `sets.List()` do. JavaScript's default sort uses UTF-16 code units instead,
 * which differs only when a surrogate (U+D800–U+DFFF) meets a code unit in U+E000–U+FFFF.
 */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointRank(x) - codePointRank(y)
  }
  return a.length - b.length
}

/** Moves surrogates above U+E000–U+FFFF so code units compare in code point order. */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800
  if (unit >= 0xd800) return unit + 0x2000
  return unit
}

/** De-duplicated and byte-sorted, like Go's `sets.NewString(items...).List()`. */
export function sortedDistinct(items: Iterable<string>): string[] {
  return [...new Set(items)].sort(compareBytes)
}

/** `"a", "b"`: each item in double quotes, joined by `", "`, without escaping (upstream `joinQuote`). */
export function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`
}

/** Upstream `pluralize`: the singular form exactly when the count is 1. */
export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural
}

/** `container "a"` / `containers "a", "b"`. */
export function containersPhrase(names: readonly string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`
}

const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u

const GO_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
}

/**
 * Go's `%q` for a string (`strconv.Quote`): double quotes, backslash escapes for quotes,
 * backslashes and non-printable characters; printable Unicode is kept as is. A lone surrogate
 * cannot reach Go (its JSON decoder turns invalid UTF-16 into U+FFFD), so it prints as U+FFFD.
 */
export function goQuote(value: string): string {
  let out = '"'
  for (const char of value) {
    const short = GO_SHORT_ESCAPES[char]
    const code = char.codePointAt(0) ?? 0
    if (short !== undefined) out += short
    else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd'
    else if (GO_PRINTABLE.test(char)) out += char
    else if (code < 0x80) out += `\\x${hex(code, 2)}`
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`
    else out += `\\U${hex(code, 8)}`
  }
  return `${out}"`
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0')
}
