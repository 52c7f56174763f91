/**
 * The view model of the capability decoder (`#/caps/<mask>`): masks as the hex strings the page
 * shows, bit toggling, comparing a mask with a runtime default or a second mask, and the
 * `securityContext` snippet for a mask. The mask arithmetic, decoding, encoding, the capability
 * table and the snippet's YAML come from the core.
 */
import {
  CAPABILITIES,
  RUNTIME_DEFAULT_CAPABILITIES,
  bitMask,
  bitsOf as maskBits,
  capabilitiesSnippet,
  difference,
  encodeCapabilities,
  hasBit,
  toProcHex,
  union,
  type CapMask,
  type ContainerRuntime,
} from '../../core/index.ts'

/** A capability mask is 64 bits wide, as printed in `/proc/<pid>/status`. */
export const MASK_BITS = 64

const HEX_DIGITS = /^[0-9a-f]{1,16}$/i

/**
 * Reads a hex mask (1–16 hex digits, no prefix, any case) as a bigint.
 * Returns null for anything else; callers pass the `hex` of a decoded set.
 */
export function hexToMask(hex: string): CapMask | null {
  return HEX_DIGITS.test(hex) ? BigInt(`0x${hex}`) : null
}

/** The 16 lowercase, zero-padded hex digits of a mask, as `/proc` prints it (bits above 63 dropped). */
export function maskToHex(mask: CapMask): string {
  return toProcHex(mask)
}

/** True when `bit` (0–63) is set in `hex`; false for bad hex or an out-of-range bit. */
export function isBitSet(hex: string, bit: number): boolean {
  const mask = hexToMask(hex)
  if (mask === null || !Number.isInteger(bit) || bit < 0 || bit >= MASK_BITS) return false
  return hasBit(mask, bit)
}

/**
 * `hex` with `bit` flipped, as 16 hex digits. Bad hex counts as zero, so toggling on an empty
 * decoder starts a new mask; an out-of-range bit leaves the mask unchanged.
 */
export function toggleBit(hex: string, bit: number): string {
  const mask = hexToMask(hex) ?? 0n
  if (!Number.isInteger(bit) || bit < 0 || bit >= MASK_BITS) return maskToHex(mask)
  const flipped = hasBit(mask, bit) ? difference(mask, bitMask(bit)) : union(mask, bitMask(bit))
  return maskToHex(flipped)
}

/** The set bits of `hex`, ascending; empty for bad hex. */
export function bitsOf(hex: string): number[] {
  const mask = hexToMask(hex)
  return mask === null ? [] : maskBits(mask)
}

const NAME_BY_BIT = new Map(CAPABILITIES.map((row) => [row.bit, row.name]))

/** The highest bit the capability table names (40, CAP_CHECKPOINT_RESTORE, as of Linux 5.9). */
export const LAST_KNOWN_BIT = Math.max(...CAPABILITIES.map((row) => row.bit))

/** `CAP_CHOWN` for a known bit; the decimal bit number for an unknown one, as `capsh --decode` does. */
export function capabilityLabel(bit: number): string {
  return NAME_BY_BIT.get(bit) ?? String(bit)
}

/** Bits in `current` but not in `reference` (added), and the reverse (missing), both ascending. */
export interface MaskDiff {
  added: number[]
  missing: number[]
}

/** Compares two hex masks bit by bit; bad hex counts as zero. */
export function diffMasks(current: string, reference: string): MaskDiff {
  const a = hexToMask(current) ?? 0n
  const b = hexToMask(reference) ?? 0n
  return { added: maskBits(difference(a, b)), missing: maskBits(difference(b, a)) }
}

/**
 * The default mask of a runtime (containerd and Docker `00000000a80425fb`, CRI-O
 * `00000000000005fb`), encoded from the core's name list so the two never disagree.
 * Null only if the core's list held a name its own encoder rejects.
 */
export function runtimeDefaultHex(runtime: ContainerRuntime): string | null {
  const encoded = encodeCapabilities([...RUNTIME_DEFAULT_CAPABILITIES[runtime]])
  return encoded.ok ? encoded.hex : null
}

/** The `securityContext` fragment that yields a mask, and what it cannot express. */
export interface CapabilitySnippet {
  /** YAML, two-space indented, starting at `securityContext:`. */
  yaml: string
  /** The `add` entries, Kubernetes spelling (no `CAP_` prefix), ascending bit order. */
  add: string[]
  /** Set bits with no capability name (41–63): no `add` entry can request them. */
  unnamedBits: number[]
}

/**
 * The `securityContext` that yields a mask (the core writes it: drop ALL, then add the bare
 * names, the same on every runtime). Bits without a name are set aside. Bad hex counts as zero.
 */
export function securityContextSnippet(hex: string): CapabilitySnippet {
  const add: string[] = []
  const unnamedBits: number[] = []
  for (const bit of bitsOf(hex)) {
    const name = NAME_BY_BIT.get(bit)
    if (name === undefined) unnamedBits.push(bit)
    else add.push(name.replace(/^CAP_/, ''))
  }
  return { yaml: capabilitiesSnippet(add), add, unnamedBits }
}

/** Splits `NET_BIND_SERVICE, cap_chown  KILL` into names; commas and whitespace both separate. */
export function splitNames(text: string): string[] {
  return text.split(/[\s,]+/).filter((name) => name.length > 0)
}

/**
 * The input with one decoded set's mask replaced by `hex`. A bare mask (label `mask`) is replaced
 * whole; a labelled set (`CapEff` …) has its value rewritten in place so the rest of a pasted
 * `/proc/<pid>/status` survives. Falls back to `hex` alone if the line cannot be found.
 */
export function replaceSetInInput(input: string, label: string, hex: string): string {
  if (label === 'mask' || !/^\w+$/.test(label)) return hex
  const line = new RegExp(`^([ \\t]*${label}:[ \\t]*)(?:0[xX])?[0-9a-fA-F]+`, 'm')
  return line.test(input) ? input.replace(line, `$1${hex}`) : hex
}

/**
 * What the address bar should carry for a decoded input: a bare mask as typed (trimmed), or only
 * the `Cap…` lines of a pasted status file, so a shared link does not leak the rest of it
 * (process name, PIDs, memory figures).
 */
export function shareableInput(
  input: string,
  sets: ReadonlyArray<{ label: string; hex: string }>,
): string {
  const only = sets[0]
  if (sets.length === 1 && only !== undefined && only.label === 'mask') return input.trim()
  return sets.map((set) => `${set.label}:\t${set.hex}`).join('\n')
}
