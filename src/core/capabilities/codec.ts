/**
 * The capability decoder/encoder the UI offers: hex masks or `/proc/<pid>/status` text → names,
 * names → hex, and the exact line `capsh --decode` prints (libcap 2.66).
 */

import { CAPABILITIES } from './capability-table.ts'
import { bitsOf, maskToNames, namesToMask, parseHexMask, toProcHex } from './mask.ts'

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

export type DecodedCapabilities = { ok: true; sets: DecodedSet[] } | { ok: false; error: string }

const CAP_LINE = /^\s*(cap(?:inh|prm|eff|bnd|amb))\s*:(.*)$/i

/** The canonical spelling of a status-line label matched case-insensitively. */
function canonicalLabel(label: string): string {
  const lower = label.toLowerCase()
  return `Cap${lower.charAt(3).toUpperCase()}${lower.slice(4)}`
}

function decodedSet(label: string, mask: bigint): DecodedSet {
  return { label, hex: toProcHex(mask), ...maskToNames(mask) }
}

/**
 * Decodes pasted capability text. Accepts a bare hex mask (`a80425fb`, `0x…`, `0X…`, any case,
 * leading zeros), a single status line (`CapEff:\t00000000a80425fb`), or a whole
 * `/proc/<pid>/status` text: every `CapInh/CapPrm/CapEff/CapBnd/CapAmb` line is decoded in file
 * order and all other lines are ignored. Answers `{ ok: false, error }` for empty input, non-hex
 * values, masks wider than 64 bits, and text with no Cap lines. Never throws.
 */
export function decodeCapabilities(input: string): DecodedCapabilities {
  const text = input.trim()
  if (text === '')
    return { ok: false, error: 'Paste a capability mask or /proc/<pid>/status text.' }

  const lines = text.split(/\r\n|\r|\n/)
  const sets: DecodedSet[] = []
  let sawCapLine = false
  for (const line of lines) {
    const match = CAP_LINE.exec(line)
    if (match === null) continue
    sawCapLine = true
    const label = canonicalLabel(match[1] ?? '')
    const parsed = parseHexMask(match[2] ?? '')
    if (!parsed.ok) return { ok: false, error: `${label}: ${parsed.error}` }
    sets.push(decodedSet(label, parsed.mask))
  }
  if (sawCapLine) return { ok: true, sets }

  // Not a Cap line: either a bare mask, or text (a status file) that lacks the Cap lines.
  if (lines.length > 1 || text.includes(':')) {
    return {
      ok: false,
      error: 'No CapInh, CapPrm, CapEff, CapBnd or CapAmb line found in the pasted text.',
    }
  }
  const parsed = parseHexMask(text)
  if (!parsed.ok) return { ok: false, error: parsed.error }
  return { ok: true, sets: [decodedSet('mask', parsed.mask)] }
}

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
