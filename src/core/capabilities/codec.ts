/**
 * The capability decoder/encoder the UI offers: hex masks, `/proc/<pid>/status` text, capsh output
 * or names → decoded sets, names → hex, and the exact line `capsh --decode` prints (libcap 2.66).
 */

import { CAPABILITIES, DEFAULT_CAP_LAST_CAP } from './capability-table.ts'
import { parseCapshCommand, parseCapshOutput, parseNamesList } from './capability-input.ts'
import {
  bitsOf,
  maskToNames,
  namesToMask,
  parseHexMask,
  toProcHex,
  type ParsedMask,
} from './mask.ts'

export interface DecodedSet {
  /** `CapInh`, `CapPrm`, `CapEff`, `CapBnd`, `CapAmb`, or `mask` for a bare hex value. */
  label: string
  /** 16 lowercase hex digits. */
  hex: string
  /** `CAP_` names in bit order. */
  names: string[]
  /** Set bits that have no capability name (41..63). */
  unknownBits: number[]
}

/** The shape the input was read as: a bare mask, status lines, capsh, or capability names. */
export type CapabilityInputForm = 'hex' | 'status' | 'capsh' | 'names'

export type DecodedCapabilities =
  { ok: true; form: CapabilityInputForm; sets: DecodedSet[] } | { ok: false; error: string }

export interface DecodeOptions {
  /** The node kernel's cap_last_cap: what `ALL` in a names list means. Default 40 (Linux 5.9+). */
  capLastCap?: number
}

const CAP_LINE = /^\s*(cap(?:inh|prm|eff|bnd|amb))\s*:(.*)$/i

/** The canonical spelling of a status-line label matched case-insensitively. */
function canonicalLabel(label: string): string {
  const lower = label.toLowerCase()
  return `Cap${lower.charAt(3).toUpperCase()}${lower.slice(4)}`
}

function decodedSet(label: string, mask: bigint): DecodedSet {
  return { label, hex: toProcHex(mask), ...maskToNames(mask) }
}

function single(form: CapabilityInputForm, parsed: ParsedMask): DecodedCapabilities {
  return parsed.ok
    ? { ok: true, form, sets: [decodedSet('mask', parsed.mask)] }
    : { ok: false, error: parsed.error }
}

/**
 * Decodes pasted capability text, in any of these forms:
 * - a bare hex mask (`a80425fb`, `0x…`, `0X…`, any case, leading zeros);
 * - one status line (`CapEff:\t00000000a80425fb`) or a whole `/proc/<pid>/status`: every
 *   `CapInh/CapPrm/CapEff/CapBnd/CapAmb` line is decoded in file order, other lines are ignored;
 * - `capsh --decode` output (`0x00000000a80425fb=cap_chown,…`) or the command itself, alone or
 *   after it in a pasted terminal session;
 * - capability names (`cap_chown,cap_kill`, `CHOWN KILL`, `ALL`), see `parseNamesList`.
 * Answers `{ ok: false, error }` with a message saying what is wrong. Never throws.
 */
export function decodeCapabilities(
  input: string,
  options: DecodeOptions = {},
): DecodedCapabilities {
  const text = input.trim()
  if (text === '') {
    return {
      ok: false,
      error: 'Paste a capability mask, /proc/<pid>/status text, capsh output or capability names.',
    }
  }

  const lines = text.split(/\r\n|\r|\n/)
  const sets: DecodedSet[] = []
  for (const line of lines) {
    const match = CAP_LINE.exec(line)
    if (match === null) continue
    const label = canonicalLabel(match[1] ?? '')
    const parsed = parseHexMask(match[2] ?? '')
    if (!parsed.ok) return { ok: false, error: `${label}: ${parsed.error}` }
    sets.push(decodedSet(label, parsed.mask))
  }
  if (sets.length > 0) return { ok: true, form: 'status', sets }

  // A terminal session: the capsh command on one line and its output on the last.
  const last = lines.at(-1) ?? ''
  const output = parseCapshOutput(last)
  if (output !== null && lines.slice(0, -1).every((line) => parseCapshCommand(line) !== null)) {
    return single('capsh', output)
  }
  if (lines.length === 1) {
    const command = parseCapshCommand(text)
    if (command !== null) return single('capsh', command)
    if (HEX_MASK.test(text)) return single('hex', parseHexMask(text))
  }
  if (text.includes(':')) {
    return {
      ok: false,
      error: 'No CapInh, CapPrm, CapEff, CapBnd or CapAmb line found in the pasted text.',
    }
  }
  const names = parseNamesList(text, options.capLastCap ?? DEFAULT_CAP_LAST_CAP)
  return names === null ? single('hex', parseHexMask(text)) : single('names', names)
}

/** Anything a user may mean as one hex mask, valid or not (`0x` alone, too many digits). */
const HEX_MASK = /^0x[0-9a-f]*$|^[0-9a-f]+$/i

export type EncodedCapabilities =
  { ok: true; hex: string } | { ok: false; error: string; unknown: string[] }

/**
 * Encodes capability names into the 16-digit hex mask. Accepts `NET_BIND_SERVICE`,
 * `CAP_NET_BIND_SERVICE`, `cap_net_bind_service`, with surrounding whitespace; entries that are
 * empty after trimming are skipped. Unknown names (as written, trimmed) make the whole call fail.
 * An empty list encodes to zero. Never throws.
 */
export function encodeCapabilities(names: readonly string[]): EncodedCapabilities {
  const entries = names.map((n) => n.trim()).filter((n) => n !== '')
  const { mask, unknown } = namesToMask(entries)
  if (unknown.length > 0) {
    const quoted = unknown.map((n) => `"${n}"`).join(', ')
    return {
      ok: false,
      error: `Unknown capability ${unknown.length === 1 ? 'name' : 'names'}: ${quoted}. Use a name like NET_BIND_SERVICE or CAP_NET_BIND_SERVICE.`,
      unknown,
    }
  }
  return { ok: true, hex: toProcHex(mask) }
}

/**
 * Exactly what `capsh --decode=<mask>` prints with libcap 2.66: `0x` + 16 lowercase hex digits +
 * `=` + lowercase names in bit order joined by `,`, with bits that have no name (41..63) as
 * decimal numbers; zero prints nothing after `=`. The argument takes the same forms as a bare mask
 * in `decodeCapabilities`. Null for input that is not a valid mask.
 */
export function formatCapsh(mask: string): string | null {
  const parsed = parseHexMask(mask)
  if (!parsed.ok) return null
  const parts = bitsOf(parsed.mask).map((bit) => {
    const cap = CAPABILITIES[bit]
    return cap === undefined ? String(bit) : cap.name.toLowerCase()
  })
  return `0x${toProcHex(parsed.mask)}=${parts.join(',')}`
}
