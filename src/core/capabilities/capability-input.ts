/**
 * The one-line input forms of the decoder beyond a bare hex mask: what `capsh --decode` prints,
 * the command itself, and lists of capability names. Each parser answers null when the text is not
 * its form, so the decoder can try them in turn, and a clear message when it is its form but wrong.
 */

import { lookupCapability } from './capability-table.ts'
import { bitMask, fullMask, parseHexMask, toProcHex, type ParsedMask } from './mask.ts'

/**
 * `capsh --decode=<mask>`, optionally after a shell prompt or without the `capsh` word. capsh
 * reads the argument with `strtoull(arg, NULL, 16)` (libcap `progs/capsh.c`, `--decode=`), so a
 * `0x` prefix is optional; unlike strtoull, trailing junk is reported rather than ignored.
 */
const CAPSH_COMMAND = /^(?:\$\s*)?(?:capsh\s+)?--decode=(.*)$/i

/** What capsh prints: `0x` + 16 hex digits + `=` + comma-separated names and bit numbers. */
const CAPSH_OUTPUT = /^0x([0-9a-f]+)\s*=\s*(.*)$/i

export function parseCapshCommand(line: string): ParsedMask | null {
  const match = CAPSH_COMMAND.exec(line.trim())
  return match === null ? null : parseHexMask(match[1] ?? '')
}

/**
 * Reads a `capsh --decode` output line. The hex before `=` is the mask; the names after it must
 * say the same (capsh prints bits it has no name for as decimal numbers, as older libcap does for
 * newer capabilities), otherwise the line was cut or edited and is refused.
 */
export function parseCapshOutput(line: string): ParsedMask | null {
  const match = CAPSH_OUTPUT.exec(line.trim())
  if (match === null) return null
  const parsed = parseHexMask(match[1] ?? '')
  if (!parsed.ok) return parsed
  let named = 0n
  const unknown: string[] = []
  for (const part of (match[2] ?? '').split(',')) {
    const item = part.trim()
    if (item === '') continue
    const bit = /^\d+$/.test(item) ? Number(item) : lookupCapability(item)?.bit
    if (bit === undefined || bit > 63) unknown.push(item)
    else named |= bitMask(bit)
  }
  if (unknown.length > 0) {
    return { ok: false, error: `After "=", not a capability: ${quoteList(unknown)}.` }
  }
  if (named !== parsed.mask) {
    return {
      ok: false,
      error: `The names after "=" make 0x${toProcHex(named)}, not 0x${toProcHex(parsed.mask)}: was the line cut short?`,
    }
  }
  return parsed
}

/** A names list splits at commas and whitespace; brackets and quotes as in YAML are dropped. */
function splitNamesList(text: string): string[] {
  return text
    .replace(/^\s*\[|\]\s*$/g, '')
    .split(/[\s,]+/)
    .map((token) => token.replace(/^["']|["']$/g, ''))
    .filter((token) => token !== '')
}

const HEX_TOKEN = /^(?:0x)?[0-9a-f]+$/i

/**
 * Reads a list of capability names: `cap_chown,cap_kill`, `CHOWN KILL`, `["NET_ADMIN"]`, with or
 * without the `CAP_` prefix, in any case. `ALL` (any case) means every capability of a kernel
 * whose cap_last_cap is `capLastCap`. Null when the text holds no name at all.
 */
export function parseNamesList(text: string, capLastCap: number): ParsedMask | null {
  const tokens = splitNamesList(text)
  if (tokens.length === 0) return null
  let mask = 0n
  const unknown: string[] = []
  for (const token of tokens) {
    if (token.toUpperCase() === 'ALL') {
      mask |= fullMask(capLastCap)
      continue
    }
    const cap = lookupCapability(token)
    if (cap === undefined) unknown.push(token)
    else mask |= bitMask(cap.bit)
  }
  if (unknown.length === 0) return { ok: true, mask }
  if (tokens.length === 1) {
    return {
      ok: false,
      error: `"${tokens[0]}" is neither a hex mask nor a capability name. Paste a mask (a80425fb), a CapEff: line, capsh output, or names such as CHOWN, cap_kill or ALL.`,
    }
  }
  if (unknown.every((token) => HEX_TOKEN.test(token))) {
    return {
      ok: false,
      error: `${quoteList(unknown)} look like masks: decode one mask at a time, or paste the CapInh…CapAmb lines of /proc/<pid>/status.`,
    }
  }
  return {
    ok: false,
    error: `Unknown capability ${unknown.length === 1 ? 'name' : 'names'}: ${quoteList(unknown)}. Names look like CHOWN, CAP_CHOWN or cap_chown; ALL means every capability of the kernel.`,
  }
}

function quoteList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ')
}
