/**
 * Capability masks as `bigint`: set algebra, names ↔ mask, and the 16-digit hex form that
 * `/proc/<pid>/status` prints. Masks live in the 64 bits the kernel prints; bits 41..63 have no
 * name and are reported as numbers.
 */

import { CAPABILITIES, lookupCapability } from './capability-table.ts'

/** A capability set: bit N set ⇔ capability N present. Always within 0 ≤ mask < 2^64. */
export type CapMask = bigint

/** All 64 bits the kernel prints. */
export const MASK_64: CapMask = (1n << 64n) - 1n

// The 64 one-bit masks, made once: building a bigint per bit test was a hot spot of the analysis.
const BIT_MASKS: readonly CapMask[] = Array.from({ length: 64 }, (_, bit) => 1n << BigInt(bit))

/** The mask with only `bit` (0..63) set. */
export function bitMask(bit: number): CapMask {
  return BIT_MASKS[bit] ?? 1n << BigInt(bit)
}

export function union(a: CapMask, b: CapMask): CapMask {
  return a | b
}

export function intersection(a: CapMask, b: CapMask): CapMask {
  return a & b
}

/** The bits of `a` that are not in `b`. */
export function difference(a: CapMask, b: CapMask): CapMask {
  return a & ~b
}

export function hasBit(mask: CapMask, bit: number): boolean {
  return (mask & bitMask(bit)) !== 0n
}

/** The set bits of `mask` among 0..63, ascending. */
export function bitsOf(mask: CapMask): number[] {
  const bits: number[] = []
  // Tested as two 32-bit numbers: a bigint test per bit allocates, and this runs for every set
  // the analysis names.
  const halves = [Number(BigInt.asUintN(32, mask)), Number(BigInt.asUintN(32, mask >> 32n))]
  halves.forEach((half, index) => {
    for (let bit = 0; bit < 32; bit++) if (((half >>> bit) & 1) === 1) bits.push(index * 32 + bit)
  })
  return bits
}

/**
 * Every capability of a kernel whose cap_last_cap is `capLastCap`: the low `capLastCap + 1` bits.
 * Clamped to 0..64 bits.
 */
export function fullMask(capLastCap: number): CapMask {
  const bits = Math.min(64, Math.max(0, Math.floor(capLastCap) + 1))
  return (1n << BigInt(bits)) - 1n
}

/**
 * The mask of loosely written capability names (`NET_ADMIN`, `CAP_NET_ADMIN`, `cap_net_admin`),
 * plus the names that are not capabilities, as written.
 */
export function namesToMask(names: Iterable<string>): { mask: CapMask; unknown: string[] } {
  let mask = 0n
  const unknown: string[] = []
  for (const name of names) {
    const cap = lookupCapability(name)
    if (cap === undefined) unknown.push(name)
    else mask |= bitMask(cap.bit)
  }
  return { mask, unknown }
}

/** The `CAP_` names of `mask` in bit order, and the set bits that have no name (41..63). */
export function maskToNames(mask: CapMask): { names: string[]; unknownBits: number[] } {
  const names: string[] = []
  const unknownBits: number[] = []
  for (const bit of bitsOf(mask)) {
    const cap = CAPABILITIES[bit]
    if (cap === undefined) unknownBits.push(bit)
    else names.push(cap.name)
  }
  return { names, unknownBits }
}

/** 16 lowercase hex digits, as in `CapEff:\t00000000a80425fb`. Keeps only the low 64 bits. */
export function toProcHex(mask: CapMask): string {
  return intersection(mask, MASK_64).toString(16).padStart(16, '0')
}

export type ParsedMask = { ok: true; mask: CapMask } | { ok: false; error: string }

/**
 * Parses one hex mask the way a user pastes it: optional `0x`/`0X`, any case, leading zeros,
 * surrounding whitespace. Fails (never throws) for empty input, non-hex characters, or more than
 * 16 significant digits (a mask wider than 64 bits).
 */
export function parseHexMask(text: string): ParsedMask {
  const trimmed = text.trim()
  const digits = /^0x/i.test(trimmed) ? trimmed.slice(2) : trimmed
  if (digits === '') {
    return { ok: false, error: trimmed === '' ? 'The mask is empty.' : 'No hex digits after 0x.' }
  }
  if (!/^[0-9a-f]+$/i.test(digits)) {
    return { ok: false, error: `"${trimmed}" is not a hex number (digits 0-9 and a-f only).` }
  }
  const significant = digits.replace(/^0+/, '')
  if (significant.length > 16) {
    return {
      ok: false,
      error: `"${trimmed}" has ${significant.length} significant hex digits; a capability mask has at most 16 (64 bits).`,
    }
  }
  return { ok: true, mask: significant === '' ? 0n : BigInt(`0x${significant}`) }
}
