/**
 * Packs JSON into a URL fragment and back: UTF-8 JSON, gzip-compressed with the browser's own
 * CompressionStream, base64url. The fragment never reaches a server (RFC 3986 §3.5: it is not
 * part of an HTTP request).
 *
 * Wire format: the gzip member without its 10-byte header (the deflate body, CRC-32 and ISIZE of
 * RFC 1952; the fixed header is rebuilt on read), then a CRC-32 of those bytes. The outer CRC
 * covers the few bits gzip itself ignores (the padding after the last deflate block), so any
 * changed or cut-off link is refused, never silently decoded into other text. Decompression stops
 * as soon as it passes a byte bound, so a small link that expands to gigabytes (a decompression
 * bomb) costs at most the bound.
 *
 * Pure apart from the streams, which Node 20 and every current browser provide; never throws.
 */

/** What a browser keeps of a URL: Chromium refuses longer ones (content_constants.cc, kMaxURLChars). */
export const MAX_FRAGMENT_CHARS = 2 * 1024 * 1024

/** The decompression bound: the analysis reads at most 4 million characters anyway. */
export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024

// ID1 ID2, CM = deflate, FLG = 0, MTIME = 0, XFL = 0, OS = 255 (unknown) — RFC 1952 §2.3.
const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** CRC-32 as gzip and PNG compute it (ISO 3309, polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** `bytes` followed by their CRC-32, little-endian. */
function withCrc(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + 4)
  out.set(bytes)
  new DataView(out.buffer).setUint32(bytes.length, crc32(bytes), true)
  return out
}

/** The bytes before a valid trailing CRC-32, or null when it does not match. */
function withoutCrc(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < 4) return null
  const body = bytes.subarray(0, bytes.length - 4)
  const stored = new DataView(bytes.buffer, bytes.byteOffset).getUint32(body.length, true)
  return stored === crc32(body) ? body : null
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: string }

const BASE64URL = /^[A-Za-z0-9_-]*$/

export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Strict base64url: the alphabet, no padding, and only the canonical spelling of the bytes. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  let binary: string
  try {
    binary = atob(padded)
  } catch {
    return null
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  // Unused low bits of the last character must be zero, so each link has one spelling.
  return toBase64Url(bytes) === text ? bytes : null
}

async function collect(
  stream: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array | 'too-big'> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      // Stop the inflater here: nothing past the bound is ever produced.
      await reader.cancel().catch(() => undefined)
      return 'too-big'
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'))
  const out = await collect(stream, Number.POSITIVE_INFINITY)
  return out === 'too-big' ? new Uint8Array() : out
}

/** Inflates at most `limit` bytes; refuses bad data, a failed checksum and anything longer. */
export async function gunzipBounded(
  body: Uint8Array,
  limit: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: 'damaged' | 'too-big' }> {
  const input = new Uint8Array(GZIP_HEADER.length + body.length)
  input.set(GZIP_HEADER)
  input.set(body, GZIP_HEADER.length)
  try {
    const stream = new Blob([input]).stream().pipeThrough(new DecompressionStream('gzip'))
    const out = await collect(stream, limit)
    if (out === 'too-big') return { ok: false, reason: 'too-big' }
    // Some inflaters skip zero bytes after the member; the link must end with its own ISIZE.
    const size = new DataView(body.buffer, body.byteOffset, body.byteLength)
    const isize = body.length >= 4 ? size.getUint32(body.length - 4, true) : -1
    return isize === out.length % 2 ** 32
      ? { ok: true, bytes: out }
      : { ok: false, reason: 'damaged' }
  } catch {
    // Invalid deflate data, a CRC-32 or length mismatch, a cut-off stream, or trailing bytes.
    return { ok: false, reason: 'damaged' }
  }
}

/** Encodes any JSON value as fragment data (base64url). */
export async function packJson(value: unknown): Promise<string> {
  // JSON.stringify escapes lone surrogates (ES2019), so even those survive UTF-8 byte-exactly.
  const json = JSON.stringify(value)
  const compressed = await gzip(new TextEncoder().encode(json))
  return toBase64Url(withCrc(compressed.subarray(GZIP_HEADER.length)))
}

const DAMAGED =
  'This link is damaged: its data was changed or cut off (often when a link is copied from a message that wraps long lines). Ask for the link again.'

/** Decodes fragment data made by {@link packJson}, within the size bounds. */
export async function unpackJson(
  data: string,
  limit: number = MAX_PAYLOAD_BYTES,
): Promise<Decoded<unknown>> {
  if (data.length > MAX_FRAGMENT_CHARS) {
    return {
      ok: false,
      error: 'This link is longer than any browser keeps, so it cannot be complete.',
    }
  }
  const decoded = fromBase64Url(data)
  const bytes = decoded && withoutCrc(decoded)
  if (!bytes || bytes.length === 0) return { ok: false, error: DAMAGED }
  const inflated = await gunzipBounded(bytes, limit)
  if (!inflated.ok) {
    return inflated.reason === 'too-big'
      ? {
          ok: false,
          error: `This link expands to more than ${Math.round(limit / (1024 * 1024))} MB; it was refused without reading further.`,
        }
      : { ok: false, error: DAMAGED }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes)
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, error: DAMAGED }
  }
}
